using System;
using System.Globalization;

namespace NegLR;

// What readout error does to distributions, bitstrings and expectations (Runtime only: spans and SeededRandom).
public sealed partial class ReadoutError
{
    /// <summary>
    /// Applies the per-qubit confusion to a distribution over basis states (qubit 0 = least-significant bit), in place:
    /// for each qubit, p'(…0…) = (1 − P(1|0)) p(…0…) + P(0|1) p(…1…) and p'(…1…) = P(1|0) p(…0…) + (1 − P(0|1)) p(…1…).
    /// </summary>
    /// <exception cref="ArgumentException">The length is not 2^<see cref="Qubits"/>.</exception>
    public void ApplyTo(Span<double> probabilities)
    {
        if (probabilities.Length != 1 << Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The distribution needs 2^{Qubits} = {1 << Qubits} entries for this readout error, but has {probabilities.Length}."), nameof(probabilities));
        }

        for (int q = 0; q < Qubits; q++)
        {
            double e0 = Probability1Given0[q], e1 = Probability0Given1[q];
            if (e0 == 0 && e1 == 0)
            {
                continue;
            }

            int bit = 1 << q;
            for (int b = 0; b < probabilities.Length; b++)
            {
                if ((b & bit) != 0)
                {
                    continue;
                }

                double p0 = probabilities[b], p1 = probabilities[b | bit];
                probabilities[b] = ((1 - e0) * p0) + (e1 * p1);
                probabilities[b | bit] = (e0 * p0) + ((1 - e1) * p1);
            }
        }
    }

    /// <summary>
    /// The bitstring a detector reports for the true outcome <paramref name="bitstring"/>: each qubit flips with its own
    /// probability, one uniform draw per qubit in qubit order (so the same generator state gives the same result).
    /// </summary>
    public int Apply(int bitstring, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        int result = bitstring;
        for (int q = 0; q < Qubits; q++)
        {
            double u = random.NextDouble();
            bool one = ((bitstring >> q) & 1) != 0;
            if (u < (one ? Probability0Given1[q] : Probability1Given0[q]))
            {
                result ^= 1 << q;
            }
        }

        return result;
    }

    /// <summary>
    /// The expectation a device with this readout error estimates for ⟨O⟩ with infinitely many shots, each term measured
    /// in its own basis: Σ_t c_t Σ_{T⊆S_t} (Π_{S_t∖T} a_q)(Π_T b_q) ⟨P_t restricted to T⟩, from the Pauli vector.
    /// </summary>
    internal double Expectation(ReadOnlySpan<double> r, PauliSum observable)
    {
        double total = observable.Constant * r[0];
        foreach (var t in observable.Terms)
        {
            int word = DensityMatrix.IndexOf(t);
            int support = t.Support;
            for (int subset = support; ; subset = (subset - 1) & support)
            {
                double factor = SubsetFactor(support, subset);
                if (factor != 0)
                {
                    total += t.Coefficient * factor * r[word & DigitMask(subset)];
                }

                if (subset == 0)
                {
                    break;
                }
            }
        }

        return total;
    }

    /// <summary>λ ← the Pauli vector of the observable the device effectively measures (the starting λ of the adjoint pass).</summary>
    internal void ScatterObservable(Span<double> lambda, PauliSum observable)
    {
        lambda.Clear();
        lambda[0] += observable.Constant;
        foreach (var t in observable.Terms)
        {
            int word = DensityMatrix.IndexOf(t);
            int support = t.Support;
            for (int subset = support; ; subset = (subset - 1) & support)
            {
                lambda[word & DigitMask(subset)] += t.Coefficient * SubsetFactor(support, subset);
                if (subset == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>(Π over support∖subset of a_q)(Π over subset of b_q).</summary>
    internal double SubsetFactor(int support, int subset)
    {
        double factor = 1;
        for (int q = 0; support >> q != 0; q++)
        {
            if (((support >> q) & 1) == 0)
            {
                continue;
            }

            factor *= ((subset >> q) & 1) != 0 ? Contraction(q) : Bias(q);
        }

        return factor;
    }

    /// <summary>Both bits of every qubit digit in <paramref name="qubits"/>.</summary>
    internal static int DigitMask(int qubits) => DensityMatrix.Spread(qubits) * 3;
}
