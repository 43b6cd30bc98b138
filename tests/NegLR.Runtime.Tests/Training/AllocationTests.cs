using System;
using System.Collections.Generic;

namespace NegLR.Tests.Training;

/// <summary>Once the trainer is set up, a step in exact mode allocates nothing.</summary>
public class AllocationTests
{
    /// <summary>Bytes allocated on this thread between the callbacks of steps 3 and <paramref name="steps"/> − 1 (least of three runs).</summary>
    private static long AllocatedDuringSteps(Func<TrainerOptions, TrainerBase> build, double[] parameters, int steps = 25)
    {
        long before = 0, after = -1;
        var options = new TrainerOptions
        {
            MaxSteps = steps,
            OnStep = (TrainingStep s) =>
            {
                if (s.Iteration == 3)
                {
                    before = GC.GetAllocatedBytesForCurrentThread();
                }
                else if (s.Iteration == steps - 1)
                {
                    after = GC.GetAllocatedBytesForCurrentThread();
                }
            },
        };
        var trainer = build(options);
        trainer.Run((double[])parameters.Clone()); // warm-up: JIT, lazy statics

        // The least of three runs: a per-step allocation shows in every run, while the runtime's one-off allocations on
        // this thread (a method promoted to optimised code mid-run while other test assemblies load the machine) do not.
        long least = long.MaxValue;
        for (int round = 0; round < 3; round++)
        {
            trainer.Run((double[])parameters.Clone());
            least = Math.Min(least, after - before);
        }

        return least;
    }

    private static readonly CustomLoss Hinge = new("hinge", 1, (f, y, g) =>
    {
        double margin = 1 - (y[0] * f[0]);
        g[0] = margin > 0 ? -y[0] : 0;
        return Math.Max(0, margin);
    }, DerivativeCheck.Never);

    private static readonly CustomLoss Pair = new("pair", 2, (f, y, g) =>
    {
        double a = f[0] - y[0];
        g[0] = 2 * a;
        g[1] = 2 * f[1];
        return (a * a) + (f[1] * f[1]);
    }, DerivativeCheck.Never);

    [Fact]
    public void ExactMode_Steps_AllocateNothing()
    {
        var (x, y) = TrainingProblems.Dataset(12, 3);
        var full = TrainingObjective.Classification(x, 2, y, ClassificationLoss.CrossEntropy);
        var batched = TrainingObjective.Classification(x, 2, y, batchSize: 5);
        var tfimStart = TrainingProblems.Start(12, 1);
        var clsStart = TrainingProblems.Start(8, 1);
        var cases = new (string Name, Func<TrainerOptions, TrainerBase> Build, double[] Start)[]
        {
            ("Adam, adjoint", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adam(12), o), tfimStart),
            ("NLR Lookahead", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new NegativeLearningRate(new Adam(12, 0.2)), o), tfimStart),
            ("NLR Plateau + Momentum", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim,
                new NegativeLearningRate(new Momentum(12), new PlateauPolicy(10, 2), new NlrOptions { PhaseLength = 2 }), o), tfimStart),
            ("NLR Stochastic", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new NegativeLearningRate(new RmsProp(12), new StochasticPolicy(0.3)), o), tfimStart),
            ("parameter shift", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Nesterov(12),
                new TrainerOptions { MaxSteps = o.MaxSteps, OnStep = o.OnStep, Gradient = GradientMethod.ParameterShift }), tfimStart),
            ("finite differences", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adagrad(12),
                new TrainerOptions { MaxSteps = o.MaxSteps, OnStep = o.OnStep, Gradient = GradientMethod.FiniteDifference }), tfimStart),
            ("SPSA", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Spsa(12), o), tfimStart),
            ("dataset, full batch, NLR", o => new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new NegativeLearningRate(new Adam(8)), o, full), clsStart),
            ("dataset, shuffled mini-batches", o => new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Adam(8), o, batched), clsStart),
            ("generated-ansatz path", o => new Trainer<H2Ansatz>(new NegativeLearningRate(new Adam(1, 0.05)), o), new double[1]),
            ("Rotosolve", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Rotosolve(12), o), tfimStart),
            ("Rotosolve, data", o => new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Rotosolve(8), o, full), clsStart),
            ("QNG", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new QuantumNaturalGradient(12, 0.05, 0.01), o), tfimStart),
            ("QN-SPSA", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new QnSpsa(12, seed: 2, learningRate: 0.05), o), tfimStart),
            ("backtracking", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Backtracking(new Adam(12, 0.5)), o), tfimStart),
            ("NLR reject", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim,
                new NegativeLearningRate(new Adam(12, 0.5), new LookaheadPolicy(), new NlrOptions { Response = NlrResponse.Reject, Cooldown = 0 }), o), tfimStart),
            ("NLR noise", o => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim,
                new NegativeLearningRate(new Adam(12, 0.5), new LookaheadPolicy(), new NlrOptions { Response = NlrResponse.Noise, Cooldown = 0 }), o), tfimStart),
            ("custom loss, one observable", o => new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Adam(8), o,
                TrainingObjective.Custom(Hinge, x, 2, y, 1)), clsStart),
            ("custom loss, two observables", o => new Trainer(TrainingProblems.ClassifierCircuit(), new[] { TrainingProblems.Readout, PauliSum.Parse("X1") }, new Adam(8),
                TrainingObjective.Custom(Pair, x, 2, y, 1), o), clsStart),
            ("custom loss, two observables, parameter shift", o => new Trainer(TrainingProblems.ClassifierCircuit(), new[] { TrainingProblems.Readout, PauliSum.Parse("X1") }, new Adam(8),
                TrainingObjective.Custom(Pair, x, 2, y, 1), new TrainerOptions { MaxSteps = o.MaxSteps, OnStep = o.OnStep, Gradient = GradientMethod.ParameterShift }), clsStart),
        };

        var failures = new List<string>();
        foreach (var (name, build, start) in cases)
        {
            long bytes = AllocatedDuringSteps(build, (double[])start.Clone());
            if (bytes != 0)
            {
                failures.Add($"{name}: {bytes} bytes");
            }
        }

        Assert.True(failures.Count == 0, "Allocating steps: " + string.Join("; ", failures));
    }
}
