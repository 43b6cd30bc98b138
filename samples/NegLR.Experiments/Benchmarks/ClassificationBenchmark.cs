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
/// A 4-qubit binary classifier: RY angle embedding of 4 features, <see cref="Layers"/> trainable layers, readout ⟨Z0⟩
/// (local) or ⟨Z0 Z1 Z2 Z3⟩ (global) as f ∈ [−1, 1], cross-entropy on p = (1 + f)/2 or squared error (f − y)².
/// Full-batch training on a seeded stratified split; the class is predicted by the sign of f.
/// </summary>
internal sealed class ClassificationBenchmark : Benchmark
{
    public const int ClassifierQubits = 4;
    public const int Layers = 2;

    public ClassificationBenchmark(string dataset, ClassifierAnsatz ansatz, bool globalReadout, ClassificationLoss loss)
    {
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

    public ClassifierAnsatz Ansatz { get; }

    public bool GlobalReadout { get; }

    public ClassificationLoss Loss { get; }

    public FeatureMap Map { get; }

    public override string Id => (DatasetCatalog.TuningNames.Contains(DatasetName) ? "tune-" : string.Empty) + string.Join('-', "cls", DatasetName, Ansatz == ClassifierAnsatz.HardwareEfficient ? "hea" : "sel",
        GlobalReadout ? "global" : "local", Loss == ClassificationLoss.CrossEntropy ? "ce" : "mse");

    public override BenchmarkFamily Family => BenchmarkFamily.Classification;

    public override int Qubits => ClassifierQubits;

    public override string MetricName => Loss == ClassificationLoss.CrossEntropy ? "final training loss (cross-entropy)" : "final training loss (squared error)";

    public override string Description =>
        $"{DatasetCatalog.Get(DatasetName).Description}; features: {MapDescription(Map)}; RY angle embedding, " +
        $"{Layers} {(Ansatz == ClassifierAnsatz.HardwareEfficient ? "hardware-efficient" : "strongly entangling")} layers, " +
        $"readout {(GlobalReadout ? "Z0 Z1 Z2 Z3 (global)" : "Z0 (local)")}, {(Loss == ClassificationLoss.CrossEntropy ? "cross-entropy" : "squared-error")} loss";

    public static string MapDescription(FeatureMap map) => map switch
    {
        FeatureMap.Repeat => "the 2 coordinates repeated over 4 qubits (x₁, x₂, x₁, x₂), min–max scaled to [0, π]",
        FeatureMap.Bits => "bit b → angle π·b",
        FeatureMap.Scale => "z-scored, min–max scaled to [0, π]",
        _ => "z-scored, reduced to the 4 leading principal components of the training rows, min–max scaled to [0, π]",
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
        PauliSum.Parse(GlobalReadout ? "Z0 Z1 Z2 Z3" : "Z0");

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
