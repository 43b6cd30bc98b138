using System;

namespace NegLR.Tests.Observables;

/// <summary>
/// Closed-form ground energies of H = −J Σ Z_i Z_{i+1} − h Σ X_i (Pfeuty 1970; Lieb–Schultz–Mattis 1961).
/// </summary>
internal static class TfimClosedForm
{
    /// <summary>Periodic chain, even-parity (Neveu–Schwarz) sector: E0 = −Σ_m sqrt(J² + h² − 2Jh cos k_m), k_m = (2m+1)π/N.</summary>
    public static double Periodic(int n, double j, double h)
    {
        double e = 0;
        for (int m = 0; m < n; m++)
        {
            double k = (2 * m + 1) * Math.PI / n;
            e -= Math.Sqrt(j * j + h * h - 2 * j * h * Math.Cos(k));
        }

        return e;
    }

    /// <summary>
    /// Open chain: E0 = −½ Σ_k Λ_k + ½ Tr A − N h with Λ_k² the eigenvalues of (A−B)(A+B), A_ii = 2h,
    /// A_{i,i+1} = A_{i+1,i} = −J, B_{i,i+1} = −B_{i+1,i} = −J. Since A+B = (A−B)ᵀ, the Λ_k are the singular values of
    /// A−B (a stabler route to the same numbers).
    /// </summary>
    public static double Open(int n, double j, double h)
    {
        var a = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n);
        var b = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            a[i, i] = 2 * h;
            if (i + 1 < n)
            {
                a[i, i + 1] = a[i + 1, i] = -j;
                b[i, i + 1] = -j;
                b[i + 1, i] = j;
            }
        }

        double sum = 0;
        foreach (double s in (a - b).Svd(computeVectors: false).S)
        {
            sum += s;
        }

        return -0.5 * sum + 0.5 * a.Trace() - n * h;
    }
}
