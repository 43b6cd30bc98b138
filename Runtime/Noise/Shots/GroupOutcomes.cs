using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// A measurement group's outcomes over its support qubits (compressed: bit i of an outcome is the i-th support qubit in
/// ascending order, 0 meaning the +1 eigenvalue of the letter measured there): their distribution from a Pauli vector,
/// the readout confusion on those bits, and each outcome's raw and readout-mitigated value.
/// </summary>
internal static class GroupOutcomes
{
    /// <summary>
    /// p(b) = 2^{−m} Σ_{T ⊆ S} (−1)^{b·T} r_{B_T}, B_T the group's basis letters restricted to T: the marginal of the m
    /// support qubits measured in the group's basis, from the Pauli vector, without rotating the density matrix.
    /// </summary>
    public static void Marginal(ReadOnlySpan<double> r, MeasurementGroup group, Span<double> p)
    {
        int support = group.Support;
        int m = BitOperations.PopCount((uint)support);
        int count = 1 << m;
        int basisWord = DensityMatrix.Spread(group.BasisXMask) | (DensityMatrix.Spread(group.BasisZMask) << 1);
        for (int t = 0; t < count; t++)
        {
            p[t] = r[basisWord & ReadoutError.DigitMask(Expand(t, support))];
        }

        var slice = p[..count];
        DensityMatrix.WalshHadamard(slice);
        double scale = 1.0 / count;
        for (int b = 0; b < count; b++)
        {
            slice[b] = Math.Max(0, slice[b] * scale);
        }
    }

    /// <summary>The readout confusion on the compressed support bits of a distribution.</summary>
    public static void ApplyReadout(ReadoutError readout, int support, Span<double> p)
    {
        int bit = 0;
        for (int q = 0; support >> q != 0; q++)
        {
            if (((support >> q) & 1) == 0)
            {
                continue;
            }

            double e0 = readout.Probability1Given0[q], e1 = readout.Probability0Given1[q];
            int mask = 1 << bit++;
            if (e0 == 0 && e1 == 0)
            {
                continue;
            }

            for (int b = 0; b < p.Length; b++)
            {
                if ((b & mask) != 0)
                {
                    continue;
                }

                double p0 = p[b], p1 = p[b | mask];
                p[b] = ((1 - e0) * p0) + (e1 * p1);
                p[b | mask] = (e0 * p0) + ((1 - e1) * p1);
            }
        }
    }

    /// <summary>Raw value of each outcome: Σ_t c_t (−1)^{parity of the outcome on term t's support}.</summary>
    public static void RawValues(MeasurementGroup group, Span<double> values)
    {
        int support = group.Support;
        var coefficients = group.Coefficients;
        var supports = group.Supports;
        for (int b = 0; b < values.Length; b++)
        {
            int full = Expand(b, support);
            double y = 0;
            for (int t = 0; t < coefficients.Length; t++)
            {
                y += (BitOperations.PopCount((uint)(full & supports[t])) & 1) != 0 ? -coefficients[t] : coefficients[t];
            }

            values[b] = y;
        }
    }

    /// <summary>
    /// Mitigated value of each outcome: Σ_t c_t Π_{q ∈ S_t} (z_q − a_q) / b_q with z_q = ±1 the measured value — unbiased
    /// for ⟨O⟩ under the readout error, since each factor's mean given the true bit is that bit's ±1.
    /// </summary>
    public static void MitigatedValues(MeasurementGroup group, ReadoutError readout, Span<double> values)
    {
        int support = group.Support;
        var coefficients = group.Coefficients;
        var supports = group.Supports;
        for (int b = 0; b < values.Length; b++)
        {
            int full = Expand(b, support);
            double y = 0;
            for (int t = 0; t < coefficients.Length; t++)
            {
                y += coefficients[t] * ReadoutMitigation.MitigatedZString(readout, supports[t], full);
            }

            values[b] = y;
        }
    }

    /// <summary>Bit i of <paramref name="compressed"/> placed on the i-th set bit of <paramref name="support"/>.</summary>
    public static int Expand(int compressed, int support)
    {
        int result = 0;
        int bit = 0;
        for (int q = 0; support >> q != 0; q++)
        {
            if (((support >> q) & 1) != 0)
            {
                result |= ((compressed >> bit++) & 1) << q;
            }
        }

        return result;
    }

    /// <summary>The bits of <paramref name="full"/> on <paramref name="support"/>, packed low.</summary>
    public static int Compress(int full, int support)
    {
        int result = 0;
        int bit = 0;
        for (int q = 0; support >> q != 0; q++)
        {
            if (((support >> q) & 1) != 0)
            {
                result |= ((full >> q) & 1) << bit++;
            }
        }

        return result;
    }
}
