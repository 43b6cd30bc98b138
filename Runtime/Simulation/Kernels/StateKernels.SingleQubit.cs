using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

/// <summary>
/// In-place gate kernels on a state's amplitudes (qubit 0 = least-significant index bit). The interpreter and the
/// generated code both call these. They check nothing beyond debug asserts: callers validate qubits once, up front.
/// </summary>
/// <remarks>
/// Each vectorised kernel has three paths: 256-bit (AVX2 on x64), 128-bit (AdvSimd on arm64, SSE on x64 without AVX2)
/// and scalar, chosen by <see cref="VectorWidth"/>. Vector paths multiply and add separately (no fused multiply-add) in
/// the same order as the scalar path, so a result is bit-identical whichever path runs, on any machine.
/// </remarks>
public static partial class StateKernels
{
    /// <summary>
    /// The SIMD width, in bits, that the kernels use in this process: 256 where 256-bit vectors are accelerated (AVX2
    /// on x64), 128 where only 128-bit ones are (AdvSimd on arm64; SSE on x64 without AVX2, or a NativeAOT build for
    /// the default x64 instruction set), 0 where neither is (scalar code). Every width gives the same bits.
    /// </summary>
    /// <remarks>
    /// Under NativeAOT the width is fixed when the program is compiled, by its instruction set (<c>IlcInstructionSet</c>),
    /// not by the CPU it runs on; docs/edge.md explains the NegLR package's default for x64.
    /// </remarks>
    public static int VectorWidth =>
        Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 0;

    /// <summary>Applies a general 2×2 matrix to <paramref name="qubit"/>.</summary>
    public static void ApplyMatrix(Span<Complex> state, int qubit, in Matrix2 m)
    {
        if (qubit >= 1 && Vector256.IsHardwareAccelerated)
        {
            ApplyMatrixVector256(state, qubit, m);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            ApplyMatrixVector128(state, qubit, m);
        }
        else
        {
            ApplyMatrixScalar(state, qubit, m);
        }
    }

