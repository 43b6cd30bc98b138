// VQE for H2 (STO-3G, 0.735 Å) with a declared ansatz and a declared NLR optimizer (H2Declarations.cs): the source
// generator compiles both, the Trainer runs them with exact adjoint gradients. Prints the energy against the exact one.
using System;
using System.Globalization;
using NegLR;
using NegLR.Samples.H2Vqe;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

int steps = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out int s) && s > 0 ? s : 60;
double exact = ExactSolver.GroundState(H2Ansatz.Cost, H2Ansatz.Qubits).Energy + H2Ansatz.NuclearRepulsion;

// The callback sees the energy at the parameters each step starts from; FinalLoss is the energy after the last step.
int ascents = 0;
var options = new TrainerOptions
{
    MaxSteps = steps,
    OnStep = (TrainingStep step) =>
    {
        ascents += step.Phase == NlrPhase.Negative ? 1 : 0;
        if (step.Iteration % 10 == 0)
        {
            double e = step.Loss + H2Ansatz.NuclearRepulsion;
            Console.WriteLine($"{step.Iteration,4}   {e,15:F10}   {e - exact,12:E2}");
        }
    },
};
var optimizer = new H2Optimizer(H2Ansatz.WeightCount);
var trainer = new Trainer<H2Ansatz>(optimizer, options);

Console.WriteLine($"H2 / STO-3G at 0.735 Å: {H2Ansatz.Cost.Terms.Length} Pauli terms on {H2Ansatz.Qubits} qubits, {H2Ansatz.WeightCount} weight(s), {optimizer.Name}");
Console.WriteLine("step   energy (Ha)       error (Ha)");
var weights = new double[H2Ansatz.WeightCount];
var result = trainer.Run(weights);
double energy = result.FinalLoss + H2Ansatz.NuclearRepulsion;
double error = energy - exact;
Console.WriteLine($"{result.Steps,4}   {energy,15:F10}   {error,12:E2}");

const double ChemicalAccuracy = 1.6e-3;
Console.WriteLine();
Console.WriteLine($"VQE energy   {energy:F10} Ha");
Console.WriteLine($"exact energy {exact:F10} Ha (exact diagonalisation of the same Hamiltonian + nuclear repulsion)");
Console.WriteLine($"error        {error:E2} Ha: {(Math.Abs(error) < ChemicalAccuracy ? "within" : "outside")} chemical accuracy (1.6 mHa)");
Console.WriteLine($"cost         {result.CircuitEvaluations} circuit evaluations (at most {trainer.EvaluationsPerStep} per step: adjoint forward + backward, then NLR's look-ahead trial), {ascents} ascent step(s), {result.Elapsed.TotalMilliseconds:F1} ms");
return Math.Abs(error) < ChemicalAccuracy ? 0 : 1;
