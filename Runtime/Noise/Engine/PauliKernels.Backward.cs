using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NegLR.Simulation;

// The adjoint pass of a fused step in one sweep over r (the state, un-computed backwards) and λ (the observable,
// carried backwards). The step's maps are folded per call into M⁻¹ (for r) and Mᵀ (for λ), and every gradient tap
// λ_jᵀ L_j r_j inside the step is rewritten at the step's end as λᵀ A_j r with A_j = S_j L_j S_j⁻¹ (S_j the maps after
// tap j), so one pass accumulates the correlation C_ab = Σ r_a λ_b over the groups and every tap is Σ A_ba C_ab.
// Four groups are processed at once, one per vector lane; the same Vector256 code runs in software where there is no
// 256-bit SIMD, so results do not depend on the hardware. Lane sums are reduced as (l0 + l1) + (l2 + l3).
internal static partial class PauliKernels
{
    /// <summary>
    /// One pass over a one-qubit step: C_ab += r_a λ_b over every group (digits a, b; only X, Z, Y when
    /// <paramref name="unital"/>), then r ← M⁻¹ r and λ ← Mᵀ λ. C is added to <paramref name="correlation"/> (16), so a
    /// caller sweeping a vector block by block accumulates it.
    /// </summary>
    public static void BackwardOne(Span<double> r, Span<double> lambda, int qubit, ReadOnlySpan<double> inverse, ReadOnlySpan<double> transposed,
        bool unital, Span<double> correlation)
    {
        if (r.Length < 16)
        {
            // One qubit: pad to two (the second qubit's digit 0), run the same code, copy back; the padding adds zeros.
            Span<double> rp = stackalloc double[16];
            Span<double> lp = stackalloc double[16];
            rp.Clear();
            lp.Clear();
            r.CopyTo(rp);
            lambda.CopyTo(lp);
            BackwardOne(rp, lp, qubit, inverse, transposed, unital, correlation);
            rp[..r.Length].CopyTo(r);
            lp[..lambda.Length].CopyTo(lambda);
            return;
        }

        Span<Vector256<double>> acc = stackalloc Vector256<double>[16];
        acc.Clear();
        ref double rd = ref MemoryMarshal.GetReference(r);
        ref double ld = ref MemoryMarshal.GetReference(lambda);
        int n = r.Length;
        int first = unital ? 1 : 0;
        if (qubit == 0)
        {
            for (int i = 0; i < n; i += 16)
            {
                ref double pr = ref Unsafe.Add(ref rd, i);
                ref double pl = ref Unsafe.Add(ref ld, i);
                var r0 = Vector256.LoadUnsafe(ref pr); var r1 = Vector256.LoadUnsafe(ref pr, 4);
                var r2 = Vector256.LoadUnsafe(ref pr, 8); var r3 = Vector256.LoadUnsafe(ref pr, 12);
                var l0 = Vector256.LoadUnsafe(ref pl); var l1 = Vector256.LoadUnsafe(ref pl, 4);
                var l2 = Vector256.LoadUnsafe(ref pl, 8); var l3 = Vector256.LoadUnsafe(ref pl, 12);
                Transpose(ref r0, ref r1, ref r2, ref r3);
                Transpose(ref l0, ref l1, ref l2, ref l3);
                Correlate(acc, first, r0, r1, r2, r3, l0, l1, l2, l3);
                MatVec4(inverse, ref r0, ref r1, ref r2, ref r3);
                MatVec4(transposed, ref l0, ref l1, ref l2, ref l3);
                Transpose(ref r0, ref r1, ref r2, ref r3);
                Transpose(ref l0, ref l1, ref l2, ref l3);
                r0.StoreUnsafe(ref pr); r1.StoreUnsafe(ref pr, 4); r2.StoreUnsafe(ref pr, 8); r3.StoreUnsafe(ref pr, 12);
                l0.StoreUnsafe(ref pl); l1.StoreUnsafe(ref pl, 4); l2.StoreUnsafe(ref pl, 8); l3.StoreUnsafe(ref pl, 12);
            }
        }
        else if (unital)
        {
            BackwardOneUnital(ref rd, ref ld, n, qubit, inverse, transposed, acc);
        }
        else
        {
            int s = 1 << (2 * qubit);
            nuint st = (nuint)s;
            for (int block = 0; block < n; block += s << 2)
            {
                for (int i = block; i < block + s; i += 4)
                {
                    ref double pr = ref Unsafe.Add(ref rd, i);
                    ref double pl = ref Unsafe.Add(ref ld, i);
                    var r0 = Vector256.LoadUnsafe(ref pr); var r1 = Vector256.LoadUnsafe(ref pr, st);
                    var r2 = Vector256.LoadUnsafe(ref pr, 2 * st); var r3 = Vector256.LoadUnsafe(ref pr, 3 * st);
                    var l0 = Vector256.LoadUnsafe(ref pl); var l1 = Vector256.LoadUnsafe(ref pl, st);
                    var l2 = Vector256.LoadUnsafe(ref pl, 2 * st); var l3 = Vector256.LoadUnsafe(ref pl, 3 * st);
                    Correlate(acc, first, r0, r1, r2, r3, l0, l1, l2, l3);
                    if (unital)
                    {
                        MatVec3(inverse, ref r1, ref r2, ref r3);
                        MatVec3(transposed, ref l1, ref l2, ref l3);
                        r1.StoreUnsafe(ref pr, st); r2.StoreUnsafe(ref pr, 2 * st); r3.StoreUnsafe(ref pr, 3 * st);
                        l1.StoreUnsafe(ref pl, st); l2.StoreUnsafe(ref pl, 2 * st); l3.StoreUnsafe(ref pl, 3 * st);
                        continue;
                    }

                    MatVec4(inverse, ref r0, ref r1, ref r2, ref r3);
                    MatVec4(transposed, ref l0, ref l1, ref l2, ref l3);
                    r0.StoreUnsafe(ref pr); r1.StoreUnsafe(ref pr, st); r2.StoreUnsafe(ref pr, 2 * st); r3.StoreUnsafe(ref pr, 3 * st);
                    l0.StoreUnsafe(ref pl); l1.StoreUnsafe(ref pl, st); l2.StoreUnsafe(ref pl, 2 * st); l3.StoreUnsafe(ref pl, 3 * st);
                }
            }
        }

        for (int k = 0; k < 16; k++)
        {
            correlation[k] += LaneSum(acc[k]);
        }
    }

