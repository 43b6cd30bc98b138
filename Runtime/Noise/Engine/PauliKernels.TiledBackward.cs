using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NegLR.Simulation;

// The adjoint of the forward's merged pass (TileSchedule, TryApplyRotatedMonomial): one pass over r and λ for a constant
// monomial two-qubit step and the one or two unital one-qubit steps the forward ran inside it. Backwards, per group of
// sixteen entries held in registers: the monomial is un-computed (r ← M⁻¹ r, λ ← Mᵀ λ: each output a single product of
// one input, loaded at its permuted offset), then for the later pre-step and then the earlier one, the nine unital
// correlations C_ab = Σ r_a λ_b (a, b in X, Z, Y, before un-computing, as BackwardOne) are accumulated and r ← P⁻¹ r,
// λ ← Pᵀ λ are applied on the pre-step's digit. Every entry of r and λ gets the products and sums of the separate
// kernels (MatVec3's order on a digit above 0, BackwardUnitalOnDigitZero's on digit 0), so r and λ carry the bits of the
// step-by-step backward; the correlations are the same products summed in another order (equal to rounding).
// Vector256 code on every machine (in software without 256-bit SIMD) and lane sums reduced by LaneSum, so the results do
// not depend on the hardware; the qubit-0 gather uses vpermt2pd with AVX-512 and plain loads otherwise (the same products).
// Why it does not pay (see DensityMatrixSimulator.TiledAdjoint.cs): the separate backward kernels already stream r and λ
// at L1/L2 speed on these registers, the merged pass forms as many operations (plus the group's round trip through a
// scratch), and on a pair with a qubit above 3 its 32 places per group, at power-of-two strides, collide in the L1 sets.
internal static partial class PauliKernels
{
    /// <summary>
    /// The backward pass of a merged item: the monomial step on (<paramref name="a"/>, <paramref name="b"/>) un-computed
    /// with <paramref name="inverse"/> (M⁻¹) and <paramref name="transposed"/> (Mᵀ), then the unital one-qubit step
    /// <paramref name="pre1"/> (none when its correlation span is empty) and then <paramref name="pre0"/>, each
    /// adding its nine correlations to its 16-entry correlation span before r and λ are carried back through it.
    /// </summary>
    /// <remarks><paramref name="wideGather"/> false (tests only) takes the plain loads on a pair with qubit 0 even with AVX-512.</remarks>
    /// <returns>False (nothing done) when M⁻¹ or Mᵀ is not monomial (the caller runs the steps one by one).</returns>
    public static bool TryBackwardRotatedMonomial(Span<double> r, Span<double> lambda, int a, int b, Sparse16 inverse, Sparse16 transposed,
        in BackwardPre pre1, in BackwardPre pre0, bool wideGather = true)
    {
        if (inverse.TileFirst is null || transposed.TileFirst is null)
        {
            return false;
        }

        if (a == 0 || b == 0)
        {
            BackwardRotatedMonomialOnQubitZero(r, lambda, a, b, inverse, transposed, pre1, pre0, wideGather && Avx512F.IsSupported);
        }
        else
        {
            BackwardRotatedMonomialAbove(r, lambda, a, b, inverse, transposed, pre1, pre0);
        }

        return true;
    }

    /// <summary>
    /// A unital one-qubit step inside a merged backward pass: its qubit (−1 for none), the 3×3 blocks of its M⁻¹ and Mᵀ
    /// and the span its nine correlations are added to (16 entries, C[4a + b]).
    /// </summary>
    internal readonly ref struct BackwardPre
    {
        public BackwardPre(int qubit, ReadOnlySpan<double> inverse, ReadOnlySpan<double> transposed, Span<double> correlation)
        {
            Qubit = qubit;
            Inverse = new Unital3(inverse);
            Transposed = new Unital3(transposed);
            Correlation = correlation;
        }

        public int Qubit { get; }

        public Unital3 Inverse { get; }

        public Unital3 Transposed { get; }

        public Span<double> Correlation { get; }

        public bool IsNone => Correlation.IsEmpty;
    }

