using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NegLR.Simulation;

// The adjoint pass of a fused step, in one sweep over r (the state, un-computed backwards) and λ (the observable,
// carried backwards): for every map from last to first, a rotation first adds λ·(L r) to its gradient tap and then
// rotates both vectors back; a constant map sends r through its inverse and λ through its transpose. Four groups are
// processed at once, one group per vector lane; the same Vector256 code runs in software where there is no 256-bit
// SIMD, so results do not depend on the hardware. Lane sums are reduced as (l0 + l1) + (l2 + l3).
internal static partial class PauliKernels
{
    /// <summary>One map of a step, unpacked for the backward kernels.</summary>
    private struct Plan
    {
        public bool IsRotation;
        public int Axis;        // one-qubit rotation: the word's digit (X = 1, Z = 2, Y = 3)
        public int Rotation;    // index of the rotation (its tap)
        public double Cos;
        public double SigmaSin; // σ·sin φ for the pair (Q, R) with Q < R
        public double Sigma;
        public int Inverse;
        public int Transposed;
    }

    /// <summary>
    /// Backward through a one-qubit step: r ← (M_m ⋯ M_1)⁻¹ r, λ ← (M_m ⋯ M_1)ᵀ λ, adding each trainable rotation's
    /// λ·(L r) at its own point into <paramref name="taps"/> (indexed by rotation).
    /// </summary>
    public static void BackwardOne(Span<double> r, Span<double> lambda, int qubit, ReadOnlySpan<SubOp> ops, ReadOnlySpan<double> pool,
        RotationInfo[] rotations, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin, Span<double> taps)
    {
        if (r.Length < 16)
        {
            // One qubit: pad to two (the second qubit's digit 0), run the same code, copy back.
            Span<double> rp = stackalloc double[16];
            Span<double> lp = stackalloc double[16];
            rp.Clear();
            lp.Clear();
            r.CopyTo(rp);
            lambda.CopyTo(lp);
            BackwardOne(rp, lp, qubit, ops, pool, rotations, cos, sin, taps);
            rp[..r.Length].CopyTo(r);
            lp[..lambda.Length].CopyTo(lambda);
            return;
        }

        Span<Plan> plan = stackalloc Plan[ops.Length];
        MakePlan(ops, rotations, cos, sin, plan, twoQubit: false);
        Span<Vector256<double>> acc = stackalloc Vector256<double>[ops.Length];
        acc.Clear();
        ref double rd = ref MemoryMarshal.GetReference(r);
        ref double ld = ref MemoryMarshal.GetReference(lambda);
        int n = r.Length;
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
                Chunk(plan, pool, acc, ref r0, ref r1, ref r2, ref r3, ref l0, ref l1, ref l2, ref l3);
                Transpose(ref r0, ref r1, ref r2, ref r3);
                Transpose(ref l0, ref l1, ref l2, ref l3);
                r0.StoreUnsafe(ref pr); r1.StoreUnsafe(ref pr, 4); r2.StoreUnsafe(ref pr, 8); r3.StoreUnsafe(ref pr, 12);
                l0.StoreUnsafe(ref pl); l1.StoreUnsafe(ref pl, 4); l2.StoreUnsafe(ref pl, 8); l3.StoreUnsafe(ref pl, 12);
            }
        }
        else
        {
            int s = 1 << (2 * qubit);
            for (int block = 0; block < n; block += s << 2)
            {
                for (int i = block; i < block + s; i += 4)
                {
                    ref double pr = ref Unsafe.Add(ref rd, i);
                    ref double pl = ref Unsafe.Add(ref ld, i);
                    nuint st = (nuint)s;
                    var r0 = Vector256.LoadUnsafe(ref pr); var r1 = Vector256.LoadUnsafe(ref pr, st);
                    var r2 = Vector256.LoadUnsafe(ref pr, 2 * st); var r3 = Vector256.LoadUnsafe(ref pr, 3 * st);
                    var l0 = Vector256.LoadUnsafe(ref pl); var l1 = Vector256.LoadUnsafe(ref pl, st);
                    var l2 = Vector256.LoadUnsafe(ref pl, 2 * st); var l3 = Vector256.LoadUnsafe(ref pl, 3 * st);
                    Chunk(plan, pool, acc, ref r0, ref r1, ref r2, ref r3, ref l0, ref l1, ref l2, ref l3);
                    r0.StoreUnsafe(ref pr); r1.StoreUnsafe(ref pr, st); r2.StoreUnsafe(ref pr, 2 * st); r3.StoreUnsafe(ref pr, 3 * st);
                    l0.StoreUnsafe(ref pl); l1.StoreUnsafe(ref pl, st); l2.StoreUnsafe(ref pl, 2 * st); l3.StoreUnsafe(ref pl, 3 * st);
                }
            }
        }

        for (int k = 0; k < plan.Length; k++)
        {
            if (plan[k].IsRotation)
            {
                taps[plan[k].Rotation] += LaneSum(acc[k]);
            }
        }
    }

    /// <summary>All maps of a one-qubit step, last to first, on four groups held as digit vectors (I, X, Z, Y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Chunk(ReadOnlySpan<Plan> plan, ReadOnlySpan<double> pool, Span<Vector256<double>> acc,
        ref Vector256<double> r0, ref Vector256<double> r1, ref Vector256<double> r2, ref Vector256<double> r3,
        ref Vector256<double> l0, ref Vector256<double> l1, ref Vector256<double> l2, ref Vector256<double> l3)
    {
        for (int k = plan.Length - 1; k >= 0; k--)
        {
            ref readonly var p = ref plan[k];
            if (p.IsRotation)
            {
                switch (p.Axis)
                {
                    case 1:
                        RotateBack(in p, ref acc[k], ref r2, ref r3, ref l2, ref l3);
                        break;
                    case 2:
                        RotateBack(in p, ref acc[k], ref r1, ref r3, ref l1, ref l3);
                        break;
                    default:
                        RotateBack(in p, ref acc[k], ref r1, ref r2, ref l1, ref l2);
                        break;
                }

                continue;
            }

            MatVec4(pool.Slice(p.Inverse, 16), ref r0, ref r1, ref r2, ref r3);
            MatVec4(pool.Slice(p.Transposed, 16), ref l0, ref l1, ref l2, ref l3);
        }
    }

    /// <summary>
    /// For the pair (Q, R) a rotation couples, with r'_Q = c r_Q + σs r_R and r'_R = c r_R − σs r_Q: the tap
    /// λ·(L r) = σ(λ_Q r_R − λ_R r_Q), then the rotation by −φ on both vectors.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RotateBack(in Plan p, ref Vector256<double> acc, ref Vector256<double> rq, ref Vector256<double> rr,
        ref Vector256<double> lq, ref Vector256<double> lr)
    {
        acc += ((lq * rr) - (lr * rq)) * p.Sigma;
        double c = p.Cos, ss = p.SigmaSin;
        var a = rq;
        rq = (a * c) - (rr * ss);
        rr = (rr * c) + (a * ss);
        var b = lq;
        lq = (b * c) - (lr * ss);
        lr = (lr * c) + (b * ss);
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

    /// <summary>
    /// Backward through a two-qubit step (local index d0 + 4·d1 for qubits <paramref name="a"/>, <paramref name="b"/>).
    /// </summary>
    public static void BackwardTwo(Span<double> r, Span<double> lambda, int a, int b, ReadOnlySpan<SubOp> ops, Sparse16?[] inverses,
        Sparse16?[] transposes, RotationInfo[] rotations, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin, Span<double> taps)
    {
        if (r.Length < 64)
        {
            // Two qubits: pad to three (the third qubit's digit 0), run the same code, copy back.
            Span<double> rp = stackalloc double[64];
            Span<double> lp = stackalloc double[64];
            rp.Clear();
            lp.Clear();
            r.CopyTo(rp);
            lambda.CopyTo(lp);
            BackwardTwo(rp, lp, a, b, ops, inverses, transposes, rotations, cos, sin, taps);
            rp[..r.Length].CopyTo(r);
            lp[..lambda.Length].CopyTo(lambda);
            return;
        }

        Span<Plan> plan = stackalloc Plan[ops.Length];
        MakePlan(ops, rotations, cos, sin, plan, twoQubit: true);
        Span<Vector256<double>> acc = stackalloc Vector256<double>[ops.Length];
        acc.Clear();
        Span<Vector256<double>> rv = stackalloc Vector256<double>[16];
        Span<Vector256<double>> lv = stackalloc Vector256<double>[16];
        Span<Vector256<double>> tmp = stackalloc Vector256<double>[16];
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

            for (int j = plan.Length - 1; j >= 0; j--)
            {
                ref readonly var p = ref plan[j];
                if (p.IsRotation)
                {
                    RotateBack16(in p, ref acc[j], rotations[p.Rotation].LocalWord, rv, lv);
                    continue;
                }

                SparseMatVec(inverses[j]!, rv, tmp);
                SparseMatVec(transposes[j]!, lv, tmp);
            }

            if (lo >= 1)
            {
                for (int l = 0; l < 16; l++)
                {
                    rv[l].StoreUnsafe(ref Unsafe.Add(ref rd, g + offset[l]));
                    lv[l].StoreUnsafe(ref Unsafe.Add(ref ld, g + offset[l]));
                }
            }
            else
            {
                StoreTransposed(ref rd, g, a, b, hi, rv);
                StoreTransposed(ref ld, g, a, b, hi, lv);
            }
        }

        for (int j = 0; j < plan.Length; j++)
        {
            if (plan[j].IsRotation)
            {
                taps[plan[j].Rotation] += LaneSum(acc[j]);
            }
        }
    }

    /// <summary>A two-qubit rotation's tap and back-rotation over every anticommuting pair (Q, Q ⊕ W) with Q's pivot bit clear.</summary>
    private static void RotateBack16(in Plan p, ref Vector256<double> acc, int word, Span<Vector256<double>> rv, Span<Vector256<double>> lv)
    {
        int pivot = word & -word;
        double c = p.Cos, s = p.SigmaSin; // here SigmaSin holds sin φ; the sign is per pair
        for (int q = 0; q < 16; q++)
        {
            int sign = (q & pivot) != 0 ? 0 : PauliAlgebra.RotationSign(q, word);
            if (sign == 0)
            {
                continue;
            }

            int rIndex = q ^ word;
            double ss = sign * s;
            ref var rq = ref rv[q];
            ref var rr = ref rv[rIndex];
            ref var lq = ref lv[q];
            ref var lr = ref lv[rIndex];
            acc += ((lq * rr) - (lr * rq)) * (double)sign;
            var x = rq;
            rq = (x * c) - (rr * ss);
            rr = (rr * c) + (x * ss);
            var y = lq;
            lq = (y * c) - (lr * ss);
            lr = (lr * c) + (y * ss);
        }
    }

    /// <summary>v ← M v by rows of non-zero entries (each row summed in column order).</summary>
    private static void SparseMatVec(Sparse16 m, Span<Vector256<double>> v, Span<Vector256<double>> tmp)
    {
        var start = m.Start;
        var columns = m.Columns;
        var values = m.Values;
        for (int i = 0; i < 16; i++)
        {
            var sum = Vector256<double>.Zero;
            int e = start[i];
            if (e < start[i + 1])
            {
                sum = v[columns[e]] * values[e];
                for (e++; e < start[i + 1]; e++)
                {
                    sum += v[columns[e]] * values[e];
                }
            }

            tmp[i] = sum;
        }

        tmp.CopyTo(v);
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

    private static void MakePlan(ReadOnlySpan<SubOp> ops, RotationInfo[] rotations, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin,
        Span<Plan> plan, bool twoQubit)
    {
        for (int k = 0; k < ops.Length; k++)
        {
            var op = ops[k];
            if (!op.IsRotation)
            {
                plan[k] = new Plan { Inverse = op.Inverse, Transposed = op.Transposed };
                continue;
            }

            int w = rotations[op.Rotation].LocalWord;
            if (twoQubit)
            {
                plan[k] = new Plan { IsRotation = true, Rotation = op.Rotation, Cos = cos[op.Rotation], SigmaSin = sin[op.Rotation], Sigma = 1 };
                continue;
            }

            // The pair of digits that anticommute with the axis, lower first, and the sign σ of r'_Q = c r_Q + σ s r_R.
            int q = w == 1 ? 2 : 1;
            int sigma = PauliAlgebra.RotationSign(q, w);
            plan[k] = new Plan
            {
                IsRotation = true, Axis = w, Rotation = op.Rotation, Cos = cos[op.Rotation], SigmaSin = sigma * sin[op.Rotation], Sigma = sigma,
            };
        }
    }

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
