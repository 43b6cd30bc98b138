namespace NegLR;

/// <summary>How <see cref="ExactSolver"/> finds eigenvalues.</summary>
public enum EigenMethod
{
    /// <summary>Dense for up to <see cref="ExactSolver.DenseThresholdQubits"/> qubits, Lanczos above.</summary>
    Auto,

    /// <summary>Full Hermitian eigendecomposition of the 2^n × 2^n matrix (MathNet.Numerics); exact, O(8^n).</summary>
    Dense,

    /// <summary>Lanczos iteration on the sparse Pauli action, with full reorthogonalisation; O(2^n) memory per Krylov vector.</summary>
    Lanczos,
}
