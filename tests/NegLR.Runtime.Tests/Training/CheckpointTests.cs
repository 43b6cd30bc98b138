using System;
using System.IO;
using System.Linq;

namespace NegLR.Tests.Training;

/// <summary>Checkpoint, kill, resume: the same run; bad checkpoints fail loudly.</summary>
public sealed class CheckpointTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "neglr-checkpoint-tests-" + Guid.NewGuid().ToString("N"));

    public CheckpointTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private sealed class Killed : Exception
    {
        public Killed()
            : base("simulated crash")
        {
        }
    }

    /// <summary>A training setup that can be built again from scratch, as a restarted process would.</summary>
    private sealed record Setup(Func<IOptimizer> Optimizer, Func<Circuit> Circuit, PauliSum Observable, TrainerOptions Options,
        TrainingObjective? Objective, int Weights, ulong StartSeed)
    {
        public Trainer Build(string? checkpoint, TrainingCallback? onStep = null, int? maxSteps = null) => new(Circuit(), Observable, Optimizer(),
            new TrainerOptions
            {
                MaxSteps = maxSteps ?? Options.MaxSteps,
                Shots = Options.Shots,
                Seed = Options.Seed,
                Gradient = Options.Gradient,
                CheckpointPath = checkpoint,
                CheckpointInterval = 5,
                OnStep = onStep,
            },
            Objective);
    }

    private static Setup Exact() => new(
        () => new NegativeLearningRate(new Adam(12, 0.1)), TrainingProblems.TfimCircuit, TrainingProblems.Tfim,
        new TrainerOptions { MaxSteps = 40 }, null, 12, 1);

    private static Setup ShotsMiniBatchStochastic()
    {
        var (x, y) = TrainingProblems.Dataset(10, 2);
        return new(
            () => new NegativeLearningRate(new RmsProp(8, 0.05), new StochasticPolicy(0.3, 77), new NlrOptions { PhaseLength = 2 }),
            TrainingProblems.ClassifierCircuit, TrainingProblems.Readout, new TrainerOptions { MaxSteps = 30, Shots = 32, Seed = 9 },
            TrainingObjective.Classification(x, 2, y, ClassificationLoss.CrossEntropy, batchSize: 4), 8, 2);
    }

    private static Setup SpsaWithShots() => new(
        () => new Spsa(12, seed: 5), TrainingProblems.TfimCircuit, TrainingProblems.Tfim,
        new TrainerOptions { MaxSteps = 33, Shots = 40, Seed = 6 }, null, 12, 3);

    public static TheoryData<string> Setups() => new() { "exact", "shots+minibatch+stochastic", "spsa" };

    private static Setup Named(string name) => name switch
    {
        "exact" => Exact(),
        "shots+minibatch+stochastic" => ShotsMiniBatchStochastic(),
        _ => SpsaWithShots(),
    };

    [Theory]
    [MemberData(nameof(Setups))]
    public void KillThenResume_GivesTheUninterruptedRun_BitForBit(string name)
    {
        var setup = Named(name);
        var straight = TrainingProblems.Start(setup.Weights, setup.StartSeed);
        var reference = setup.Build(null).Run(straight);

        string path = Path.Combine(_directory, name + ".ckpt");
        var w = TrainingProblems.Start(setup.Weights, setup.StartSeed);
        Assert.Throws<Killed>(() => setup.Build(path, (TrainingStep s) =>
        {
            if (s.Iteration == 17)
            {
                throw new Killed();
            }
        }).Run(w));

        // A new process: fresh objects, the parameters array holds garbage until the checkpoint is loaded.
        var resumedParameters = new double[setup.Weights];
        var resumed = setup.Build(path).Resume(path, resumedParameters);

        Assert.Equal(15, resumed.ResumedAtStep); // the last checkpoint before the crash at step 17 (interval 5)
        Assert.Equal(straight, resumedParameters);
        Assert.Equal(reference.Steps, resumed.Steps);
        Assert.Equal(reference.CircuitEvaluations, resumed.CircuitEvaluations);
        Assert.Equal(reference.Shots, resumed.Shots);
        Assert.Equal(reference.FinalLoss, resumed.FinalLoss);
        Assert.Equal(reference.History.Select(Strip), resumed.History.Select(Strip));
        Assert.False(File.Exists(path + ".tmp"));
    }

    private static (long, double, double, double, NlrPhase, double, long, long) Strip(TrainingStep s) =>
        (s.Iteration, s.Loss, s.GradientNorm, s.LearningRate, s.Phase, s.TrialLoss, s.CircuitEvaluations, s.Shots);

    [Fact]
    public void ResumingAFinishedRun_WithMoreSteps_ExtendsIt()
    {
        var setup = Exact();
        var straight = TrainingProblems.Start(12, 1);
        setup.Build(null, maxSteps: 30).Run(straight);

        string path = Path.Combine(_directory, "extend.ckpt");
        var w = TrainingProblems.Start(12, 1);
        var first = setup.Build(path, maxSteps: 18).Run(w);
        Assert.Equal(18, first.Steps);
        var second = setup.Build(path, maxSteps: 30).Resume(path, w);
        Assert.Equal(18, second.ResumedAtStep);
        Assert.Equal(30, second.Steps);
        Assert.Equal(straight, w);
    }

    [Fact]
    public void ResumingARunStoppedByPatience_StopsAgain_WithoutAnotherStep()
    {
        // MinDelta larger than any change: no step counts as an improvement, so Patience = 4 stops after step 4.
        string path = Path.Combine(_directory, "patience.ckpt");
        TrainerOptions Options(int maxSteps) => new()
        {
            MaxSteps = maxSteps, Patience = 4, MinDelta = 100, CheckpointPath = path, CheckpointInterval = 100,
        };

        var w = TrainingProblems.Start(12, 1);
        var first = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new NegativeLearningRate(new Adam(12, 0.1)), Options(40)).Run(w);
        Assert.Equal(StopReason.NoImprovement, first.StopReason);
        var stoppedAt = (double[])w.Clone();

        var resumedWeights = new double[12];
        var resumed = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new NegativeLearningRate(new Adam(12, 0.1)), Options(80))
            .Resume(path, resumedWeights);
        Assert.Equal(StopReason.NoImprovement, resumed.StopReason);
        Assert.Equal(first.Steps, resumed.Steps);
        Assert.Equal(first.CircuitEvaluations, resumed.CircuitEvaluations);
        Assert.Equal(stoppedAt, resumedWeights);
    }

    [Fact]
    public void CrashDuringACheckpointWrite_LeavesTheLastGoodCheckpoint()
    {
        var setup = Exact();
        string path = Path.Combine(_directory, "crash.ckpt");
        var w = TrainingProblems.Start(12, 1);
        Assert.Throws<Killed>(() => setup.Build(path, (TrainingStep s) =>
        {
            if (s.Iteration == 12)
            {
                throw new Killed();
            }
        }).Run(w));

        // A write that died half way left only its temporary file; the checkpoint itself is untouched.
        File.WriteAllBytes(path + ".tmp", File.ReadAllBytes(path).AsSpan(0, 100).ToArray());
        var resumed = setup.Build(path).Resume(path, new double[12]);
        Assert.Equal(10, resumed.ResumedAtStep);
        Assert.Equal(40, resumed.Steps);
        Assert.False(File.Exists(path + ".tmp")); // the next write replaced it
    }

    [Fact]
    public void CorruptCheckpoint_IsAClearError()
    {
        string path = WriteCheckpoint("corrupt.ckpt");
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<CheckpointException>(() => Exact().Build(path).Resume(path, new double[12]));
        Assert.Contains("corrupt", e.Message, StringComparison.Ordinal);
        Assert.Contains("checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedCheckpoint_IsAClearError()
    {
        string path = WriteCheckpoint("truncated.ckpt");
        var bytes = File.ReadAllBytes(path);
        foreach (int keep in new[] { bytes.Length - 1, bytes.Length / 2, 25 })
        {
            File.WriteAllBytes(path, bytes.AsSpan(0, keep).ToArray());
            var e = Assert.Throws<CheckpointException>(() => Exact().Build(path).Resume(path, new double[12]));
            Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ForeignOrEmptyFile_IsAClearError()
    {
        string path = Path.Combine(_directory, "foreign.ckpt");
        File.WriteAllText(path, "{ \"not\": \"a checkpoint\" }");
        var e = Assert.Throws<CheckpointException>(() => Exact().Build(path).Resume(path, new double[12]));
        Assert.Contains("not a NegLR checkpoint", e.Message, StringComparison.Ordinal);
        File.WriteAllBytes(path, Array.Empty<byte>());
        Assert.Throws<CheckpointException>(() => Exact().Build(path).Resume(path, new double[12]));
    }

    [Fact]
    public void MissingCheckpoint_IsAClearError_NotAFreshStart()
    {
        string path = Path.Combine(_directory, "missing.ckpt");
        var w = new double[12];
        var e = Assert.Throws<FileNotFoundException>(() => Exact().Build(path).Resume(path, w));
        Assert.Contains("no checkpoint", e.Message, StringComparison.Ordinal);
        Assert.All(w, v => Assert.Equal(0, v));
    }

    [Fact]
    public void CheckpointOfAnotherSetup_IsRejected_WithWhatDiffers()
    {
        string path = WriteCheckpoint("setup.ckpt");
        var s = Exact();
        var otherSeed = new Trainer(s.Circuit(), s.Observable, s.Optimizer(), new TrainerOptions { MaxSteps = 40, Seed = 99 });
        Assert.Contains("seed", Assert.Throws<CheckpointException>(() => otherSeed.Resume(path, new double[12])).Message, StringComparison.Ordinal);

        var otherOptimizer = new Trainer(s.Circuit(), s.Observable, new Adam(12), new TrainerOptions { MaxSteps = 40 });
        var e = Assert.Throws<CheckpointException>(() => otherOptimizer.Resume(path, new double[12]));
        Assert.Contains("optimizer", e.Message, StringComparison.Ordinal);
        Assert.Contains("NLR(Adam)", e.Message, StringComparison.Ordinal);

        var otherShots = new Trainer(s.Circuit(), s.Observable, s.Optimizer(), new TrainerOptions { MaxSteps = 40, Shots = 10 });
        Assert.Throws<CheckpointException>(() => otherShots.Resume(path, new double[12]));
    }

    [Fact]
    public void FailedResume_LeavesTheTrainerUsable()
    {
        string path = Path.Combine(_directory, "bad.ckpt");
        File.WriteAllText(path, "garbage");
        var trainer = Exact().Build(null);
        Assert.Throws<CheckpointException>(() => trainer.Resume(path, new double[12]));
        var w = TrainingProblems.Start(12, 1);
        var result = trainer.Run(w);
        Assert.Equal(40, result.Steps);
    }

    private string WriteCheckpoint(string name)
    {
        string path = Path.Combine(_directory, name);
        Exact().Build(path, maxSteps: 12).Run(TrainingProblems.Start(12, 1));
        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".tmp"));
        return path;
    }
}