    /// <summary>Applies a real 2×2 matrix <c>[[m00, m01], [m10, m11]]</c> to <paramref name="qubit"/> (RY, H).</summary>
    public static void ApplyRealMatrix(Span<Complex> state, int qubit, double m00, double m01, double m10, double m11)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ApplyRealMatrixVector256(state, qubit, m00, m01, m10, m11);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            ApplyRealMatrixVector128(state, qubit, m00, m01, m10, m11);
        }
        else
        {
            ApplyRealMatrixScalar(state, qubit, m00, m01, m10, m11);
        }
    }

    /// <summary>Applies diag(<paramref name="d0"/>, <paramref name="d1"/>) to <paramref name="qubit"/> (RZ, S, T, Z, PhaseShift).</summary>
    public static void ApplyDiagonal(Span<Complex> state, int qubit, Complex d0, Complex d1)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ApplyDiagonalVector256(state, qubit, d0, d1);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            ApplyDiagonalVector128(state, qubit, d0, d1);
        }
        else
        {
            ApplyDiagonalScalar(state, qubit, d0, d1);
        }
    }

    /// <summary>Applies Pauli X to <paramref name="qubit"/> (swaps each pair).</summary>
    public static void ApplyX(Span<Complex> state, int qubit)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref Complex s = ref MemoryMarshal.GetReference(state);
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i++)
            {
                ref Complex a = ref Unsafe.Add(ref s, i);
                ref Complex b = ref Unsafe.Add(ref s, i + stride);
                (a, b) = (b, a);
            }
        }
    }

    /// <summary>The 256-bit path of <see cref="ApplyMatrix"/>: two amplitudes per vector, so qubits ≥ 1 only.</summary>
    internal static void ApplyMatrixVector256(Span<Complex> state, int qubit, in Matrix2 m)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        double r00 = m.M00.Real, i00 = m.M00.Imaginary, r01 = m.M01.Real, i01 = m.M01.Imaginary;
        double r10 = m.M10.Real, i10 = m.M10.Imaginary, r11 = m.M11.Real, i11 = m.M11.Imaginary;
        var R00 = Vector256.Create(r00); var I00 = Vector256.Create(-i00, i00, -i00, i00);
        var R01 = Vector256.Create(r01); var I01 = Vector256.Create(-i01, i01, -i01, i01);
        var R10 = Vector256.Create(r10); var I10 = Vector256.Create(-i10, i10, -i10, i10);
        var R11 = Vector256.Create(r11); var I11 = Vector256.Create(-i11, i11, -i11, i11);
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i += 2)
            {
                ref double pa = ref Unsafe.Add(ref d, 2 * i);
                ref double pb = ref Unsafe.Add(ref d, 2 * (i + stride));
                var a = Vector256.LoadUnsafe(ref pa);
                var b = Vector256.LoadUnsafe(ref pb);
                var sa = SwapReIm(a);
                var sb = SwapReIm(b);
                ((a * R00 + sa * I00) + (b * R01 + sb * I01)).StoreUnsafe(ref pa);
                ((a * R10 + sa * I10) + (b * R11 + sb * I11)).StoreUnsafe(ref pb);
            }
        }
    }

    /// <summary>The scalar path of <see cref="ApplyMatrix"/>.</summary>
    internal static void ApplyMatrixScalar(Span<Complex> state, int qubit, in Matrix2 m)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        double r00 = m.M00.Real, i00 = m.M00.Imaginary, r01 = m.M01.Real, i01 = m.M01.Imaginary;
        double r10 = m.M10.Real, i10 = m.M10.Imaginary, r11 = m.M11.Real, i11 = m.M11.Imaginary;
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i++)
            {
                ref double pa = ref Unsafe.Add(ref d, 2 * i);
                ref double pb = ref Unsafe.Add(ref d, 2 * (i + stride));
                double ar = pa, ai = Unsafe.Add(ref pa, 1), br = pb, bi = Unsafe.Add(ref pb, 1);
                pa = ((ar * r00) - (ai * i00)) + ((br * r01) - (bi * i01));
                Unsafe.Add(ref pa, 1) = ((ai * r00) + (ar * i00)) + ((bi * r01) + (br * i01));
                pb = ((ar * r10) - (ai * i10)) + ((br * r11) - (bi * i11));
                Unsafe.Add(ref pb, 1) = ((ai * r10) + (ar * i10)) + ((bi * r11) + (br * i11));
            }
        }
    }

    /// <summary>The 256-bit path of <see cref="ApplyRealMatrix"/>.</summary>
    internal static void ApplyRealMatrixVector256(Span<Complex> state, int qubit, double m00, double m01, double m10, double m11)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        if (stride == 1)
        {
            // Qubit 0: a pair is one vector [a.re, a.im, b.re, b.im]; swap halves to pair a with b.
            var AD = Vector256.Create(m00, m00, m11, m11);
            var BC = Vector256.Create(m01, m01, m10, m10);
            for (int i = 0; i < n; i += 2)
            {
                ref double p = ref Unsafe.Add(ref d, 2 * i);
                var v = Vector256.LoadUnsafe(ref p);
                var swapped = Vector256.Shuffle(v, Vector256.Create(2L, 3, 0, 1));
                ((v * AD) + (swapped * BC)).StoreUnsafe(ref p);
            }

            return;
        }

        var A = Vector256.Create(m00); var B = Vector256.Create(m01);
        var C = Vector256.Create(m10); var D = Vector256.Create(m11);
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i += 2)
            {
                ref double pa = ref Unsafe.Add(ref d, 2 * i);
                ref double pb = ref Unsafe.Add(ref d, 2 * (i + stride));
                var a = Vector256.LoadUnsafe(ref pa);
                var b = Vector256.LoadUnsafe(ref pb);
                ((a * A) + (b * B)).StoreUnsafe(ref pa);
                ((a * C) + (b * D)).StoreUnsafe(ref pb);
            }
        }
    }

    /// <summary>The scalar path of <see cref="ApplyRealMatrix"/>.</summary>
    internal static void ApplyRealMatrixScalar(Span<Complex> state, int qubit, double m00, double m01, double m10, double m11)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i++)
            {
                ref double pa = ref Unsafe.Add(ref d, 2 * i);
                ref double pb = ref Unsafe.Add(ref d, 2 * (i + stride));
                double ar = pa, ai = Unsafe.Add(ref pa, 1), br = pb, bi = Unsafe.Add(ref pb, 1);
                pa = (ar * m00) + (br * m01);
                Unsafe.Add(ref pa, 1) = (ai * m00) + (bi * m01);
                pb = (ar * m10) + (br * m11);
                Unsafe.Add(ref pb, 1) = (ai * m10) + (bi * m11);
            }
        }
    }

    /// <summary>The 256-bit path of <see cref="ApplyDiagonal"/>.</summary>
    internal static void ApplyDiagonalVector256(Span<Complex> state, int qubit, Complex d0, Complex d1)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        if (stride == 1)
        {
            // Qubit 0: every vector holds one |…0⟩ and one |…1⟩ amplitude, so the factor pattern is constant. Where d0 is
            // 1 the |…0⟩ lanes are kept as they are, as the other paths keep them (a product with 1 + 0i can turn −0 into +0).
            var R = Vector256.Create(d0.Real, d0.Real, d1.Real, d1.Real);
            var I = Vector256.Create(-d0.Imaginary, d0.Imaginary, -d1.Imaginary, d1.Imaginary);
            var keep = d0 == Complex.One ? Vector256.Create(-1L, -1L, 0L, 0L).AsDouble() : Vector256<double>.Zero;
            for (int i = 0; i < n; i += 2)
            {
                ref double p = ref Unsafe.Add(ref d, 2 * i);
                var v = Vector256.LoadUnsafe(ref p);
                Vector256.ConditionalSelect(keep, v, (v * R) + (SwapReIm(v) * I)).StoreUnsafe(ref p);
            }

            return;
        }

        bool skipLow = d0 == Complex.One;
        var R0 = Vector256.Create(d0.Real); var I0 = Vector256.Create(-d0.Imaginary, d0.Imaginary, -d0.Imaginary, d0.Imaginary);
        var R1 = Vector256.Create(d1.Real); var I1 = Vector256.Create(-d1.Imaginary, d1.Imaginary, -d1.Imaginary, d1.Imaginary);
        for (int block = 0; block < n; block += stride << 1)
        {
            if (!skipLow)
            {
                for (int i = block; i < block + stride; i += 2)
                {
                    ref double p = ref Unsafe.Add(ref d, 2 * i);
                    var v = Vector256.LoadUnsafe(ref p);
                    ((v * R0) + (SwapReIm(v) * I0)).StoreUnsafe(ref p);
                }
            }

            for (int i = block + stride; i < block + (stride << 1); i += 2)
            {
                ref double p = ref Unsafe.Add(ref d, 2 * i);
                var v = Vector256.LoadUnsafe(ref p);
                ((v * R1) + (SwapReIm(v) * I1)).StoreUnsafe(ref p);
            }
        }
    }

    /// <summary>The scalar path of <see cref="ApplyDiagonal"/>.</summary>
    internal static void ApplyDiagonalScalar(Span<Complex> state, int qubit, Complex d0, Complex d1)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        bool skipLow = d0 == Complex.One;
        for (int i = 0; i < n; i++)
        {
            var f = (i & stride) == 0 ? d0 : d1;
            if ((i & stride) == 0 && skipLow)
            {
                continue;
            }

            MultiplyInPlace(ref Unsafe.Add(ref d, 2 * i), f.Real, f.Imaginary);
        }
    }

    /// <summary>[re, im, re, im] → [im, re, im, re].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> SwapReIm(Vector256<double> v) => Vector256.Shuffle(v, Vector256.Create(1L, 0, 3, 2));

    /// <summary>z ← z·(fr + i·fi), written in the same operation order as the vector paths.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void MultiplyInPlace(ref double re, double fr, double fi)
    {
        double r = re, i = Unsafe.Add(ref re, 1);
        re = (r * fr) - (i * fi);
        Unsafe.Add(ref re, 1) = (i * fr) + (r * fi);
    }
}
