using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Readout-error mitigation by inverting each qubit's confusion matrix on Z-string expectations — what users of small
/// devices apply first (Qiskit's tensored <c>LocalReadoutMitigator</c>, PennyLane's readout-error notes). A measured ±1
/// value z of qubit q has mean a_q + b_q⟨Z_q⟩ (see <see cref="ReadoutError"/>), so (z − a_q)/b_q is unbiased for ⟨Z_q⟩,
/// and with independent readout the product over a string's qubits is unbiased for the string. The price is variance:
/// each factor's magnitude grows to up to (1 + |a_q|)/b_q, roughly multiplying the variance by Π 1/b_q²
/// (<see cref="VarianceInflationBound"/>).
/// </summary>
public static class ReadoutMitigation
{
    /// <summary>Π_{q ∈ S} (z_q − a_q)/b_q for the measured bits of <paramref name="bitstring"/> on the qubits of <paramref name="zMask"/>.</summary>
    public static double MitigatedZString(ReadoutError readout, int zMask, int bitstring)
    {
        ArgumentNullException.ThrowIfNull(readout);
        double value = 1;
        for (int q = 0; zMask >> q != 0; q++)
        {
            if (((zMask >> q) & 1) == 0)
            {
                continue;
            }

            double z = ((bitstring >> q) & 1) == 0 ? 1 : -1;
            value *= (z - readout.Bias(q)) / readout.Contraction(q);
        }

        return value;
    }

    /// <summary>
    /// Π_{q ∈ S} 1/b_q²: the factor by which mitigation multiplies the variance of a Z string on the qubits of
    /// <paramref name="zMask"/> when ⟨Z_S⟩ is near zero (a per-shot value's second moment grows by Π (1 + a_q² … )/b_q²;
    /// this is its leading factor, exact for symmetric readout).
    /// </summary>
    public static double VarianceInflationBound(ReadoutError readout, int zMask)
    {
        ArgumentNullException.ThrowIfNull(readout);
        RequireMask(readout, zMask);
        double factor = 1;
        for (int q = 0; zMask >> q != 0; q++)
        {
            if (((zMask >> q) & 1) != 0)
            {
                double b = readout.Contraction(q);
                factor /= b * b;
            }
        }

        return factor;
    }

    /// <summary>
    /// The mitigated and raw estimates of ⟨Z_S⟩ (S = the qubits of <paramref name="zMask"/>) from measured counts:
    /// <paramref name="counts"/>[b] is how often bitstring b (qubit 0 the least-significant bit) was read.
    /// </summary>
    /// <exception cref="ArgumentException">The counts are not 2^n long, a count is negative, there are none, or the mask names a qubit the readout error lacks.</exception>
    public static MitigatedEstimate ZStringExpectation(ReadoutError readout, int zMask, ReadOnlySpan<int> counts)
    {
        ArgumentNullException.ThrowIfNull(readout);
        RequireMask(readout, zMask);
        if (counts.Length != 1 << readout.Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The counts need one entry per bitstring of {readout.Qubits} qubits ({1 << readout.Qubits}), but have {counts.Length}."), nameof(counts));
        }

        long shots = 0;
        double rawSum = 0, mitigatedSum = 0;
        for (int b = 0; b < counts.Length; b++)
        {
            if (counts[b] < 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"counts[{b}] = {counts[b]} is negative."), nameof(counts));
            }

            shots += counts[b];
            rawSum += counts[b] * Parity(zMask, b);
            mitigatedSum += counts[b] * MitigatedZString(readout, zMask, b);
        }

        if (shots == 0)
        {
            throw new ArgumentException("The counts hold no shots.", nameof(counts));
        }

        double rawMean = rawSum / shots, mitigatedMean = mitigatedSum / shots;
        double rawM2 = 0, mitigatedM2 = 0;
        for (int b = 0; b < counts.Length; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            double dr = Parity(zMask, b) - rawMean;
            double dm = MitigatedZString(readout, zMask, b) - mitigatedMean;
            rawM2 += counts[b] * dr * dr;
            mitigatedM2 += counts[b] * dm * dm;
        }

        double rawSe = shots > 1 ? Math.Sqrt(rawM2 / (shots - 1) / shots) : 1;
        double mitigatedSe = shots > 1 ? Math.Sqrt(mitigatedM2 / (shots - 1) / shots) : Math.Sqrt(VarianceInflationBound(readout, zMask));
        return new MitigatedEstimate(mitigatedMean, mitigatedSe, rawMean, rawSe, (int)Math.Min(int.MaxValue, shots));
    }

    /// <summary>
    /// Exact mitigation of exact noisy expectations: given ⟨Z̃_T⟩ for every subset T of S (the readout-affected values,
    /// indexed by the compressed subset), returns ⟨Z_S⟩ = Π_{q∈S} (1/b_q) Σ_{T⊆S} Π_{q∈S∖T} (−a_q) ⟨Z̃_T⟩.
    /// </summary>
    public static double InvertZString(ReadoutError readout, int zMask, ReadOnlySpan<double> noisySubsetExpectations)
    {
        ArgumentNullException.ThrowIfNull(readout);
        RequireMask(readout, zMask);
        int m = System.Numerics.BitOperations.PopCount((uint)zMask);
        if (noisySubsetExpectations.Length != 1 << m)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Give one noisy expectation per subset of the {m} qubits ({1 << m}), indexed by the compressed subset."), nameof(noisySubsetExpectations));
        }

        double total = 0;
        for (int t = 0; t < 1 << m; t++)
        {
            double factor = 1;
            int bit = 0;
            for (int q = 0; zMask >> q != 0; q++)
            {
                if (((zMask >> q) & 1) == 0)
                {
                    continue;
                }

                factor *= ((t >> bit++) & 1) != 0 ? 1 / readout.Contraction(q) : -readout.Bias(q) / readout.Contraction(q);
            }

            total += factor * noisySubsetExpectations[t];
        }

        return total;
    }

    private static double Parity(int mask, int b) => (System.Numerics.BitOperations.PopCount((uint)(mask & b)) & 1) == 0 ? 1 : -1;

    private static void RequireMask(ReadoutError readout, int zMask)
    {
        if (zMask < 0 || (zMask >> readout.Qubits) != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The Z string names qubits outside 0 to {readout.Qubits - 1} (mask {zMask})."), nameof(zMask));
        }
    }
}
