using System;

namespace NegLR;

/// <summary>
/// Eigen-decomposition of small real symmetric matrices by the cyclic Jacobi method (Golub &amp; Van Loan, Matrix
/// Computations, §8.5): deterministic, no allocation (the caller owns the buffers), accurate to a few ulps of the largest
/// eigenvalue. Used for the metric tensors of the natural-gradient methods, whose blocks are small.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>
    /// Diagonalises the symmetric n × n <paramref name="matrix"/> (row-major, destroyed): on return its diagonal holds the
    /// eigenvalues and <paramref name="vectors"/> (n × n, row-major) the eigenvectors as columns, A = V diag(λ) Vᵀ.
    /// </summary>
    public static void Decompose(Span<double> matrix, Span<double> vectors, int n)
    {
        vectors.Slice(0, n * n).Clear();
        for (int i = 0; i < n; i++)
        {
            vectors[(i * n) + i] = 1;
        }

        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0, scale = 0;
            for (int i = 0; i < n; i++)
            {
                scale += matrix[(i * n) + i] * matrix[(i * n) + i];
                for (int j = i + 1; j < n; j++)
                {
                    off += matrix[(i * n) + j] * matrix[(i * n) + j];
                }
            }

            if (off <= 1e-30 * Math.Max(scale, 1e-300))
            {
                return;
            }

            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = matrix[(p * n) + q];
                    if (apq == 0)
                    {
                        continue;
                    }

                    double app = matrix[(p * n) + p], aqq = matrix[(q * n) + q];
                    // The rotation that zeroes a_pq: t = tan φ from θ = (a_qq − a_pp)/(2a_pq), the smaller root.
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt((theta * theta) + 1));
                    if (theta == 0)
                    {
                        t = 1;
                    }

                    double c = 1 / Math.Sqrt((t * t) + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = matrix[(k * n) + p], akq = matrix[(k * n) + q];
                        matrix[(k * n) + p] = (c * akp) - (s * akq);
                        matrix[(k * n) + q] = (s * akp) + (c * akq);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double apk = matrix[(p * n) + k], aqk = matrix[(q * n) + k];
                        matrix[(p * n) + k] = (c * apk) - (s * aqk);
                        matrix[(q * n) + k] = (s * apk) + (c * aqk);
                    }

                    for (int k = 0; k < n; k++)
                    {
                        double vkp = vectors[(k * n) + p], vkq = vectors[(k * n) + q];
                        vectors[(k * n) + p] = (c * vkp) - (s * vkq);
                        vectors[(k * n) + q] = (s * vkp) + (c * vkq);
                    }
                }
            }
        }
    }

    /// <summary>
    /// x = f(A)·b for the decomposed A (eigenvalues on the diagonal of <paramref name="decomposed"/>, eigenvectors in
    /// <paramref name="vectors"/>), with f applied to each eigenvalue: x = V diag(f(λ)) Vᵀ b.
    /// </summary>
    public static void Apply(ReadOnlySpan<double> decomposed, ReadOnlySpan<double> vectors, int n, Func<double, double, double> f,
        double largest, ReadOnlySpan<double> b, Span<double> x, Span<double> scratch)
    {
        for (int k = 0; k < n; k++)
        {
            double projection = 0;
            for (int i = 0; i < n; i++)
            {
                projection += vectors[(i * n) + k] * b[i];
            }

            scratch[k] = f(decomposed[(k * n) + k], largest) * projection;
        }

        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int k = 0; k < n; k++)
            {
                sum += vectors[(i * n) + k] * scratch[k];
            }

            x[i] = sum;
        }
    }
}
