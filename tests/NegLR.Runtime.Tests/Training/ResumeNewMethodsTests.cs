using System;
using System.IO;
using System.Linq;

namespace NegLR.Tests.Training;

/// <summary>Every optimizer, control and loss added for the study checkpoints and resumes bit-identically after a crash.</summary>
public sealed class ResumeNewMethodsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "neglr-resume-tests-" + Guid.NewGuid().ToString("N"));

    public ResumeNewMethodsTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Methods() => new()
    {
        "rotosolve+shots", "qng+shots+batches", "qn-spsa", "backtracking", "nlr-reject", "nlr-noise+shots", "lookahead-shot-aware",
        "custom-loss-2-observables+batches", "custom-loss-shots",
    };

    private static readonly CustomLoss TwoObservables = new("weighted", 2, (f, y, g) =>
    {
        double a = f[0] - y[0], b = f[1] + y[0];
        g[0] = 2 * a;
        g[1] = 0.5 * 2 * b;
        return (a * a) + (0.5 * b * b);
    });

    private static TrainerBase Build(string method, TrainerOptions o)
    {
        var (x, y) = TrainingProblems.Dataset(8, 5);
        var classifier = TrainingProblems.ClassifierCircuit();
        var tfim = TrainingProblems.TfimCircuit();
        TrainerOptions With(int? shots) => new()
        {
            MaxSteps = o.MaxSteps, Seed = 3, Shots = shots, CheckpointPath = o.CheckpointPath, CheckpointInterval = 3, OnStep = o.OnStep,
        };
        return method switch
        {
            "rotosolve+shots" => new Trainer(tfim, TrainingProblems.Tfim, new Rotosolve(12), With(30)),
            "qng+shots+batches" => new Trainer(classifier, TrainingProblems.Readout, new QuantumNaturalGradient(8, 0.1, 0.01), With(40),
                TrainingObjective.Classification(x, 2, y, batchSize: 3)),
            "qn-spsa" => new Trainer(tfim, TrainingProblems.Tfim, new QnSpsa(12, seed: 4, learningRate: 0.05), With(null)),
            "backtracking" => new Trainer(tfim, TrainingProblems.Tfim, new Backtracking(new Adam(12, 0.4)), With(null)),
            "nlr-reject" => new Trainer(tfim, TrainingProblems.Tfim,
                new NegativeLearningRate(new Adam(12, 0.3), new LookaheadPolicy(), new NlrOptions { Response = NlrResponse.Reject, Cooldown = 0 }), With(null)),
            "nlr-noise+shots" => new Trainer(tfim, TrainingProblems.Tfim,
                new NegativeLearningRate(new Adam(12, 0.3), new LookaheadPolicy(), new NlrOptions { Response = NlrResponse.Noise, NoiseSeed = 5, Cooldown = 0 }), With(25)),
            "lookahead-shot-aware" => new Trainer(tfim, TrainingProblems.Tfim,
                new NegativeLearningRate(new Adam(12, 0.3), LookaheadPolicy.ShotAware(), new NlrOptions { Cooldown = 0 }), With(25)),
            "custom-loss-2-observables+batches" => new Trainer(classifier, new[] { TrainingProblems.Readout, PauliSum.Parse("X0 Z1") }, new Adam(8, 0.1),
                TrainingObjective.Custom(TwoObservables, x, 2, y, 1, batchSize: 3), With(null)),
            _ => new Trainer(classifier, new[] { TrainingProblems.Readout, PauliSum.Parse("X0 Z1") }, new Adam(8, 0.1),
                TrainingObjective.Custom(TwoObservables, x, 2, y, 1), With(30)),
        };
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void KillThenResume_GivesTheUninterruptedRun(string method)
    {
        int weights = method.Contains("qng", StringComparison.Ordinal) || method.StartsWith("custom", StringComparison.Ordinal) ? 8 : 12;
        var reference = Build(method, new TrainerOptions { MaxSteps = 14 });
        var straight = TrainingProblems.Start(weights, 9);
        var expected = reference.Run(straight);

        string path = Path.Combine(_directory, method + ".ckpt");
        Assert.Throws<InvalidOperationException>(() => Build(method, new TrainerOptions
        {
            MaxSteps = 14, CheckpointPath = path, OnStep = s => { if (s.Iteration == 10) { throw new InvalidOperationException("crash"); } },
        }).Run(TrainingProblems.Start(weights, 9)));

        var w = new double[weights];
        var resumed = Build(method, new TrainerOptions { MaxSteps = 14, CheckpointPath = path }).Resume(path, w);
        Assert.Equal(9, resumed.ResumedAtStep);
        Assert.Equal(straight, w);
        Assert.Equal(expected.History.Select(Strip), resumed.History.Select(Strip));
        Assert.Equal(expected.CircuitEvaluations, resumed.CircuitEvaluations);
        Assert.Equal(expected.Shots, resumed.Shots);
        Assert.Equal(expected.RoundTrips, resumed.RoundTrips);
    }

    private static (long, double, double, double, NlrPhase, double, long, long, long) Strip(TrainingStep s) =>
        (s.Iteration, s.Loss, s.GradientNorm, s.LearningRate, s.Phase, s.TrialLoss, s.CircuitEvaluations, s.Shots, s.RoundTrips);
}