    /// <summary>
    /// The unital case on a digit above 0 (most steps: gates with Pauli channels): the identity entries stay, the nine
    /// correlations of the X, Z, Y entries accumulate in locals, and the two 3×3 maps use the same entry order as
    /// <see cref="MatVec3"/>.
    /// </summary>
    private static void BackwardOneUnital(ref double rd, ref double ld, int n, int qubit, ReadOnlySpan<double> inverse, ReadOnlySpan<double> transposed,
        Span<Vector256<double>> acc)
    {
        int s = 1 << (2 * qubit);
        nuint st = (nuint)s;
        double i11 = inverse[5], i12 = inverse[6], i13 = inverse[7], i21 = inverse[9], i22 = inverse[10], i23 = inverse[11];
        double i31 = inverse[13], i32 = inverse[14], i33 = inverse[15];
        double t11 = transposed[5], t12 = transposed[6], t13 = transposed[7], t21 = transposed[9], t22 = transposed[10], t23 = transposed[11];
        double t31 = transposed[13], t32 = transposed[14], t33 = transposed[15];
        var c11 = Vector256<double>.Zero; var c12 = c11; var c13 = c11; var c21 = c11; var c22 = c11; var c23 = c11;
        var c31 = c11; var c32 = c11; var c33 = c11;
        for (int block = 0; block < n; block += s << 2)
        {
            for (int i = block + s; i < block + (2 * s); i += 4)
            {
                ref double pr = ref Unsafe.Add(ref rd, i);
                ref double pl = ref Unsafe.Add(ref ld, i);
                var r1 = Vector256.LoadUnsafe(ref pr); var r2 = Vector256.LoadUnsafe(ref pr, st); var r3 = Vector256.LoadUnsafe(ref pr, 2 * st);
                var l1 = Vector256.LoadUnsafe(ref pl); var l2 = Vector256.LoadUnsafe(ref pl, st); var l3 = Vector256.LoadUnsafe(ref pl, 2 * st);
                c11 += r1 * l1; c12 += r1 * l2; c13 += r1 * l3;
                c21 += r2 * l1; c22 += r2 * l2; c23 += r2 * l3;
                c31 += r3 * l1; c32 += r3 * l2; c33 += r3 * l3;
                (((r1 * i11) + (r2 * i12)) + (r3 * i13)).StoreUnsafe(ref pr);
                (((r1 * i21) + (r2 * i22)) + (r3 * i23)).StoreUnsafe(ref pr, st);
                (((r1 * i31) + (r2 * i32)) + (r3 * i33)).StoreUnsafe(ref pr, 2 * st);
                (((l1 * t11) + (l2 * t12)) + (l3 * t13)).StoreUnsafe(ref pl);
                (((l1 * t21) + (l2 * t22)) + (l3 * t23)).StoreUnsafe(ref pl, st);
                (((l1 * t31) + (l2 * t32)) + (l3 * t33)).StoreUnsafe(ref pl, 2 * st);
            }
        }

        acc[5] = c11; acc[6] = c12; acc[7] = c13;
        acc[9] = c21; acc[10] = c22; acc[11] = c23;
        acc[13] = c31; acc[14] = c32; acc[15] = c33;
    }

