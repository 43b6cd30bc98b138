using System;
using System.IO;
using System.Linq;

namespace NegLR.Tests.Training;

/// <summary>Random restarts split one budget into segments and return the segment whose closing loss is lowest.</summary>
public sealed class RestartTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "neglr-restart-tests-" + Guid.NewGuid().ToString("N"));

    public RestartTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Trainer Build(TrainerOptions options) =>
        new(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adam(12, 0.05), options);

    [Fact]
    public void Segments_ShareTheEvaluationBudget_AndTheBestIsReturned()
    {
        var options = new TrainerOptions { MaxSteps = 10_000, MaxCircuitEvaluations = 120, Restarts = 4, Seed = 3 };
        var trainer = Build(options);
        var w = TrainingProblems.Start(12, 1);
        var result = trainer.Run(w);
        Assert.True(result.CircuitEvaluations <= 120);
        Assert.Equal(4, result.Restarts);
        Assert.Equal(new[] { 0, 1, 2, 3 }, result.History.Select(s => s.Segment).Distinct());
        // Each segment k ends by (k + 1)/4 of the budget, its closing evaluation (1 row) included.
        for (int k = 0; k < 3; k++)
        {
            var last = result.History.Last(s => s.Segment == k);
            Assert.True(last.CircuitEvaluations + 1 <= (k + 1) * 30, $"segment {k} used {last.CircuitEvaluations}");
        }

        // The returned parameters are the chosen segment's, and its closing loss (exact mode: the exact loss) is the lowest.
        Assert.InRange(result.SelectedRestart, 0, 3);
        Assert.Equal(trainer.EvaluateLoss(w), result.SelectedRestartLoss, 12);
        Assert.Equal(result.FinalLoss, result.SelectedRestartLoss, 12);
    }

    [Fact]
    public void LaterSegments_StartFromTheRestartInitializer()
    {
        var options = new TrainerOptions { MaxSteps = 12, Restarts = 3, Seed = 5, RestartInitialization = new UniformInitialization(-0.01, 0.01) };
        var seen = new System.Collections.Generic.List<TrainingStep>();
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adam(12, 0.05),
            new TrainerOptions { MaxSteps = 12, Restarts = 3, Seed = 5, RestartInitialization = options.RestartInitialization, OnStep = seen.Add });
        trainer.Run(TrainingProblems.Start(12, 1));
        Assert.Equal(new[] { 4, 4, 4 }, seen.GroupBy(s => s.Segment).Select(g => g.Count()));
        // Near-zero weights: the hardware-efficient state is close to |000⟩, so the first loss of segments 1, 2 is ⟨000|H|000⟩.
        double atZero = trainer.EvaluateLoss(new double[12]);
        Assert.InRange(seen.First(s => s.Segment == 1).Loss - atZero, -0.05, 0.05);
        Assert.InRange(seen.First(s => s.Segment == 2).Loss - atZero, -0.05, 0.05);
    }

    [Fact]
    public void KillThenResume_MidRestart_GivesTheSameRun()
    {
        var reference = Build(new TrainerOptions { MaxSteps = 1000, MaxCircuitEvaluations = 1500, Restarts = 3, Seed = 2, Shots = 30 })
            .Run(TrainingProblems.Start(12, 1));
        string path = Path.Combine(_directory, "restarts.ckpt");
        var w = TrainingProblems.Start(12, 1);
        Assert.ThrowsAny<InvalidOperationException>(() => Build(new TrainerOptions
        {
            MaxSteps = 1000, MaxCircuitEvaluations = 1500, Restarts = 3, Seed = 2, Shots = 30, CheckpointPath = path, CheckpointInterval = 4,
            OnStep = s => { if (s.Iteration == 41) { throw new InvalidOperationException("crash"); } },
        }).Run(w));
        var resumedWeights = new double[12];
        var resumed = Build(new TrainerOptions { MaxSteps = 1000, MaxCircuitEvaluations = 1500, Restarts = 3, Seed = 2, Shots = 30, CheckpointPath = path })
            .Resume(path, resumedWeights);
        Assert.Equal(40, resumed.ResumedAtStep);
        Assert.Equal(reference.History.Select(s => (s.Loss, s.Segment, s.CircuitEvaluations, s.RoundTrips)),
            resumed.History.Select(s => (s.Loss, s.Segment, s.CircuitEvaluations, s.RoundTrips)));
        Assert.Equal(reference.SelectedRestart, resumed.SelectedRestart);
        Assert.Equal(reference.CircuitEvaluations, resumed.CircuitEvaluations);
        Assert.Equal(reference.FinalLoss, resumed.FinalLoss);
    }

    [Fact]
    public void ADifferentRestartSetup_IsRefused()
    {
        string path = Path.Combine(_directory, "setup.ckpt");
        Build(new TrainerOptions { MaxSteps = 12, Restarts = 3, CheckpointPath = path }).Run(TrainingProblems.Start(12, 1));
        var e = Assert.Throws<CheckpointException>(() => Build(new TrainerOptions { MaxSteps = 12, Restarts = 2 }).Resume(path, new double[12]));
        Assert.Contains("restarts", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { Restarts = 0 });
    }
}