    /// <summary>The X, Z, Y block of a unital 4×4 map (row-major entries 5–7, 9–11, 13–15).</summary>
    internal readonly struct Unital3
    {
        public readonly double M11, M12, M13, M21, M22, M23, M31, M32, M33;

        public Unital3(ReadOnlySpan<double> m)
        {
            M11 = m[5]; M12 = m[6]; M13 = m[7];
            M21 = m[9]; M22 = m[10]; M23 = m[11];
            M31 = m[13]; M32 = m[14]; M33 = m[15];
        }
    }

    /// <summary>
    /// Both qubits above 0: four groups per iteration, one per lane, each entry's four lanes contiguous. The group is
    /// walked in two phases so that few vectors are live at once (with the accumulators in registers): first, triple by
    /// triple along the digit of the first pre-step met backwards, the monomial's gather and that step; then, if there are
    /// two, triple by triple along the other digit, the earlier step on the entries just stored (still in L1). The gathered
    /// group goes through a 1 KiB scratch, as a monomial's inputs may lie where other outputs go.
    /// </summary>
    [SkipLocalsInit]
    private static void BackwardRotatedMonomialAbove(Span<double> r, Span<double> lambda, int a, int b, Sparse16 inverse, Sparse16 transposed,
        in BackwardPre pre1, in BackwardPre pre0)
    {
        bool two = !pre1.IsNone;
        int firstDigit = (two ? pre1.Qubit : pre0.Qubit) == a ? 0 : 1;

        // Per call, in the first phase's order (four runs of identity entry, then the triple): where each output's input
        // lies (its permuted offset) and its scale, for r and for λ, and where the output is stored; the second phase's
        // triples' offsets; the pre-steps' 3×3 blocks (read as broadcast memory operands, not held in registers).
        Span<int> offset = stackalloc int[16];
        Span<int> first = stackalloc int[16 * 5];
        Span<int> second = stackalloc int[12];
        Span<double> coefficients = stackalloc double[36];
        for (int l = 0; l < 16; l++)
        {
            offset[l] = ((l & 3) << (2 * a)) + ((l >> 2) << (2 * b));
        }

        for (int o = 0; o < 4; o++)
        {
            for (int d = 0; d < 4; d++)
            {
                int j = (4 * o) + d;
                int local = firstDigit == 0 ? (4 * o) + d : o + (4 * d);
                first[j] = offset[local];
                first[16 + j] = offset[inverse.Columns[local]];
                first[32 + j] = offset[transposed.Columns[local]];
                if (d > 0)
                {
                    int other = firstDigit == 0 ? o + (4 * d) : (4 * o) + d;
                    second[(3 * o) + d - 1] = offset[other];
                }
            }
        }

        Span<double> scales = stackalloc double[32];
        for (int j = 0; j < 16; j++)
        {
            int local = firstDigit == 0 ? j : (j >> 2) + (4 * (j & 3));
            scales[j] = inverse.Values[local];
            scales[16 + j] = transposed.Values[local];
        }

        var firstPre = two ? pre1 : pre0;
        Store(firstPre.Inverse, coefficients);
        Store(firstPre.Transposed, coefficients[9..]);
        Store(pre0.Inverse, coefficients[18..]);
        Store(pre0.Transposed, coefficients[27..]);

        var a11 = Vector256<double>.Zero; var a12 = a11; var a13 = a11; var a21 = a11; var a22 = a11; var a23 = a11;
        var a31 = a11; var a32 = a11; var a33 = a11;
        var b11 = a11; var b12 = a11; var b13 = a11; var b21 = a11; var b22 = a11; var b23 = a11;
        var b31 = a11; var b32 = a11; var b33 = a11;
        int lo = Math.Min(a, b), hi = Math.Max(a, b);
        int groups = r.Length >> 4;
        ref double rd = ref MemoryMarshal.GetReference(r);
        ref double ld = ref MemoryMarshal.GetReference(lambda);
        ref int to = ref MemoryMarshal.GetReference(first);
        ref int rf = ref Unsafe.Add(ref to, 16);
        ref int lf = ref Unsafe.Add(ref to, 32);
        ref int tw = ref MemoryMarshal.GetReference(second);
        ref double rs = ref MemoryMarshal.GetReference(scales);
        ref double ls = ref Unsafe.Add(ref rs, 16);
        ref double m1 = ref MemoryMarshal.GetReference(coefficients);
        ref double t1 = ref Unsafe.Add(ref m1, 9);
        ref double m0 = ref Unsafe.Add(ref m1, 18);
        ref double t0 = ref Unsafe.Add(ref m1, 27);
        Span<Vector256<double>> scratch = stackalloc Vector256<double>[32];
        ref var sr = ref MemoryMarshal.GetReference(scratch);
        ref var sl = ref Unsafe.Add(ref sr, 16);
        for (int k = 0; k < groups; k += 4)
        {
            int g = InsertZeroDigits(k, lo, hi);
            ref double pr = ref Unsafe.Add(ref rd, g);
            ref double pl = ref Unsafe.Add(ref ld, g);
            // The monomial un-computed into the scratch (its inputs may be other outputs' places): output i is input
            // Columns[i] times its scale.
            for (int j = 0; j < 16; j++)
            {
                Unsafe.Add(ref sr, j) = Gather(ref pr, ref rf, ref rs, j);
                Unsafe.Add(ref sl, j) = Gather(ref pl, ref lf, ref ls, j);
            }

            for (int j = 0; j < 16; j += 4)
            {
                Unsafe.Add(ref sr, j).StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref to, j));
                Unsafe.Add(ref sl, j).StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref to, j));
                var x1 = Unsafe.Add(ref sr, j + 1);
                var x2 = Unsafe.Add(ref sr, j + 2);
                var x3 = Unsafe.Add(ref sr, j + 3);
                var y1 = Unsafe.Add(ref sl, j + 1);
                var y2 = Unsafe.Add(ref sl, j + 2);
                var y3 = Unsafe.Add(ref sl, j + 3);
                BackOnDigit(ref x1, ref x2, ref x3, ref y1, ref y2, ref y3, ref m1, ref t1,
                    ref a11, ref a12, ref a13, ref a21, ref a22, ref a23, ref a31, ref a32, ref a33);
                x1.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref to, j + 1));
                x2.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref to, j + 2));
                x3.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref to, j + 3));
                y1.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref to, j + 1));
                y2.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref to, j + 2));
                y3.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref to, j + 3));
            }

            if (!two)
            {
                continue;
            }

            for (int j = 0; j < 12; j += 3)
            {
                nuint o1 = (nuint)Unsafe.Add(ref tw, j), o2 = (nuint)Unsafe.Add(ref tw, j + 1), o3 = (nuint)Unsafe.Add(ref tw, j + 2);
                var x1 = Vector256.LoadUnsafe(ref pr, o1);
                var x2 = Vector256.LoadUnsafe(ref pr, o2);
                var x3 = Vector256.LoadUnsafe(ref pr, o3);
                var y1 = Vector256.LoadUnsafe(ref pl, o1);
                var y2 = Vector256.LoadUnsafe(ref pl, o2);
                var y3 = Vector256.LoadUnsafe(ref pl, o3);
                BackOnDigit(ref x1, ref x2, ref x3, ref y1, ref y2, ref y3, ref m0, ref t0,
                    ref b11, ref b12, ref b13, ref b21, ref b22, ref b23, ref b31, ref b32, ref b33);
                x1.StoreUnsafe(ref pr, o1);
                x2.StoreUnsafe(ref pr, o2);
                x3.StoreUnsafe(ref pr, o3);
                y1.StoreUnsafe(ref pl, o1);
                y2.StoreUnsafe(ref pl, o2);
                y3.StoreUnsafe(ref pl, o3);
            }
        }

        AddLaneSums(firstPre.Correlation, a11, a12, a13, a21, a22, a23, a31, a32, a33);
        if (two)
        {
            AddLaneSums(pre0.Correlation, b11, b12, b13, b21, b22, b23, b31, b32, b33);
        }
    }

    private static void Store(in Unital3 m, Span<double> to)
    {
        to[0] = m.M11; to[1] = m.M12; to[2] = m.M13;
        to[3] = m.M21; to[4] = m.M22; to[5] = m.M23;
        to[6] = m.M31; to[7] = m.M32; to[8] = m.M33;
    }

    private static void AddLaneSums(Span<double> correlation, Vector256<double> c11, Vector256<double> c12, Vector256<double> c13,
        Vector256<double> c21, Vector256<double> c22, Vector256<double> c23, Vector256<double> c31, Vector256<double> c32, Vector256<double> c33)
    {
        correlation[5] += LaneSum(c11);
        correlation[6] += LaneSum(c12);
        correlation[7] += LaneSum(c13);
        correlation[9] += LaneSum(c21);
        correlation[10] += LaneSum(c22);
        correlation[11] += LaneSum(c23);
        correlation[13] += LaneSum(c31);
        correlation[14] += LaneSum(c32);
        correlation[15] += LaneSum(c33);
    }

    /// <summary>
    /// A unital step's backward on one triple (X, Z, Y entries of its digit): C_ab += r_a λ_b, then r ← M⁻¹ r and
    /// λ ← Mᵀ λ in <see cref="MatVec3"/>'s entry order; <paramref name="m"/> and <paramref name="t"/> point at the 3×3
    /// blocks of M⁻¹ and Mᵀ by rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackOnDigit(ref Vector256<double> r1, ref Vector256<double> r2, ref Vector256<double> r3, ref Vector256<double> l1,
        ref Vector256<double> l2, ref Vector256<double> l3, ref double m, ref double t,
        ref Vector256<double> c11, ref Vector256<double> c12, ref Vector256<double> c13, ref Vector256<double> c21, ref Vector256<double> c22,
        ref Vector256<double> c23, ref Vector256<double> c31, ref Vector256<double> c32, ref Vector256<double> c33)
    {
        var x1 = r1; var x2 = r2; var x3 = r3;
        var y1 = l1; var y2 = l2; var y3 = l3;
        c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
        c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
        c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
        r1 = ((x1 * m) + (x2 * Unsafe.Add(ref m, 1))) + (x3 * Unsafe.Add(ref m, 2));
        r2 = ((x1 * Unsafe.Add(ref m, 3)) + (x2 * Unsafe.Add(ref m, 4))) + (x3 * Unsafe.Add(ref m, 5));
        r3 = ((x1 * Unsafe.Add(ref m, 6)) + (x2 * Unsafe.Add(ref m, 7))) + (x3 * Unsafe.Add(ref m, 8));
        l1 = ((y1 * t) + (y2 * Unsafe.Add(ref t, 1))) + (y3 * Unsafe.Add(ref t, 2));
        l2 = ((y1 * Unsafe.Add(ref t, 3)) + (y2 * Unsafe.Add(ref t, 4))) + (y3 * Unsafe.Add(ref t, 5));
        l3 = ((y1 * Unsafe.Add(ref t, 6)) + (y2 * Unsafe.Add(ref t, 7))) + (y3 * Unsafe.Add(ref t, 8));
    }

    /// <summary>
    /// One qubit is 0: a group is four vectors (one per digit e of the other qubit, lanes qubit 0's digit); the monomial's
    /// outputs are gathered across them (two <c>vpermt2pd</c> per 512-bit half with AVX-512, sixteen plain loads
    /// otherwise: the same products), a pre-step on qubit 0 works lane by lane, one on the other qubit across x1, x2, x3.
    /// </summary>
    [SkipLocalsInit]
    private static void BackwardRotatedMonomialOnQubitZero(Span<double> r, Span<double> lambda, int a, int b, Sparse16 inverse, Sparse16 transposed,
        in BackwardPre pre1, in BackwardPre pre0, bool wide)
    {
        int other = a == 0 ? b : a;
        nuint stride = (nuint)1 << (2 * other);
        var rTile = new GatherTile(inverse, a, stride);
        var lTile = new GatherTile(transposed, a, stride);
        Span<int> rFrom = stackalloc int[16];
        Span<int> lFrom = stackalloc int[16];
        Span<double> rScale = stackalloc double[16];
        Span<double> lScale = stackalloc double[16];
        if (!wide)
        {
            rTile.Plain(rFrom, rScale);
            lTile.Plain(lFrom, lScale);
        }
        ref int rf = ref MemoryMarshal.GetReference(rFrom);
        ref int lf = ref MemoryMarshal.GetReference(lFrom);
        ref double rs = ref MemoryMarshal.GetReference(rScale);
        ref double ls = ref MemoryMarshal.GetReference(lScale);

        // Kind of each pre-step: 0 none, 1 on qubit 0 (lane-wise), 2 on the other qubit (across the vectors).
        int kind1 = pre1.IsNone ? 0 : pre1.Qubit == 0 ? 1 : 2;
        int kind0 = pre0.IsNone ? 0 : pre0.Qubit == 0 ? 1 : 2;
        Span<double> coefficients = stackalloc double[36];
        Store(pre1.Inverse, coefficients);
        Store(pre1.Transposed, coefficients[9..]);
        Store(pre0.Inverse, coefficients[18..]);
        Store(pre0.Transposed, coefficients[27..]);
        ref double m1 = ref MemoryMarshal.GetReference(coefficients);
        ref double t1 = ref Unsafe.Add(ref m1, 9);
        ref double m0 = ref Unsafe.Add(ref m1, 18);
        ref double t0 = ref Unsafe.Add(ref m1, 27);
        var lanes1 = LaneCoefficients.From(pre1.Inverse, pre1.Transposed);
        var lanes0 = LaneCoefficients.From(pre0.Inverse, pre0.Transposed);
        var a11 = Vector256<double>.Zero; var a12 = a11; var a13 = a11; var a21 = a11; var a22 = a11; var a23 = a11;
        var a31 = a11; var a32 = a11; var a33 = a11;
        var b11 = a11; var b12 = a11; var b13 = a11; var b21 = a11; var b22 = a11; var b23 = a11;
        var b31 = a11; var b32 = a11; var b33 = a11;
        int groups = r.Length >> 4;
        ref double rd = ref MemoryMarshal.GetReference(r);
        ref double ld = ref MemoryMarshal.GetReference(lambda);
        for (int k = 0; k < groups; k++)
        {
            int g = InsertZeroDigits(k, 0, other);
            ref double pr = ref Unsafe.Add(ref rd, g);
            ref double pl = ref Unsafe.Add(ref ld, g);
            Vector256<double> x0, x1, x2, x3, y0, y1, y2, y3;
            if (wide)
            {
                rTile.Wide(ref pr, out x0, out x1, out x2, out x3);
                lTile.Wide(ref pl, out y0, out y1, out y2, out y3);
            }
            else
            {
                x0 = PlainGather(ref pr, ref rf, ref rs, 0); x1 = PlainGather(ref pr, ref rf, ref rs, 4);
                x2 = PlainGather(ref pr, ref rf, ref rs, 8); x3 = PlainGather(ref pr, ref rf, ref rs, 12);
                y0 = PlainGather(ref pl, ref lf, ref ls, 0); y1 = PlainGather(ref pl, ref lf, ref ls, 4);
                y2 = PlainGather(ref pl, ref lf, ref ls, 8); y3 = PlainGather(ref pl, ref lf, ref ls, 12);
            }

            // On qubit 0 a step's same/next/previous lane products go to C11, C12, C13.
            if (kind1 == 1)
            {
                BackOnLanes(ref x0, ref y0, lanes1, ref a11, ref a12, ref a13);
                BackOnLanes(ref x1, ref y1, lanes1, ref a11, ref a12, ref a13);
                BackOnLanes(ref x2, ref y2, lanes1, ref a11, ref a12, ref a13);
                BackOnLanes(ref x3, ref y3, lanes1, ref a11, ref a12, ref a13);
            }
            else if (kind1 == 2)
            {
                BackOnDigit(ref x1, ref x2, ref x3, ref y1, ref y2, ref y3, ref m1, ref t1,
                    ref a11, ref a12, ref a13, ref a21, ref a22, ref a23, ref a31, ref a32, ref a33);
            }

            if (kind0 == 1)
            {
                BackOnLanes(ref x0, ref y0, lanes0, ref b11, ref b12, ref b13);
                BackOnLanes(ref x1, ref y1, lanes0, ref b11, ref b12, ref b13);
                BackOnLanes(ref x2, ref y2, lanes0, ref b11, ref b12, ref b13);
                BackOnLanes(ref x3, ref y3, lanes0, ref b11, ref b12, ref b13);
            }
            else if (kind0 == 2)
            {
                BackOnDigit(ref x1, ref x2, ref x3, ref y1, ref y2, ref y3, ref m0, ref t0,
                    ref b11, ref b12, ref b13, ref b21, ref b22, ref b23, ref b31, ref b32, ref b33);
            }

            x0.StoreUnsafe(ref pr); x1.StoreUnsafe(ref pr, stride); x2.StoreUnsafe(ref pr, 2 * stride); x3.StoreUnsafe(ref pr, 3 * stride);
            y0.StoreUnsafe(ref pl); y1.StoreUnsafe(ref pl, stride); y2.StoreUnsafe(ref pl, 2 * stride); y3.StoreUnsafe(ref pl, 3 * stride);
        }

        if (kind1 == 1)
        {
            AddLanes(pre1.Correlation, a11, a12, a13);
        }
        else if (kind1 == 2)
        {
            AddLaneSums(pre1.Correlation, a11, a12, a13, a21, a22, a23, a31, a32, a33);
        }

        if (kind0 == 1)
        {
            AddLanes(pre0.Correlation, b11, b12, b13);
        }
        else if (kind0 == 2)
        {
            AddLaneSums(pre0.Correlation, b11, b12, b13, b21, b22, b23, b31, b32, b33);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(ref double p, ref int from, ref double scale, int i) =>
        Vector256.LoadUnsafe(ref p, (nuint)Unsafe.Add(ref from, i)) * Unsafe.Add(ref scale, i);

    /// <summary>Outputs t … t + 3 of a qubit-0 group from sixteen scalar loads (the products the AVX-512 gather forms).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> PlainGather(ref double p, ref int from, ref double scale, int t) =>
        Vector256.Create(
            Unsafe.Add(ref p, Unsafe.Add(ref from, t)) * Unsafe.Add(ref scale, t),
            Unsafe.Add(ref p, Unsafe.Add(ref from, t + 1)) * Unsafe.Add(ref scale, t + 1),
            Unsafe.Add(ref p, Unsafe.Add(ref from, t + 2)) * Unsafe.Add(ref scale, t + 2),
            Unsafe.Add(ref p, Unsafe.Add(ref from, t + 3)) * Unsafe.Add(ref scale, t + 3));

    /// <summary>The lane diagonals of <see cref="BackwardUnitalOnDigitZero"/> for M⁻¹ and Mᵀ.</summary>
    private readonly struct LaneCoefficients
    {
        public readonly Vector256<double> I0, I1, I2, T0, T1, T2;

        private LaneCoefficients(in Unital3 i, in Unital3 t)
        {
            I0 = Vector256.Create(1, i.M11, i.M22, i.M33);
            I1 = Vector256.Create(0, i.M12, i.M23, i.M31);
            I2 = Vector256.Create(0, i.M13, i.M21, i.M32);
            T0 = Vector256.Create(1, t.M11, t.M22, t.M33);
            T1 = Vector256.Create(0, t.M12, t.M23, t.M31);
            T2 = Vector256.Create(0, t.M13, t.M21, t.M32);
        }

        public static LaneCoefficients From(in Unital3 inverse, in Unital3 transposed) => new(inverse, transposed);
    }

    /// <summary>
    /// <see cref="BackwardUnitalOnDigitZero"/>'s work on one vector: same/next/previous lane products,
    /// then r and λ by the two lane permutes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackOnLanes(ref Vector256<double> r, ref Vector256<double> lambda, in LaneCoefficients m, ref Vector256<double> same,
        ref Vector256<double> next, ref Vector256<double> previous)
    {
        var v = r;
        var w = lambda;
        var v1 = Vector256.Shuffle(v, Vector256.Create(0L, 2, 3, 1));
        var v2 = Vector256.Shuffle(v, Vector256.Create(0L, 3, 1, 2));
        var w1 = Vector256.Shuffle(w, Vector256.Create(0L, 2, 3, 1));
        var w2 = Vector256.Shuffle(w, Vector256.Create(0L, 3, 1, 2));
        same += v * w;
        next += v * w1;
        previous += v * w2;
        r = (m.I0 * v + m.I1 * v1) + m.I2 * v2;
        lambda = (m.T0 * w + m.T1 * w1) + m.T2 * w2;
    }

    /// <summary>A step on qubit 0: lane a of <paramref name="same"/> is C_aa; of <paramref name="next"/>, C_a,a+1 cyclically in 1..3; of <paramref name="previous"/>, C_a,a−1.</summary>
    private static void AddLanes(Span<double> correlation, Vector256<double> same, Vector256<double> next, Vector256<double> previous)
    {
        correlation[5] += same.GetElement(1);
        correlation[10] += same.GetElement(2);
        correlation[15] += same.GetElement(3);
        correlation[6] += next.GetElement(1);
        correlation[11] += next.GetElement(2);
        correlation[13] += next.GetElement(3);
        correlation[7] += previous.GetElement(1);
        correlation[9] += previous.GetElement(2);
        correlation[14] += previous.GetElement(3);
    }

    /// <summary>
    /// A monomial map's gather on a pair with qubit 0, for one group's sixteen entries in memory order t = d0 + 4·e (four
    /// runs of four, <c>stride</c> apart): output t is input <c>gather[t]</c> times <c>scale[t]</c> — by two
    /// <c>vpermt2pd</c> with AVX-512, or by plain loads. (The table is <see cref="Sparse16"/>'s, as the forward's
    /// QubitZeroTile in PauliKernels.Segments.cs reads it; those few lines are repeated here, as that file is being rewritten.)
    /// </summary>
    private readonly struct GatherTile
    {
        private readonly long[] _gather;
        private readonly double[] _scale;
        private readonly nuint _stride;
        private readonly Vector512<long> _gatherLow;
        private readonly Vector512<long> _gatherHigh;
        private readonly Vector512<double> _scaleLow;
        private readonly Vector512<double> _scaleHigh;

        public GatherTile(Sparse16 m, int a, nuint stride)
        {
            _gather = a == 0 ? m.TileFirst! : m.TileSecond!;
            _scale = a == 0 ? m.TileFirstScale! : m.TileSecondScale!;
            _stride = stride;
            _gatherLow = Vector512.Create(_gather.AsSpan(0, 8));
            _gatherHigh = Vector512.Create(_gather.AsSpan(8, 8));
            _scaleLow = Vector512.Create(_scale.AsSpan(0, 8));
            _scaleHigh = Vector512.Create(_scale.AsSpan(8, 8));
        }

        /// <summary>The plain loads' offsets (from the group's base) and scales, per output position.</summary>
        public void Plain(Span<int> from, Span<double> scale)
        {
            for (int t = 0; t < 16; t++)
            {
                int source = (int)_gather[t];
                from[t] = (int)((nuint)(source >> 2) * _stride) + (source & 3);
                scale[t] = _scale[t];
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Wide(ref double p, out Vector256<double> x0, out Vector256<double> x1, out Vector256<double> x2, out Vector256<double> x3)
        {
            var low = Vector512.Create(Vector256.LoadUnsafe(ref p), Vector256.LoadUnsafe(ref p, _stride));
            var high = Vector512.Create(Vector256.LoadUnsafe(ref p, 2 * _stride), Vector256.LoadUnsafe(ref p, 3 * _stride));
            var outLow = Avx512F.PermuteVar8x64x2(low, _gatherLow, high) * _scaleLow;
            var outHigh = Avx512F.PermuteVar8x64x2(low, _gatherHigh, high) * _scaleHigh;
            x0 = outLow.GetLower();
            x1 = outLow.GetUpper();
            x2 = outHigh.GetLower();
            x3 = outHigh.GetUpper();
        }
    }
}
