using System;
using System.IO;
using System.Linq;

namespace NegLR.Tests.Training;

/// <summary>Layerwise training grows the circuit block by block, freezes what it should, counts across phases and resumes exactly.</summary>
public sealed class LayerwiseTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "neglr-layerwise-tests-" + Guid.NewGuid().ToString("N"));

    public LayerwiseTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>k blocks of (RY, RZ on 3 qubits, CZ chain), then a fixed readout basis change on qubit 0.</summary>
    private static Circuit Blocks(int k) => Body(new Circuit(3), k).H(0);

    private static Circuit Body(Circuit c, int k)
    {
        for (int b = 0; b < k; b++)
        {
            for (int q = 0; q < 3; q++)
            {
                c.RY(q, c.Weight()).RZ(q, c.Weight());
            }

            c.CZ(0, 1).CZ(1, 2);
        }

        return c;
    }

    private static readonly PauliSum Cost = PauliSum.Parse("Z0 + 0.5 X1 X2 - 0.3 Z2");

    private static LayerwiseTrainer Build(LayerwiseSchedule schedule, TrainerOptions? options = null) =>
        new(Blocks, 4, Cost, n => new Adam(n, 0.1), schedule, options ?? new TrainerOptions { MaxSteps = 1000 });

    [Fact]
    public void Plan_GrowsThenSweepsPartitions()
    {
        var phases = new LayerwiseSchedule { InitialBlocks = 2, BlocksPerPhase = 1, TrainedBlocks = 1, Sweeps = 1, PartitionBlocks = 2 }.Plan(4);
        Assert.Equal(new[] { (2, 1, 2), (3, 3, 3), (4, 4, 4), (4, 1, 2), (4, 3, 4) },
            phases.Select(p => (p.ActiveBlocks, p.FirstTrainedBlock, p.LastTrainedBlock)));
        Assert.Equal(new[] { true, true, true, false, false }, phases.Select(p => p.Growth));
        var all = new LayerwiseSchedule { TrainedBlocks = 0 }.Plan(3);
        Assert.All(all, p => Assert.Equal(1, p.FirstTrainedBlock));
    }

    [Fact]
    public void FrozenBlocks_KeepTheirWeights_AndNewBlocksStartAtZero()
    {
        var seen = new System.Collections.Generic.List<TrainingStep>();
        var trainer = Build(new LayerwiseSchedule { StepsPerPhase = 5 }, new TrainerOptions { MaxSteps = 1000, OnStep = seen.Add });
        Assert.Equal(24, trainer.WeightCount);
        Assert.Equal((6, 12), trainer.BlockWeights(2));
        var start = TrainingProblems.Start(24, 3);
        var w = (double[])start.Clone();
        var result = trainer.Run(w);

        Assert.Equal(20, result.Steps);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), result.History.Select(s => s.Iteration));
        Assert.Equal(new[] { 0, 1, 2, 3 }, result.History.Select(s => s.Segment).Distinct());
        Assert.Equal(result.History.Select(s => s.Loss), seen.Select(s => s.Loss));
        // Block 1 trained in phase 0 only; blocks 2–4 started from 0 and trained in their own phase; nothing is left at its start value.
        Assert.NotEqual(start.Take(6), w.Take(6));
        for (int b = 2; b <= 4; b++)
        {
            var (lo, hi) = trainer.BlockWeights(b);
            Assert.Contains(w[lo..hi], v => v != 0);
        }

        Assert.True(result.FinalLoss < result.History[0].Loss);
    }

    [Fact]
    public void EachPhase_TrainsOnlyItsBlocks()
    {
        // Stop after phase 1 (10 steps): block 1 must be exactly as phase 0 left it.
        var afterPhase0 = TrainingProblems.Start(24, 3);
        Build(new LayerwiseSchedule { StepsPerPhase = 5 }, new TrainerOptions { MaxSteps = 5 }).Run(afterPhase0);
        var afterPhase1 = TrainingProblems.Start(24, 3);
        Build(new LayerwiseSchedule { StepsPerPhase = 5 }, new TrainerOptions { MaxSteps = 10 }).Run(afterPhase1);
        Assert.Equal(afterPhase0.Take(6), afterPhase1.Take(6));
        Assert.NotEqual(afterPhase0.Skip(6).Take(6), afterPhase1.Skip(6).Take(6));
    }

    [Fact]
    public void FrozenWeights_AreNotShifted_SoPhasesCostWhatTheyTrain()
    {
        var trainer = Build(new LayerwiseSchedule { StepsPerPhase = 2 }, new TrainerOptions { MaxSteps = 1000, Shots = 10, Seed = 1 });
        var result = trainer.Run(TrainingProblems.Start(24, 3));
        // Each phase shifts only its 6 trained weights: 12 shifted runs + 1 for the loss per step, whatever the depth.
        var steps = result.History.ToArray();
        for (int i = 1; i < steps.Length; i++)
        {
            Assert.Equal(13, steps[i].CircuitEvaluations - steps[i - 1].CircuitEvaluations);
        }

        Assert.Equal(13 * 8, result.CircuitEvaluations);
    }

    [Fact]
    public void Budget_IsCountedAcrossPhases()
    {
        var result = Build(new LayerwiseSchedule { StepsPerPhase = 50 }, new TrainerOptions { MaxSteps = 1000, MaxCircuitEvaluations = 90 })
            .Run(TrainingProblems.Start(24, 3));
        Assert.Equal(StopReason.EvaluationBudget, result.StopReason);
        Assert.True(result.CircuitEvaluations <= 90);
        Assert.Equal(new[] { 0 }, result.History.Select(s => s.Segment).Distinct()); // 45 steps of 2: phase 0 never finished
    }

    [Fact]
    public void KillThenResume_InALaterPhase_GivesTheSameRun()
    {
        var schedule = new LayerwiseSchedule { StepsPerPhase = 6, Sweeps = 1, PartitionBlocks = 2 };
        var reference = Build(schedule, new TrainerOptions { MaxSteps = 1000, Shots = 40, Seed = 7 }).Run(TrainingProblems.Start(24, 3));
        string path = Path.Combine(_directory, "layerwise.ckpt");
        Assert.Throws<InvalidOperationException>(() => Build(schedule, new TrainerOptions
        {
            MaxSteps = 1000, Shots = 40, Seed = 7, CheckpointPath = path, CheckpointInterval = 4,
            OnStep = s => { if (s.Iteration == 21) { throw new InvalidOperationException("crash"); } },
        }).Run(TrainingProblems.Start(24, 3)));
        var w = new double[24];
        var resumed = Build(schedule, new TrainerOptions { MaxSteps = 1000, Shots = 40, Seed = 7, CheckpointPath = path }).Resume(path, w);
        Assert.Equal(reference.History.Select(s => (s.Iteration, s.Loss, s.Segment, s.CircuitEvaluations, s.Shots, s.RoundTrips)),
            resumed.History.Select(s => (s.Iteration, s.Loss, s.Segment, s.CircuitEvaluations, s.Shots, s.RoundTrips)));
        Assert.Equal(reference.FinalLoss, resumed.FinalLoss);
    }

    [Fact]
    public void CircuitsThatDoNotExtendEachOther_AreRefused()
    {
        // The readout's H moved in front of the blocks: circuit 2 does not extend circuit 1 in order.
        Circuit Reordered(int k) => k == 1 ? Blocks(1) : Body(new Circuit(3).H(0), 2);

        var e = Assert.Throws<ArgumentException>(() => new LayerwiseTrainer(Reordered, 2, Cost, n => new Adam(n), new LayerwiseSchedule()));
        Assert.Contains("circuitForBlocks", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LayerwiseTrainer(_ => Blocks(1), 2, Cost, n => new Adam(n), new LayerwiseSchedule()));
        Assert.Throws<ArgumentException>(() => Build(new LayerwiseSchedule { InitialBlocks = 5 }));
        Assert.Throws<ArgumentException>(() => Build(new LayerwiseSchedule(), new TrainerOptions { Restarts = 2 }));
    }
}
