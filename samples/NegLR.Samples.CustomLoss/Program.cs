// All three Iris species with a loss the program writes itself: three readouts ⟨Z0⟩, ⟨Z1⟩, ⟨Z2⟩ are the class scores,
// a softmax turns β·scores into probabilities, and the loss is the cross-entropy against one-hot labels. The program
// gives the loss and its derivative with respect to the three expectation values; the trainer chains that with each
// readout's circuit gradient (one adjoint pass per row), so the custom loss costs what the built-in ones do.
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NegLR;
using NegLR.Samples.CustomLoss;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string[] species = { "setosa", "versicolor", "virginica" };
var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv")).Skip(1)
    .Select(line => line.Split(','))
    .Select(f => (X: f[..4].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(), Y: Array.IndexOf(species, f[4])))
    .ToArray();

// Seeded shuffle, then 105 rows to train and 45 to test; features scaled to [−π/2, π/2] by the training rows' range.
var random = new SeededRandom(11);
for (int i = rows.Length - 1; i > 0; i--)
{
    int j = random.NextInt(i + 1);
    (rows[i], rows[j]) = (rows[j], rows[i]);
}

var train = rows[..105];
var test = rows[105..];
double[] min = Enumerable.Range(0, 4).Select(k => train.Min(r => r.X[k])).ToArray();
double[] max = Enumerable.Range(0, 4).Select(k => train.Max(r => r.X[k])).ToArray();
double[] Scale(double[] x) => x.Select((v, k) => Math.PI * (((v - min[k]) / (max[k] - min[k])) - 0.5)).ToArray();

// The loss: ℓ(f, y) = −Σ_j y_j ln p_j with p = softmax(β f), and ∂ℓ/∂f_j = β (p_j − y_j). β = 4 stretches the scores'
// range [−1, 1] so the probabilities can approach 0 and 1.
const double Beta = 4;
var softmaxCrossEntropy = new CustomLoss("softmax cross-entropy", observableCount: 3, (f, y, gradient) =>
{
    double top = Math.Max(f[0], Math.Max(f[1], f[2]));
    double sum = 0;
    for (int j = 0; j < 3; j++)
    {
        sum += Math.Exp(Beta * (f[j] - top));
    }

    double loss = 0;
    for (int j = 0; j < 3; j++)
    {
        double p = Math.Exp(Beta * (f[j] - top)) / sum;
        gradient[j] = Beta * (p - y[j]);
        loss -= y[j] * Math.Log(p);
    }

    return loss;
});

double[] features = train.SelectMany(r => Scale(r.X)).ToArray();
double[] oneHot = train.SelectMany(r => species.Select((_, j) => j == r.Y ? 1.0 : 0.0)).ToArray();
var objective = TrainingObjective.Custom(softmaxCrossEntropy, features, featureCount: 4, oneHot, labelWidth: 3, batchSize: 35);
var readouts = new[] { PauliSum.Parse("Z0"), PauliSum.Parse("Z1"), PauliSum.Parse("Z2") };

var optimizer = new ThreeClassAdam(IrisThreeClass.WeightCount);
var trainer = new Trainer(IrisThreeClass.CreateCircuit(), readouts, optimizer, objective, new TrainerOptions
{
    MaxSteps = 150,
    Seed = 3,
    OnStep = step =>
    {
        if (step.Iteration % 30 == 0)
        {
            Console.WriteLine($"{step.Iteration,4}   {step.Loss,8:F4}");
        }
    },
});

// The declared initialization (uniform in [−0.5, 0.5)) draws the start.
var weights = trainer.InitialWeights(seed: 5);
Console.WriteLine($"Iris, three species: {train.Length} training rows, {test.Length} test rows; {IrisThreeClass.Qubits} qubits, {weights.Length} weights, {optimizer.Name}");
Console.WriteLine($"loss '{softmaxCrossEntropy.Name}' over {readouts.Length} observables; derivative checked by finite differences: {(softmaxCrossEntropy.ChecksDerivative ? "yes (debug build)" : "no (release build)")}");
Console.WriteLine("step   loss (cross-entropy, batches of 35)");
var result = trainer.Run(weights);

// Predict: the species whose readout is largest.
var interpreter = new CircuitInterpreter(IrisThreeClass.CreateCircuit());
var workspace = interpreter.CreateWorkspace(forGradients: false);
int Predict(double[] x) => Enumerable.Range(0, 3).MaxBy(j => interpreter.Evaluate(weights, Scale(x), readouts[j], workspace));
int correct = test.Count(r => Predict(r.X) == r.Y);
double accuracy = (double)correct / test.Length;

// The pass mark, so CI notices when training breaks: this run classifies 45 of 45; 0.9 allows four misses (41/45 passes).
const double PassAccuracy = 0.9;
bool passed = accuracy >= PassAccuracy;
Console.WriteLine();
Console.WriteLine($"training loss   {result.FinalLoss:F4} (softmax cross-entropy over all {train.Length} rows, {result.Steps} steps)");
Console.WriteLine($"test accuracy   {correct}/{test.Length} = {100 * accuracy:F1} %: {(passed ? "at or above" : "below")} the pass mark {100 * PassAccuracy:F0} %");
Console.WriteLine($"cost            {result.CircuitEvaluations} circuit evaluations ({trainer.EvaluationsPerStep} per step: 2 per row, one adjoint pass for all three readouts), {result.RoundTrips} round trips");
if (!passed)
{
    Console.Error.WriteLine($"FAILED: test accuracy {accuracy:F4} is below {PassAccuracy:F2}.");
}

return passed ? 0 : 1;
