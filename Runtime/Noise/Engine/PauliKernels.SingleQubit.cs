using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

/// <summary>
/// Kernels on a density matrix stored as its real Pauli vector r_P = Tr(ρP) (4^n doubles). Qubit q owns index bits
/// 2q (its X bit) and 2q + 1 (its Z bit), so its Pauli digit is d = x + 2z: I = 0, X = 1, Z = 2, Y = 3 ("symplectic
/// order"). A one-qubit map acts on the four entries whose indices differ only in that digit, at stride 4^q.
/// </summary>
/// <remarks>
/// As in <see cref="StateKernels"/>, vector paths multiply and add separately (no fused multiply-add) in the same order as
/// the scalar paths, so a result is bit-identical whichever path runs. Which formula a call uses (general 4×4, or the
/// unital 3×3 that leaves the identity entry alone) depends only on the qubit and the matrix, never on the hardware.
/// </remarks>
internal static partial class PauliKernels
{
    /// <summary>
    /// r ← M r on <paramref name="qubit"/>'s digit, M a real 4×4 matrix in symplectic order, row-major
    /// (<paramref name="m"/>[4i + j] maps digit j to digit i). With <paramref name="unital"/> the caller promises
    /// M e0 = e0 and e0ᵀ M = e0ᵀ (every unitary, every unital channel), and the identity entry is left untouched.
    /// </summary>
    public static void Apply(Span<double> r, int qubit, ReadOnlySpan<double> m, bool unital)
    {
        int n = r.Length;
        int s = 1 << (2 * qubit);
        ref double d = ref MemoryMarshal.GetReference(r);
        if (qubit == 0)
        {
            ApplyOnDigitZero(ref d, n, m);
            return;
        }

        if (unital)
        {
            ApplyUnital(ref d, n, s, m);
            return;
        }

        double m00 = m[0], m01 = m[1], m02 = m[2], m03 = m[3];
        double m10 = m[4], m11 = m[5], m12 = m[6], m13 = m[7];
        double m20 = m[8], m21 = m[9], m22 = m[10], m23 = m[11];
        double m30 = m[12], m31 = m[13], m32 = m[14], m33 = m[15];
        if (Vector256.IsHardwareAccelerated)
        {
            // s ≥ 4: four consecutive indices share the digit, so each vector holds one digit value of four groups.
            for (int block = 0; block < n; block += s << 2)
            {
                for (int i = block; i < block + s; i += 4)
                {
                    ref double p0 = ref Unsafe.Add(ref d, i);
                    ref double p1 = ref Unsafe.Add(ref p0, s);
                    ref double p2 = ref Unsafe.Add(ref p0, 2 * s);
                    ref double p3 = ref Unsafe.Add(ref p0, 3 * s);
                    var v0 = Vector256.LoadUnsafe(ref p0);
                    var v1 = Vector256.LoadUnsafe(ref p1);
                    var v2 = Vector256.LoadUnsafe(ref p2);
                    var v3 = Vector256.LoadUnsafe(ref p3);
                    ((v0 * m00 + v1 * m01) + (v2 * m02 + v3 * m03)).StoreUnsafe(ref p0);
                    ((v0 * m10 + v1 * m11) + (v2 * m12 + v3 * m13)).StoreUnsafe(ref p1);
                    ((v0 * m20 + v1 * m21) + (v2 * m22 + v3 * m23)).StoreUnsafe(ref p2);
                    ((v0 * m30 + v1 * m31) + (v2 * m32 + v3 * m33)).StoreUnsafe(ref p3);
                }
            }

            return;
        }

        for (int block = 0; block < n; block += s << 2)
        {
            for (int i = block; i < block + s; i++)
            {
                ref double p0 = ref Unsafe.Add(ref d, i);
                ref double p1 = ref Unsafe.Add(ref p0, s);
                ref double p2 = ref Unsafe.Add(ref p0, 2 * s);
                ref double p3 = ref Unsafe.Add(ref p0, 3 * s);
                double v0 = p0, v1 = p1, v2 = p2, v3 = p3;
                p0 = ((v0 * m00) + (v1 * m01)) + ((v2 * m02) + (v3 * m03));
                p1 = ((v0 * m10) + (v1 * m11)) + ((v2 * m12) + (v3 * m13));
                p2 = ((v0 * m20) + (v1 * m21)) + ((v2 * m22) + (v3 * m23));
                p3 = ((v0 * m30) + (v1 * m31)) + ((v2 * m32) + (v3 * m33));
            }
        }
    }

