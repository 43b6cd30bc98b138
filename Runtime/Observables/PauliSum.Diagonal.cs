using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Threading;

namespace NegLR;

// Diagonal observables with many terms — the global projector cost 1 − |0…0⟩⟨0…0| has 2^n − 1 Z-strings — spent
// T × 2^n parity evaluations on every expectation and every O|ψ⟩. Both paths below give exactly the bits of the
// term-by-term loops (the study's committed runs reproduce with them), only faster.
public sealed partial class PauliSum
{
    /// <summary>Smallest diagonal group whose expectation reads a per-basis-state value table (fewer terms gain nothing).</summary>
    internal const int MinTermsForValueTable = 4;

    /// <summary>Most entries a value table may have (8 MB) and most term evaluations it may cost to build.</summary>
    internal const int MaxValueTableQubits = 20;

    internal const long MaxValueTableWork = 1L << 28;

    // |c| ≥ 2^-52 keeps every product c·a with a normal amplitude a non-zero, which the lane-exact Apply relies on.
    private static readonly double SmallestLaneExactCoefficient = Math.ScaleB(1, -52);

    /// <summary>
    /// Each basis state's value Σ_t c_t (−1)^{|i ∧ z_t|} of the diagonal group, summed in the group's term order (the
    /// expectation loop's own arithmetic, so the same bits), indexed by i's low <see cref="MinQubits"/> bits. Built on
    /// the first expectation that needs it; null until then or when over budget.
    /// </summary>
    private double[]? _diagonalValues;

    private int _diagonalValuesRefused;

    /// <summary>Disables both fast paths (tests compare them with the term-by-term loops bit for bit).</summary>
    internal bool TermByTerm { get; init; }

