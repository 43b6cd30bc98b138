using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace NegLR;

/// <summary>
/// Exact lowest eigenvalues of a Pauli-sum Hamiltonian: the reference a VQE result is judged against. Small registers
/// use a dense Hermitian eigendecomposition (MathNet.Numerics); larger ones a Lanczos iteration on the sparse Pauli
/// action (12 qubits in about 0.1 s, 14 in well under a second, 16 in a few seconds on one core).
/// </summary>
public static class ExactSolver
{
    /// <summary><see cref="EigenMethod.Auto"/> uses the dense method up to this many qubits (a 256 × 256 matrix).</summary>
    public const int DenseThresholdQubits = 8;

    /// <summary>
    /// Largest register for dense diagonalisation (<see cref="LowestEigenvalues"/>, <see cref="EigenMethod.Dense"/>):
    /// 1024 × 1024, which takes several seconds (8 qubits take a fraction of a second).
    /// </summary>
    public const int MaxDenseEigenQubits = 10;

    /// <summary>Default bound on the residual ‖Hψ − Eψ‖ (relative to |E| when |E| &gt; 1).</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>
    /// The lowest eigenvalue of <paramref name="hamiltonian"/> on <paramref name="qubits"/> qubits and a normalised
    /// eigenvector. Deterministic: the Lanczos start vector comes from a fixed seed and the state's global phase is fixed.
    /// </summary>
    /// <param name="hamiltonian">The observable; its constant is included in the energy.</param>
    /// <param name="qubits">Register size, at least the highest qubit the sum names + 1.</param>
    /// <param name="method">Dense, Lanczos, or Auto (dense up to <see cref="DenseThresholdQubits"/> qubits).</param>
    /// <param name="tolerance">Target residual for Lanczos (absolute, or relative to |E| when |E| &gt; 1).</param>
    /// <exception cref="ArgumentNullException"><paramref name="hamiltonian"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The register is outside 1 to 30 qubits (1 to
    /// <see cref="MaxDenseEigenQubits"/> for the dense method), or the tolerance is not a positive finite number.</exception>
    /// <exception cref="ArgumentException">The Hamiltonian acts on a qubit beyond the register.</exception>
    public static GroundStateResult GroundState(PauliSum hamiltonian, int qubits, EigenMethod method = EigenMethod.Auto,
        double tolerance = DefaultTolerance)
    {
        Validate(hamiltonian, qubits);
        if (!(tolerance > 0) || !double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a positive finite number.");
        }

        if (method == EigenMethod.Auto)
        {
            method = qubits <= DenseThresholdQubits ? EigenMethod.Dense : EigenMethod.Lanczos;
        }

        return method switch
        {
            EigenMethod.Dense => DenseGroundState(hamiltonian, qubits, tolerance),
            EigenMethod.Lanczos => LanczosSolver.Solve(hamiltonian, qubits, tolerance),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown eigen method."),
        };
    }

    /// <summary>
    /// The <paramref name="count"/> lowest eigenvalues, ascending, degenerate ones repeated — by dense diagonalisation,
    /// because single-vector Lanczos finds only one vector per degenerate level.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The register is outside 1 to <see cref="MaxDenseEigenQubits"/>
    /// qubits, or <paramref name="count"/> is outside 1 to 2^qubits.</exception>
    public static double[] LowestEigenvalues(PauliSum hamiltonian, int qubits, int count)
    {
        Validate(hamiltonian, qubits);
        RequireDense(qubits);
        if (count < 1 || count > (1 << qubits))
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture,
                $"A {qubits}-qubit operator has 1 to {1 << qubits} eigenvalues."));
        }

        var evd = hamiltonian.ToDenseMatrix(qubits).Evd(Symmetricity.Hermitian);
        return evd.EigenValues.Select(e => e.Real).OrderBy(e => e).Take(count).ToArray();
    }

    private static GroundStateResult DenseGroundState(PauliSum hamiltonian, int qubits, double tolerance)
    {
        RequireDense(qubits);
        var evd = hamiltonian.ToDenseMatrix(qubits).Evd(Symmetricity.Hermitian);
        int dim = 1 << qubits;
        int best = 0;
        for (int i = 1; i < dim; i++)
        {
            if (evd.EigenValues[i].Real < evd.EigenValues[best].Real)
            {
                best = i;
            }
        }

        var state = new StateVector(qubits);
        var psi = state.Amplitudes;
        for (int i = 0; i < dim; i++)
        {
            psi[i] = evd.EigenVectors[i, best];
        }

        ComplexVectors.Scale(psi, 1 / ComplexVectors.Norm(psi));
        ComplexVectors.FixGlobalPhase(psi);

        // Report the Rayleigh quotient and the measured residual, as the Lanczos path does.
        var hPsi = new Complex[dim];
        hamiltonian.Apply(psi, hPsi);
        double energy = ComplexVectors.Dot(psi, hPsi).Real;
        ComplexVectors.SubtractScaled(hPsi, energy, psi);
        double residual = ComplexVectors.Norm(hPsi);
        return new GroundStateResult(energy, state, residual, residual <= LanczosSolver.Threshold(tolerance, energy), 0, EigenMethod.Dense);
    }

    private static void Validate(PauliSum hamiltonian, int qubits)
    {
        ArgumentNullException.ThrowIfNull(hamiltonian);
        if (qubits < 1 || qubits > Circuit.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, string.Create(CultureInfo.InvariantCulture,
                $"A register has 1 to {Circuit.MaxQubits} qubits."));
        }

        if (hamiltonian.MinQubits > qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The Hamiltonian acts on qubit {hamiltonian.MinQubits - 1}, but the register has {qubits} qubits."), nameof(qubits));
        }
    }

    private static void RequireDense(int qubits)
    {
        if (qubits > MaxDenseEigenQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, string.Create(CultureInfo.InvariantCulture,
                $"Dense diagonalisation is limited to {MaxDenseEigenQubits} qubits; use EigenMethod.Lanczos for larger registers."));
        }
    }
}
