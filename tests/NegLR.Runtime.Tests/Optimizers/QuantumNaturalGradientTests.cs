using System;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Reference;
using NegLR.Tests.Training;

namespace NegLR.Tests.Optimizers;

/// <summary>
/// The block-diagonal metric equals the Fubini–Study metric (from finite differences of dense reference states) inside
/// every layer and is zero between layers; its shot estimate is unbiased; the QNG step is the pseudo-inverse solve.
/// </summary>
public class QuantumNaturalGradientTests
{
    /// <summary>A circuit with layers of mixed generators (Pauli rotations, a phase, a controlled rotation, an affine angle).</summary>
    private static Circuit Layered()
    {
        var c = new Circuit(3);
        c.H(0).H(1).H(2);
        c.RY(0, c.Weight()).RX(1, c.Weight()).RZ(2, c.Weight());
        c.CNOT(0, 1);
        c.CRX(1, 2, c.Weight()).PhaseShift(0, c.Weight());
        c.CNOT(2, 0);
        c.RYY(0, 2, (2 * c.Weight()) + 0.3).RX(1, c.Weight());
        return c;
    }

    private static double[] MetricFromTrainer(Circuit c, double[] w, bool diagonal = false, int? shots = null, ulong seed = 0)
    {
        var qng = new QuantumNaturalGradient(c.WeightCount, 0.01, approximation: diagonal ? MetricApproximation.Diagonal : MetricApproximation.BlockDiagonal);
        new Trainer(c, PauliSum.Parse("Z0 Z1"), qng, new TrainerOptions { MaxSteps = 1, Shots = shots, Seed = seed }).Run((double[])w.Clone());
        return qng.LastMetric.ToArray();
    }

