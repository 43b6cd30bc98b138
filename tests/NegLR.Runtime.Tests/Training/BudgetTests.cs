using System;
using System.Linq;

namespace NegLR.Tests.Training;

/// <summary>Honest cost counting, and budgets that stop the run exactly at the limit.</summary>
public class BudgetTests
{
    private static Trainer Tfim(IOptimizer optimizer, TrainerOptions options, TrainingObjective? objective = null) =>
        new(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, optimizer, options, objective);

    [Fact]
    public void EvaluationsPerStep_FollowTheDocumentedCosts()
    {
        var interpreter = new CircuitInterpreter(TrainingProblems.TfimCircuit());
        int n = interpreter.WeightCount, shiftRuns = interpreter.ParameterShiftEvaluations();
        Assert.Equal(2 * n, shiftRuns); // HardwareEfficient uses RY/RZ only: two-term rule

        Assert.Equal(2, Tfim(new Adam(n), new()).EvaluationsPerStep);                                                         // adjoint: forward + backward
        Assert.Equal(1, Tfim(new Adam(n), new() { AdjointEvaluationCost = 1 }).EvaluationsPerStep);
        Assert.Equal(shiftRuns + 1, Tfim(new Adam(n), new() { Gradient = GradientMethod.ParameterShift }).EvaluationsPerStep); // shifts + the loss
        Assert.Equal((2 * n) + 1, Tfim(new Adam(n), new() { Gradient = GradientMethod.FiniteDifference }).EvaluationsPerStep);
        Assert.Equal(2, Tfim(new Adam(n), new() { Gradient = GradientMethod.Spsa }).EvaluationsPerStep);
        Assert.Equal(2, Tfim(new Spsa(n), new()).EvaluationsPerStep);
        Assert.Equal(3, Tfim(new NegativeLearningRate(new Adam(n)), new()).EvaluationsPerStep);                               // + the Lookahead trial
        Assert.Equal(2, Tfim(new NegativeLearningRate(new Adam(n), new PeriodicPolicy()), new()).EvaluationsPerStep);         // no trials

        var shots = Tfim(new NegativeLearningRate(new Adam(n)), new() { Shots = 100 });
        Assert.Equal(shiftRuns + 1 + 1, shots.EvaluationsPerStep);
        Assert.Equal((shiftRuns + 2) * 100L, shots.ShotsPerStep);
    }

    [Fact]
    public void FourTermShiftRule_CountsFourRunsPerAngle()
    {
        var c = new Circuit(2);
        c.H(0).CRX(0, 1, c.Weight()).RY(1, c.Weight());
        var trainer = new Trainer(c, PauliSum.Z(1), new Adam(2), new TrainerOptions { Gradient = GradientMethod.ParameterShift });
        Assert.Equal(4 + 2 + 1, trainer.EvaluationsPerStep);
    }

    [Fact]
    public void DatasetCosts_ScaleWithTheBatch()
    {
        var (x, y) = TrainingProblems.Dataset(12, 1);
        var objective = TrainingObjective.Classification(x, 2, y, batchSize: 5);
        var trainer = new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new NegativeLearningRate(new Adam(8)),
            new TrainerOptions(), objective);
        Assert.Equal((5 * 2) + 5, trainer.EvaluationsPerStep);
    }

    [Fact]
    public void CountedEvaluations_AreWhatWasSpent_IncludingLookaheadTrials()
    {
        // Lookahead evaluates a trial on every step except those inside an ascent phase, cooldown or cap; the counters
        // add exactly the trials that happened.
        var nlr = new NegativeLearningRate(new Adam(12, 0.2), new LookaheadPolicy(), new NlrOptions { Cooldown = 2 });
        var result = Tfim(nlr, new TrainerOptions { MaxSteps = 40 }).Run(TrainingProblems.Start(12, 4));
        long trials = result.History.Count(s => s.HasTrialLoss);
        Assert.Equal((40 * 2) + trials, result.CircuitEvaluations);
        Assert.True(trials < 40, "the cooldown should skip some trials");
        Assert.Contains(result.History, s => s.Phase == NlrPhase.Negative);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EvaluationBudget_StopsExactlyAtTheLimit(bool nlr)
    {
        IOptimizer optimizer = nlr ? new NegativeLearningRate(new Adam(12)) : new Adam(12);
        var probe = Tfim(optimizer, new TrainerOptions());
        long limit = 7 * probe.EvaluationsPerStep;
        var result = Tfim(optimizer, new TrainerOptions { MaxCircuitEvaluations = limit }).Run(TrainingProblems.Start(12, 1));
        Assert.Equal(StopReason.EvaluationBudget, result.StopReason);
        Assert.Equal(7, result.Steps);
        Assert.Equal(limit, result.CircuitEvaluations);
    }

    [Fact]
    public void EvaluationBudget_NeverExceeded_WhenNotAMultiple()
    {
        var result = Tfim(new Adam(12), new TrainerOptions { MaxCircuitEvaluations = 15 }).Run(TrainingProblems.Start(12, 1));
        Assert.Equal(StopReason.EvaluationBudget, result.StopReason);
        Assert.Equal(14, result.CircuitEvaluations);
        Assert.Equal(7, result.Steps);
    }

    [Fact]
    public void ShotBudget_StopsExactlyAtTheLimit()
    {
        var options = new TrainerOptions { Shots = 64, Seed = 3 };
        var probe = Tfim(new Adam(12), options);
        long limit = 5 * probe.ShotsPerStep;
        var result = Tfim(new Adam(12), new TrainerOptions { Shots = 64, Seed = 3, MaxShots = limit }).Run(TrainingProblems.Start(12, 1));
        Assert.Equal(StopReason.ShotBudget, result.StopReason);
        Assert.Equal(5, result.Steps);
        Assert.Equal(limit, result.Shots);
        Assert.Equal(5 * probe.EvaluationsPerStep, result.CircuitEvaluations);
    }

    [Fact]
    public void BudgetTooSmallForOneStep_TakesNoStep()
    {
        var w = TrainingProblems.Start(12, 1);
        var before = (double[])w.Clone();
        var result = Tfim(new Adam(12), new TrainerOptions { MaxCircuitEvaluations = 1 }).Run(w);
        Assert.Equal(0, result.Steps);
        Assert.Equal(0, result.CircuitEvaluations);
        Assert.Equal(before, w);
        Assert.Empty(result.History);
    }
}
