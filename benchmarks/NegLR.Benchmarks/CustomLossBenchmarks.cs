using System;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks;

/// <summary>
/// Issue 14's promise that a user-written loss is as cheap as a built-in one: a short training run (5 Adam steps over 16
/// rows, plus the final-loss evaluation) with the built-in mean squared error against the same loss written as a
/// <see cref="CustomLoss"/> (ℓ = (f − y)², ∂ℓ/∂f = 2(f − y)). Same circuit, data, optimizer and gradient method, so the
/// ratio is the custom path's overhead: the delegate call per row and the chaining of ∂ℓ/∂f with the observable's
/// gradient. Circuit: angle embedding of n features, then a two-layer hardware-efficient ansatz; readout Z0.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CustomLossBenchmarks
{
    private const int Rows = 16;
    private const int Steps = 5;

    private static readonly CustomLoss SquaredError = new("squared error", 1, (f, y, g) =>
    {
        double d = f[0] - y[0];
        g[0] = 2 * d;
        return d * d;
    });

    private Trainer _builtIn = null!;
    private Trainer _custom = null!;
    private double[] _start = null!;
    private double[] _weights = null!;

    [Params(6, 10)]
    public int Qubits { get; set; }

    [Params(GradientMethod.Adjoint, GradientMethod.ParameterShift)]
    public GradientMethod Gradient { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var circuit = new Circuit(Qubits).AngleEmbedding(Qubits, Rotation.Y).HardwareEfficient(layers: 2);
        var random = new SeededRandom(1);
        var features = new double[Rows * Qubits];
        var labels = new double[Rows];
        for (int r = 0; r < Rows; r++)
        {
            for (int q = 0; q < Qubits; q++)
            {
                features[(r * Qubits) + q] = random.NextDouble(0, Math.PI);
            }

            labels[r] = features[r * Qubits] > features[(r * Qubits) + 1] ? 1 : -1;
        }

        _start = new double[circuit.WeightCount];
        for (int k = 0; k < _start.Length; k++)
        {
            _start[k] = random.NextDouble(0, 2 * Math.PI);
        }

        _weights = new double[_start.Length];
        var options = new TrainerOptions { MaxSteps = Steps, Gradient = Gradient };
        var readout = PauliSum.Z(0);
        _builtIn = new Trainer(circuit, readout, new Adam(_start.Length), options,
            TrainingObjective.Classification(features, Qubits, labels, ClassificationLoss.MeanSquaredError));
        _custom = new Trainer(circuit, readout, new Adam(_start.Length), options,
            TrainingObjective.Custom(SquaredError, features, Qubits, labels, 1));
    }

    [Benchmark(Baseline = true, Description = "Built-in MSE")]
    public double BuiltIn()
    {
        _start.CopyTo(_weights, 0);
        return _builtIn.Run(_weights).FinalLoss;
    }

    [Benchmark(Description = "Custom loss (same MSE)")]
    public double Custom()
    {
        _start.CopyTo(_weights, 0);
        return _custom.Run(_weights).FinalLoss;
    }
}