    /// <summary>g_ij = Re[⟨∂_iψ|∂_jψ⟩ − ⟨∂_iψ|ψ⟩⟨ψ|∂_jψ⟩] with ∂ψ from central differences of the dense reference states.</summary>
    private static double[,] FubiniStudy(Circuit c, double[] w)
    {
        var dense = new DenseReferenceSimulator(c.Qubits);
        int n = w.Length;
        var psi = dense.Run(c, w, ReadOnlySpan<double>.Empty);
        var d = new Complex[n][];
        const double h = 1e-5;
        for (int i = 0; i < n; i++)
        {
            var plus = (double[])w.Clone();
            var minus = (double[])w.Clone();
            plus[i] += h;
            minus[i] -= h;
            var a = dense.Run(c, plus, ReadOnlySpan<double>.Empty);
            var b = dense.Run(c, minus, ReadOnlySpan<double>.Empty);
            d[i] = a.Zip(b, (x, y) => (x - y) / (2 * h)).ToArray();
        }

        Complex Inner(Complex[] a, Complex[] b) => a.Zip(b, (x, y) => Complex.Conjugate(x) * y).Aggregate(Complex.Zero, (s, v) => s + v);
        var g = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                g[i, j] = (Inner(d[i], d[j]) - (Inner(d[i], psi) * Inner(psi, d[j]))).Real;
            }
        }

        return g;
    }

    [Fact]
    public void BlockDiagonalMetric_EqualsFubiniStudy_WithinLayers_AndIsZeroBetweenThem()
    {
        var c = Layered();
        var structure = new CircuitStructure(c);
        Assert.Equal(3, structure.LayerCount);
        var rng = new SeededRandom(5);
        var w = TestData.RandomVector(rng, c.WeightCount, -Math.PI, Math.PI);
        var metric = MetricFromTrainer(c, w);
        var exact = FubiniStudy(c, w);
        int n = w.Length;
        int[] layerOf = new int[n];
        for (int l = 0; l < structure.LayerCount; l++)
        {
            foreach (int weight in structure.LayerWeights(l))
            {
                layerOf[weight] = l;
            }
        }

        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double expected = layerOf[i] == layerOf[j] ? exact[i, j] : 0;
                Assert.True(Math.Abs(metric[(i * n) + j] - expected) < 1e-8, $"g[{i},{j}] = {metric[(i * n) + j]:R}, expected {expected:R}");
            }
        }

        var diagonal = MetricFromTrainer(c, w, diagonal: true);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                Assert.Equal(i == j ? metric[(i * n) + j] : 0, diagonal[(i * n) + j], 14);
            }
        }
    }

    [Fact]
    public void Step_SolvesTheKnownMetric()
    {
        // RX(a) then RY(b) on |0⟩: layers [RX], [RY]; g = diag(1/4, cos²a/4); f = ⟨Z⟩ = cos a cos b.
        var c = new Circuit(1);
        c.RX(0, c.Weight()).RY(0, c.Weight());
        double a = 0.7, b = -0.4, eta = 0.05;
        var w = new[] { a, b };
        var qng = new QuantumNaturalGradient(2, eta);
        var trainer = new Trainer(c, PauliSum.Parse("Z0"), qng, new TrainerOptions { MaxSteps = 1 });
        trainer.Run(w);
        double da = -Math.Sin(a) * Math.Cos(b), db = -Math.Cos(a) * Math.Sin(b);
        Assert.Equal(a - (eta * 4 * da), w[0], 12);
        Assert.Equal(b - (eta * 4 / (Math.Cos(a) * Math.Cos(a)) * db), w[1], 12);
        Assert.Equal(0.25, qng.LastMetric[0], 14);
        Assert.Equal(Math.Cos(a) * Math.Cos(a) / 4, qng.LastMetric[3], 14);
    }

    [Fact]
    public void SingularMetric_IsPseudoInverted_NotDivided()
    {
        // RZ on |0⟩ only changes a phase: its metric entry is 0, and the pseudo-inverse leaves that weight alone.
        var c = new Circuit(1);
        c.RZ(0, c.Weight()).RY(0, c.Weight());
        var w = new[] { 0.3, 0.5 };
        var qng = new QuantumNaturalGradient(2, 0.1);
        new Trainer(c, PauliSum.Parse("X0 + Z0"), qng, new TrainerOptions { MaxSteps = 1 }).Run(w);
        Assert.Equal(0.3, w[0]);
        Assert.True(double.IsFinite(w[1]) && w[1] != 0.5);
    }

    [Fact]
    public void ShotMetric_IsUnbiased_WithinFourStandardErrors()
    {
        var c = Layered();
        var w = TestData.RandomVector(new SeededRandom(8), c.WeightCount, -Math.PI, Math.PI);
        var exact = MetricFromTrainer(c, w);
        const int runs = 300;
        var samples = Enumerable.Range(0, runs).Select(s => MetricFromTrainer(c, w, shots: 100, seed: (ulong)s + 10)).ToArray();
        for (int k = 0; k < exact.Length; k++)
        {
            double mean = samples.Average(m => m[k]);
            double sd = Math.Sqrt(samples.Sum(m => (m[k] - mean) * (m[k] - mean)) / (runs - 1));
            Assert.True(Math.Abs(mean - exact[k]) <= (4 * sd / Math.Sqrt(runs)) + 1e-12, $"entry {k}: shot mean {mean:G6}, exact {exact[k]:G6}");
        }
    }

    [Fact]
    public void Cost_IsTheGradientPlusOneCircuitPerLayer_InOneRoundTrip()
    {
        var (x, y) = TrainingProblems.Dataset(4, 2);
        var c = TrainingProblems.ClassifierCircuit();
        int layers = new CircuitStructure(c).LayerCount;
        var trainer = new Trainer(c, TrainingProblems.Readout, new QuantumNaturalGradient(8, 0.05),
            new TrainerOptions { MaxSteps = 4 }, TrainingObjective.Classification(x, 2, y));
        var result = trainer.Run(TrainingProblems.Start(8, 1));
        Assert.Equal((2 + layers) * 4, trainer.EvaluationsPerStep);
        Assert.Equal(1, trainer.RoundTripsPerStep);
        Assert.Equal(4 * trainer.EvaluationsPerStep, result.CircuitEvaluations);
        Assert.Equal(4, result.RoundTrips);
        Assert.True(result.FinalLoss < result.History[0].Loss);
    }

    [Fact]
    public void ArgumentErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantumNaturalGradient(2, 0.1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QuantumNaturalGradient(2, 0.1, approximation: (MetricApproximation)7));
        Assert.Throws<ArgumentException>(() => new Trainer(Layered(), PauliSum.Parse("Z0"), new QuantumNaturalGradient(3)));
    }
}
