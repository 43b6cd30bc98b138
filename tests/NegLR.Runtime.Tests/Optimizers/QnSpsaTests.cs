using System;
using System.Linq;
using NegLR.Tests.Training;

namespace NegLR.Tests.Optimizers;

/// <summary>QN-SPSA: its 2-SPSA metric estimate approaches the Fubini–Study metric, it costs six circuits per step, and it blocks.</summary>
public class QnSpsaTests
{
    [Fact]
    public void MetricEstimate_OfOneRotation_IsAQuarter()
    {
        // RY(θ) on |0⟩: F(θ, θ + x) = cos²(x/2), so −δF/(8ε²)·2h₁h₂ → 1/4 as ε → 0, whatever the signs drawn.
        var c = new Circuit(1);
        c.RY(0, c.Weight());
        var qn = new QnSpsa(1, seed: 3, finiteDifferenceStep: 1e-3, blocking: false);
        new Trainer(c, PauliSum.Parse("Z0"), qn, new TrainerOptions { MaxSteps = 1 }).Run(new[] { 0.4 });
        // G = (|½·1 + ½·ĝ| + β)/(1 + β) after the first average with G₀ = I.
        double expected = ((0.5 + (0.5 * 0.25)) + 1e-3) / (1 + 1e-3);
        Assert.Equal(expected, qn.Metric[0], 6);
    }

    [Fact]
    public void Cost_IsSixCircuitsAndTheLoss_PlusABlockingTrial()
    {
        var c = TrainingProblems.TfimCircuit();
        var trainer = new Trainer(c, TrainingProblems.Tfim, new QnSpsa(12, seed: 1, learningRate: 0.05), new TrainerOptions { MaxSteps = 20 });
        var result = trainer.Run(TrainingProblems.Start(12, 2));
        Assert.Equal(1 + 6 + 1, trainer.EvaluationsPerStep);
        Assert.Equal(2, trainer.RoundTripsPerStep);
        Assert.Equal(20 * 8, result.CircuitEvaluations);
        Assert.Equal(40, result.RoundTrips);
        Assert.True(result.FinalLoss < result.History[0].Loss);
        Assert.All(result.History.Where(s => s.Phase == NlrPhase.Rejected), s => Assert.True(s.TrialLoss > s.Loss));
    }

    [Fact]
    public void SameSeed_SameRun_AndTheStateRestores()
    {
        var c = TrainingProblems.TfimCircuit();
        TrainingResult Run(QnSpsa q, double[] w) => new Trainer(c, TrainingProblems.Tfim, q, new TrainerOptions { MaxSteps = 6, Shots = 100, Seed = 4 }).Run(w);
        var a = TrainingProblems.Start(12, 2);
        var b = TrainingProblems.Start(12, 2);
        Run(new QnSpsa(12, seed: 9, learningRate: 0.05), a);
        Run(new QnSpsa(12, seed: 9, learningRate: 0.05), b);
        Assert.Equal(a, b);

        var q1 = new QnSpsa(12, seed: 9);
        TestLandscapesFree(q1);
        var saved = q1.SaveState();
        var q2 = new QnSpsa(12, seed: 9);
        q2.RestoreState(saved);
        Assert.Equal(q1.Metric.ToArray(), q2.Metric.ToArray());
        Assert.Equal(q1.StepCount, q2.StepCount);
    }

    private static void TestLandscapesFree(QnSpsa q) =>
        new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, q, new TrainerOptions { MaxSteps = 3 }).Run(TrainingProblems.Start(12, 5));

    [Fact]
    public void ArgumentErrors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new QnSpsa(2, learningRate: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QnSpsa(2, resamplings: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QnSpsa(2, historyLength: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new QnSpsa(2, finiteDifferenceStep: double.NaN));
    }
}
