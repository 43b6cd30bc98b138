// VQE for H2 in STO-3G at 0.735 Å: a 4-qubit Jordan–Wigner Hamiltonian (Qiskit Nature's coefficients, block spin
// order), a particle-conserving ansatz, exact adjoint gradients and Adam, driven by the Trainer. Prints the energy
// against the exact one.
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

var weights = new double[circuit.WeightCount];
var adam = new Adam(weights.Length, learningRate: 0.05);

// The callback sees the energy at the parameters each step starts from; the trainer's FinalLoss is the energy after
// the last step.
var options = new TrainerOptions
{
    MaxSteps = steps,
    OnStep = (in TrainingStep step) =>
    {
        if (step.Iteration % 10 == 0)
        {
            double e = step.Loss + nuclear;
            Console.WriteLine($"{step.Iteration,4}   {e,15:F10}   {e - exact,12:E2}");
        }
    },
};
var trainer = new Trainer(circuit, hamiltonian, adam, options);

Console.WriteLine($"H2 / STO-3G at 0.735 Å: {hamiltonian.Terms.Length} Pauli terms on 4 qubits, {weights.Length} weight(s), Adam η = {adam.Schedule}");
Console.WriteLine("step   energy (Ha)       error (Ha)");
var result = trainer.Run(weights);
double energy = result.FinalLoss + nuclear;
Console.WriteLine($"{result.Steps,4}   {energy,15:F10}   {energy - exact,12:E2}");

const double ChemicalAccuracy = 1.6e-3;
double error = energy - exact;
Console.WriteLine();
Console.WriteLine($"VQE energy   {energy:F10} Ha");
Console.WriteLine($"exact energy {exact:F10} Ha (exact diagonalisation of the same Hamiltonian + nuclear repulsion)");
Console.WriteLine($"error        {error:E2} Ha: {(Math.Abs(error) < ChemicalAccuracy ? "within" : "outside")} chemical accuracy (1.6 mHa)");
Console.WriteLine($"cost         {result.CircuitEvaluations} circuit evaluations ({trainer.EvaluationsPerStep} per step: adjoint = forward + backward), {result.Elapsed.TotalMilliseconds:F1} ms");
return Math.Abs(error) < ChemicalAccuracy ? 0 : 1;
