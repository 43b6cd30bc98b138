using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NegLR.Simulation;

// Kernels on Pauli strings in symplectic form: P = i^{nY} X^x Z^z, where x marks X or Y and z marks Z or Y, so that
// P|j⟩ = i^{nY} (−1)^{popcount(j & z)} |j ⊕ x⟩.
public static partial class StateKernels
{
    /// <summary>Multiplies amplitude i by <paramref name="even"/> or <paramref name="odd"/> by the parity of <c>i &amp; mask</c> (RZ, RZZ, MultiRZ).</summary>
    public static void ApplyParityPhase(Span<Complex> state, int mask, Complex even, Complex odd)
    {
        ref double d = ref Unsafe.As<Complex, double>(ref MemoryMarshal.GetReference(state));
        double er = even.Real, ei = even.Imaginary, or = odd.Real, oi = odd.Imaginary;
        for (int i = 0; i < state.Length; i++)
        {
            bool isOdd = (BitOperations.PopCount((uint)(i & mask)) & 1) != 0;
            MultiplyInPlace(ref Unsafe.Add(ref d, 2 * i), isOdd ? or : er, isOdd ? oi : ei);
        }
    }

    /// <summary>Applies exp(−iθP/2) = cos(θ/2) − i sin(θ/2) P for the Pauli string (x, z) with <paramref name="yCount"/> Y letters.</summary>
    public static void ApplyPauliRotation(Span<Complex> state, int x, int z, int yCount, double theta)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        if (x == 0)
        {
            ApplyParityPhase(state, z, new Complex(c, -s), new Complex(c, s));
            return;
        }

        ref Complex a = ref MemoryMarshal.GetReference(state);
        var minusIs = new Complex(0, -s);
        var iy = IPower(yCount);
        int high = 1 << (31 - BitOperations.LeadingZeroCount((uint)x));
        for (int i = 0; i < state.Length; i++)
        {
            if ((i & high) != 0)
            {
                continue;
            }

            int j = i ^ x;
            ref Complex ai = ref Unsafe.Add(ref a, i);
            ref Complex aj = ref Unsafe.Add(ref a, j);
            // (Pψ)[i] = i^{nY} (−1)^{popcount(j & z)} ψ[j], and symmetrically for j.
            var pi = iy * Sign(j & z) * aj;
            var pj = iy * Sign(i & z) * ai;
            (ai, aj) = ((c * ai) + (minusIs * pi), (c * aj) + (minusIs * pj));
        }
    }

    /// <summary>
    /// ⟨λ| Π P |φ⟩, where Π projects onto indices with every bit of <paramref name="controlMask"/> set and P is the Pauli
    /// string (x, z, yCount). The adjoint gradient of a gate with generator G = scale·Π·P is 2·scale·Im of this overlap.
    /// </summary>
    public static Complex PauliOverlap(ReadOnlySpan<Complex> lambda, ReadOnlySpan<Complex> phi, int controlMask, int x, int z, int yCount)
    {
        ref Complex l = ref MemoryMarshal.GetReference(lambda);
        ref Complex p = ref MemoryMarshal.GetReference(phi);
        double re = 0, im = 0;
        if (x == 0 && z == 0)
        {
            for (int i = 0; i < lambda.Length; i++)
            {
                if ((i & controlMask) == controlMask)
                {
                    Accumulate(ref re, ref im, Unsafe.Add(ref l, i), Unsafe.Add(ref p, i));
                }
            }

            return new Complex(re, im);
        }

        for (int i = 0; i < lambda.Length; i++)
        {
            if ((i & controlMask) != controlMask)
            {
                continue;
            }

            int j = i ^ x;
            var pj = Unsafe.Add(ref p, j);
            if ((BitOperations.PopCount((uint)(j & z)) & 1) != 0)
            {
                pj = -pj;
            }

            Accumulate(ref re, ref im, Unsafe.Add(ref l, i), pj);
        }

        return IPower(yCount) * new Complex(re, im);
    }

    /// <summary>dst += coefficient · P src, for the Pauli string (x, z, yCount).</summary>
    public static void AccumulatePauli(ReadOnlySpan<Complex> source, Span<Complex> destination, double coefficient, int x, int z, int yCount)
    {
        ref Complex src = ref MemoryMarshal.GetReference(source);
        ref Complex dst = ref MemoryMarshal.GetReference(destination);
        var factor = coefficient * IPower(yCount);
        for (int i = 0; i < destination.Length; i++)
        {
            int j = i ^ x;
            var v = Unsafe.Add(ref src, j);
            Unsafe.Add(ref dst, i) += ((BitOperations.PopCount((uint)(j & z)) & 1) != 0 ? -factor : factor) * v;
        }
    }

    /// <summary>⟨ψ|P|ψ⟩ for the Pauli string (x, z, yCount); real because P is Hermitian.</summary>
    public static double PauliExpectation(ReadOnlySpan<Complex> state, int x, int z, int yCount) =>
        PauliOverlap(state, state, 0, x, z, yCount).Real;

    /// <summary>i^k for k ≥ 0.</summary>
    internal static Complex IPower(int k) => (k & 3) switch
    {
        0 => Complex.One,
        1 => Complex.ImaginaryOne,
        2 => -Complex.One,
        _ => -Complex.ImaginaryOne,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Sign(int bits) => (BitOperations.PopCount((uint)bits) & 1) != 0 ? -1.0 : 1.0;

    /// <summary>(re, im) += conj(a)·b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Accumulate(ref double re, ref double im, Complex a, Complex b)
    {
        re += (a.Real * b.Real) + (a.Imaginary * b.Imaginary);
        im += (a.Real * b.Imaginary) - (a.Imaginary * b.Real);
    }
}
