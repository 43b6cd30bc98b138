using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NegLR.Experiments.Datasets;

namespace NegLR.Experiments.Benchmarks;

/// <summary>Trainable layers after the angle embedding.</summary>
internal enum ClassifierAnsatz
{
    /// <summary><see cref="Circuit.HardwareEfficient"/>: RY and RZ on every qubit, then a CNOT ladder, per layer.</summary>
    HardwareEfficient,

    /// <summary><see cref="Circuit.StronglyEntanglingLayers"/>: Rot on every qubit, then CNOTs of growing range, per layer.</summary>
    StronglyEntangling,
}

/// <summary>
/// A binary classifier (4 qubits and 2 layers unless the id says otherwise, <c>…-q8-l4</c>): RY angle embedding of one
/// feature per qubit, <see cref="Layers"/> trainable layers, readout ⟨Z0⟩ (local) or ⟨Z0 Z1 … Z(n−1)⟩ (global) as
/// f ∈ [−1, 1], cross-entropy on p = (1 + f)/2 or squared error (f − y)². Training on a seeded stratified split; the
/// class is predicted by the sign of f.
/// </summary>
internal sealed class ClassificationBenchmark : Benchmark
{
    public const int DefaultQubits = 4;
    public const int DefaultLayers = 2;

    public ClassificationBenchmark(string dataset, ClassifierAnsatz ansatz, bool globalReadout, ClassificationLoss loss, int qubits = DefaultQubits, int layers = DefaultLayers)
    {
        if (qubits is < 2 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "A classifier here has 2 to 12 qubits.");
        }

