using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

// Kernels the light-cone segments of a generated noisy ansatz use in place of the interpreter's (a simulator made with
// DensityMatrixSimulator.SegmentKernels): same results to rounding, faster on the steps the noisy ansätze are made of.
internal static partial class PauliKernels
{
    /// <summary>
    /// r ← M r for a monomial two-qubit map (one entry per row: a Clifford gate with Pauli channels) whose permutation is
    /// an involution, on qubits that are both above 0: each pair of local entries swaps with its two scales, and each
    /// fixed point with a scale other than 1 is scaled, pair by pair over the vector (two streams per sweep). Each output
    /// is the single product the general path forms, so the bits are the same.
    /// </summary>
    /// <returns>False (nothing done) when the map is not such a monomial or a qubit is 0.</returns>
    public static bool TryApplyInvolution(Span<double> r, int a, int b, Sparse16 m)
    {
        if (!m.IsInvolution || Math.Min(a, b) < 1 || !Vector256.IsHardwareAccelerated)
        {
            return false;
        }

        int lo = Math.Min(a, b), hi = Math.Max(a, b);
        ref double d = ref MemoryMarshal.GetReference(r);
        var values = m.Values;
        var moves = m.Moves!;
        int sa = 2 * a, sb = 2 * b;

        // Index of group k's base: k's 2-bit digits with zero digits inserted at lo and hi. Walk it as three nested runs:
        // below lo (contiguous, 4^lo doubles, ≥ 4), between lo and hi, above hi.
        int lowRun = 1 << (2 * lo);
        int midRun = 1 << (2 * (hi - lo - 1));
        int midStride = lowRun << 2;
        int highStride = 1 << (2 * (hi + 1));
        int n = r.Length;
        if (lo == 1)
        {
            // Runs of one vector: move every pair inside a group of four before going on (offsets and scales in locals).
            int count = moves.Length;
            Span<int> from = stackalloc int[16];
            Span<int> to = stackalloc int[16];
            Span<double> scaleFrom = stackalloc double[16];
            Span<double> scaleTo = stackalloc double[16];
            for (int p = 0; p < count; p++)
            {
                int i = moves[p] & 15, j = moves[p] >> 4;
                from[p] = ((i & 3) << sa) + ((i >> 2) << sb);
                to[p] = ((j & 3) << sa) + ((j >> 2) << sb);
                scaleFrom[p] = values[i];
                scaleTo[p] = values[j];
            }

            for (int high = 0; high < n; high += highStride)
            {
                for (int mid = 0; mid < midRun; mid++)
                {
                    ref double g = ref Unsafe.Add(ref d, high + (mid * midStride));
                    for (int p = 0; p < count; p++)
                    {
                        ref double pi = ref Unsafe.Add(ref g, from[p]);
                        ref double pj = ref Unsafe.Add(ref g, to[p]);
                        var vi = Vector256.LoadUnsafe(ref pi);
                        var vj = Vector256.LoadUnsafe(ref pj);
                        (vj * scaleFrom[p]).StoreUnsafe(ref pi);
                        (vi * scaleTo[p]).StoreUnsafe(ref pj);
                    }
                }
            }

            return true;
        }

        for (int p = 0; p < moves.Length; p++)
        {
            int i = moves[p] & 15, j = moves[p] >> 4;
            int oi = ((i & 3) << sa) + ((i >> 2) << sb);
            int oj = ((j & 3) << sa) + ((j >> 2) << sb);
            double si = values[i], sj = values[j];
            for (int high = 0; high < n; high += highStride)
            {
                for (int mid = 0; mid < midRun; mid++)
                {
                    int start = high + (mid * midStride);
                    ref double pi = ref Unsafe.Add(ref d, start + oi);
                    ref double pj = ref Unsafe.Add(ref d, start + oj);
                    if (i == j)
                    {
                        for (int k = 0; k < lowRun; k += 4)
                        {
                            (Vector256.LoadUnsafe(ref pi, (nuint)k) * si).StoreUnsafe(ref pi, (nuint)k);
                        }

                        continue;
                    }

                    for (int k = 0; k < lowRun; k += 4)
                    {
                        var vi = Vector256.LoadUnsafe(ref pi, (nuint)k);
                        var vj = Vector256.LoadUnsafe(ref pj, (nuint)k);
                        (vj * si).StoreUnsafe(ref pi, (nuint)k);
                        (vi * sj).StoreUnsafe(ref pj, (nuint)k);
                    }
                }
            }
        }

        return true;
    }
}
