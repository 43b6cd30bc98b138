using System;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Training;

/// <summary>
/// A loss the user writes: its value and gradient through the trainer equal those of the composed function computed
/// independently (dense reference values, central differences), exactly and under shots; wrong derivatives are caught.
/// </summary>
public class CustomLossTests
{
    /// <summary>ℓ = Σ_j w_j (f_j − y_j)² + 0.3 f_0 f_1: coupled, with a derivative that is linear in f (unbiased under shots).</summary>
    private static CustomLoss Coupled(int m, DerivativeCheck check = DerivativeCheck.Always) => new("coupled", m, (f, y, g) =>
    {
        double value = 0;
        for (int j = 0; j < f.Length; j++)
        {
            double d = f[j] - y[j];
            value += (j + 1) * d * d;
            g[j] = 2 * (j + 1) * d;
        }

        if (f.Length > 1)
        {
            value += 0.3 * f[0] * f[1];
            g[0] += 0.3 * f[1];
            g[1] += 0.3 * f[0];
        }

        return value;
    }, check);

    private static (Circuit Circuit, PauliSum[] Observables, double[] X, double[] Y, double[] W) Problem(ulong seed, int m, int rows)
    {
        var rng = new SeededRandom(seed);
        var c = new Circuit(3);
        c.RY(0, c.Input(0)).RY(1, c.Input(1)).RX(2, c.Input(0));
        var body = TestData.RandomCircuit(rng, 3, 14, weightPool: 6, inputPool: 0);
        c.Append(body);
        var observables = Enumerable.Range(0, m).Select(_ => TestData.RandomObservable(rng, 3, 3)).ToArray();
        var x = TestData.RandomVector(rng, rows * 2, -1, 1);
        var y = TestData.RandomVector(rng, rows * m, -1, 1);
        var w = TestData.RandomVector(rng, c.WeightCount, -Math.PI, Math.PI);
        return (c, observables, x, y, w);
    }

    /// <summary>The batch loss from the dense reference simulator: the oracle the trainer's loss and gradient are checked against.</summary>
    private static double ReferenceLoss(Circuit c, PauliSum[] observables, double[] x, double[] y, int rows, int m, CustomLoss loss, double[] w)
    {
        var dense = new DenseReferenceSimulator(c.Qubits);
        double sum = 0;
        var f = new double[m];
        var g = new double[m];
        for (int r = 0; r < rows; r++)
        {
            var psi = dense.Run(c, w, x.AsSpan(r * 2, 2));
            for (int j = 0; j < m; j++)
            {
                f[j] = dense.Expectation(observables[j], psi);
            }

            sum += loss.Function(f, y.AsSpan(r * m, m), g);
        }

        return sum / rows;
    }

    [Theory]
    [InlineData(1, 2, GradientMethod.Adjoint)]
    [InlineData(2, 3, GradientMethod.Adjoint)]
    [InlineData(3, 2, GradientMethod.ParameterShift)]
    [InlineData(4, 1, GradientMethod.ParameterShift)]
    public void Gradient_EqualsFiniteDifferencesOfTheComposedLoss(ulong seed, int m, GradientMethod method)
    {
        const int rows = 3;
        var (c, observables, x, y, w) = Problem(seed, m, rows);
        var loss = Coupled(m);
        var probe = new GradientProbe(c.WeightCount);
        var trainer = new Trainer(c, observables, probe, TrainingObjective.Custom(loss, x, 2, y, m), new TrainerOptions { MaxSteps = 1, Gradient = method });
        trainer.Run((double[])w.Clone());

        double expectedLoss = ReferenceLoss(c, observables, x, y, rows, m, loss, w);
        Assert.Equal(expectedLoss, probe.Losses[0], 10);
        const double h = 1e-5;
        for (int i = 0; i < w.Length; i++)
        {
            var plus = (double[])w.Clone();
            var minus = (double[])w.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (ReferenceLoss(c, observables, x, y, rows, m, loss, plus) - ReferenceLoss(c, observables, x, y, rows, m, loss, minus)) / (2 * h);
            Assert.True(Math.Abs(fd - probe.Gradients[0][i]) < 1e-7, $"weight {i}: trainer {probe.Gradients[0][i]:R}, finite differences {fd:R}");
        }
    }

    [Fact]
    public void ShotGradient_IsUnbiased_WithinFourStandardErrors()
    {
        const int rows = 2, m = 2, runs = 400;
        var (c, observables, x, y, w) = Problem(11, m, rows);
        var loss = Coupled(m, DerivativeCheck.Never);
        var exact = new GradientProbe(c.WeightCount);
        new Trainer(c, observables, exact, TrainingObjective.Custom(loss, x, 2, y, m), new TrainerOptions { MaxSteps = 1 }).Run((double[])w.Clone());

        var samples = new double[runs][];
        for (int s = 0; s < runs; s++)
        {
            var probe = new GradientProbe(c.WeightCount);
            new Trainer(c, observables, probe, TrainingObjective.Custom(loss, x, 2, y, m),
                new TrainerOptions { MaxSteps = 1, Shots = 200, Seed = (ulong)s + 1 }).Run((double[])w.Clone());
            samples[s] = probe.Gradients[0];
        }

        for (int i = 0; i < w.Length; i++)
        {
            double mean = samples.Average(g => g[i]);
            double sd = Math.Sqrt(samples.Sum(g => (g[i] - mean) * (g[i] - mean)) / (runs - 1));
            double se = sd / Math.Sqrt(runs);
            Assert.True(Math.Abs(mean - exact.Gradients[0][i]) <= (4 * se) + 1e-12,
                $"weight {i}: shot mean {mean:G6} ± {se:G3}, exact {exact.Gradients[0][i]:G6}");
        }
    }

