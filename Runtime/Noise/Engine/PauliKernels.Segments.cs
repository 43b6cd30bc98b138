using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
    [SkipLocalsInit] // the tables are written for every move before they are read
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

    /// <summary>
    /// r ← M r for a monomial two-qubit map (a Clifford gate with Pauli channels) on a pair that includes qubit 0, whose
    /// digit is contiguous: each group's sixteen entries are two 512-bit vectors (four quadruples of qubit 0's digit, one
    /// per digit of the other qubit), and every output is one gathered input times its scale (<c>vpermt2pd</c>, then a
    /// multiply) — the single product the general path forms, so the same bits.
    /// </summary>
    /// <returns>False (nothing done) without AVX-512, when the map is not monomial or neither qubit is 0.</returns>
    public static bool TryApplyMonomialOnQubitZero(Span<double> r, int a, int b, Sparse16 m)
    {
        if (m.TileFirst is null || (a != 0 && b != 0) || !Avx512F.IsSupported)
        {
            return false;
        }

        var tile = new QubitZeroTile(m, a);
        int other = a == 0 ? b : a;
        ref double d = ref MemoryMarshal.GetReference(r);
        int n = r.Length;
        if (other == 1)
        {
            for (int i = 0; i < n; i += 16)
            {
                ref double p = ref Unsafe.Add(ref d, i);
                var low = Vector512.LoadUnsafe(ref p);
                var high = Vector512.LoadUnsafe(ref p, 8);
                tile.Low(low, high).StoreUnsafe(ref p);
                tile.High(low, high).StoreUnsafe(ref p, 8);
            }

            return true;
        }

        nuint stride = (nuint)1 << (2 * other);
        int groups = n >> 4;
        for (int k = 0; k < groups; k++)
        {
            ref double p = ref Unsafe.Add(ref d, InsertZeroDigits(k, 0, other));
            var low = Vector512.Create(Vector256.LoadUnsafe(ref p), Vector256.LoadUnsafe(ref p, stride));
            var high = Vector512.Create(Vector256.LoadUnsafe(ref p, 2 * stride), Vector256.LoadUnsafe(ref p, 3 * stride));
            tile.StoreStrided(low, high, ref p, stride);
        }

        return true;
    }

    /// <summary>
    /// r ← M r on qubit 0's digit for a unital one-qubit map (M e0 = e0, e0ᵀ M = e0ᵀ: rotations, unital channels): each
    /// group is one vector v, and M v = D0⊙v + D1⊙P1(v) + D2⊙P2(v) with P1, P2 the two cyclic shifts of lanes 1–3 and D
    /// the matching diagonals of M's 3×3 block (lane 0 keeps v0) — two lane permutes where the general kernel
    /// broadcasts four. The scalar path forms the same sums in the same order.
    /// </summary>
    public static void ApplyUnitalOnDigitZero(Span<double> r, ReadOnlySpan<double> m)
    {
        ref double d = ref MemoryMarshal.GetReference(r);
        int n = r.Length;
        if (Vector256.IsHardwareAccelerated)
        {
            var d0 = Vector256.Create(1, m[5], m[10], m[15]);
            var d1 = Vector256.Create(0, m[6], m[11], m[13]);
            var d2 = Vector256.Create(0, m[7], m[9], m[14]);
            for (int i = 0; i < n; i += 4)
            {
                ref double p = ref Unsafe.Add(ref d, i);
                var v = Vector256.LoadUnsafe(ref p);
                var p1 = Vector256.Shuffle(v, Vector256.Create(0L, 2, 3, 1));
                var p2 = Vector256.Shuffle(v, Vector256.Create(0L, 3, 1, 2));
                ((d0 * v + d1 * p1) + d2 * p2).StoreUnsafe(ref p);
            }

            return;
        }

        double m11 = m[5], m12 = m[6], m13 = m[7];
        double m21 = m[9], m22 = m[10], m23 = m[11];
        double m31 = m[13], m32 = m[14], m33 = m[15];
        for (int i = 0; i < n; i += 4)
        {
            ref double p = ref Unsafe.Add(ref d, i);
            double v0 = p, v1 = Unsafe.Add(ref p, 1), v2 = Unsafe.Add(ref p, 2), v3 = Unsafe.Add(ref p, 3);
            p = ((1 * v0) + (0 * v0)) + (0 * v0);
            Unsafe.Add(ref p, 1) = ((m11 * v1) + (m12 * v2)) + (m13 * v3);
            Unsafe.Add(ref p, 2) = ((m22 * v2) + (m23 * v3)) + (m21 * v1);
            Unsafe.Add(ref p, 3) = ((m33 * v3) + (m31 * v1)) + (m32 * v2);
        }
    }

    /// <summary>
    /// <see cref="BackwardOne"/> for a unital one-qubit step on qubit 0 (rotations, unital channels): each group of r
    /// and λ is one vector, the nine correlations C_ab (a, b in X, Z, Y) are r⊙λ, r⊙P1(λ) and r⊙P2(λ) lane by lane
    /// (P1, P2 the cyclic shifts of lanes 1–3), and r ← M⁻¹ r, λ ← Mᵀ λ are <see cref="ApplyUnitalOnDigitZero"/>'s two
    /// permutes per vector, where the general kernel transposes four groups in and out. Vector256 code on every machine
    /// (in software without 256-bit SIMD), so the bits do not depend on the hardware; equal to <see cref="BackwardOne"/>
    /// to rounding (the correlation sums run in another order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardUnitalOnDigitZero(Span<double> r, Span<double> lambda, ReadOnlySpan<double> inverse, ReadOnlySpan<double> transposed,
        Span<double> correlation)
    {
        ref double rd = ref MemoryMarshal.GetReference(r);
        ref double ld = ref MemoryMarshal.GetReference(lambda);
        int n = r.Length;
        var i0 = Vector256.Create(1, inverse[5], inverse[10], inverse[15]);
        var i1 = Vector256.Create(0, inverse[6], inverse[11], inverse[13]);
        var i2 = Vector256.Create(0, inverse[7], inverse[9], inverse[14]);
        var t0 = Vector256.Create(1, transposed[5], transposed[10], transposed[15]);
        var t1 = Vector256.Create(0, transposed[6], transposed[11], transposed[13]);
        var t2 = Vector256.Create(0, transposed[7], transposed[9], transposed[14]);
        var same = Vector256<double>.Zero;
        var next = same;
        var previous = same;
        for (int i = 0; i < n; i += 4)
        {
            ref double pr = ref Unsafe.Add(ref rd, i);
            ref double pl = ref Unsafe.Add(ref ld, i);
            var v = Vector256.LoadUnsafe(ref pr);
            var w = Vector256.LoadUnsafe(ref pl);
            var v1 = Vector256.Shuffle(v, Vector256.Create(0L, 2, 3, 1));
            var v2 = Vector256.Shuffle(v, Vector256.Create(0L, 3, 1, 2));
            var w1 = Vector256.Shuffle(w, Vector256.Create(0L, 2, 3, 1));
            var w2 = Vector256.Shuffle(w, Vector256.Create(0L, 3, 1, 2));
            same += v * w;
            next += v * w1;
            previous += v * w2;
            ((i0 * v + i1 * v1) + i2 * v2).StoreUnsafe(ref pr);
            ((t0 * w + t1 * w1) + t2 * w2).StoreUnsafe(ref pl);
        }

        // Lane a of `same` is C_aa; of `next`, C_a,a+1 (cyclically in 1..3); of `previous`, C_a,a-1.
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
    /// One pass for what would be up to three: the unital one-qubit maps <paramref name="pre0"/> (on qubit
    /// <paramref name="pre0Qubit"/>) and then <paramref name="pre1"/> (empty for none), each on one of the pair's qubits,
    /// followed by the monomial two-qubit map <paramref name="m"/> on (<paramref name="a"/>, <paramref name="b"/>) — the
    /// group's sixteen entries stay in registers between them. Every entry gets the products and sums the separate kernels
    /// form (<see cref="Apply"/>'s unital formula on a digit above 0, <see cref="ApplyUnitalOnDigitZero"/>'s on digit 0,
    /// one gathered product for the monomial), so the bits are those of the three passes.
    /// </summary>
    /// <returns>False (nothing done) when the map is not monomial, or a qubit is 0 and there is no AVX-512 (the caller runs the passes).</returns>
    [SkipLocalsInit] // every stackalloc'd entry is written before it is read
    public static bool TryApplyRotatedMonomial(Span<double> r, int a, int b, ReadOnlySpan<double> pre0, int pre0Qubit, ReadOnlySpan<double> pre1,
        int pre1Qubit, Sparse16 m)
    {
        if (m.TileFirst is null || !Vector256.IsHardwareAccelerated)
        {
            return false;
        }

        if (a == 0 || b == 0)
        {
            return Avx512F.IsSupported && RotatedMonomialOnQubitZero(r, a, b, pre0, pre0Qubit, pre1, pre1Qubit, m);
        }

        if (Avx512F.IsSupported && r.Length >= 128 && TryRotatedMonomialWide(r, a, b, pre0, pre0Qubit, pre1, pre1Qubit, m))
        {
            return true;
        }

        Span<int> offset = stackalloc int[16];
        for (int l = 0; l < 16; l++)
        {
            offset[l] = ((l & 3) << (2 * a)) + ((l >> 2) << (2 * b));
        }

        var columns = m.Columns;
        var values = m.Values;
        int lo = Math.Min(a, b), hi = Math.Max(a, b);
        int groups = r.Length >> 4;
        ref double d = ref MemoryMarshal.GetReference(r);
        Span<Vector256<double>> v = stackalloc Vector256<double>[16];
        for (int k = 0; k < groups; k += 4)
        {
            ref double g = ref Unsafe.Add(ref d, InsertZeroDigits(k, lo, hi));
            for (int l = 0; l < 16; l++)
            {
                v[l] = Vector256.LoadUnsafe(ref Unsafe.Add(ref g, offset[l]));
            }

            if (!pre0.IsEmpty)
            {
                UnitalOnLocalDigit(v, pre0Qubit == a ? 0 : 1, pre0);
            }

            if (!pre1.IsEmpty)
            {
                UnitalOnLocalDigit(v, pre1Qubit == a ? 0 : 1, pre1);
            }

            for (int i = 0; i < 16; i++)
            {
                (v[columns[i]] * values[i]).StoreUnsafe(ref Unsafe.Add(ref g, offset[i]));
            }
        }

        return true;
    }

    /// <summary><see cref="Apply"/>'s unital formula on local digit <paramref name="digit"/> (0 or 1) of a group held as sixteen vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void UnitalOnLocalDigit(Span<Vector256<double>> v, int digit, ReadOnlySpan<double> m)
    {
        double m11 = m[5], m12 = m[6], m13 = m[7];
        double m21 = m[9], m22 = m[10], m23 = m[11];
        double m31 = m[13], m32 = m[14], m33 = m[15];
        int step = digit == 0 ? 1 : 4;
        int across = digit == 0 ? 4 : 1;
        for (int o = 0; o < 4; o++)
        {
            int i1 = (o * across) + step, i2 = i1 + step, i3 = i2 + step;
            var v1 = v[i1];
            var v2 = v[i2];
            var v3 = v[i3];
            v[i1] = (v1 * m11 + v2 * m12) + v3 * m13;
            v[i2] = (v1 * m21 + v2 * m22) + v3 * m23;
            v[i3] = (v1 * m31 + v2 * m32) + v3 * m33;
        }
    }

    /// <summary><see cref="TryApplyRotatedMonomial"/> when one qubit is 0: a group is four vectors (one per digit of the other qubit, lanes qubit 0's digit).</summary>
    private static bool RotatedMonomialOnQubitZero(Span<double> r, int a, int b, ReadOnlySpan<double> pre0, int pre0Qubit, ReadOnlySpan<double> pre1,
        int pre1Qubit, Sparse16 m)
    {
        var tile = new QubitZeroTile(m, a);
        int other = a == 0 ? b : a;
        bool firstOnZero = !pre0.IsEmpty && pre0Qubit == 0;
        bool secondOnZero = !pre1.IsEmpty && pre1Qubit == 0;
        var zero0 = Diagonals(firstOnZero ? pre0 : pre1);
        var other0 = OtherCoefficients(firstOnZero ? pre1 : pre0);
        nuint stride = (nuint)1 << (2 * other);
        int groups = r.Length >> 4;
        ref double d = ref MemoryMarshal.GetReference(r);
        for (int k = 0; k < groups; k++)
        {
            ref double p = ref Unsafe.Add(ref d, InsertZeroDigits(k, 0, other));
            var x0 = Vector256.LoadUnsafe(ref p);
            var x1 = Vector256.LoadUnsafe(ref p, stride);
            var x2 = Vector256.LoadUnsafe(ref p, 2 * stride);
            var x3 = Vector256.LoadUnsafe(ref p, 3 * stride);
            if (firstOnZero)
            {
                OnDigitZero(ref x0, ref x1, ref x2, ref x3, zero0);
            }

            if (!pre0.IsEmpty && !firstOnZero)
            {
                Across(ref x1, ref x2, ref x3, other0);
            }

            if (secondOnZero)
            {
                OnDigitZero(ref x0, ref x1, ref x2, ref x3, zero0);
            }

            if (!pre1.IsEmpty && !secondOnZero)
            {
                Across(ref x1, ref x2, ref x3, other0);
            }

            var low = Vector512.Create(x0, x1);
            var high = Vector512.Create(x2, x3);
            tile.StoreStrided(low, high, ref p, stride);
        }

        return true;
    }

    /// <summary>
    /// A monomial two-qubit step on a pair with qubit 0 as two <c>vpermt2pd</c> gathers and two products per group of 16
    /// entries (<see cref="Sparse16"/>'s tile tables for the pair's order), shared by the plain and the rotated kernels.
    /// </summary>
    private readonly struct QubitZeroTile
    {
        private readonly Vector512<long> _gatherLow;
        private readonly Vector512<long> _gatherHigh;
        private readonly Vector512<double> _scaleLow;
        private readonly Vector512<double> _scaleHigh;

        public QubitZeroTile(Sparse16 m, int a)
        {
            var gather = a == 0 ? m.TileFirst! : m.TileSecond!;
            var scale = a == 0 ? m.TileFirstScale! : m.TileSecondScale!;
            _gatherLow = Vector512.Create(gather.AsSpan(0, 8));
            _gatherHigh = Vector512.Create(gather.AsSpan(8, 8));
            _scaleLow = Vector512.Create(scale.AsSpan(0, 8));
            _scaleHigh = Vector512.Create(scale.AsSpan(8, 8));
        }

        /// <summary>Output entries 0–7 of the group whose inputs are <paramref name="low"/> (0–7) and <paramref name="high"/> (8–15).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> Low(Vector512<double> low, Vector512<double> high) => Avx512F.PermuteVar8x64x2(low, _gatherLow, high) * _scaleLow;

        /// <summary>Output entries 8–15 of the same group.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> High(Vector512<double> low, Vector512<double> high) => Avx512F.PermuteVar8x64x2(low, _gatherHigh, high) * _scaleHigh;

        /// <summary>The group's outputs stored as its four runs of four entries, <paramref name="stride"/> apart.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void StoreStrided(Vector512<double> low, Vector512<double> high, ref double p, nuint stride)
        {
            var outLow = Low(low, high);
            var outHigh = High(low, high);
            outLow.GetLower().StoreUnsafe(ref p);
            outLow.GetUpper().StoreUnsafe(ref p, stride);
            outHigh.GetLower().StoreUnsafe(ref p, 2 * stride);
            outHigh.GetUpper().StoreUnsafe(ref p, 3 * stride);
        }
    }

    private static (Vector256<double> D0, Vector256<double> D1, Vector256<double> D2) Diagonals(ReadOnlySpan<double> m) =>
        m.IsEmpty
            ? default
            : (Vector256.Create(1, m[5], m[10], m[15]), Vector256.Create(0, m[6], m[11], m[13]), Vector256.Create(0, m[7], m[9], m[14]));

    private static (double M11, double M12, double M13, double M21, double M22, double M23, double M31, double M32, double M33) OtherCoefficients(
        ReadOnlySpan<double> m) =>
        m.IsEmpty ? default : (m[5], m[6], m[7], m[9], m[10], m[11], m[13], m[14], m[15]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void OnDigitZero(ref Vector256<double> x0, ref Vector256<double> x1, ref Vector256<double> x2, ref Vector256<double> x3,
        (Vector256<double> D0, Vector256<double> D1, Vector256<double> D2) c)
    {
        x0 = UnitalLanes(x0, c);
        x1 = UnitalLanes(x1, c);
        x2 = UnitalLanes(x2, c);
        x3 = UnitalLanes(x3, c);
    }

    /// <summary>One group of <see cref="ApplyUnitalOnDigitZero"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> UnitalLanes(Vector256<double> v, (Vector256<double> D0, Vector256<double> D1, Vector256<double> D2) c)
    {
        var p1 = Vector256.Shuffle(v, Vector256.Create(0L, 2, 3, 1));
        var p2 = Vector256.Shuffle(v, Vector256.Create(0L, 3, 1, 2));
        return (c.D0 * v + c.D1 * p1) + c.D2 * p2;
    }

    /// <summary><see cref="Apply"/>'s unital formula across the X, Z, Y digit vectors of the other qubit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Across(ref Vector256<double> x1, ref Vector256<double> x2, ref Vector256<double> x3,
        (double M11, double M12, double M13, double M21, double M22, double M23, double M31, double M32, double M33) c)
    {
        var v1 = x1;
        var v2 = x2;
        var v3 = x3;
        x1 = (v1 * c.M11 + v2 * c.M12) + v3 * c.M13;
        x2 = (v1 * c.M21 + v2 * c.M22) + v3 * c.M23;
        x3 = (v1 * c.M31 + v2 * c.M32) + v3 * c.M33;
    }
}
