// This file is compiled into the Runtime, the Generator and the Analyzers (linked source):
// keep it plain C# that builds for netstandard2.0 and net10.0 alike.
namespace NegLR
{
    /// <summary>
    /// The gates NegLR knows, named as PennyLane and Qiskit users know them.
    /// Rotations follow <c>R_P(θ) = exp(−iθP/2)</c>; qubit 0 is the least-significant bit of a basis index.
    /// </summary>
    #if NEGLR_LINKED
    internal
    #else
    public
    #endif
    enum GateKind
    {
        /// <summary>Identity (does nothing; kept so imported programs round-trip).</summary>
        I,
        /// <summary>Pauli X (NOT).</summary>
        X,
        /// <summary>Pauli Y.</summary>
        Y,
        /// <summary>Pauli Z.</summary>
        Z,
        /// <summary>Hadamard.</summary>
        H,
        /// <summary>Phase gate diag(1, i).</summary>
        S,
        /// <summary>S† = diag(1, −i).</summary>
        Sdg,
        /// <summary>T = diag(1, e^{iπ/4}).</summary>
        T,
        /// <summary>T† = diag(1, e^{−iπ/4}).</summary>
        Tdg,
        /// <summary>√X = ½[[1+i, 1−i], [1−i, 1+i]].</summary>
        SX,
        /// <summary>RX(θ) = exp(−iθX/2).</summary>
        RX,
        /// <summary>RY(θ) = exp(−iθY/2).</summary>
        RY,
        /// <summary>RZ(θ) = exp(−iθZ/2).</summary>
        RZ,
        /// <summary>PhaseShift(φ) = diag(1, e^{iφ}) (Qiskit P, OpenQASM u1).</summary>
        PhaseShift,
        /// <summary>Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ) (PennyLane).</summary>
        Rot,
        /// <summary>U3(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]].</summary>
        U3,
        /// <summary>Controlled X; qubits (control, target).</summary>
        CNOT,
        /// <summary>Controlled Y; qubits (control, target).</summary>
        CY,
        /// <summary>Controlled Z (symmetric).</summary>
        CZ,
        /// <summary>Exchange two qubits.</summary>
        SWAP,
        /// <summary>iSWAP: |01⟩ → i|10⟩, |10⟩ → i|01⟩.</summary>
        ISWAP,
        /// <summary>Controlled RX(θ); qubits (control, target).</summary>
        CRX,
        /// <summary>Controlled RY(θ); qubits (control, target).</summary>
        CRY,
        /// <summary>Controlled RZ(θ); qubits (control, target).</summary>
        CRZ,
        /// <summary>Controlled phase diag(1, 1, 1, e^{iφ}) (Qiskit CP, OpenQASM cu1).</summary>
        CPhase,
        /// <summary>RXX(θ) = exp(−iθ X⊗X/2) (PennyLane IsingXX).</summary>
        RXX,
        /// <summary>RYY(θ) = exp(−iθ Y⊗Y/2) (PennyLane IsingYY).</summary>
        RYY,
        /// <summary>RZZ(θ) = exp(−iθ Z⊗Z/2) (PennyLane IsingZZ).</summary>
        RZZ,
        /// <summary>MultiRZ(θ) = exp(−iθ Z⊗…⊗Z/2) on any number of qubits.</summary>
        MultiRZ,
        /// <summary>PauliRot(θ, P) = exp(−iθP/2) for a Pauli word P such as "XYZ".</summary>
        PauliRot,
        /// <summary>Toffoli (CCX); qubits (control, control, target).</summary>
        Toffoli,
        /// <summary>Controlled SWAP (Fredkin); qubits (control, a, b).</summary>
        CSWAP,
    }
}
