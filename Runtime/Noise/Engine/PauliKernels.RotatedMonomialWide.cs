using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

// The merged rotation + monomial pass on a pair above qubit 0 with 512-bit vectors and the group in registers. Same
// operations per lane as TryApplyRotatedMonomial's 256-bit path (Apply's unital formula on each pre-step's digit, then
// one product per entry), so the same bits; only the width and the bookkeeping differ. Why a separate kernel: the
// 256-bit path holds the group in a stackalloc span, which the JIT keeps in memory (a store, a load and a bounds check
// per access), and a profile of the noisy ladder at 6 qubits spent most of its forward pass there.
internal static partial class PauliKernels
{
    /// <summary>
    /// <see cref="TryApplyRotatedMonomial"/> for a pair (<paramref name="a"/>, <paramref name="b"/>) both above 0 on a
    /// register of 4 qubits or more (the caller checks 128 entries or more), with AVX-512: two neighbouring groups of qubit 0's four digits share a
    /// 512-bit vector (contiguous when the pair's lower qubit is above 1), and the sixteen local entries are sixteen
    /// locals.
    /// </summary>
    /// <returns>False (nothing done) when some input is read by no output row or by two (then each output is not one input's product moved).</returns>
    [SkipLocalsInit] // each of the sixteen entries is written once before it is read (checked by the column mask)
    private static bool TryRotatedMonomialWide(Span<double> r, int a, int b, ReadOnlySpan<double> pre0, int pre0Qubit, ReadOnlySpan<double> pre1,
        int pre1Qubit, Sparse16 m)
    {
        // Input entry l of a group (digit l & 3 of qubit a, l >> 2 of qubit b) goes to the output row that reads it, which
        // needs every column read by exactly one row (an invertible monomial map; a map that drops an entry would not be).
        Span<nint> destination = stackalloc nint[16];
        Span<double> scale = stackalloc double[16];
        var columns = m.Columns;
        var values = m.Values;
        int seen = 0;
        for (int i = 0; i < 16; i++)
        {
            int l = columns[i];
            seen |= 1 << l;
            destination[l] = ((i & 3) << (2 * a)) + ((i >> 2) << (2 * b));
            scale[l] = values[i];
        }

        if (seen != 0xFFFF)
        {
            return false;
        }

        var first = new UnitalCoefficients(pre0, pre0Qubit == a ? 0 : 1);
        var second = new UnitalCoefficients(pre1, pre1Qubit == a ? 0 : 1);
        var layout = new PairLayout(a, b);
        if (Math.Min(a, b) >= 2)
        {
            WideLoop<Contiguous>(r, layout, first, second, destination, scale);
        }
        else
        {
            WideLoop<Split>(r, layout, first, second, destination, scale);
        }

        return true;
    }

