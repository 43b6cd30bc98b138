using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

// Two-qubit maps and Pauli rotations on the Pauli vector.
internal static partial class PauliKernels
{
    /// <summary>
    /// r ← M r on the digits of qubits <paramref name="a"/> (local digit 0) and <paramref name="b"/> (local digit 1), M a
    /// real 16×16 matrix in local order (index d_a + 4·d_b), row-major. Zero entries are skipped, so a Clifford gate
    /// followed by a Pauli channel (one entry per row) costs one multiply per element. Each output is the sum of its
    /// row's non-zero terms in column order, on every path.
    /// </summary>
    public static void Apply2(Span<double> r, int a, int b, ReadOnlySpan<double> m)
    {
        Span<int> start = stackalloc int[17];
        Span<int> columns = stackalloc int[256];
        Span<double> values = stackalloc double[256];
        int count = 0;
        for (int i = 0; i < 16; i++)
        {
            start[i] = count;
            for (int j = 0; j < 16; j++)
            {
                double v = m[(i * 16) + j];
                if (v != 0)
                {
                    columns[count] = j;
                    values[count++] = v;
                }
            }
        }

        start[16] = count;
        Apply2(r, a, b, start, columns, values);
    }

    /// <summary>The same with the matrix already by rows.</summary>
    public static void Apply2(Span<double> r, int a, int b, Sparse16 m) => Apply2(r, a, b, m.Start, m.Columns, m.Values);

    private static void Apply2(Span<double> r, int a, int b, ReadOnlySpan<int> start, ReadOnlySpan<int> columns, ReadOnlySpan<double> values)
    {
        if (columns.Length == 16 && Vector256.IsHardwareAccelerated && Math.Min(a, b) >= 1 && IsMonomial(start))
        {
            ApplyMonomial(r, a, b, columns, values);
            return;
        }

        Span<int> offset = stackalloc int[16];
        for (int l = 0; l < 16; l++)
        {
            offset[l] = ((l & 3) << (2 * a)) + ((l >> 2) << (2 * b));
        }

        int lo = Math.Min(a, b), hi = Math.Max(a, b);
        int groups = r.Length >> 4;
        ref double d = ref MemoryMarshal.GetReference(r);
        if (Vector256.IsHardwareAccelerated && (lo >= 1 || r.Length >= 64))
        {
            // Four groups per vector: consecutive when neither qubit is 0, else transposed from qubit 0's digit quadruples.
            Span<Vector256<double>> input = stackalloc Vector256<double>[16];
            Span<Vector256<double>> output = stackalloc Vector256<double>[16];
            bool monomial = columns.Length == 16 && IsMonomial(start);
            for (int k = 0; k < groups; k += 4)
            {
                int baseIndex = InsertZeroDigits(k, lo, hi);
                ref double g = ref Unsafe.Add(ref d, baseIndex);
                if (lo >= 1)
                {
                    for (int l = 0; l < 16; l++)
                    {
                        input[l] = Vector256.LoadUnsafe(ref Unsafe.Add(ref g, offset[l]));
                    }
                }
                else
                {
                    LoadTransposed(ref d, baseIndex, a, b, hi, input);
                }

                if (monomial)
                {
                    for (int i = 0; i < 16; i++)
                    {
                        output[i] = input[columns[i]] * values[i];
                    }
                }
                else
                {
                    for (int i = 0; i < 16; i++)
                    {
                        var sum = Vector256<double>.Zero;
                        int e = start[i];
                        if (e < start[i + 1])
                        {
                            sum = input[columns[e]] * values[e];
                            for (e++; e < start[i + 1]; e++)
                            {
                                sum += input[columns[e]] * values[e];
                            }
                        }

                        output[i] = sum;
                    }
                }

                if (lo >= 1)
                {
                    for (int l = 0; l < 16; l++)
                    {
                        output[l].StoreUnsafe(ref Unsafe.Add(ref g, offset[l]));
                    }
                }
                else
                {
                    StoreTransposed(ref d, baseIndex, a, b, hi, output);
                }
            }

            return;
        }

        Span<double> x = stackalloc double[16];
        for (int k = 0; k < groups; k++)
        {
            ref double g = ref Unsafe.Add(ref d, InsertZeroDigits(k, lo, hi));
            for (int l = 0; l < 16; l++)
            {
                x[l] = Unsafe.Add(ref g, offset[l]);
            }

            for (int i = 0; i < 16; i++)
            {
                double sum = 0;
                int e = start[i];
                if (e < start[i + 1])
                {
                    sum = x[columns[e]] * values[e];
                    for (e++; e < start[i + 1]; e++)
                    {
                        sum += x[columns[e]] * values[e];
                    }
                }

                Unsafe.Add(ref g, offset[i]) = sum;
            }
        }
    }

