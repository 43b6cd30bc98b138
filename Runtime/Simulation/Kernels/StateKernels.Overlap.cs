using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NegLR.Simulation;

// Overlaps for the adjoint gradient of single-qubit generators. One sweep over the pairs (i, j = i + 2^q) of two
// states gives the four sums every single-qubit generator is built from:
//   S1 = Σ conj(λ_i) φ_j,  S2 = Σ conj(λ_j) φ_i,  D0 = Σ conj(λ_i) φ_i,  D1 = Σ conj(λ_j) φ_j,
// so ⟨λ|X|φ⟩ = S1 + S2, ⟨λ|Y|φ⟩ = i(S2 − S1), ⟨λ|Z|φ⟩ = D0 − D1 and ⟨λ|Π₁|φ⟩ = D1.
public static partial class StateKernels
{
    /// <summary>The four pair sums (S1, S2, D0, D1) of <paramref name="lambda"/> and <paramref name="phi"/> on <paramref name="qubit"/>.</summary>
    /// <remarks>When 2^qubit ≥ 2 the sums are kept the way the 256-bit path keeps them (the 128-bit path keeps the same
    /// sums in pairs of registers; with no SIMD at all the 256-bit code runs software-emulated), so they are added in the
    /// same order on every machine.</remarks>
    public static (Complex S1, Complex S2, Complex D0, Complex D1) PairOverlaps(ReadOnlySpan<Complex> lambda, ReadOnlySpan<Complex> phi, int qubit)
    {
        if (qubit >= 1 && !Vector256.IsHardwareAccelerated && Vector128.IsHardwareAccelerated)
        {
            return PairOverlapsVector128(lambda, phi, qubit);
        }

        return qubit >= 1 ? PairOverlapsVector256(lambda, phi, qubit) : PairOverlapsQubit0(lambda, phi);
    }

    /// <summary>The 256-bit path of <see cref="PairOverlaps"/> for qubits ≥ 1 (software-emulated where there is no SIMD).</summary>
    internal static (Complex S1, Complex S2, Complex D0, Complex D1) PairOverlapsVector256(ReadOnlySpan<Complex> lambda, ReadOnlySpan<Complex> phi, int qubit)
    {
        int n = lambda.Length;
        int stride = 1 << qubit;
        ref double l = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(lambda));
        ref double p = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(phi));
        // conj(a)·b: real part sums lanes of a*b, imaginary part is (a*swap(b)) lane0 − lane1.
        Vector256<double> s1r = default, s1i = default, s2r = default, s2i = default;
        Vector256<double> d0r = default, d0i = default, d1r = default, d1i = default;
        for (int block = 0; block < n; block += stride << 1)
        {
            for (int i = block; i < block + stride; i += 2)
            {
                var li = Vector256.LoadUnsafe(ref Unsafe.Add(ref l, 2 * i));
                var lj = Vector256.LoadUnsafe(ref Unsafe.Add(ref l, 2 * (i + stride)));
                var pi = Vector256.LoadUnsafe(ref Unsafe.Add(ref p, 2 * i));
                var pj = Vector256.LoadUnsafe(ref Unsafe.Add(ref p, 2 * (i + stride)));
                var spi = SwapReIm(pi);
                var spj = SwapReIm(pj);
                s1r += li * pj; s1i += li * spj;
                s2r += lj * pi; s2i += lj * spi;
                d0r += li * pi; d0i += li * spi;
                d1r += lj * pj; d1i += lj * spj;
            }
        }

        return (Reduce(s1r, s1i), Reduce(s2r, s2i), Reduce(d0r, d0i), Reduce(d1r, d1i));
    }

    /// <summary><see cref="PairOverlaps"/> on qubit 0, where the pairs are neighbours: scalar on every machine.</summary>
    private static (Complex S1, Complex S2, Complex D0, Complex D1) PairOverlapsQubit0(ReadOnlySpan<Complex> lambda, ReadOnlySpan<Complex> phi)
    {
        int n = lambda.Length;
        ref double l = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(lambda));
        ref double p = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(phi));
        double a1r = 0, a1i = 0, a2r = 0, a2i = 0, b0r = 0, b0i = 0, b1r = 0, b1i = 0;
        for (int i = 0; i < n; i += 2)
        {
            double lir = Unsafe.Add(ref l, 2 * i), lii = Unsafe.Add(ref l, (2 * i) + 1);
            double ljr = Unsafe.Add(ref l, (2 * i) + 2), lji = Unsafe.Add(ref l, (2 * i) + 3);
            double pir = Unsafe.Add(ref p, 2 * i), pii = Unsafe.Add(ref p, (2 * i) + 1);
            double pjr = Unsafe.Add(ref p, (2 * i) + 2), pji = Unsafe.Add(ref p, (2 * i) + 3);
            a1r += (lir * pjr) + (lii * pji); a1i += (lir * pji) - (lii * pjr);
            a2r += (ljr * pir) + (lji * pii); a2i += (ljr * pii) - (lji * pir);
            b0r += (lir * pir) + (lii * pii); b0i += (lir * pii) - (lii * pir);
            b1r += (ljr * pjr) + (lji * pji); b1i += (ljr * pji) - (lji * pjr);
        }

        return (new Complex(a1r, a1i), new Complex(a2r, a2i), new Complex(b0r, b0i), new Complex(b1r, b1i));
    }

    /// <summary>⟨λ|P|φ⟩ for a single-qubit Pauli P ('X', 'Y' or 'Z') or the projector Π₁ = |1⟩⟨1| ('1') on <paramref name="qubit"/>.</summary>
    public static Complex SingleQubitOverlap(ReadOnlySpan<Complex> lambda, ReadOnlySpan<Complex> phi, int qubit, char pauli)
    {
        var (s1, s2, d0, d1) = PairOverlaps(lambda, phi, qubit);
        return pauli switch
        {
            'X' => s1 + s2,
            'Y' => Complex.ImaginaryOne * (s2 - s1),
            'Z' => d0 - d1,
            '1' => d1,
            _ => throw new ArgumentOutOfRangeException(nameof(pauli), pauli, "Expected X, Y, Z or 1."),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Complex Reduce(Vector256<double> re, Vector256<double> im) =>
        new((re[0] + re[1]) + (re[2] + re[3]), (im[0] - im[1]) + (im[2] - im[3]));
}