    private static void WideLoop<TLayout>(Span<double> r, PairLayout layout, in UnitalCoefficients first, in UnitalCoefficients second,
        ReadOnlySpan<nint> destination, ReadOnlySpan<double> scale)
        where TLayout : struct
    {
        ref double d = ref MemoryMarshal.GetReference(r);
        ref nint dest = ref MemoryMarshal.GetReference(destination);
        ref double sc = ref MemoryMarshal.GetReference(scale);
        nint sa = layout.StrideA, sb = layout.StrideB;
        int groups = r.Length >> 4;
        for (int k = 0; k < groups; k += 8)
        {
            // Groups k…k+3 (qubit 0's digit) in the low half, k+4…k+7 in the high half.
            ref double g0 = ref Unsafe.Add(ref d, InsertZeroDigits(k, layout.Low, layout.High));
            ref double g1 = ref Unsafe.Add(ref d, InsertZeroDigits(k + 4, layout.Low, layout.High));
            var v0 = Load<TLayout>(ref g0, ref g1, 0);
            var v1 = Load<TLayout>(ref g0, ref g1, sa);
            var v2 = Load<TLayout>(ref g0, ref g1, 2 * sa);
            var v3 = Load<TLayout>(ref g0, ref g1, 3 * sa);
            var v4 = Load<TLayout>(ref g0, ref g1, sb);
            var v5 = Load<TLayout>(ref g0, ref g1, sb + sa);
            var v6 = Load<TLayout>(ref g0, ref g1, sb + (2 * sa));
            var v7 = Load<TLayout>(ref g0, ref g1, sb + (3 * sa));
            var v8 = Load<TLayout>(ref g0, ref g1, 2 * sb);
            var v9 = Load<TLayout>(ref g0, ref g1, (2 * sb) + sa);
            var v10 = Load<TLayout>(ref g0, ref g1, (2 * sb) + (2 * sa));
            var v11 = Load<TLayout>(ref g0, ref g1, (2 * sb) + (3 * sa));
            var v12 = Load<TLayout>(ref g0, ref g1, 3 * sb);
            var v13 = Load<TLayout>(ref g0, ref g1, (3 * sb) + sa);
            var v14 = Load<TLayout>(ref g0, ref g1, (3 * sb) + (2 * sa));
            var v15 = Load<TLayout>(ref g0, ref g1, (3 * sb) + (3 * sa));
            first.Apply(ref v1, ref v2, ref v3, ref v4, ref v5, ref v6, ref v7, ref v8, ref v9, ref v10, ref v11, ref v12, ref v13, ref v14, ref v15);
            second.Apply(ref v1, ref v2, ref v3, ref v4, ref v5, ref v6, ref v7, ref v8, ref v9, ref v10, ref v11, ref v12, ref v13, ref v14, ref v15);
            Store<TLayout>(ref g0, ref g1, v0 * Unsafe.Add(ref sc, 0), Unsafe.Add(ref dest, 0));
            Store<TLayout>(ref g0, ref g1, v1 * Unsafe.Add(ref sc, 1), Unsafe.Add(ref dest, 1));
            Store<TLayout>(ref g0, ref g1, v2 * Unsafe.Add(ref sc, 2), Unsafe.Add(ref dest, 2));
            Store<TLayout>(ref g0, ref g1, v3 * Unsafe.Add(ref sc, 3), Unsafe.Add(ref dest, 3));
            Store<TLayout>(ref g0, ref g1, v4 * Unsafe.Add(ref sc, 4), Unsafe.Add(ref dest, 4));
            Store<TLayout>(ref g0, ref g1, v5 * Unsafe.Add(ref sc, 5), Unsafe.Add(ref dest, 5));
            Store<TLayout>(ref g0, ref g1, v6 * Unsafe.Add(ref sc, 6), Unsafe.Add(ref dest, 6));
            Store<TLayout>(ref g0, ref g1, v7 * Unsafe.Add(ref sc, 7), Unsafe.Add(ref dest, 7));
            Store<TLayout>(ref g0, ref g1, v8 * Unsafe.Add(ref sc, 8), Unsafe.Add(ref dest, 8));
            Store<TLayout>(ref g0, ref g1, v9 * Unsafe.Add(ref sc, 9), Unsafe.Add(ref dest, 9));
            Store<TLayout>(ref g0, ref g1, v10 * Unsafe.Add(ref sc, 10), Unsafe.Add(ref dest, 10));
            Store<TLayout>(ref g0, ref g1, v11 * Unsafe.Add(ref sc, 11), Unsafe.Add(ref dest, 11));
            Store<TLayout>(ref g0, ref g1, v12 * Unsafe.Add(ref sc, 12), Unsafe.Add(ref dest, 12));
            Store<TLayout>(ref g0, ref g1, v13 * Unsafe.Add(ref sc, 13), Unsafe.Add(ref dest, 13));
            Store<TLayout>(ref g0, ref g1, v14 * Unsafe.Add(ref sc, 14), Unsafe.Add(ref dest, 14));
            Store<TLayout>(ref g0, ref g1, v15 * Unsafe.Add(ref sc, 15), Unsafe.Add(ref dest, 15));
        }
    }

    /// <summary>Marks a pair whose lower qubit is above 1: groups k and k + 4 are adjacent, one 512-bit load.</summary>
    private struct Contiguous;

