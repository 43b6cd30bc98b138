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

    /// <summary>Nine lane accumulators: C_ab for a unital step on a digit above 0 (or same/next/previous on digit 0 in C11–C13).</summary>
    private struct Correlation9
    {
        public Vector256<double> C11, C12, C13, C21, C22, C23, C31, C32, C33;
    }

    /// <summary>Both qubits above 0: four groups per iteration, one per lane, each entry's four lanes contiguous.</summary>
    private static void BackwardRotatedMonomialAbove(Span<double> r, Span<double> lambda, int a, int b, Sparse16 inverse, Sparse16 transposed,
        in BackwardPre pre1, in BackwardPre pre0)
    {
        // Per call: where each output's input lies (its permuted offset) and its scale, for r and for λ; where it is stored.
        Span<int> offset = stackalloc int[16];
        Span<int> rFrom = stackalloc int[16];
        Span<int> lFrom = stackalloc int[16];
        Span<double> rScale = stackalloc double[16];
        Span<double> lScale = stackalloc double[16];
        for (int l = 0; l < 16; l++)
        {
            offset[l] = ((l & 3) << (2 * a)) + ((l >> 2) << (2 * b));
        }

        for (int i = 0; i < 16; i++)
        {
            rFrom[i] = offset[inverse.Columns[i]];
            rScale[i] = inverse.Values[i];
            lFrom[i] = offset[transposed.Columns[i]];
            lScale[i] = transposed.Values[i];
        }

        // Local digit of each pre-step (0: the step's first qubit, 1: its second; −1: none).
        int digit1 = pre1.IsNone ? -1 : pre1.Qubit == a ? 0 : 1;
        int digit0 = pre0.IsNone ? -1 : pre0.Qubit == a ? 0 : 1;
        var inverse1 = pre1.Inverse;
        var transposed1 = pre1.Transposed;
        var inverse0 = pre0.Inverse;
        var transposed0 = pre0.Transposed;
        var c1 = default(Correlation9);
        var c0 = default(Correlation9);
        int lo = Math.Min(a, b), hi = Math.Max(a, b);
        int groups = r.Length >> 4;
        ref double rd = ref MemoryMarshal.GetReference(r);
        ref double ld = ref MemoryMarshal.GetReference(lambda);
        ref int rf = ref MemoryMarshal.GetReference(rFrom);
        ref int lf = ref MemoryMarshal.GetReference(lFrom);
        ref double rs = ref MemoryMarshal.GetReference(rScale);
        ref double ls = ref MemoryMarshal.GetReference(lScale);
        ref int of = ref MemoryMarshal.GetReference(offset);
        for (int k = 0; k < groups; k += 4)
        {
            int g = InsertZeroDigits(k, lo, hi);
            ref double pr = ref Unsafe.Add(ref rd, g);
            ref double pl = ref Unsafe.Add(ref ld, g);

            // The monomial un-computed while loading: output i is input Columns[i] times its scale.
            var r0 = Gather(ref pr, ref rf, ref rs, 0); var r1 = Gather(ref pr, ref rf, ref rs, 1);
            var r2 = Gather(ref pr, ref rf, ref rs, 2); var r3 = Gather(ref pr, ref rf, ref rs, 3);
            var r4 = Gather(ref pr, ref rf, ref rs, 4); var r5 = Gather(ref pr, ref rf, ref rs, 5);
            var r6 = Gather(ref pr, ref rf, ref rs, 6); var r7 = Gather(ref pr, ref rf, ref rs, 7);
            var r8 = Gather(ref pr, ref rf, ref rs, 8); var r9 = Gather(ref pr, ref rf, ref rs, 9);
            var r10 = Gather(ref pr, ref rf, ref rs, 10); var r11 = Gather(ref pr, ref rf, ref rs, 11);
            var r12 = Gather(ref pr, ref rf, ref rs, 12); var r13 = Gather(ref pr, ref rf, ref rs, 13);
            var r14 = Gather(ref pr, ref rf, ref rs, 14); var r15 = Gather(ref pr, ref rf, ref rs, 15);
            var l0 = Gather(ref pl, ref lf, ref ls, 0); var l1 = Gather(ref pl, ref lf, ref ls, 1);
            var l2 = Gather(ref pl, ref lf, ref ls, 2); var l3 = Gather(ref pl, ref lf, ref ls, 3);
            var l4 = Gather(ref pl, ref lf, ref ls, 4); var l5 = Gather(ref pl, ref lf, ref ls, 5);
            var l6 = Gather(ref pl, ref lf, ref ls, 6); var l7 = Gather(ref pl, ref lf, ref ls, 7);
            var l8 = Gather(ref pl, ref lf, ref ls, 8); var l9 = Gather(ref pl, ref lf, ref ls, 9);
            var l10 = Gather(ref pl, ref lf, ref ls, 10); var l11 = Gather(ref pl, ref lf, ref ls, 11);
            var l12 = Gather(ref pl, ref lf, ref ls, 12); var l13 = Gather(ref pl, ref lf, ref ls, 13);
            var l14 = Gather(ref pl, ref lf, ref ls, 14); var l15 = Gather(ref pl, ref lf, ref ls, 15);

            // The later pre-step, then the earlier one, each on its digit's four triples.
            if (digit1 == 0)
            {
                BackOnDigit(ref r1, ref r2, ref r3, ref l1, ref l2, ref l3, inverse1, transposed1, ref c1);
                BackOnDigit(ref r5, ref r6, ref r7, ref l5, ref l6, ref l7, inverse1, transposed1, ref c1);
                BackOnDigit(ref r9, ref r10, ref r11, ref l9, ref l10, ref l11, inverse1, transposed1, ref c1);
                BackOnDigit(ref r13, ref r14, ref r15, ref l13, ref l14, ref l15, inverse1, transposed1, ref c1);
            }
            else if (digit1 == 1)
            {
                BackOnDigit(ref r4, ref r8, ref r12, ref l4, ref l8, ref l12, inverse1, transposed1, ref c1);
                BackOnDigit(ref r5, ref r9, ref r13, ref l5, ref l9, ref l13, inverse1, transposed1, ref c1);
                BackOnDigit(ref r6, ref r10, ref r14, ref l6, ref l10, ref l14, inverse1, transposed1, ref c1);
                BackOnDigit(ref r7, ref r11, ref r15, ref l7, ref l11, ref l15, inverse1, transposed1, ref c1);
            }

            if (digit0 == 0)
            {
                BackOnDigit(ref r1, ref r2, ref r3, ref l1, ref l2, ref l3, inverse0, transposed0, ref c0);
                BackOnDigit(ref r5, ref r6, ref r7, ref l5, ref l6, ref l7, inverse0, transposed0, ref c0);
                BackOnDigit(ref r9, ref r10, ref r11, ref l9, ref l10, ref l11, inverse0, transposed0, ref c0);
                BackOnDigit(ref r13, ref r14, ref r15, ref l13, ref l14, ref l15, inverse0, transposed0, ref c0);
            }
            else if (digit0 == 1)
            {
                BackOnDigit(ref r4, ref r8, ref r12, ref l4, ref l8, ref l12, inverse0, transposed0, ref c0);
                BackOnDigit(ref r5, ref r9, ref r13, ref l5, ref l9, ref l13, inverse0, transposed0, ref c0);
                BackOnDigit(ref r6, ref r10, ref r14, ref l6, ref l10, ref l14, inverse0, transposed0, ref c0);
                BackOnDigit(ref r7, ref r11, ref r15, ref l7, ref l11, ref l15, inverse0, transposed0, ref c0);
            }

            r0.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 0)); r1.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 1));
            r2.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 2)); r3.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 3));
            r4.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 4)); r5.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 5));
            r6.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 6)); r7.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 7));
            r8.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 8)); r9.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 9));
            r10.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 10)); r11.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 11));
            r12.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 12)); r13.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 13));
            r14.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 14)); r15.StoreUnsafe(ref pr, (nuint)Unsafe.Add(ref of, 15));
            l0.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 0)); l1.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 1));
            l2.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 2)); l3.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 3));
            l4.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 4)); l5.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 5));
            l6.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 6)); l7.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 7));
            l8.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 8)); l9.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 9));
            l10.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 10)); l11.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 11));
            l12.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 12)); l13.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 13));
            l14.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 14)); l15.StoreUnsafe(ref pl, (nuint)Unsafe.Add(ref of, 15));
        }

        if (!pre1.IsNone)
        {
            AddCorrelations(c1, onDigitZero: false, pre1.Correlation);
        }

        if (!pre0.IsNone)
        {
            AddCorrelations(c0, onDigitZero: false, pre0.Correlation);
        }
    }

    /// <summary>
    /// One qubit is 0: a group is four vectors (one per digit e of the other qubit, lanes qubit 0's digit); the monomial's
    /// outputs are gathered across them (two <c>vpermt2pd</c> per 512-bit half with AVX-512, sixteen plain loads
    /// otherwise: the same products), a pre-step on qubit 0 works lane by lane, one on the other qubit across x1, x2, x3.
    /// </summary>
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
        rTile.Plain(rFrom, rScale);
        lTile.Plain(lFrom, lScale);
        ref int rf = ref MemoryMarshal.GetReference(rFrom);
        ref int lf = ref MemoryMarshal.GetReference(lFrom);
        ref double rs = ref MemoryMarshal.GetReference(rScale);
        ref double ls = ref MemoryMarshal.GetReference(lScale);

        // Kind of each pre-step: 0 none, 1 on qubit 0 (lane-wise), 2 on the other qubit (across the vectors).
        int kind1 = pre1.IsNone ? 0 : pre1.Qubit == 0 ? 1 : 2;
        int kind0 = pre0.IsNone ? 0 : pre0.Qubit == 0 ? 1 : 2;
        var inverse1 = pre1.Inverse;
        var transposed1 = pre1.Transposed;
        var inverse0 = pre0.Inverse;
        var transposed0 = pre0.Transposed;
        var lanes1 = LaneCoefficients.From(inverse1, transposed1);
        var lanes0 = LaneCoefficients.From(inverse0, transposed0);
        var c1 = default(Correlation9);
        var c0 = default(Correlation9);
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

            if (kind1 == 1)
            {
                BackOnLanes(ref x0, ref y0, lanes1, ref c1);
                BackOnLanes(ref x1, ref y1, lanes1, ref c1);
                BackOnLanes(ref x2, ref y2, lanes1, ref c1);
                BackOnLanes(ref x3, ref y3, lanes1, ref c1);
            }
            else if (kind1 == 2)
            {
                BackOnDigit(ref x1, ref x2, ref x3, ref y1, ref y2, ref y3, inverse1, transposed1, ref c1);
            }

            if (kind0 == 1)
            {
                BackOnLanes(ref x0, ref y0, lanes0, ref c0);
                BackOnLanes(ref x1, ref y1, lanes0, ref c0);
                BackOnLanes(ref x2, ref y2, lanes0, ref c0);
                BackOnLanes(ref x3, ref y3, lanes0, ref c0);
            }
            else if (kind0 == 2)
            {
                BackOnDigit(ref x1, ref x2, ref x3, ref y1, ref y2, ref y3, inverse0, transposed0, ref c0);
            }

            x0.StoreUnsafe(ref pr); x1.StoreUnsafe(ref pr, stride); x2.StoreUnsafe(ref pr, 2 * stride); x3.StoreUnsafe(ref pr, 3 * stride);
            y0.StoreUnsafe(ref pl); y1.StoreUnsafe(ref pl, stride); y2.StoreUnsafe(ref pl, 2 * stride); y3.StoreUnsafe(ref pl, 3 * stride);
        }

        if (kind1 != 0)
        {
            AddCorrelations(c1, onDigitZero: kind1 == 1, pre1.Correlation);
        }

        if (kind0 != 0)
        {
            AddCorrelations(c0, onDigitZero: kind0 == 1, pre0.Correlation);
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

    /// <summary>
    /// A unital step's backward on one triple (X, Z, Y entries of its digit): C_ab += r_a λ_b, then r ← M⁻¹ r and
    /// λ ← Mᵀ λ in <see cref="MatVec3"/>'s entry order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackOnDigit(ref Vector256<double> r1, ref Vector256<double> r2, ref Vector256<double> r3, ref Vector256<double> l1,
        ref Vector256<double> l2, ref Vector256<double> l3, in Unital3 inverse, in Unital3 transposed, ref Correlation9 c)
    {
        var a1 = r1; var a2 = r2; var a3 = r3;
        var b1 = l1; var b2 = l2; var b3 = l3;
        c.C11 += a1 * b1; c.C12 += a1 * b2; c.C13 += a1 * b3;
        c.C21 += a2 * b1; c.C22 += a2 * b2; c.C23 += a2 * b3;
        c.C31 += a3 * b1; c.C32 += a3 * b2; c.C33 += a3 * b3;
        r1 = ((a1 * inverse.M11) + (a2 * inverse.M12)) + (a3 * inverse.M13);
        r2 = ((a1 * inverse.M21) + (a2 * inverse.M22)) + (a3 * inverse.M23);
        r3 = ((a1 * inverse.M31) + (a2 * inverse.M32)) + (a3 * inverse.M33);
        l1 = ((b1 * transposed.M11) + (b2 * transposed.M12)) + (b3 * transposed.M13);
        l2 = ((b1 * transposed.M21) + (b2 * transposed.M22)) + (b3 * transposed.M23);
        l3 = ((b1 * transposed.M31) + (b2 * transposed.M32)) + (b3 * transposed.M33);
    }

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
    /// <see cref="BackwardUnitalOnDigitZero"/>'s work on one vector: same/next/previous lane products into C11/C12/C13,
    /// then r and λ by the two lane permutes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void BackOnLanes(ref Vector256<double> r, ref Vector256<double> lambda, in LaneCoefficients m, ref Correlation9 c)
    {
        var v = r;
        var w = lambda;
        var v1 = Vector256.Shuffle(v, Vector256.Create(0L, 2, 3, 1));
        var v2 = Vector256.Shuffle(v, Vector256.Create(0L, 3, 1, 2));
        var w1 = Vector256.Shuffle(w, Vector256.Create(0L, 2, 3, 1));
        var w2 = Vector256.Shuffle(w, Vector256.Create(0L, 3, 1, 2));
        c.C11 += v * w;
        c.C12 += v * w1;
        c.C13 += v * w2;
        r = (m.I0 * v + m.I1 * v1) + m.I2 * v2;
        lambda = (m.T0 * w + m.T1 * w1) + m.T2 * w2;
    }

    /// <summary>Adds the lane sums (or, on digit 0, the lanes) of the accumulators to C[4a + b].</summary>
    private static void AddCorrelations(in Correlation9 c, bool onDigitZero, Span<double> correlation)
    {
        if (onDigitZero)
        {
            // Lane a of C11 (same) is C_aa; of C12 (next), C_a,a+1 cyclically in 1..3; of C13 (previous), C_a,a−1.
            correlation[5] += c.C11.GetElement(1);
            correlation[10] += c.C11.GetElement(2);
            correlation[15] += c.C11.GetElement(3);
            correlation[6] += c.C12.GetElement(1);
            correlation[11] += c.C12.GetElement(2);
            correlation[13] += c.C12.GetElement(3);
            correlation[7] += c.C13.GetElement(1);
            correlation[9] += c.C13.GetElement(2);
            correlation[14] += c.C13.GetElement(3);
            return;
        }

        correlation[5] += LaneSum(c.C11);
        correlation[6] += LaneSum(c.C12);
        correlation[7] += LaneSum(c.C13);
        correlation[9] += LaneSum(c.C21);
        correlation[10] += LaneSum(c.C22);
        correlation[11] += LaneSum(c.C23);
        correlation[13] += LaneSum(c.C31);
        correlation[14] += LaneSum(c.C32);
        correlation[15] += LaneSum(c.C33);
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
