// Noise in the DSL: the Iris classifier declared once ideal (IdealIris) and once under the illustrative
// ibmq-manila-2024-05-27 device profile (ManilaIris: [DeviceProfile] names an AdditionalFiles item), each trained with
// the declared NLR optimizer from the same seeded start on the same 70/30 split; prints both test accuracies, and the
// ideal model's accuracy on the device. The noisy ansatz's generated members run on the density matrix
// (docs/noise.md, "Noise in the DSL"), so Trainer<ManilaIris> trains against the device with no other change.
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using NegLR;
using NegLR.Samples.NoisyIris;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Data/iris.csv (Fisher's Iris, see samples/NegLR.Experiments/Data/README.md): versicolor −1, virginica +1.
var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "iris.csv")).Skip(1)
    .Select(line => line.Split(','))
    .Where(f => f[4] != "setosa")
    .Select(f => (X: f[..4].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray(), Y: f[4] == "virginica" ? 1.0 : -1.0))
    .ToArray();

var random = new SeededRandom(7);
for (int i = rows.Length - 1; i > 0; i--)
{
    int j = random.NextInt(i + 1);
    (rows[i], rows[j]) = (rows[j], rows[i]);
}

var train = rows[..70];
var test = rows[70..];
double[] min = Enumerable.Range(0, 4).Select(k => train.Min(r => r.X[k])).ToArray();
double[] max = Enumerable.Range(0, 4).Select(k => train.Max(r => r.X[k])).ToArray();
double[] Scale(double[] x) => x.Select((v, k) => Math.PI * (((v - min[k]) / (max[k] - min[k])) - 0.5)).ToArray();

var objective = TrainingObjective.Classification(train.Select(r => Scale(r.X)).ToArray(), train.Select(r => r.Y).ToArray());
var start = new double[IdealIris.WeightCount];
for (int k = 0; k < start.Length; k++)
{
    start[k] = random.NextDouble(-0.5, 0.5);
}

Console.WriteLine($"Iris versicolor vs virginica: {train.Length} training rows, {test.Length} test rows; {IdealIris.Qubits} qubits, {IdealIris.WeightCount} weights");
Console.WriteLine($"device model    {ManilaIris.NoiseModel.Rules.Length} noise rules from the profile, readout error {(ManilaIris.NoiseModel.Readout is null ? "none" : "per qubit")}; " +
    $"{ManilaIris.CreateNoisyCircuit().Channels.Count} channels after {ManilaIris.CreateCircuit().Gates.Count} gates");

var ideal = Train<IdealIris>("ideal", start, objective);
var noisy = Train<ManilaIris>("device (manila)", start, objective);

var state = new Complex[IdealIris.StateLength];
int Correct(Func<double[], double> predict) => test.Count(r => Math.Sign(predict(Scale(r.X))) == (int)r.Y);
int idealCorrect = Correct(x => IdealIris.Evaluate(ideal, x, state));
var workspace = ManilaIris.CreateWorkspace();
int noisyCorrect = Correct(x => ManilaIris.Evaluate(noisy, x, workspace));
int idealOnDevice = Correct(x => ManilaIris.Evaluate(ideal, x, workspace));

// The pass mark, so CI notices when training or the noisy path breaks: this run classifies 27/30 ideal and 27/30 on
// the device; 0.8 (24/30) leaves room for a few rows near the boundary to change sides.
const double PassAccuracy = 0.8;
double idealAccuracy = (double)idealCorrect / test.Length;
double noisyAccuracy = (double)noisyCorrect / test.Length;
bool passed = idealAccuracy >= PassAccuracy && noisyAccuracy >= PassAccuracy;
Console.WriteLine();
Console.WriteLine($"test accuracy, ideal model on the ideal simulator       {idealCorrect}/{test.Length} = {100 * idealAccuracy:F1} %");
Console.WriteLine($"test accuracy, device-trained model on the device model {noisyCorrect}/{test.Length} = {100 * noisyAccuracy:F1} %");
Console.WriteLine($"test accuracy, ideal model on the device model          {idealOnDevice}/{test.Length} = {100.0 * idealOnDevice / test.Length:F1} %");
Console.WriteLine($"pass mark       {100 * PassAccuracy:F0} % for both trained models: {(passed ? "passed" : "FAILED")}");
if (!passed)
{
    Console.Error.WriteLine($"FAILED: test accuracies {idealAccuracy:F4} (ideal) and {noisyAccuracy:F4} (device); both must reach {PassAccuracy:F2}.");
}

return passed ? 0 : 1;

// Trains a copy of the start with the declared optimizer (80 steps: IrisOptimizer's cosine schedule).
static double[] Train<TAnsatz>(string label, double[] start, TrainingObjective objective)
    where TAnsatz : IAnsatz
{
    var weights = (double[])start.Clone();
    var optimizer = new IrisOptimizer(TAnsatz.WeightCount);
    var options = new TrainerOptions { MaxSteps = 80 };
    var result = new Trainer<TAnsatz>(optimizer, options, objective).Run(weights);
    Console.WriteLine($"{label,-16} {optimizer.Name}: training loss {result.FinalLoss:F4} after {result.Steps} steps, " +
        $"{result.CircuitEvaluations} circuit evaluations, {result.Elapsed.TotalMilliseconds:F0} ms");
    return weights;
}