    /// <summary>Marks a pair (1, b): groups k and k + 4 lie apart, two 256-bit halves.</summary>
    private struct Split;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Load<TLayout>(ref double g0, ref double g1, nint offset)
        where TLayout : struct =>
        typeof(TLayout) == typeof(Contiguous)
            ? Vector512.LoadUnsafe(ref Unsafe.Add(ref g0, offset))
            : Vector512.Create(Vector256.LoadUnsafe(ref Unsafe.Add(ref g0, offset)), Vector256.LoadUnsafe(ref Unsafe.Add(ref g1, offset)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TLayout>(ref double g0, ref double g1, Vector512<double> v, nint offset)
        where TLayout : struct
    {
        if (typeof(TLayout) == typeof(Contiguous))
        {
            v.StoreUnsafe(ref Unsafe.Add(ref g0, offset));
            return;
        }

        v.GetLower().StoreUnsafe(ref Unsafe.Add(ref g0, offset));
        v.GetUpper().StoreUnsafe(ref Unsafe.Add(ref g1, offset));
    }

    private readonly struct PairLayout(int a, int b)
    {
        public int Low { get; } = Math.Min(a, b);

        public int High { get; } = Math.Max(a, b);

        public nint StrideA { get; } = (nint)1 << (2 * a);

        public nint StrideB { get; } = (nint)1 << (2 * b);
    }

    /// <summary>
    /// A unital one-qubit map's X, Z, Y block on local digit 0 or 1 of a group held as sixteen vectors (entry l = digit 0
    /// + 4 · digit 1), in <see cref="Apply"/>'s order: x_i ← (m_i1 x_1 + m_i2 x_2) + m_i3 x_3. Nothing when empty.
    /// </summary>
    private readonly struct UnitalCoefficients
    {
        private readonly Vector512<double> _m11, _m12, _m13, _m21, _m22, _m23, _m31, _m32, _m33;
        private readonly int _digit;

        public UnitalCoefficients(ReadOnlySpan<double> m, int digit)
        {
            _digit = m.IsEmpty ? -1 : digit;
            if (m.IsEmpty)
            {
                return;
            }

            _m11 = Vector512.Create(m[5]); _m12 = Vector512.Create(m[6]); _m13 = Vector512.Create(m[7]);
            _m21 = Vector512.Create(m[9]); _m22 = Vector512.Create(m[10]); _m23 = Vector512.Create(m[11]);
            _m31 = Vector512.Create(m[13]); _m32 = Vector512.Create(m[14]); _m33 = Vector512.Create(m[15]);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Apply(ref Vector512<double> v1, ref Vector512<double> v2, ref Vector512<double> v3, ref Vector512<double> v4,
            ref Vector512<double> v5, ref Vector512<double> v6, ref Vector512<double> v7, ref Vector512<double> v8, ref Vector512<double> v9,
            ref Vector512<double> v10, ref Vector512<double> v11, ref Vector512<double> v12, ref Vector512<double> v13, ref Vector512<double> v14,
            ref Vector512<double> v15)
        {
            if (_digit == 0)
            {
                Mix(ref v1, ref v2, ref v3);
                Mix(ref v5, ref v6, ref v7);
                Mix(ref v9, ref v10, ref v11);
                Mix(ref v13, ref v14, ref v15);
            }
            else if (_digit == 1)
            {
                Mix(ref v4, ref v8, ref v12);
                Mix(ref v5, ref v9, ref v13);
                Mix(ref v6, ref v10, ref v14);
                Mix(ref v7, ref v11, ref v15);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Mix(ref Vector512<double> x1, ref Vector512<double> x2, ref Vector512<double> x3)
        {
            var a = x1;
            var b = x2;
            var c = x3;
            x1 = (a * _m11 + b * _m12) + c * _m13;
            x2 = (a * _m21 + b * _m22) + c * _m23;
            x3 = (a * _m31 + b * _m32) + c * _m33;
        }
    }
}
