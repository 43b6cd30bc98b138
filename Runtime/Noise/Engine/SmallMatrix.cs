using System;

namespace NegLR.Simulation;

/// <summary>Real n×n matrices (n = 4 or 16), row-major: products, transposes, inverses, singular values. Compile-time only.</summary>
internal static class SmallMatrix
{
    public static double[] Identity(int n)
    {
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            m[(i * n) + i] = 1;
        }

        return m;
    }

    /// <summary>a·b.</summary>
    public static double[] Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n)
    {
        var m = new double[n * n];
        Multiply(a, b, n, m);
        return m;
    }

    /// <summary>destination = a·b (destination may not overlap the inputs). Row by row, k ascending: deterministic.</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n, Span<double> destination)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++)
                {
                    s += a[(i * n) + k] * b[(k * n) + j];
                }

                destination[(i * n) + j] = s;
            }
        }
    }

    public static double[] Transpose(ReadOnlySpan<double> a, int n)
    {
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[(j * n) + i] = a[(i * n) + j];
            }
        }

        return m;
    }

    /// <summary>The inverse by Gauss–Jordan elimination with partial pivoting, or null when a pivot vanishes.</summary>
    public static double[]? Inverse(ReadOnlySpan<double> a, int n)
    {
        var m = a.ToArray();
        var inv = Identity(n);
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[(r * n) + col]) > Math.Abs(m[(pivot * n) + col]))
                {
                    pivot = r;
                }
            }

            double p = m[(pivot * n) + col];
            if (Math.Abs(p) < 1e-300)
            {
                return null;
            }

            if (pivot != col)
            {
                SwapRows(m, n, pivot, col);
                SwapRows(inv, n, pivot, col);
            }

            for (int j = 0; j < n; j++)
            {
                m[(col * n) + j] /= p;
                inv[(col * n) + j] /= p;
            }

            for (int r = 0; r < n; r++)
            {
                double f = m[(r * n) + col];
                if (r == col || f == 0)
                {
                    continue;
                }

                for (int j = 0; j < n; j++)
                {
                    m[(r * n) + j] -= f * m[(col * n) + j];
                    inv[(r * n) + j] -= f * inv[(col * n) + j];
                }
            }
        }

        return inv;
    }

    /// <summary>The smallest singular value: √(least eigenvalue of aᵀa), by cyclic Jacobi rotations.</summary>
    public static double SmallestSingularValue(ReadOnlySpan<double> a, int n)
    {
        var s = Multiply(Transpose(a, n), a, n);
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    off += s[(p * n) + q] * s[(p * n) + q];
                }
            }

            if (off < 1e-30)
            {
                break;
            }

            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = s[(p * n) + q];
                    if (Math.Abs(apq) < 1e-300)
                    {
                        continue;
                    }

                    double theta = (s[(q * n) + q] - s[(p * n) + p]) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    double c = 1 / Math.Sqrt((t * t) + 1), sn = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double skp = s[(k * n) + p], skq = s[(k * n) + q];
                        s[(k * n) + p] = (c * skp) - (sn * skq);
                        s[(k * n) + q] = (sn * skp) + (c * skq);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double spk = s[(p * n) + k], sqk = s[(q * n) + k];
                        s[(p * n) + k] = (c * spk) - (sn * sqk);
                        s[(q * n) + k] = (sn * spk) + (c * sqk);
                    }
                }
            }
        }

        double least = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            least = Math.Min(least, s[(i * n) + i]);
        }

        return Math.Sqrt(Math.Max(0, least));
    }

    private static void SwapRows(double[] m, int n, int a, int b)
    {
        for (int j = 0; j < n; j++)
        {
            (m[(a * n) + j], m[(b * n) + j]) = (m[(b * n) + j], m[(a * n) + j]);
        }
    }
}