        if (layers is < 1 or > 50)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "A classifier here has 1 to 50 layers.");
        }

        ClassifierQubits = qubits;
        Layers = layers;
        DatasetName = dataset;
        Ansatz = ansatz;
        GlobalReadout = globalReadout;
        Loss = loss;
        Map = dataset switch
        {
            "moons" or "circles" or "xor" => FeatureMap.Repeat,
            "parity" => FeatureMap.Bits,
            "iris" => FeatureMap.Scale,
            _ => FeatureMap.Pca,
        };
    }

    public string DatasetName { get; }

    /// <summary>Qubits (one feature per qubit).</summary>
    public int ClassifierQubits { get; }

    /// <summary>Trainable layers after the embedding.</summary>
    public int Layers { get; }

    public ClassifierAnsatz Ansatz { get; }

    public bool GlobalReadout { get; }

    public ClassificationLoss Loss { get; }

    public FeatureMap Map { get; }

    public override string Id => (DatasetCatalog.TuningNames.Contains(DatasetName) ? "tune-" : string.Empty) + string.Join('-', "cls", DatasetName, Ansatz == ClassifierAnsatz.HardwareEfficient ? "hea" : "sel",
        GlobalReadout ? "global" : "local", Loss == ClassificationLoss.CrossEntropy ? "ce" : "mse")
        + (ClassifierQubits == DefaultQubits && Layers == DefaultLayers ? string.Empty : Invariant($"-q{ClassifierQubits}-l{Layers}"));

    /// <summary>Parses <c>cls-{data}-{hea|sel}-{local|global}-{ce|mse}-q{n}-l{L}</c> (the sized variants not in the catalogue); null otherwise.</summary>
    public static ClassificationBenchmark? TryParse(string id)
    {
        var m = System.Text.RegularExpressions.Regex.Match(id, @"^cls-([a-z-]+?)-(hea|sel)-(local|global)-(ce|mse)-q(\d{1,2})-l(\d{1,2})$");
        if (!m.Success || !DatasetCatalog.Names.Contains(m.Groups[1].Value))
        {
            return null;
        }

        return new ClassificationBenchmark(m.Groups[1].Value, m.Groups[2].Value == "hea" ? ClassifierAnsatz.HardwareEfficient : ClassifierAnsatz.StronglyEntangling,
            m.Groups[3].Value == "global", m.Groups[4].Value == "ce" ? ClassificationLoss.CrossEntropy : ClassificationLoss.MeanSquaredError,
            int.Parse(m.Groups[5].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[6].Value, CultureInfo.InvariantCulture));
    }

    public override BenchmarkFamily Family => BenchmarkFamily.Classification;

    public override int Qubits => ClassifierQubits;

    public override string MetricName => Loss == ClassificationLoss.CrossEntropy ? "final training loss (cross-entropy)" : "final training loss (squared error)";

    public override string Description =>
        $"{DatasetCatalog.Get(DatasetName).Description}; features: {MapDescription(Map)}; RY angle embedding, " +
        $"{Layers} {(Ansatz == ClassifierAnsatz.HardwareEfficient ? "hardware-efficient" : "strongly entangling")} layers, " +
        $"readout {(GlobalReadout ? (ClassifierQubits == 4 ? "Z0 Z1 Z2 Z3 (global)" : $"Z0 … Z{ClassifierQubits - 1} (global)") : "Z0 (local)")}, {(Loss == ClassificationLoss.CrossEntropy ? "cross-entropy" : "squared-error")} loss"
        + (ClassifierQubits == DefaultQubits ? string.Empty : Invariant($"; {ClassifierQubits} qubits"));

    public string MapDescription(FeatureMap map) => map switch
    {
        FeatureMap.Repeat => ClassifierQubits == 4 ? "the 2 coordinates repeated over 4 qubits (x₁, x₂, x₁, x₂), min–max scaled to [0, π]" : Invariant($"the 2 coordinates repeated over {ClassifierQubits} qubits (x₁, x₂, x₁, x₂, …), min–max scaled to [0, π]"),
        FeatureMap.Bits => "bit b → angle π·b",
        FeatureMap.Scale => "z-scored, min–max scaled to [0, π]",
        _ => Invariant($"z-scored, reduced to the {ClassifierQubits} leading principal components of the training rows, min–max scaled to [0, π]"),
    };

    public Circuit BuildCircuit()
    {
        var c = new Circuit(ClassifierQubits);
        c.AngleEmbedding(ClassifierQubits, Rotation.Y);
        if (Ansatz == ClassifierAnsatz.HardwareEfficient)
        {
            c.HardwareEfficient(Layers);
        }
        else
        {
            c.StronglyEntanglingLayers(Layers);
        }

        return c;
    }

    public PauliSum BuildObservable() =>
        PauliSum.Parse(GlobalReadout ? string.Join(' ', Enumerable.Range(0, ClassifierQubits).Select(q => "Z" + q.ToString(CultureInfo.InvariantCulture))) : "Z0");

    public override BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes)
    {
        var data = Preprocessing.Prepare(DatasetCatalog.Get(DatasetName), Map, ClassifierQubits, sizes.TrainRows, sizes.TestRows,
            SeededRandom.ForStream(seed, 21).NextUInt64());
        var circuit = BuildCircuit();
        var observable = BuildObservable();
        // Minibatches (when asked for) are reshuffled every epoch by the trainer's seeded batch stream.
        var objective = TrainingObjective.Classification(data.TrainFeatures, data.Width, data.TrainLabels, Loss, batchSize: sizes.BatchRows);
        var weights = BenchmarkCatalog.UniformAngles(circuit.WeightCount, seed);
        var interpreter = new CircuitInterpreter(circuit);
        return new BenchmarkInstance
        {
            Circuit = circuit,
            Observable = observable,
            Objective = objective,
            InitialWeights = weights,
            Metric = loss => loss,
            Extras = w =>
            {
                var workspace = interpreter.CreateWorkspace(forGradients: false);
                return new SortedDictionary<string, double>(StringComparer.Ordinal)
                {
                    ["train_accuracy"] = Accuracy(interpreter, workspace, observable, w, data.TrainFeatures, data.TrainLabels, data.Width),
                    ["test_accuracy"] = Accuracy(interpreter, workspace, observable, w, data.TestFeatures, data.TestLabels, data.Width),
                    ["test_loss"] = MeanLoss(interpreter, workspace, observable, w, data.TestFeatures, data.TestLabels, data.Width, Loss),
                    ["train_rows"] = data.TrainRows,
                    ["test_rows"] = data.TestRows,
                };
            },
        };
    }

    private static double Accuracy(CircuitInterpreter interpreter, SimulationWorkspace workspace, PauliSum observable, double[] weights,
        double[] features, double[] labels, int width)
    {
        if (labels.Length == 0)
        {
            return double.NaN;
        }

        int correct = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            double f = interpreter.Evaluate(weights, features.AsSpan(r * width, width), observable, workspace);
            if ((f >= 0 ? 1.0 : -1.0) == labels[r])
            {
                correct++;
            }
        }

        return (double)correct / labels.Length;
    }

    /// <summary>
    /// The training loss's formula on other rows (the test split): mean (f − y)², or mean cross-entropy on
    /// p = (1 + f)/2 clamped to [ε, 1 − ε] with the runtime's ε, labels y = ±1.
    /// </summary>
    private static double MeanLoss(CircuitInterpreter interpreter, SimulationWorkspace workspace, PauliSum observable, double[] weights,
        double[] features, double[] labels, int width, ClassificationLoss loss)
    {
        if (labels.Length == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int r = 0; r < labels.Length; r++)
        {
            double f = interpreter.Evaluate(weights, features.AsSpan(r * width, width), observable, workspace);
            if (loss == ClassificationLoss.MeanSquaredError)
            {
                sum += (f - labels[r]) * (f - labels[r]);
            }
            else
            {
                double p = Math.Clamp((1 + f) / 2, TrainingObjective.ProbabilityFloor, 1 - TrainingObjective.ProbabilityFloor);
                double y = (labels[r] + 1) / 2;
                sum -= (y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p));
            }
        }

        return sum / labels.Length;
    }

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