    /// <summary>True when every row holds exactly one entry (a Clifford gate with a Pauli channel): a signed, scaled permutation.</summary>
    private static bool IsMonomial(ReadOnlySpan<int> start)
    {
        for (int i = 0; i < 16; i++)
        {
            if (start[i + 1] - start[i] != 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// out_i = v_i · in_{π(i)} for a monomial matrix when neither qubit is 0 (four consecutive groups per vector): the
    /// same single product per row the general path forms. When π is an involution (every Clifford gate that squares to
    /// the identity: CNOT, CZ, SWAP, …) the entries move in pairs, two loads and two stores, with nothing staged.
    /// </summary>
    private static void ApplyMonomial(Span<double> r, int a, int b, ReadOnlySpan<int> columns, ReadOnlySpan<double> values)
    {
        Span<int> offset = stackalloc int[16];
        for (int l = 0; l < 16; l++)
        {
            offset[l] = ((l & 3) << (2 * a)) + ((l >> 2) << (2 * b));
        }

        int lo = Math.Min(a, b), hi = Math.Max(a, b);
        int groups = r.Length >> 4;
        ref double d = ref MemoryMarshal.GetReference(r);
        bool involution = true;
        for (int i = 0; i < 16; i++)
        {
            involution &= columns[columns[i]] == i;
        }

        // Pair-by-pair sweeps pay when the step streams through memory (its high qubit at or beyond the cache block of
        // DensityMatrixSimulator.BlockQubits, so sixteen slices at power-of-two strides would defeat the prefetcher) and
        // each slice is a run of at least 64 doubles (lo ≥ 3). Otherwise a group's entries are moved together.
        if (involution && lo >= 3 && hi >= DensityMatrixSimulator.BlockQubits)
        {
            // Pairs (i, π(i)) with i < π(i), then fixed points (i = π(i)) as pairs of one.
            Span<int> first = stackalloc int[16];
            Span<int> second = stackalloc int[16];
            int pairs = 0, fixedCount = 0;
            Span<int> fixedPoints = stackalloc int[16];
            for (int i = 0; i < 16; i++)
            {
                if (columns[i] > i)
                {
                    first[pairs] = i;
                    second[pairs++] = columns[i];
                }
                else if (columns[i] == i)
                {
                    fixedPoints[fixedCount++] = i;
                }
            }

            // Pair by pair over the whole vector: each sweep streams through just two of the sixteen digit slices (the
            // hardware prefetcher follows two streams, not sixteen at power-of-two strides), and together the sweeps
            // touch every element once; eight doubles (a whole cache line) at a time.
            const int step = 8;
            for (int p = 0; p < pairs; p++)
            {
                int i = first[p], j = second[p];
                double si = values[i], sj = values[j];
                int oi = offset[i], oj = offset[j];
                for (int k = 0; k < groups; k += step)
                {
                    ref double g = ref Unsafe.Add(ref d, InsertZeroDigits(k, lo, hi));
                    ref double pi = ref Unsafe.Add(ref g, oi);
                    ref double pj = ref Unsafe.Add(ref g, oj);
                    var vi = Vector256.LoadUnsafe(ref pi);
                    var vj = Vector256.LoadUnsafe(ref pj);
                    (vj * si).StoreUnsafe(ref pi);
                    (vi * sj).StoreUnsafe(ref pj);
                    var wi = Vector256.LoadUnsafe(ref pi, 4);
                    var wj = Vector256.LoadUnsafe(ref pj, 4);
                    (wj * si).StoreUnsafe(ref pi, 4);
                    (wi * sj).StoreUnsafe(ref pj, 4);
                }
            }

            for (int f = 0; f < fixedCount; f++)
            {
                int i = fixedPoints[f];
                double si = values[i];
                if (si == 1)
                {
                    continue;
                }

                int oi = offset[i];
                for (int k = 0; k < groups; k += step)
                {
                    ref double pi = ref Unsafe.Add(ref Unsafe.Add(ref d, InsertZeroDigits(k, lo, hi)), oi);
                    (Vector256.LoadUnsafe(ref pi) * si).StoreUnsafe(ref pi);
                    (Vector256.LoadUnsafe(ref pi, 4) * si).StoreUnsafe(ref pi, 4);
                }
            }

            return;
        }

        Span<Vector256<double>> input = stackalloc Vector256<double>[16];
        for (int k = 0; k < groups; k += 4)
        {
            ref double g = ref Unsafe.Add(ref d, InsertZeroDigits(k, lo, hi));
            for (int l = 0; l < 16; l++)
            {
                input[l] = Vector256.LoadUnsafe(ref Unsafe.Add(ref g, offset[l]));
            }

            for (int i = 0; i < 16; i++)
            {
                (input[columns[i]] * values[i]).StoreUnsafe(ref Unsafe.Add(ref g, offset[i]));
            }
        }
    }

    /// <summary>
    /// exp(−iφW/2) on the whole vector for a Pauli word W (a Pauli-vector index), c = cos φ, s = sin φ: for every Q that
    /// anticommutes with W, r'_Q = c r_Q + σ s r_{Q⊕W} (σ from <see cref="PauliAlgebra.RotationSign"/>).
    /// </summary>
    public static void ApplyRotation(Span<double> r, int word, double c, double s)
    {
        int pivot = word & -word;
        ref double d = ref MemoryMarshal.GetReference(r);
        for (int q = 0; q < r.Length; q++)
        {
            if ((q & pivot) != 0)
            {
                continue;
            }

            int sign = PauliAlgebra.RotationSign(q, word);
            if (sign == 0)
            {
                continue;
            }

            ref double rq = ref Unsafe.Add(ref d, q);
            ref double rr = ref Unsafe.Add(ref d, q ^ word);
            double vq = rq, vr = rr, ss = sign * s;
            rq = (c * vq) + (ss * vr);
            rr = (c * vr) - (ss * vq);
        }
    }

    /// <summary>Σ_Q λ_Q σ_Q r_{Q⊕W}: λ·(L r) for the generator L of the rotation about W (its derivative at the current point).</summary>
    public static double RotationOverlap(ReadOnlySpan<double> lambda, ReadOnlySpan<double> r, int word)
    {
        double sum = 0;
        for (int q = 0; q < r.Length; q++)
        {
            int sign = PauliAlgebra.RotationSign(q, word);
            if (sign != 0)
            {
                sum += sign * lambda[q] * r[q ^ word];
            }
        }

        return sum;
    }

    /// <summary>The index of the k-th group base: k with zero digits (2-bit fields) inserted at qubits lo &lt; hi.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int InsertZeroDigits(int k, int lo, int hi) => InsertZeroDigit(InsertZeroDigit(k, lo), hi);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int InsertZeroDigit(int k, int qubit)
    {
        int shift = 2 * qubit;
        int low = k & ((1 << shift) - 1);
        return ((k >> shift) << (shift + 2)) | low;
    }
}