    /// <summary>The unital case on a digit above 0: the identity entry stays, the X, Z, Y entries mix by the 3×3 block.</summary>
    private static void ApplyUnital(ref double d, int n, int s, ReadOnlySpan<double> m)
    {
        double m11 = m[5], m12 = m[6], m13 = m[7];
        double m21 = m[9], m22 = m[10], m23 = m[11];
        double m31 = m[13], m32 = m[14], m33 = m[15];
        if (Vector256.IsHardwareAccelerated)
        {
            for (int block = 0; block < n; block += s << 2)
            {
                for (int i = block + s; i < block + (2 * s); i += 4)
                {
                    ref double p1 = ref Unsafe.Add(ref d, i);
                    ref double p2 = ref Unsafe.Add(ref p1, s);
                    ref double p3 = ref Unsafe.Add(ref p1, 2 * s);
                    var v1 = Vector256.LoadUnsafe(ref p1);
                    var v2 = Vector256.LoadUnsafe(ref p2);
                    var v3 = Vector256.LoadUnsafe(ref p3);
                    ((v1 * m11 + v2 * m12) + v3 * m13).StoreUnsafe(ref p1);
                    ((v1 * m21 + v2 * m22) + v3 * m23).StoreUnsafe(ref p2);
                    ((v1 * m31 + v2 * m32) + v3 * m33).StoreUnsafe(ref p3);
                }
            }

            return;
        }

        for (int block = 0; block < n; block += s << 2)
        {
            for (int i = block + s; i < block + (2 * s); i++)
            {
                ref double p1 = ref Unsafe.Add(ref d, i);
                ref double p2 = ref Unsafe.Add(ref p1, s);
                ref double p3 = ref Unsafe.Add(ref p1, 2 * s);
                double v1 = p1, v2 = p2, v3 = p3;
                p1 = ((v1 * m11) + (v2 * m12)) + (v3 * m13);
                p2 = ((v1 * m21) + (v2 * m22)) + (v3 * m23);
                p3 = ((v1 * m31) + (v2 * m32)) + (v3 * m33);
            }
        }
    }

    /// <summary>
    /// Digit 0: each group is four consecutive doubles, one vector. The product is formed column by column,
    /// (c0·v0 + c1·v1) + (c2·v2 + c3·v3) with broadcast entries, which is the scalar path's order entry by entry.
    /// </summary>
    private static void ApplyOnDigitZero(ref double d, int n, ReadOnlySpan<double> m)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var c0 = Vector256.Create(m[0], m[4], m[8], m[12]);
            var c1 = Vector256.Create(m[1], m[5], m[9], m[13]);
            var c2 = Vector256.Create(m[2], m[6], m[10], m[14]);
            var c3 = Vector256.Create(m[3], m[7], m[11], m[15]);
            for (int i = 0; i < n; i += 4)
            {
                ref double p = ref Unsafe.Add(ref d, i);
                var v = Vector256.LoadUnsafe(ref p);
                var b0 = Vector256.Shuffle(v, Vector256.Create(0L, 0, 0, 0));
                var b1 = Vector256.Shuffle(v, Vector256.Create(1L, 1, 1, 1));
                var b2 = Vector256.Shuffle(v, Vector256.Create(2L, 2, 2, 2));
                var b3 = Vector256.Shuffle(v, Vector256.Create(3L, 3, 3, 3));
                ((c0 * b0 + c1 * b1) + (c2 * b2 + c3 * b3)).StoreUnsafe(ref p);
            }

            return;
        }

        double m00 = m[0], m01 = m[1], m02 = m[2], m03 = m[3];
        double m10 = m[4], m11 = m[5], m12 = m[6], m13 = m[7];
        double m20 = m[8], m21 = m[9], m22 = m[10], m23 = m[11];
        double m30 = m[12], m31 = m[13], m32 = m[14], m33 = m[15];
        for (int i = 0; i < n; i += 4)
        {
            ref double p = ref Unsafe.Add(ref d, i);
            double v0 = p, v1 = Unsafe.Add(ref p, 1), v2 = Unsafe.Add(ref p, 2), v3 = Unsafe.Add(ref p, 3);
            p = ((m00 * v0) + (m01 * v1)) + ((m02 * v2) + (m03 * v3));
            Unsafe.Add(ref p, 1) = ((m10 * v0) + (m11 * v1)) + ((m12 * v2) + (m13 * v3));
            Unsafe.Add(ref p, 2) = ((m20 * v0) + (m21 * v1)) + ((m22 * v2) + (m23 * v3));
            Unsafe.Add(ref p, 3) = ((m30 * v0) + (m31 * v1)) + ((m32 * v2) + (m33 * v3));
        }
    }
}
