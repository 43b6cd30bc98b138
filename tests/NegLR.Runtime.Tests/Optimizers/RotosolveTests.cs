using System;
using System.Linq;
using NegLR.Tests.Training;

namespace NegLR.Tests.Optimizers;

/// <summary>Rotosolve minimises exactly along each weight, counts what it spends, and refuses circuits it cannot reconstruct.</summary>
public class RotosolveTests
{
    private static double BruteForceMinimum(Func<double, double> f)
    {
        // A fine grid, then golden-section refinement: the oracle for the minimum along one weight.
        const int grid = 20000;
        double bestX = 0, best = double.PositiveInfinity;
        for (int i = 0; i < grid; i++)
        {
            double x = -Math.PI + (2 * Math.PI * i / grid);
            double v = f(x);
            if (v < best)
            {
                best = v;
                bestX = x;
            }
        }

        double lo = bestX - (2 * Math.PI / grid), hi = bestX + (2 * Math.PI / grid);
        for (int k = 0; k < 100; k++)
        {
            double a = hi - (0.618 * (hi - lo)), b = lo + (0.618 * (hi - lo));
            if (f(a) <= f(b))
            {
                hi = b;
            }
            else
            {
                lo = a;
            }
        }

        return Math.Min(best, f((lo + hi) / 2));
    }

    [Fact]
    public void SinglePauliRotationCost_IsSolvedInOneSweep_Exactly()
    {
        var c = new Circuit(1);
        c.H(0).RZ(0, c.Weight()).RY(0, 0.4);
        var cost = PauliSum.Parse("0.7 X0 - 0.2 Y0 + 0.1 Z0 + 0.5");
        var trainer = new Trainer(c, cost, new Rotosolve(1), new TrainerOptions { MaxSteps = 1 });
        var w = new[] { 2.1 };
        trainer.Run(w);
        double found = trainer.EvaluateLoss(w);
        double expected = BruteForceMinimum(x => trainer.EvaluateLoss(new[] { x }));
        Assert.Equal(expected, found, 10);
        Assert.True(found <= expected + 1e-12);
    }

    [Fact]
    public void SeparableCost_ReachesTheGlobalMinimum_InOneSweep()
    {
        var c = new Circuit(3);
        for (int q = 0; q < 3; q++)
        {
            c.RX(q, c.Weight()).RY(q, c.Weight());
        }

        var w = new[] { 0.3, 0.2, -1.0, 2.0, 0.7, -0.4 };
        var result = new Trainer(c, PauliSum.Parse("Z0 + Z1 + Z2"), new Rotosolve(6), new TrainerOptions { MaxSteps = 1 }).Run(w);
        Assert.Equal(-3, result.FinalLoss, 12);
    }

    [Fact]
    public void SharedWeight_OfOrderTwo_IsReconstructedExactly()
    {
        // RZ(w) on both qubits of |++⟩, cost X0 + X0X1 = cos w + cos²w (frequencies 1 and 2): minimum −1/4 at cos w = −1/2.
        var c = new Circuit(2);
        var w0 = c.Weight();
        c.H(0).H(1).RZ(0, w0).RZ(1, w0);
        var structure = new CircuitStructure(c);
        Assert.Equal(new WeightSpectrum(2, 1, 2, null), structure.Spectrum(0));
        var result = new Trainer(c, PauliSum.Parse("X0 + X0 X1"), new Rotosolve(1), new TrainerOptions { MaxSteps = 1 }).Run(new[] { 0.1 });
        Assert.Equal(-0.25, result.FinalLoss, 11);
        Assert.Equal(5, result.CircuitEvaluations); // the start, then 2R = 4 points
    }

    [Fact]
    public void ControlledRotation_HasTwoFrequencies_AndIsStillExact()
    {
        var c = new Circuit(2);
        c.H(0).RY(1, 0.9).CRX(0, 1, c.Weight()).RY(1, -0.3);
        var spectrum = new CircuitStructure(c).Spectrum(0);
        Assert.Equal(0.5, spectrum.BaseFrequency);
        Assert.Equal(2, spectrum.Order);
        var cost = PauliSum.Parse("Z1 + 0.4 X1");
        var trainer = new Trainer(c, cost, new Rotosolve(1), new TrainerOptions { MaxSteps = 1 });
        var w = new[] { 1.0 };
        trainer.Run(w);
        Assert.Equal(BruteForceMinimum(x => trainer.EvaluateLoss(new[] { x })), trainer.EvaluateLoss(w), 10);
    }

    [Fact]
    public void NonLinearDataLoss_IsMinimisedAlongTheWeight()
    {
        // Cross-entropy over several rows is not a sinusoid of the weight: each row's readout is reconstructed instead.
        var c = new Circuit(2);
        c.RY(0, c.Input(0)).RY(1, c.Input(1)).CNOT(1, 0).RY(0, c.Weight());
        var (x, y) = TrainingProblems.Dataset(6, 4, zeroOne: true);
        var trainer = new Trainer(c, TrainingProblems.Readout, new Rotosolve(1), new TrainerOptions { MaxSteps = 1 },
            TrainingObjective.Classification(x, 2, y, ClassificationLoss.CrossEntropy, LabelEncoding.ZeroOne));
        var w = new[] { 0.0 };
        trainer.Run(w);
        Assert.Equal(BruteForceMinimum(v => trainer.EvaluateLoss(new[] { v })), trainer.EvaluateLoss(w), 9);
    }

    [Fact]
    public void Cost_IsCountedPerSweep_InEvaluationsShotsAndRoundTrips()
    {
        var c = TrainingProblems.TfimCircuit();
        int n = c.WeightCount;
        var trainer = new Trainer(c, TrainingProblems.Tfim, new Rotosolve(n), new TrainerOptions { MaxSteps = 3, Shots = 64, Seed = 2 });
        var result = trainer.Run(TrainingProblems.Start(n, 1));
        long perStep = 1 + (2L * n); // every weight of the hardware-efficient circuit is in one Pauli rotation
        Assert.Equal(perStep, trainer.EvaluationsPerStep);
        Assert.Equal(n, trainer.RoundTripsPerStep); // the first weight's points join the starting loss
        Assert.Equal(3 * perStep, result.CircuitEvaluations);
        Assert.Equal(3 * perStep * 64, result.Shots);
        Assert.Equal(3L * n, result.RoundTrips);
        Assert.All(result.History, s => Assert.True(double.IsNaN(s.GradientNorm)));
        Assert.True(result.History[^1].Loss < result.History[0].Loss);
    }

    [Fact]
    public void IncommensurateScales_AreRefused_NamingTheWeight()
    {
        var c = new Circuit(1);
        var w = c.Weight();
        c.RX(0, w).RY(0, Math.Sqrt(2) * w);
        var e = Assert.Throws<ArgumentException>(() => new Trainer(c, PauliSum.Parse("Z0"), new Rotosolve(1)));
        Assert.Contains("weight 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("gradient optimizer", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Trainer(c, PauliSum.Parse("Z0"), new Rotosolve(2)));
    }

    [Fact]
    public void WithoutATrainer_ItSaysWhatItNeeds()
    {
        IOptimizer r = new Rotosolve(1);
        var e = Assert.Throws<InvalidOperationException>(() => r.Step(new double[1], new double[1], 0, null));
        Assert.Contains("Trainer", e.Message, StringComparison.Ordinal);
    }
}
