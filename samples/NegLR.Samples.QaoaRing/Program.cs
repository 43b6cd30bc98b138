// QAOA MaxCut on a 6-node ring with p = 2 (RingDeclarations.cs): the generator compiles the declared ansatz and NLR
// optimizer, the Trainer runs them with exact adjoint gradients. Prints ⟨C⟩ against the exact maximum cut.
using System;
using System.Globalization;
using NegLR;
using NegLR.Samples.QaoaRing;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// The cost is −C, so its ground energy is minus the largest cut (exact diagonalisation over the 2⁶ bitstrings).
double maxCut = -ExactSolver.GroundState(RingQaoa.Cost, RingQaoa.Qubits).Energy;

// γ = β = 0 is a stationary point (the state stays |+⟩⁶ to first order), so start from small seeded angles.
var random = new SeededRandom(2024);
var weights = new double[RingQaoa.WeightCount];
for (int k = 0; k < weights.Length; k++)
{
    weights[k] = random.NextDouble(0.1, 0.5);
}

var optimizer = new RingOptimizer(RingQaoa.WeightCount);
int ascents = 0;
var options = new TrainerOptions
{
    MaxSteps = 100,
    OnStep = (in TrainingStep step) =>
    {
        ascents += step.Phase == NlrPhase.Negative ? 1 : 0;
        if (step.Iteration % 20 == 0)
        {
            Console.WriteLine($"{step.Iteration,4}   {-step.Loss,6:F4}   {-step.Loss / maxCut,6:F4}");
        }
    },
};

Console.WriteLine($"MaxCut on a {RingQaoa.Qubits}-node ring, QAOA p = {RingQaoa.WeightCount / 2} ({RingQaoa.WeightCount} weights), {optimizer.Name}");
Console.WriteLine("step   ⟨C⟩      ratio");
var result = new Trainer<RingQaoa>(optimizer, options).Run(weights);
double cut = -result.FinalLoss;
Console.WriteLine();
Console.WriteLine($"expected cut ⟨C⟩     {cut:F4}");
Console.WriteLine($"maximum cut          {maxCut:F0} (exact)");
Console.WriteLine($"approximation ratio  {cut / maxCut:F4}");
Console.WriteLine($"angles               γ₁ = {weights[0]:F4}, β₁ = {weights[1]:F4}, γ₂ = {weights[2]:F4}, β₂ = {weights[3]:F4}");
Console.WriteLine($"cost                 {result.CircuitEvaluations} circuit evaluations, {ascents} scheduled ascent step(s), {result.Elapsed.TotalMilliseconds:F1} ms");