    /// <summary>True when O|ψ⟩ may take the lane-exact path: every term diagonal and no coefficient tiny (see above).</summary>
    private bool ComputeLaneExactApply()
    {
        if (Terms.Length < 2)
        {
            return false;
        }

        foreach (var t in Terms)
        {
            if (!t.IsDiagonal || !(Math.Abs(t.Coefficient) >= SmallestLaneExactCoefficient))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The diagonal group's value table, built once when it pays and fits; null otherwise.</summary>
    private double[]? DiagonalValues(TermGroup group)
    {
        var table = Volatile.Read(ref _diagonalValues);
        if (table is not null || TermByTerm || group.Terms.Length < MinTermsForValueTable || Volatile.Read(ref _diagonalValuesRefused) != 0)
        {
            return table;
        }

        if (MinQubits > MaxValueTableQubits || ((long)group.Terms.Length << MinQubits) > MaxValueTableWork)
        {
            Volatile.Write(ref _diagonalValuesRefused, 1);
            return null;
        }

        table = ParitySums.Table(group.Coefficients, group.ZMasks, 1 << MinQubits);

        // Two threads may both build it; the tables are equal, so either may win.
        return Interlocked.CompareExchange(ref _diagonalValues, table, null) ?? table;
    }

    private double DiagonalExpectation(ReadOnlySpan<Complex> state, TermGroup group)
    {
        var table = DiagonalValues(group);
        double total = 0;
        if (table is null)
        {
            ReadOnlySpan<double> coefficients = group.Coefficients;
            ReadOnlySpan<int> masks = group.ZMasks;
            for (int i = 0; i < state.Length; i++)
            {
                var a = state[i];
                total += ((a.Real * a.Real) + (a.Imaginary * a.Imaginary)) * ParitySums.Value(coefficients, masks, i);
            }

            return total;
        }

        int mask = table.Length - 1;
        for (int i = 0; i < state.Length; i++)
        {
            var a = state[i];
            total += ((a.Real * a.Real) + (a.Imaginary * a.Imaginary)) * table[i & mask];
        }

        return total;
    }

    /// <summary>
    /// dst = O·src for an all-diagonal sum, eight amplitudes at a time with each amplitude's terms added in term order:
    /// lane for lane the arithmetic of <see cref="Simulation.StateKernels.AccumulatePauli"/>, whose complex product
    /// (±c + 0i)(a + bi) is exactly (±c·a, ±c·b) whenever a, b and the products are non-zero — hence the path is taken
    /// only for blocks of normal, finite amplitudes and coefficients of at least 2^-52; other blocks run the term-by-term
    /// loop. Returns false (nothing written) when the sum or the register does not qualify.
    /// </summary>
    private bool TryApplyDiagonalLaneExact(ReadOnlySpan<Complex> source, Span<Complex> destination)
    {
        if (TermByTerm || source.Length < 8 || !Vector256.IsHardwareAccelerated || !_laneExactApply)
        {
            return false;
        }

        var terms = Terms.AsSpan();
        ref double src = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(source));
        ref double dst = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(destination));
        var minNormal = Vector256.Create(Math.ScaleB(1.0, -1022));
        var maxFinite = Vector256.Create(double.MaxValue);
        var constant = Vector256.Create(Constant);
        for (int b = 0; b < source.Length; b += 8)
        {
            // Amplitudes b … b+7 as four vectors of (re, im, re, im).
            var a0 = Vector256.LoadUnsafe(ref src, (nuint)(2 * b));
            var a1 = Vector256.LoadUnsafe(ref src, (nuint)((2 * b) + 4));
            var a2 = Vector256.LoadUnsafe(ref src, (nuint)((2 * b) + 8));
            var a3 = Vector256.LoadUnsafe(ref src, (nuint)((2 * b) + 12));
            if (!Normal(a0, minNormal, maxFinite) || !Normal(a1, minNormal, maxFinite)
                || !Normal(a2, minNormal, maxFinite) || !Normal(a3, minNormal, maxFinite))
            {
                ApplyDiagonalTermByTerm(source.Slice(b, 8), destination.Slice(b, 8), b);
                continue;
            }

            // Start as the term-by-term loop does: Constant·a, or zero when there is no constant (0 + x = x).
            var d0 = Constant == 0 ? Vector256<double>.Zero : constant * a0;
            var d1 = Constant == 0 ? Vector256<double>.Zero : constant * a1;
            var d2 = Constant == 0 ? Vector256<double>.Zero : constant * a2;
            var d3 = Constant == 0 ? Vector256<double>.Zero : constant * a3;
            foreach (var t in terms)
            {
                int z = t.ZMask;
                // Lane signs: amplitude b + k has sign parity(b ∧ z) ⊕ parity(k ∧ z), k = 0 … 7.
                int low = (z & 3) | ((BitOperations.PopCount((uint)(b & z)) & 1) << 2);
                int high = low ^ (((z >> 2) & 1) << 2);
                var c = Vector256.Create(t.Coefficient);
                d0 += (c ^ LaneSigns.First[low]) * a0;
                d1 += (c ^ LaneSigns.Second[low]) * a1;
                d2 += (c ^ LaneSigns.First[high]) * a2;
                d3 += (c ^ LaneSigns.Second[high]) * a3;
            }

            d0.StoreUnsafe(ref dst, (nuint)(2 * b));
            d1.StoreUnsafe(ref dst, (nuint)((2 * b) + 4));
            d2.StoreUnsafe(ref dst, (nuint)((2 * b) + 8));
            d3.StoreUnsafe(ref dst, (nuint)((2 * b) + 12));
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Normal(Vector256<double> a, Vector256<double> minNormal, Vector256<double> maxFinite)
    {
        var magnitude = Vector256.Abs(a);
        return Vector256.GreaterThanOrEqualAll(magnitude, minNormal) && Vector256.LessThanOrEqualAll(magnitude, maxFinite);
    }

    /// <summary>The term-by-term loop for amplitudes <paramref name="offset"/> onwards (same operations as <see cref="Apply"/>).</summary>
    private void ApplyDiagonalTermByTerm(ReadOnlySpan<Complex> source, Span<Complex> destination, int offset)
    {
        for (int k = 0; k < source.Length; k++)
        {
            var a = source[k];
            Complex d = Constant == 0 ? Complex.Zero : Constant * a;
            int i = offset + k;
            foreach (var t in Terms)
            {
                var factor = t.Coefficient * Simulation.StateKernels.IPower(0);
                d += ((BitOperations.PopCount((uint)(i & t.ZMask)) & 1) != 0 ? -factor : factor) * a;
            }

            destination[k] = d;
        }
    }

    /// <summary>Sign masks (−0.0 in a negative lane) for the (re, im) pairs of amplitudes 0–1 and 2–3 of a block of four.</summary>
    private static class LaneSigns
    {
        // Index: (z & 3) | parity << 2, where parity is the block's own sign.
        public static readonly Vector256<double>[] First = Build(0);
        public static readonly Vector256<double>[] Second = Build(2);

        private static Vector256<double>[] Build(int firstAmplitude)
        {
            var masks = new Vector256<double>[8];
            for (int index = 0; index < 8; index++)
            {
                int z = index & 3, parity = index >> 2;
                double s0 = Sign(((BitOperations.PopCount((uint)(firstAmplitude & z)) & 1) ^ parity) != 0);
                double s1 = Sign(((BitOperations.PopCount((uint)((firstAmplitude + 1) & z)) & 1) ^ parity) != 0);
                masks[index] = Vector256.Create(s0, s0, s1, s1);
            }

            return masks;
        }

        private static double Sign(bool negative) => negative ? -0.0 : 0.0;
    }
}
