using System;
using System.Numerics;

namespace NegLR;

/// <summary>BLAS-1 helpers on complex spans for the Lanczos solver (plain loops: the vectors are at most 2^n long).</summary>
internal static class ComplexVectors
{
    /// <summary>⟨a|b⟩ = Σ conj(a_i) b_i.</summary>
    public static Complex Dot(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        double re = 0, im = 0;
        for (int i = 0; i < a.Length; i++)
        {
            Complex x = a[i], y = b[i];
            re += (x.Real * y.Real) + (x.Imaginary * y.Imaginary);
            im += (x.Real * y.Imaginary) - (x.Imaginary * y.Real);
        }

        return new Complex(re, im);
    }

    /// <summary>y −= c·x.</summary>
    public static void SubtractScaled(Span<Complex> y, Complex c, ReadOnlySpan<Complex> x)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] -= c * x[i];
        }
    }

    /// <summary>y += c·x.</summary>
    public static void AddScaled(Span<Complex> y, Complex c, ReadOnlySpan<Complex> x)
    {
        for (int i = 0; i < y.Length; i++)
        {
            y[i] += c * x[i];
        }
    }

    /// <summary>‖a‖₂.</summary>
    public static double Norm(ReadOnlySpan<Complex> a)
    {
        double sum = 0;
        foreach (var v in a)
        {
            sum += (v.Real * v.Real) + (v.Imaginary * v.Imaginary);
        }

        return Math.Sqrt(sum);
    }

    /// <summary>a *= s.</summary>
    public static void Scale(Span<Complex> a, double s)
    {
        for (int i = 0; i < a.Length; i++)
        {
            a[i] *= s;
        }
    }

    /// <summary>
    /// Multiplies by a unit phase so the largest-magnitude entry (lowest index among exact ties) is real and positive:
    /// eigenvectors are only defined up to phase, and this makes solver output reproducible and comparable.
    /// </summary>
    public static void FixGlobalPhase(Span<Complex> a)
    {
        int best = 0;
        double bestMagnitude = -1;
        for (int i = 0; i < a.Length; i++)
        {
            double m = (a[i].Real * a[i].Real) + (a[i].Imaginary * a[i].Imaginary);
            if (m > bestMagnitude)
            {
                bestMagnitude = m;
                best = i;
            }
        }

        if (bestMagnitude > 0)
        {
            var phase = Complex.Conjugate(a[best]) / Complex.Abs(a[best]);
            for (int i = 0; i < a.Length; i++)
            {
                a[i] *= phase;
            }

            a[best] = new Complex(a[best].Real, 0);
        }
    }
}
