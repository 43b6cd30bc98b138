namespace NegLR.Samples.H2Vqe;

/// <summary>
/// H2 in STO-3G at 0.735 Å: the 4-qubit Jordan–Wigner Hamiltonian (electronic part, Qiskit Nature's coefficients in
/// block spin order, the same operator as <c>Hamiltonians.H2Sto3g4Qubits()</c>) and a one-angle ansatz that holds its
/// ground state. The source generator compiles the body into straight-line state-vector and adjoint-gradient code.
/// </summary>
[Ansatz(Qubits = 4)]
[Observable(Hamiltonian)]
public partial struct H2Ansatz
{
    /// <summary>Nuclear repulsion (Ha): not part of the operator, added for the total energy.</summary>
    public const double NuclearRepulsion = 0.7199689944489797;

    private const string Hamiltonian =
        "-0.8105479805373283 + 0.17218393261915543 Z0 - 0.2257534922240237 Z1 + 0.17218393261915543 Z2 - 0.22575349222402363 Z3"
        + " + 0.12091263261776633 Z0 Z1 + 0.16892753870087907 Z0 Z2 + 0.1661454325638241 Z0 Z3"
        + " + 0.16614543256382408 Z1 Z2 + 0.1746434306830045 Z1 Z3 + 0.12091263261776633 Z2 Z3"
        + " + 0.045232799946057826 X0 X1 X2 X3 + 0.045232799946057826 Y0 Y1 Y2 Y3"
        + " + 0.045232799946057826 Y0 Y1 X2 X3 + 0.045232799946057826 X0 X1 Y2 Y3";

    // Hartree–Fock occupies spin-orbitals q0 (σg↑) and q2 (σg↓). One angle mixes it with the doubly excited determinant
    // q1 q3: the circuit prepares cos(θ/2)|0101⟩ + sin(θ/2)|1010⟩ (labels q3q2q1q0), which holds H2's ground state.
    [Circuit]
    private static void Build(Circuit c)
    {
        c.RY(1, c.Weight());
        c.CNOT(1, 3);
        c.X(0);
        c.CNOT(1, 0);
        c.X(2);
        c.CNOT(1, 2);
    }
}

/// <summary>
/// Adam wrapped in the negative-learning-rate method with its default Lookahead policy: each step tries the descent
/// step first and ascends (at η⁻ = 0.25 η⁺) when that descent would raise the energy. The generator emits the step.
/// </summary>
[Adam(LearningRate = 0.05)]
[NegativeLearningRate(Policy = NlrPolicy.Lookahead, NegativeRatio = 0.25)]
public partial struct H2Optimizer;
