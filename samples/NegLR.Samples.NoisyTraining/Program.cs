// docs/noise.md's worked example. Iris versicolor against virginica with a 4-qubit classifier, trained three ways from
// the same start with the same optimizer: on the ideal simulator, on the density matrix of the ibmq_manila example
// profile (exact noisy losses, adjoint gradients through the channels), and on that device with 1,000 shots per
// estimate (readout error included, parameter-shift gradients). Then every trained model is scored on the test rows
// both ideally and on the noisy device. `--plot PATH` draws the three loss curves.
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NegLR;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string? plotPath = args.Length == 2 && args[0] == "--plot" ? args[1] : null;
if (args.Length != 0 && plotPath is null)
{
    Console.Error.WriteLine("usage: NegLR.Samples.NoisyTraining [--plot PATH.png]");
    return 2;
}

// Data/iris.csv (Fisher's Iris, attribution in samples/NegLR.Experiments/Data/README.md). Versicolor −1, virginica +1.
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

// The classifier: angle embedding, then three layers of RY on every qubit and CNOTs towards qubit 0 (3→2, 2→1, 1→0):
// nearest neighbours only, so it runs on ibmq_manila's line of qubits without swaps. Prediction: the sign of ⟨Z0⟩.
var circuit = new Circuit(4).AngleEmbedding(features: 4, Rotation.Y);
for (int layer = 0; layer < 3; layer++)
{
    for (int q = 0; q < 4; q++)
    {
        circuit.RY(q, circuit.Weight());
    }

    for (int q = 3; q > 0; q--)
    {
        circuit.CNOT(q, q - 1);
    }
}

var profile = DeviceProfile.Example("ibmq-manila-2024-05-27");
var model = profile.NoiseModelFor(circuit);
var device = new DensityMatrixSimulator(circuit, model);
var ideal = new CircuitInterpreter(circuit);
var readout = PauliSum.Z(0);
var start = Enumerable.Range(0, circuit.WeightCount).Select(_ => random.NextDouble(-0.5, 0.5)).ToArray();
const int Steps = 60;

Console.WriteLine($"Iris versicolor vs virginica: {train.Length} training rows, {test.Length} test rows; 4 qubits, {circuit.WeightCount} weights, Adam (η = 0.05), {Steps} steps.");
Console.WriteLine($"Device: {profile.Name} ({(profile.Illustrative ? "illustrative" : "live")}): {device.Circuit.Channels.Count} channels after {circuit.Gates.Count} gates, readout P(1|0) = {model.Readout!.Probability1Given0[0]}, P(0|1) = {model.Readout.Probability0Given1[0]} on qubit 0.");
Console.WriteLine();

var runs = new (string Name, Func<TrainerBase> Build)[]
{
    ("ideal simulator, exact", () => new Trainer(circuit, readout, new Adam(circuit.WeightCount, 0.05), new TrainerOptions { MaxSteps = Steps }, objective)),
    ("noisy device, exact (density matrix)", () => new NoisyTrainer(device, readout, new Adam(circuit.WeightCount, 0.05), new TrainerOptions { MaxSteps = Steps }, objective)),
    ("noisy device, 1000 shots", () => new NoisyTrainer(device, readout, new Adam(circuit.WeightCount, 0.05),
        new TrainerOptions { MaxSteps = Steps, Shots = 1000, Seed = 11 }, objective)),
};

var deviceWorkspace = device.CreateWorkspace(forGradients: false);
var idealWorkspace = ideal.CreateWorkspace(forGradients: false);
double IdealLoss(double[] w) => train.Average(r => Square(ideal.Evaluate(w, Scale(r.X), readout, idealWorkspace) - r.Y));
double NoisyLoss(double[] w) => train.Average(r => Square(device.Evaluate(w, Scale(r.X), readout, deviceWorkspace) - r.Y));
int IdealCorrect(double[] w) => test.Count(r => Math.Sign(ideal.Evaluate(w, Scale(r.X), readout, idealWorkspace)) == (int)r.Y);
int NoisyCorrect(double[] w) => test.Count(r => Math.Sign(device.Evaluate(w, Scale(r.X), readout, deviceWorkspace)) == (int)r.Y);

var curves = new double[runs.Length][];
var trained = new double[runs.Length][];
Console.WriteLine("| trained on | ideal training loss | noisy training loss | ideal test accuracy | noisy test accuracy | circuit evaluations | shots |");
Console.WriteLine("|---|---|---|---|---|---|---|");
for (int k = 0; k < runs.Length; k++)
{
    var w = (double[])start.Clone();
    var result = runs[k].Build().Run(w);
    curves[k] = Enumerable.Range(0, (int)result.History.Count).Select(i => result.History[i].Loss).ToArray();
    trained[k] = w;
    Console.WriteLine($"| {runs[k].Name} | {IdealLoss(w):F4} | {NoisyLoss(w):F4} | {IdealCorrect(w)}/{test.Length} | {NoisyCorrect(w)}/{test.Length} | {result.CircuitEvaluations} | {result.Shots} |");
}

Console.WriteLine();
Console.WriteLine("Losses are the mean squared error of ⟨Z0⟩ against ±1 on the training rows; \"noisy\" is the device's exact expectation (readout error included).");
if (plotPath is not null)
{
    var plt = new ScottPlot.Plot();
    string[] colours = { "#0072B2", "#D55E00", "#009E73" };
    for (int k = 0; k < runs.Length; k++)
    {
        var line = plt.Add.Scatter(Enumerable.Range(0, curves[k].Length).Select(i => (double)i).ToArray(), curves[k]);
        line.Color = ScottPlot.Color.FromHex(colours[k]);
        line.MarkerSize = 0;
        line.LineWidth = 2;
        line.LegendText = runs[k].Name;
    }

    plt.Title("Iris classifier, 4 qubits: training loss, ideal vs the ibmq_manila profile");
    plt.XLabel("step");
    plt.YLabel("training loss (MSE of ⟨Z0⟩; as each run measures it)");
    plt.ShowLegend(ScottPlot.Edge.Bottom);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(plotPath))!);
    plt.SavePng(plotPath, 900, 560);
    Console.WriteLine($"Plot: {plotPath}");
}

// Pass mark for CI: the model trained on the noisy device must classify the test rows on that device at least as well
// as 24/30 (this run's figure is printed above; a broken noisy engine or trainer falls far below).
const int PassCorrect = 24;
int noisyTrainedOnDevice = NoisyCorrect(trained[1]);
bool passed = noisyTrainedOnDevice >= PassCorrect;
Console.WriteLine($"pass mark: the noise-trained model scores {noisyTrainedOnDevice}/{test.Length} on the device: {(passed ? "at or above" : "below")} {PassCorrect}/{test.Length}.");
return passed ? 0 : 1;

static double Square(double v) => v * v;
