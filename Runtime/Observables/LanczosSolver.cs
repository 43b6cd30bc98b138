using System;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace NegLR;

/// <summary>
/// Lowest eigenpair of a Pauli sum by the Lanczos iteration on its sparse action (<see cref="PauliSum.Apply"/>), so
/// memory is a few dozen 2^n vectors instead of a 4^n matrix.
/// </summary>
/// <remarks>
/// <para>Full reorthogonalisation (classical Gram–Schmidt, twice — "twice is enough") against every stored Krylov
/// vector keeps the basis orthonormal to rounding, so no spurious copies of converged eigenvalues ("ghosts") appear
/// and near-degenerate pairs are resolved by Rayleigh–Ritz on the Krylov space.</para>
/// <para>The small tridiagonal matrix T is diagonalised with MathNet.Numerics every few steps; the Ritz residual
/// estimate β_k |s_k| decides when to stop. The Ritz vector's residual ‖Hy − θy‖ is then measured explicitly; if the
/// Krylov budget ran out first, the iteration restarts from that Ritz vector (explicit restart).</para>
/// <para>The start vector is complex Gaussian from a fixed-seed <see cref="SeededRandom"/>, so results repeat exactly
/// and, with probability one, overlap the ground state (a real start vector could miss it when H has Y terms).</para>
/// </remarks>
internal static class LanczosSolver
{
    /// <summary>Seed of the start vector (any fixed value; fixed so runs repeat bit for bit).</summary>
    public const ulong StartSeed = 0x4E65674C52UL;

    // Diagonalise T every this many steps: cheap next to the reorthogonalisation, and it stops the run early.
    private const int CheckEvery = 5;

    // Krylov vectors kept at most in memory; beyond this, restart. 200 × 2^14 × 16 B = 52 MB at 14 qubits.
    private const int MaxKrylov = 200;
    private const long MaxBasisBytes = 512L << 20;
    private const int MaxRestarts = 50;

    public static GroundStateResult Solve(PauliSum h, int qubits, double tolerance)
    {
        int dim = 1 << qubits;
        int budget = (int)Math.Clamp(MaxBasisBytes / (16L * dim), 20, MaxKrylov);
        int m = Math.Min(dim, budget);
        StateVector.EnsureFits(qubits, m + 3);

        // One array per Krylov vector, allocated as the space grows: a quick convergence stays small, and no single
        // array grows past .NET's 2^31-element limit.
        var basis = new Complex[m][];
        basis[0] = new Complex[dim];

        var w = new Complex[dim];
        var alpha = new double[m];
        var beta = new double[m];
        var result = new StateVector(qubits);
        var ritz = result.Amplitudes;
        var random = new SeededRandom(StartSeed);
        for (int i = 0; i < dim; i++)
        {
            ritz[i] = new Complex(random.NextGaussian(), random.NextGaussian());
        }

        ComplexVectors.Scale(ritz, 1 / ComplexVectors.Norm(ritz));
        int applications = 0;
        double energy = 0, residual = double.PositiveInfinity;
        for (int restart = 0; restart <= MaxRestarts; restart++)
        {
            ritz.CopyTo(basis[0]);
            int k = Iterate(h, basis, dim, m, w, alpha, beta, tolerance, ref applications, out var s);

            // Ritz vector y = Σ s_i q_i, then its true residual.
            ritz.Clear();
            for (int i = 0; i < k; i++)
            {
                ComplexVectors.AddScaled(ritz, s[i], basis[i]);
            }

            ComplexVectors.Scale(ritz, 1 / ComplexVectors.Norm(ritz));
            h.Apply(ritz, w);
            applications++;
            energy = ComplexVectors.Dot(ritz, w).Real;
            ComplexVectors.SubtractScaled(w, energy, ritz);
            residual = ComplexVectors.Norm(w);
            if (residual <= Threshold(tolerance, energy))
            {
                break;
            }
        }

        ComplexVectors.FixGlobalPhase(ritz);
        return new GroundStateResult(energy, result, residual, residual <= Threshold(tolerance, energy), applications, EigenMethod.Lanczos);
    }

    /// <summary>Residual target: absolute for energies of order 1, relative for large ones (rounding grows with ‖H‖).</summary>
    internal static double Threshold(double tolerance, double energy) => tolerance * Math.Max(1, Math.Abs(energy));

    /// <summary>Builds up to <paramref name="m"/> Krylov vectors from basis[0]; returns how many, and the lowest Ritz vector of T.</summary>
    private static int Iterate(PauliSum h, Complex[][] basis, int dim, int m, Complex[] w, double[] alpha, double[] beta,
        double tolerance, ref int applications, out double[] s)
    {
        s = new[] { 1.0 };
        for (int j = 0; j < m; j++)
        {
            var q = basis[j];
            h.Apply(q, w);
            applications++;
            double scale = ComplexVectors.Norm(w);
            alpha[j] = ComplexVectors.Dot(q, w).Real;
            ComplexVectors.SubtractScaled(w, alpha[j], q);
            if (j > 0)
            {
                ComplexVectors.SubtractScaled(w, beta[j - 1], basis[j - 1]);
            }

            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i <= j; i++)
                {
                    var qi = basis[i];
                    ComplexVectors.SubtractScaled(w, ComplexVectors.Dot(qi, w), qi);
                }
            }

            beta[j] = ComplexVectors.Norm(w);
            int k = j + 1;
            // β ≈ 0: the Krylov space is invariant under H, so its Ritz values are exact eigenvalues.
            bool exhausted = beta[j] <= 1e-12 * scale || k == dim;
            bool full = k == m;
            if (exhausted || full || k % CheckEvery == 0)
            {
                double theta = LowestOfTridiagonal(alpha, beta, k, out s);
                if (exhausted || full || beta[j] * Math.Abs(s[k - 1]) <= 0.5 * Threshold(tolerance, theta))
                {
                    return k;
                }
            }

            var next = basis[k] ??= new Complex[dim];
            w.AsSpan().CopyTo(next);
            ComplexVectors.Scale(next, 1 / beta[j]);
        }

        return m;
    }

    /// <summary>Lowest eigenvalue of the k×k symmetric tridiagonal T(alpha, beta) and its eigenvector.</summary>
    private static double LowestOfTridiagonal(double[] alpha, double[] beta, int k, out double[] vector)
    {
        var t = Matrix<double>.Build.Dense(k, k);
        for (int i = 0; i < k; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < k)
            {
                t[i, i + 1] = beta[i];
                t[i + 1, i] = beta[i];
            }
        }

        var evd = t.Evd(Symmetricity.Symmetric);
        int best = 0;
        for (int i = 1; i < k; i++)
        {
            if (evd.EigenValues[i].Real < evd.EigenValues[best].Real)
            {
                best = i;
            }
        }

        vector = evd.EigenVectors.Column(best).ToArray();
        return evd.EigenValues[best].Real;
    }
}
