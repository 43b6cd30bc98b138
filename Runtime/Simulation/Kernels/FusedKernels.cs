using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

/// <summary>
/// Run-time helpers of the code the NegLR generator emits. The generated tile methods do their arithmetic with
/// <see cref="Vector256{T}"/> intrinsics inline; what they share is here: the cosines and sines of every gate angle,
/// computed several at a time (SIMD) before the first gate runs.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class FusedKernels
{
    // Cody–Waite split of π/2 (fdlibm's pio2_1, pio2_2, pio2_3): each part has 33 significant bits, so k·part is exact
    // for |k| < 2^20 and the reduced argument keeps full precision for |x| up to MaxReducible.
    private const double TwoOverPi = 0.63661977236758134308;
    private const double PiOver2Part1 = 1.57079632673412561417e+00;
    private const double PiOver2Part2 = 6.07710050630396597660e-11;
    private const double PiOver2Part3 = 2.02226624871116645580e-21;
    private const double RoundingMagic = 6755399441055744.0; // 1.5 · 2^52: adding it rounds to an integer in the low bits
    private const double MaxReducible = 1e5;

    // Cephes minimax polynomials on [−π/4, π/4]: sin r = r + r³·S(r²), cos r = 1 − r²/2 + r⁴·C(r²).
    private const double S0 = 1.58962301576546568060E-10, S1 = -2.50507477628578072866E-8, S2 = 2.75573136213857245213E-6;
    private const double S3 = -1.98412698295895385996E-4, S4 = 8.33333333332211858878E-3, S5 = -1.66666666666666307295E-1;
    private const double C0 = -1.13585365213876817300E-11, C1 = 2.08757008419747316778E-9, C2 = -2.75573141792967388112E-7;
    private const double C3 = 2.48015872888517045348E-5, C4 = -1.38888888888730564116E-3, C5 = 4.16666666666665929218E-2;

    /// <summary>
    /// Writes cos(xₖ) to <c>cosSin[k]</c> and sin(xₖ) to <c>cosSin[n + k]</c> (n = <paramref name="arguments"/>.Length),
    /// four at a time with 256-bit SIMD, two at a time with 128-bit SIMD, the same bits either way. Accurate to a couple
    /// of ulps; arguments beyond ±1e5 (never a sensible gate angle) use
    /// <see cref="Math.Cos"/> and <see cref="Math.Sin"/>.
    /// </summary>
    public static void CosSin(ReadOnlySpan<double> arguments, Span<double> cosSin)
    {
        int n = arguments.Length;
        if (cosSin.Length < 2 * n)
        {
            throw new ArgumentException($"cosSin needs {2 * n} entries, but has {cosSin.Length}.", nameof(cosSin));
        }

        if (Vector256.IsHardwareAccelerated)
        {
            CosSinVector256(arguments, cosSin);
        }
        else if (Vector128.IsHardwareAccelerated)
        {
            CosSinVector128(arguments, cosSin);
        }
        else
        {
            CosSinScalar(arguments, cosSin);
        }
    }

    /// <summary>The 256-bit path of <see cref="CosSin"/> (four at a time, the rest one by one); no checks.</summary>
    internal static void CosSinVector256(ReadOnlySpan<double> arguments, Span<double> cosSin)
    {
        int n = arguments.Length;
        ref double x = ref MemoryMarshal.GetReference(arguments);
        ref double c = ref MemoryMarshal.GetReference(cosSin);
        ref double s = ref Unsafe.Add(ref c, n);
        int k = 0;
        var limit = Vector256.Create(MaxReducible);
        for (; k + 4 <= n; k += 4)
        {
            var v = Vector256.LoadUnsafe(ref x, (nuint)k);
            if (!Vector256.LessThanOrEqualAll(Vector256.Abs(v), limit))
            {
                for (int j = k; j < k + 4; j++)
                {
                    CosSinScalar(Unsafe.Add(ref x, j), out Unsafe.Add(ref c, j), out Unsafe.Add(ref s, j));
                }

                continue;
            }

            var t = (v * Vector256.Create(TwoOverPi)) + Vector256.Create(RoundingMagic);
            var q = t.AsInt64();
            var kd = t - Vector256.Create(RoundingMagic);
            var r = ((v - (kd * Vector256.Create(PiOver2Part1))) - (kd * Vector256.Create(PiOver2Part2))) - (kd * Vector256.Create(PiOver2Part3));
            var z = r * r;
            var ps = (((((Vector256.Create(S0) * z) + Vector256.Create(S1)) * z + Vector256.Create(S2)) * z + Vector256.Create(S3)) * z + Vector256.Create(S4)) * z + Vector256.Create(S5);
            var pc = (((((Vector256.Create(C0) * z) + Vector256.Create(C1)) * z + Vector256.Create(C2)) * z + Vector256.Create(C3)) * z + Vector256.Create(C4)) * z + Vector256.Create(C5);
            var sr = r + ((r * z) * ps);
            var cr = (Vector256.Create(1.0) - (z * 0.5)) + ((z * z) * pc);
            var swap = Vector256.Equals(q & Vector256.Create(1L), Vector256.Create(1L)).AsDouble();
            var sinSign = ((q & Vector256.Create(2L)) << 62).AsDouble();
            var cosSign = (((q + Vector256.Create(1L)) & Vector256.Create(2L)) << 62).AsDouble();
            (Vector256.ConditionalSelect(swap, sr, cr) ^ cosSign).StoreUnsafe(ref c, (nuint)k);
            (Vector256.ConditionalSelect(swap, cr, sr) ^ sinSign).StoreUnsafe(ref s, (nuint)k);
        }

        for (; k < n; k++)
        {
            CosSinScalar(Unsafe.Add(ref x, k), out Unsafe.Add(ref c, k), out Unsafe.Add(ref s, k));
        }
    }

    /// <summary>The 128-bit path of <see cref="CosSin"/> (two at a time, the last one alone): every lane as in the scalar path.</summary>
    internal static void CosSinVector128(ReadOnlySpan<double> arguments, Span<double> cosSin)
    {
        int n = arguments.Length;
        ref double x = ref MemoryMarshal.GetReference(arguments);
        ref double c = ref MemoryMarshal.GetReference(cosSin);
        ref double s = ref Unsafe.Add(ref c, n);
        int k = 0;
        var limit = Vector128.Create(MaxReducible);
        for (; k + 2 <= n; k += 2)
        {
            var v = Vector128.LoadUnsafe(ref x, (nuint)k);
            if (!Vector128.LessThanOrEqualAll(Vector128.Abs(v), limit))
            {
                CosSinScalar(Unsafe.Add(ref x, k), out Unsafe.Add(ref c, k), out Unsafe.Add(ref s, k));
                CosSinScalar(Unsafe.Add(ref x, k + 1), out Unsafe.Add(ref c, k + 1), out Unsafe.Add(ref s, k + 1));
                continue;
            }

            var t = (v * Vector128.Create(TwoOverPi)) + Vector128.Create(RoundingMagic);
            var q = t.AsInt64();
            var kd = t - Vector128.Create(RoundingMagic);
            var r = ((v - (kd * Vector128.Create(PiOver2Part1))) - (kd * Vector128.Create(PiOver2Part2))) - (kd * Vector128.Create(PiOver2Part3));
            var z = r * r;
            var ps = (((((Vector128.Create(S0) * z) + Vector128.Create(S1)) * z + Vector128.Create(S2)) * z + Vector128.Create(S3)) * z + Vector128.Create(S4)) * z + Vector128.Create(S5);
            var pc = (((((Vector128.Create(C0) * z) + Vector128.Create(C1)) * z + Vector128.Create(C2)) * z + Vector128.Create(C3)) * z + Vector128.Create(C4)) * z + Vector128.Create(C5);
            var sr = r + ((r * z) * ps);
            var cr = (Vector128.Create(1.0) - (z * 0.5)) + ((z * z) * pc);
            var swap = Vector128.Equals(q & Vector128.Create(1L), Vector128.Create(1L)).AsDouble();
            var sinSign = ((q & Vector128.Create(2L)) << 62).AsDouble();
            var cosSign = (((q + Vector128.Create(1L)) & Vector128.Create(2L)) << 62).AsDouble();
            (Vector128.ConditionalSelect(swap, sr, cr) ^ cosSign).StoreUnsafe(ref c, (nuint)k);
            (Vector128.ConditionalSelect(swap, cr, sr) ^ sinSign).StoreUnsafe(ref s, (nuint)k);
        }

        for (; k < n; k++)
        {
            CosSinScalar(Unsafe.Add(ref x, k), out Unsafe.Add(ref c, k), out Unsafe.Add(ref s, k));
        }
    }

    /// <summary>The scalar path of <see cref="CosSin"/>; no checks.</summary>
    internal static void CosSinScalar(ReadOnlySpan<double> arguments, Span<double> cosSin)
    {
        int n = arguments.Length;
        ref double x = ref MemoryMarshal.GetReference(arguments);
        ref double c = ref MemoryMarshal.GetReference(cosSin);
        ref double s = ref Unsafe.Add(ref c, n);
        for (int k = 0; k < n; k++)
        {
            CosSinScalar(Unsafe.Add(ref x, k), out Unsafe.Add(ref c, k), out Unsafe.Add(ref s, k));
        }
    }

    /// <summary>One cosine and sine, with the same operations in the same order as the vector path.</summary>
    private static void CosSinScalar(double x, out double cos, out double sin)
    {
        if (!(Math.Abs(x) <= MaxReducible))
        {
            cos = Math.Cos(x);
            sin = Math.Sin(x);
            return;
        }

        double t = (x * TwoOverPi) + RoundingMagic;
        long q = BitConverter.DoubleToInt64Bits(t);
        double kd = t - RoundingMagic;
        double r = ((x - (kd * PiOver2Part1)) - (kd * PiOver2Part2)) - (kd * PiOver2Part3);
        double z = r * r;
        double ps = (((((S0 * z) + S1) * z + S2) * z + S3) * z + S4) * z + S5;
        double pc = (((((C0 * z) + C1) * z + C2) * z + C3) * z + C4) * z + C5;
        double sr = r + ((r * z) * ps);
        double cr = (1.0 - (z * 0.5)) + ((z * z) * pc);
        bool swap = (q & 1) != 0;
        double sv = swap ? cr : sr, cv = swap ? sr : cr;
        sin = (q & 2) != 0 ? -sv : sv;
        cos = ((q + 1) & 2) != 0 ? -cv : cv;
    }
}
