using System;
using System.Linq;

namespace NegLR.Tests.Training;

/// <summary>
/// Every step's cost, per optimizer: circuit evaluations, shots and modelled sequential round trips are counted as
/// docs/optimizers.md states, and a round-trip budget is kept like the others.
/// </summary>
public class RoundTripTests
{
    private static TrainingResult Run(IOptimizer optimizer, TrainerOptions options) =>
        new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, optimizer, options).Run(TrainingProblems.Start(12, 7));

    private static long[] PerStep(TrainingResult result, Func<TrainingStep, long> counter)
    {
        var steps = result.History.ToArray();
        return steps.Select((s, i) => counter(s) - (i == 0 ? 0 : counter(steps[i - 1]))).ToArray();
    }

    [Fact]
    public void GradientStep_IsOneRoundTrip()
    {
        var result = Run(new Adam(12, 0.1), new TrainerOptions { MaxSteps = 6 });
        Assert.All(PerStep(result, s => s.RoundTrips), d => Assert.Equal(1, d));
        Assert.Equal(6, result.RoundTrips);
    }

    [Fact]
    public void LookaheadTrial_IsASecondRoundTrip()
    {
        var result = Run(new NegativeLearningRate(new Adam(12, 0.1), new LookaheadPolicy(), new NlrOptions { Cooldown = 2 }), new TrainerOptions { MaxSteps = 12 });
        var trips = PerStep(result, s => s.RoundTrips);
        var evaluations = PerStep(result, s => s.CircuitEvaluations);
        for (int i = 0; i < trips.Length; i++)
        {
            bool trial = result.History[i].HasTrialLoss;
            Assert.Equal(trial ? 2 : 1, trips[i]);
            Assert.Equal(trial ? 3 : 2, evaluations[i]); // adjoint (2) + the trial's evaluation
        }

        Assert.Contains(result.History, s => s.HasTrialLoss);
    }

    [Fact]
    public void Backtracking_CountsEachTrialAsARoundTrip()
    {
        var opt = new Backtracking(new GradientDescent(12, 2.0), maxHalvings: 5);
        var result = Run(opt, new TrainerOptions { MaxSteps = 8 });
        var trips = PerStep(result, s => s.RoundTrips);
        var evaluations = PerStep(result, s => s.CircuitEvaluations);
        for (int i = 0; i < trips.Length; i++)
        {
            Assert.InRange(trips[i], 2, 7);
            Assert.Equal(trips[i] + 1, evaluations[i]); // adjoint 2 + (trips − 1) trials
        }

        Assert.Contains(trips, t => t > 2); // η = 2 is too large at first: it halved
    }

    [Fact]
    public void RoundTripBudget_IsNeverExceeded()
    {
        var opt = new NegativeLearningRate(new Adam(12, 0.1), new LookaheadPolicy(), new NlrOptions { Cooldown = 0 });
        var result = Run(opt, new TrainerOptions { MaxSteps = 1000, MaxRoundTrips = 25 });
        Assert.Equal(StopReason.RoundTripBudget, result.StopReason);
        Assert.InRange(result.RoundTrips, 24, 25);
    }

    [Fact]
    public void ShotBudget_CountsTrials_AndEveryEvaluationSpendsTheRunsShots()
    {
        var opt = new Backtracking(new Adam(12, 0.3), maxHalvings: 2);
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, opt, new TrainerOptions { MaxSteps = 1000, Shots = 20, MaxShots = 20000, Seed = 1 });
        var result = trainer.Run(TrainingProblems.Start(12, 7));
        Assert.Equal(StopReason.ShotBudget, result.StopReason);
        Assert.True(result.Shots <= 20000);
        Assert.Equal(result.CircuitEvaluations * 20, result.Shots);
        Assert.Equal(trainer.ShotsPerStep, trainer.EvaluationsPerStep * 20);
    }
}
