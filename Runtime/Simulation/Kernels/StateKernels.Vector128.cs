using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;

namespace NegLR.Simulation;

// The 128-bit paths: one complex amplitude [re, im] per vector, so every qubit position has the same loop shape. They
// run on arm64 (AdvSimd: Raspberry Pi, Jetson) and on x64 without AVX2 (SSE), and compute every lane with the same
// operations in the same order as the scalar and 256-bit paths: the bits agree.
public static partial class StateKernels
{
    /// <summary>The 128-bit path of <see cref="ApplyMatrix"/>.</summary>
    internal static void ApplyMatrixVector128(Span<Complex> state, int qubit, in Matrix2 m)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        double r00 = m.M00.Real, i00 = m.M00.Imaginary, r01 = m.M01.Real, i01 = m.M01.Imaginary;
        double r10 = m.M10.Real, i10 = m.M10.Imaginary, r11 = m.M11.Real, i11 = m.M11.Imaginary;
        var R00 = Vector128.Create(r00); var I00 = Vector128.Create(-i00, i00);
        var R01 = Vector128.Create(r01); var I01 = Vector128.Create(-i01, i01);
        var R10 = Vector128.Create(r10); var I10 = Vector128.Create(-i10, i10);
        var R11 = Vector128.Create(r11); var I11 = Vector128.Create(-i11, i11);
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i++)
            {
                ref double pa = ref Unsafe.Add(ref d, 2 * i);
                ref double pb = ref Unsafe.Add(ref d, 2 * (i + stride));
                var a = Vector128.LoadUnsafe(ref pa);
                var b = Vector128.LoadUnsafe(ref pb);
                var sa = SwapReIm(a);
                var sb = SwapReIm(b);
                ((a * R00 + sa * I00) + (b * R01 + sb * I01)).StoreUnsafe(ref pa);
                ((a * R10 + sa * I10) + (b * R11 + sb * I11)).StoreUnsafe(ref pb);
            }
        }
    }

    /// <summary>The 128-bit path of <see cref="ApplyRealMatrix"/>.</summary>
    internal static void ApplyRealMatrixVector128(Span<Complex> state, int qubit, double m00, double m01, double m10, double m11)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        var A = Vector128.Create(m00); var B = Vector128.Create(m01);
        var C = Vector128.Create(m10); var D = Vector128.Create(m11);
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i++)
            {
                ref double pa = ref Unsafe.Add(ref d, 2 * i);
                ref double pb = ref Unsafe.Add(ref d, 2 * (i + stride));
                var a = Vector128.LoadUnsafe(ref pa);
                var b = Vector128.LoadUnsafe(ref pb);
                ((a * A) + (b * B)).StoreUnsafe(ref pa);
                ((a * C) + (b * D)).StoreUnsafe(ref pb);
            }
        }
    }

    /// <summary>The 128-bit path of <see cref="ApplyDiagonal"/>.</summary>
    internal static void ApplyDiagonalVector128(Span<Complex> state, int qubit, Complex d0, Complex d1)
    {
        int n = state.Length;
        int stride = 1 << qubit;
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        bool skipLow = d0 == Complex.One;
        var R0 = Vector128.Create(d0.Real); var I0 = Vector128.Create(-d0.Imaginary, d0.Imaginary);
        var R1 = Vector128.Create(d1.Real); var I1 = Vector128.Create(-d1.Imaginary, d1.Imaginary);
        for (int block = 0; block < n; block += stride << 1)
        {
            if (!skipLow)
            {
                for (int i = block; i < block + stride; i++)
                {
                    ref double p = ref Unsafe.Add(ref d, 2 * i);
                    var v = Vector128.LoadUnsafe(ref p);
                    ((v * R0) + (SwapReIm(v) * I0)).StoreUnsafe(ref p);
                }
            }

            for (int i = block + stride; i < block + (stride << 1); i++)
            {
                ref double p = ref Unsafe.Add(ref d, 2 * i);
                var v = Vector128.LoadUnsafe(ref p);
                ((v * R1) + (SwapReIm(v) * I1)).StoreUnsafe(ref p);
            }
        }
    }

    /// <summary>
    /// The 128-bit path of <see cref="PairOverlaps"/> for qubits ≥ 1. The 256-bit path keeps one running sum for the
    /// even and one for the odd amplitude of each step of two; two 128-bit accumulators per sum keep the same sums, so
    /// the reduction adds the same numbers in the same order.
    /// </summary>
    internal static (Complex S1, Complex S2, Complex D0, Complex D1) PairOverlapsVector128(ReadOnlySpan<Complex> lambda, ReadOnlySpan<Complex> phi, int qubit)
    {
        int n = lambda.Length;
        int stride = 1 << qubit;
        ref double l = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(lambda));
        ref double p = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(phi));
        Vector128<double> s1rE = default, s1iE = default, s2rE = default, s2iE = default;
        Vector128<double> d0rE = default, d0iE = default, d1rE = default, d1iE = default;
        Vector128<double> s1rO = default, s1iO = default, s2rO = default, s2iO = default;
        Vector128<double> d0rO = default, d0iO = default, d1rO = default, d1iO = default;
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i += 2)
            {
                // Even amplitude i.
                var li = Vector128.LoadUnsafe(ref Unsafe.Add(ref l, 2 * i));
                var lj = Vector128.LoadUnsafe(ref Unsafe.Add(ref l, 2 * (i + stride)));
                var pi = Vector128.LoadUnsafe(ref Unsafe.Add(ref p, 2 * i));
                var pj = Vector128.LoadUnsafe(ref Unsafe.Add(ref p, 2 * (i + stride)));
                var spi = SwapReIm(pi);
                var spj = SwapReIm(pj);
                s1rE += li * pj; s1iE += li * spj;
                s2rE += lj * pi; s2iE += lj * spi;
                d0rE += li * pi; d0iE += li * spi;
                d1rE += lj * pj; d1iE += lj * spj;

                // Odd amplitude i + 1.
                li = Vector128.LoadUnsafe(ref Unsafe.Add(ref l, (2 * i) + 2));
                lj = Vector128.LoadUnsafe(ref Unsafe.Add(ref l, (2 * (i + stride)) + 2));
                pi = Vector128.LoadUnsafe(ref Unsafe.Add(ref p, (2 * i) + 2));
                pj = Vector128.LoadUnsafe(ref Unsafe.Add(ref p, (2 * (i + stride)) + 2));
                spi = SwapReIm(pi);
                spj = SwapReIm(pj);
                s1rO += li * pj; s1iO += li * spj;
                s2rO += lj * pi; s2iO += lj * spi;
                d0rO += li * pi; d0iO += li * spi;
                d1rO += lj * pj; d1iO += lj * spj;
            }
        }

        return (Reduce(s1rE, s1iE, s1rO, s1iO), Reduce(s2rE, s2iE, s2rO, s2iO), Reduce(d0rE, d0iE, d0rO, d0iO), Reduce(d1rE, d1iE, d1rO, d1iO));
    }

    /// <summary>[re, im] → [im, re].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<double> SwapReIm(Vector128<double> v) =>
        AdvSimd.IsSupported ? AdvSimd.ExtractVector128(v, v, 1) : Vector128.Shuffle(v, Vector128.Create(1L, 0));

    /// <summary>The same sum as the 256-bit <c>Reduce</c>: (even lanes) + (odd lanes), real parts added, imaginary subtracted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Complex Reduce(Vector128<double> reEven, Vector128<double> imEven, Vector128<double> reOdd, Vector128<double> imOdd) =>
        new((reEven[0] + reEven[1]) + (reOdd[0] + reOdd[1]), (imEven[0] - imEven[1]) + (imOdd[0] - imOdd[1]));
}