    /// <summary>acc[4a + b] += r_a λ_b for a, b ≥ <paramref name="first"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Correlate(Span<Vector256<double>> acc, int first, Vector256<double> r0, Vector256<double> r1, Vector256<double> r2,
        Vector256<double> r3, Vector256<double> l0, Vector256<double> l1, Vector256<double> l2, Vector256<double> l3)
    {
        if (first == 0)
        {
            acc[0] += r0 * l0; acc[1] += r0 * l1; acc[2] += r0 * l2; acc[3] += r0 * l3;
            acc[4] += r1 * l0; acc[8] += r2 * l0; acc[12] += r3 * l0;
        }

        acc[5] += r1 * l1; acc[6] += r1 * l2; acc[7] += r1 * l3;
        acc[9] += r2 * l1; acc[10] += r2 * l2; acc[11] += r2 * l3;
        acc[13] += r3 * l1; acc[14] += r3 * l2; acc[15] += r3 * l3;
    }

    /// <summary>v ← M v for a 4×4 row-major M, entry order (m_i0 v0 + m_i1 v1) + (m_i2 v2 + m_i3 v3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MatVec4(ReadOnlySpan<double> m, ref Vector256<double> v0, ref Vector256<double> v1, ref Vector256<double> v2,
        ref Vector256<double> v3)
    {
        var a = v0; var b = v1; var c = v2; var d = v3;
        v0 = ((a * m[0]) + (b * m[1])) + ((c * m[2]) + (d * m[3]));
        v1 = ((a * m[4]) + (b * m[5])) + ((c * m[6]) + (d * m[7]));
        v2 = ((a * m[8]) + (b * m[9])) + ((c * m[10]) + (d * m[11]));
        v3 = ((a * m[12]) + (b * m[13])) + ((c * m[14]) + (d * m[15]));
    }

    /// <summary>The unital case: the X, Z, Y entries by the lower-right 3×3 block, as <see cref="Apply"/> computes them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MatVec3(ReadOnlySpan<double> m, ref Vector256<double> v1, ref Vector256<double> v2, ref Vector256<double> v3)
    {
        var b = v1; var c = v2; var d = v3;
        v1 = ((b * m[5]) + (c * m[6])) + (d * m[7]);
        v2 = ((b * m[9]) + (c * m[10])) + (d * m[11]);
        v3 = ((b * m[13]) + (c * m[14])) + (d * m[15]);
    }

    /// <summary>
    /// One read-only pass over a two-qubit step: C_ab = Σ r_a λ_b over every group (local indices a, b of 16), added to
    /// <paramref name="correlation"/> (256).
    /// </summary>
    public static void CorrelateTwo(ReadOnlySpan<double> r, ReadOnlySpan<double> lambda, int a, int b, Span<double> correlation)
    {
        if (r.Length < 64)
        {
            Span<double> rp = stackalloc double[64];
            Span<double> lp = stackalloc double[64];
            rp.Clear();
            lp.Clear();
            r.CopyTo(rp);
            lambda.CopyTo(lp);
            CorrelateTwo(rp, lp, a, b, correlation);
            return;
        }

        Span<Vector256<double>> acc = stackalloc Vector256<double>[256];
        acc.Clear();
        Span<Vector256<double>> rv = stackalloc Vector256<double>[16];
        Span<Vector256<double>> lv = stackalloc Vector256<double>[16];
        Span<int> offset = stackalloc int[16];
        for (int l = 0; l < 16; l++)
        {
            offset[l] = ((l & 3) << (2 * a)) + ((l >> 2) << (2 * b));
        }

        int lo = Math.Min(a, b), hi = Math.Max(a, b);
        int groups = r.Length >> 4;
        ref double rd = ref MemoryMarshal.GetReference(r);
        ref double ld = ref MemoryMarshal.GetReference(lambda);
        for (int k = 0; k < groups; k += 4)
        {
            int g = InsertZeroDigits(k, lo, hi);
            if (lo >= 1)
            {
                for (int l = 0; l < 16; l++)
                {
                    rv[l] = Vector256.LoadUnsafe(ref Unsafe.Add(ref rd, g + offset[l]));
                    lv[l] = Vector256.LoadUnsafe(ref Unsafe.Add(ref ld, g + offset[l]));
                }
            }
            else
            {
                LoadTransposed(ref rd, g, a, b, hi, rv);
                LoadTransposed(ref ld, g, a, b, hi, lv);
            }

            for (int i = 0; i < 16; i++)
            {
                var ri = rv[i];
                for (int j = 0; j < 16; j++)
                {
                    acc[(i * 16) + j] += ri * lv[j];
                }
            }
        }

        for (int k = 0; k < 256; k++)
        {
            correlation[k] += LaneSum(acc[k]);
        }
    }

    /// <summary>
    /// When one of the step's qubits is qubit 0, its digit is contiguous: for each digit of the other qubit, four groups'
    /// digit quadruples are loaded (groups at stride 4^f, f the lowest free qubit) and transposed into digit vectors.
    /// </summary>
    private static void LoadTransposed(ref double d, int g, int a, int b, int hi, Span<Vector256<double>> v)
    {
        int other = a == 0 ? b : a;
        int groupStride = hi == 1 ? 16 : 4;
        for (int vo = 0; vo < 4; vo++)
        {
            ref double p = ref Unsafe.Add(ref d, g + (vo << (2 * other)));
            var x0 = Vector256.LoadUnsafe(ref p);
            var x1 = Vector256.LoadUnsafe(ref Unsafe.Add(ref p, groupStride));
            var x2 = Vector256.LoadUnsafe(ref Unsafe.Add(ref p, 2 * groupStride));
            var x3 = Vector256.LoadUnsafe(ref Unsafe.Add(ref p, 3 * groupStride));
            Transpose(ref x0, ref x1, ref x2, ref x3);
            v[Local(a, 0, vo)] = x0;
            v[Local(a, 1, vo)] = x1;
            v[Local(a, 2, vo)] = x2;
            v[Local(a, 3, vo)] = x3;
        }
    }

    private static void StoreTransposed(ref double d, int g, int a, int b, int hi, Span<Vector256<double>> v)
    {
        int other = a == 0 ? b : a;
        int groupStride = hi == 1 ? 16 : 4;
        for (int vo = 0; vo < 4; vo++)
        {
            var x0 = v[Local(a, 0, vo)];
            var x1 = v[Local(a, 1, vo)];
            var x2 = v[Local(a, 2, vo)];
            var x3 = v[Local(a, 3, vo)];
            Transpose(ref x0, ref x1, ref x2, ref x3);
            ref double p = ref Unsafe.Add(ref d, g + (vo << (2 * other)));
            x0.StoreUnsafe(ref p);
            x1.StoreUnsafe(ref Unsafe.Add(ref p, groupStride));
            x2.StoreUnsafe(ref Unsafe.Add(ref p, 2 * groupStride));
            x3.StoreUnsafe(ref Unsafe.Add(ref p, 3 * groupStride));
        }
    }

    /// <summary>The local index of (qubit-0 digit, other digit) when the step's first qubit is <paramref name="a"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Local(int a, int digitOfQubit0, int otherDigit) => a == 0 ? digitOfQubit0 + (4 * otherDigit) : otherDigit + (4 * digitOfQubit0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LaneSum(Vector256<double> v) =>
        (v.GetElement(0) + v.GetElement(1)) + (v.GetElement(2) + v.GetElement(3));

    /// <summary>Transposes four vectors as the rows of a 4×4 matrix.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose(ref Vector256<double> v0, ref Vector256<double> v1, ref Vector256<double> v2, ref Vector256<double> v3)
    {
        if (Avx.IsSupported)
        {
            var a = Avx.UnpackLow(v0, v1);
            var b = Avx.UnpackHigh(v0, v1);
            var c = Avx.UnpackLow(v2, v3);
            var d = Avx.UnpackHigh(v2, v3);
            v0 = Avx.Permute2x128(a, c, 0x20);
            v1 = Avx.Permute2x128(b, d, 0x20);
            v2 = Avx.Permute2x128(a, c, 0x31);
            v3 = Avx.Permute2x128(b, d, 0x31);
            return;
        }

        var t0 = Vector256.Create(v0.GetElement(0), v1.GetElement(0), v2.GetElement(0), v3.GetElement(0));
        var t1 = Vector256.Create(v0.GetElement(1), v1.GetElement(1), v2.GetElement(1), v3.GetElement(1));
        var t2 = Vector256.Create(v0.GetElement(2), v1.GetElement(2), v2.GetElement(2), v3.GetElement(2));
        var t3 = Vector256.Create(v0.GetElement(3), v1.GetElement(3), v2.GetElement(3), v3.GetElement(3));
        v0 = t0;
        v1 = t1;
        v2 = t2;
        v3 = t3;
    }
}