    [Fact]
    public void CustomMse_OnOneObservable_TrainsExactlyAsTheBuiltInMse()
    {
        var (x, y) = TrainingProblems.Dataset(8, 3);
        var mse = new CustomLoss("mse", 1, (f, labels, g) =>
        {
            double d = f[0] - labels[0];
            g[0] = 2 * d;
            return d * d;
        });
        var start = TrainingProblems.Start(8, 2);
        var builtIn = new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Adam(8, 0.1), new TrainerOptions { MaxSteps = 15 },
            TrainingObjective.Classification(x, 2, y)).Run((double[])start.Clone());
        var custom = new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Adam(8, 0.1), new TrainerOptions { MaxSteps = 15 },
            TrainingObjective.Custom(mse, x, 2, y, 1)).Run((double[])start.Clone());
        Assert.Equal(builtIn.History.Select(s => s.Loss), custom.History.Select(s => s.Loss));
        Assert.Equal(builtIn.FinalLoss, custom.FinalLoss);
        Assert.Equal(builtIn.CircuitEvaluations, custom.CircuitEvaluations);
    }

    [Fact]
    public void OneObservableLoss_RunsOnTheGeneratedAnsatzPath_AsOnTheInterpreter()
    {
        var penalty = new CustomLoss("penalised energy", 1, (f, _, g) =>
        {
            g[0] = 1 + (2 * 0.5 * (f[0] + 1));
            return f[0] + (0.5 * (f[0] + 1) * (f[0] + 1));
        });
        var options = new TrainerOptions { MaxSteps = 10 };
        var a = new double[] { 0.3 };
        var b = new double[] { 0.3 };
        var generated = new Trainer<H2Ansatz>(new Adam(1, 0.1), options, TrainingObjective.Custom(penalty)).Run(a);
        var interpreted = new Trainer(TrainingProblems.H2Circuit(), TrainingProblems.H2, new Adam(1, 0.1), options, TrainingObjective.Custom(penalty)).Run(b);
        Assert.Equal(interpreted.History.Select(s => s.Loss), generated.History.Select(s => s.Loss));
        Assert.Equal(a, b);
    }

    [Fact]
    public void WrongDerivative_IsCaught_WithTheValuesThatShowIt()
    {
        var wrong = new CustomLoss("wrong", 2, (f, _, g) =>
        {
            g[0] = 2 * f[0];
            g[1] = f[1]; // should be 3 f₁²
            return (f[0] * f[0]) + (f[1] * f[1] * f[1]);
        }, DerivativeCheck.Always);
        var e = Assert.Throws<InvalidOperationException>(() => wrong.Evaluate(new[] { 0.5, 0.7 }, ReadOnlySpan<double>.Empty, new double[2]));
        Assert.Contains("'wrong'", e.Message, StringComparison.Ordinal);
        Assert.Contains("∂ℓ/∂f_1", e.Message, StringComparison.Ordinal);
        Assert.Contains("0.7", e.Message, StringComparison.Ordinal);

        // Never checked: the same loss evaluates without complaint.
        var unchecked_ = new CustomLoss("wrong", 2, wrong.Function, DerivativeCheck.Never);
        unchecked_.Evaluate(new[] { 0.5, 0.7 }, ReadOnlySpan<double>.Empty, new double[2]);
    }

    [Fact]
    public void HingeAtItsKink_PassesTheCheck_AnySubgradientIsAccepted()
    {
        var hinge = new CustomLoss("hinge", 1, (f, y, g) =>
        {
            double margin = 1 - (y[0] * f[0]);
            g[0] = margin > 0 ? -y[0] : 0;
            return Math.Max(0, margin);
        }, DerivativeCheck.Always);
        var g = new double[1];
        Assert.Equal(0, hinge.Evaluate(new[] { 1.0 }, new[] { 1.0 }, g)); // exactly at the kink, as a shot estimate can be
        Assert.Equal(1.5, hinge.Evaluate(new[] { -0.5 }, new[] { 1.0 }, g));
        Assert.Equal(-1, g[0]);
    }

    [Fact]
    public void NonFiniteValues_AreClearErrors()
    {
        var nan = new CustomLoss("log", 1, (f, _, g) =>
        {
            g[0] = 1 / f[0];
            return Math.Log(f[0]);
        }, DerivativeCheck.Never);
        var e = Assert.Throws<InvalidOperationException>(() => nan.Evaluate(new[] { -0.5 }, ReadOnlySpan<double>.Empty, new double[1]));
        Assert.Contains("NaN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetupMistakes_AreArgumentErrors_NamingTheFix()
    {
        var (c, observables, x, y, _) = Problem(5, 2, 3);
        var two = Coupled(2);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(c, observables[0], new Adam(c.WeightCount), null, TrainingObjective.Custom(two, x, 2, y, 2)));
        Assert.Contains("observables", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => new Trainer(c, observables.Take(1).ToArray(), new Adam(c.WeightCount), TrainingObjective.Custom(two, x, 2, y, 2)));
        Assert.Contains("1 observables were given", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => TrainingObjective.Custom(two, x, 2, y.AsSpan(0, 5), 2));
        Assert.Equal("labels", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomLoss("none", 0, (_, _, _) => 0));
        Assert.Throws<ArgumentException>(() => new Trainer(c, observables, new Adam(c.WeightCount), TrainingObjective.Custom(two), new TrainerOptions()));
    }
}
