// VQE for H2 in STO-3G at 0.735 Å: a 4-qubit Jordan–Wigner Hamiltonian (Qiskit Nature's coefficients, block spin
// order), a particle-conserving ansatz, exact adjoint gradients and Adam. Prints the energy against the exact one.
using System;
using System.Globalization;
using NegLR;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

int steps = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 60;

// Hartree–Fock has spin-orbitals q0 (σg↑) and q2 (σg↓) occupied. One angle mixes it with the doubly excited
// determinant q1 q3: the circuit prepares cos(θ/2)|0101⟩ + sin(θ/2)|1010⟩ (labels q3q2q1q0), which holds H2's
// ground state in this basis.
var circuit = new Circuit(4);
circuit.RY(1, circuit.Weight());
circuit.CNOT(1, 3);
circuit.X(0).CNOT(1, 0);
circuit.X(2).CNOT(1, 2);

var hamiltonian = Hamiltonians.H2Sto3g4Qubits();
double nuclear = Hamiltonians.H2Sto3gNuclearRepulsion;
double exact = ExactSolver.GroundState(hamiltonian, 4).Energy + nuclear;

var interpreter = new CircuitInterpreter(circuit);
var workspace = interpreter.CreateWorkspace();
var weights = new double[interpreter.WeightCount];
var gradient = new double[interpreter.WeightCount];
var adam = new Adam(weights.Length, learningRate: 0.05);

Console.WriteLine($"H2 / STO-3G at 0.735 Å: {hamiltonian.Terms.Length} Pauli terms on 4 qubits, {weights.Length} weight(s), Adam η = {adam.LearningRate}");
Console.WriteLine("step   energy (Ha)       error (Ha)");
double energy = 0;
for (int step = 0; step <= steps; step++)
{
    energy = interpreter.EvaluateWithGradient(weights, hamiltonian, gradient, workspace) + nuclear;
    if (step % 10 == 0 || step == steps)
    {
        Console.WriteLine($"{step,4}   {energy,15:F10}   {energy - exact,12:E2}");
    }

    if (step < steps)
    {
        adam.Step(weights, gradient);
    }
}

const double ChemicalAccuracy = 1.6e-3;
double error = energy - exact;
Console.WriteLine();
Console.WriteLine($"VQE energy   {energy:F10} Ha");
Console.WriteLine($"exact energy {exact:F10} Ha (exact diagonalisation of the same Hamiltonian + nuclear repulsion)");
Console.WriteLine($"error        {error:E2} Ha: {(Math.Abs(error) < ChemicalAccuracy ? "within" : "outside")} chemical accuracy (1.6 mHa)");
return Math.Abs(error) < ChemicalAccuracy ? 0 : 1;
