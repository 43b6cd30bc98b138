using System;
using System.Linq;
using NegLR.Tests.Training;

namespace NegLR.Tests.Optimizers;

/// <summary>
/// The controls that isolate NLR's ascent: reject and noise keep NLR's triggers and change only the displacement;
/// backtracking halves until Armijo holds; the shot-aware Lookahead widens its threshold by the standard errors.
/// </summary>
public class ControlTests
{
    private static NegativeLearningRate Make(NlrResponse response, ulong noiseSeed = 3) =>
        new(new GradientDescent(3, 0.1), new LookaheadPolicy(), new NlrOptions { Response = response, NoiseSeed = noiseSeed, Cooldown = 0, NegativeRatio = 0.5 });

    [Fact]
    public void Reject_SkipsTheStepsNlrWouldAscend_AndAcceptsTheOthers()
    {
        // Trials alternate: worse, better, worse. NLR ascends on the worse ones; the control stands still there.
        var nlr = Make(NlrResponse.Ascend);
        var reject = Make(NlrResponse.Reject);
        var a = new[] { 1.0, 2.0, 3.0 };
        var b = (double[])a.Clone();
        var g = new[] { 0.5, -1.0, 2.0 };
        foreach (double trial in new[] { 5.0, 0.0, 5.0 })
        {
            var before = (double[])b.Clone();
            var stepA = nlr.Step(a, g, 1.0, new NlrScript(trial));
            var stepB = reject.Step(b, g, 1.0, new NlrScript(trial));
            if (trial > 1)
            {
                Assert.Equal(NlrPhase.Negative, stepA.Phase);
                Assert.Equal(NlrPhase.Rejected, stepB.Phase);
                Assert.Equal(0, stepB.LearningRate);
                Assert.Equal(before, b);
            }
            else
            {
                Assert.Equal(NlrPhase.Positive, stepB.Phase);
                Assert.Equal(before.Zip(g, (p, d) => p - (0.1 * d)), b);
            }
        }

        Assert.Equal("NLR-reject(SGD)", reject.Name);
        Assert.Equal("NLR(SGD)", nlr.Name);
    }

    [Fact]
    public void Noise_HasTheAscentsExpectedSquaredLength_InARandomDirection()
    {
        const int n = 4, draws = 4000;
        var g = new[] { 1.0, -2.0, 0.5, 3.0 };
        double ascentSquared = Math.Pow(0.05, 2) * g.Sum(v => v * v); // η⁻ = 0.5·η⁺ = 0.05, d = g (SGD)
        var noise = new NegativeLearningRate(new GradientDescent(n, 0.1), new LookaheadPolicy(),
            new NlrOptions { Response = NlrResponse.Noise, NoiseSeed = 42, Cooldown = 0, NegativeRatio = 0.5, MaxAscentSteps = int.MaxValue });
        double sumSquared = 0;
        var mean = new double[n];
        for (int k = 0; k < draws; k++)
        {
            var p = new double[n];
            var step = noise.Step(p, g, 0, new NlrScript(1.0));
            Assert.Equal(NlrPhase.Noise, step.Phase);
            sumSquared += p.Sum(v => v * v);
            for (int i = 0; i < n; i++)
            {
                mean[i] += p[i] / draws;
            }
        }

        // E‖ξ‖² = (η⁻‖d‖)²; ‖ξ‖²/σ² is χ²₄, so the mean of 4000 has relative SD √(2/4)/√4000 ≈ 1.1 %.
        Assert.InRange(sumSquared / draws / ascentSquared, 0.95, 1.05);
        double sigma = Math.Sqrt(ascentSquared / n);
        Assert.All(mean, m => Assert.True(Math.Abs(m) < 4 * sigma / Math.Sqrt(draws), $"mean {m} is not centred"));
    }

    [Fact]
    public void Noise_IsSeeded_AndItsGeneratorIsSaved()
    {
        var g = new[] { 1.0, 2.0, 3.0 };
        var a = Make(NlrResponse.Noise, 9);
        var pa = new double[3];
        a.Step(pa, g, 0, new NlrScript(1.0));
        byte[] state = a.SaveState();
        var pb = (double[])pa.Clone();
        a.Step(pa, g, 0, new NlrScript(1.0));

        var b = Make(NlrResponse.Noise, 9);
        b.RestoreState(state);
        b.Step(pb, g, 0, new NlrScript(1.0));
        Assert.Equal(pa, pb);
        Assert.Throws<CheckpointException>(() => Make(NlrResponse.Ascend).RestoreState(state)); // another optimizer's state
    }

    [Fact]
    public void Backtracking_TakesTheLargestHalvingThatMeetsArmijo()
    {
        // f(x) = x² from x = 1 with SGD at η = 1.5: trial x − 1.5·2 = −2 (worse), η = 0.75: −0.5 (f = 0.25 ≤ 1 − c·0.75·4) accepted.
        var opt = new Backtracking(new GradientDescent(1, 1.5), sufficientDecrease: 0.1, maxHalvings: 4);
        var x = new[] { 1.0 };
        var trials = new TestLandscapes.Evaluator(p => p[0] * p[0]);
        var step = opt.Step(x, new[] { 2.0 }, 1.0, trials);
        Assert.Equal(NlrPhase.Positive, step.Phase);
        Assert.Equal(0.75, step.LearningRate);
        Assert.Equal(-0.5, x[0]);
        Assert.Equal(2, trials.Calls);
        Assert.Equal(0.25, step.TrialLoss);
        Assert.Equal(5, opt.MaxTrialEvaluationsPerStep);
    }

    [Fact]
    public void Backtracking_RejectsAfterMaxHalvings_AndStillAdvancesTheBase()
    {
        var adam = new Adam(1, 0.1);
        var opt = new Backtracking(adam, maxHalvings: 2);
        var x = new[] { 0.0 };
        var trials = new TestLandscapes.Evaluator(_ => 10.0); // every trial is worse
        var step = opt.Step(x, new[] { 1.0 }, 0.0, trials);
        Assert.Equal(NlrPhase.Rejected, step.Phase);
        Assert.Equal(0.0, x[0]);
        Assert.Equal(3, trials.Calls);
        Assert.Equal(1, adam.StepCount);
        Assert.Equal(1, opt.Rejections);
    }

    [Fact]
    public void ShotAwareLookahead_WidensTheThreshold_ByTheStandardErrorOfTheDifference()
    {
        var policy = new LookaheadPolicy(0.01, 2);
        var context = new NlrContext(0, 1.0, 1, double.NaN, null, 1, 0.03, 0.04);
        Assert.Equal(0.01 + (2 * 0.05), policy.Threshold(context), 15);
        Assert.Equal(0, policy.AfterTrial(context, 1.10)); // within 0.11: not worse
        Assert.Equal(1, policy.AfterTrial(context, 1.12));
        Assert.Equal(OptimizerDefaults.LookaheadStandardErrors, LookaheadPolicy.ShotAware().StandardErrors);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LookaheadPolicy(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LookaheadPolicy(0, double.NaN));
    }

    [Fact]
    public void TheTrainer_HandsNlrTheStandardErrorsOfBothLosses()
    {
        // With shots and z large enough, the trial is never "worse": the standard errors reach the policy.
        var shotAware = new NegativeLearningRate(new Adam(12, 0.05), new LookaheadPolicy(0, 1000), new NlrOptions { Cooldown = 0 });
        var result = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, shotAware,
            new TrainerOptions { MaxSteps = 15, Shots = 50, Seed = 3 }).Run(TrainingProblems.Start(12, 4));
        Assert.All(result.History, s => Assert.Equal(NlrPhase.Positive, s.Phase));
        Assert.All(result.History, s => Assert.True(s.HasTrialLoss));

        var plain = new NegativeLearningRate(new Adam(12, 0.05), new LookaheadPolicy(), new NlrOptions { Cooldown = 0 });
        var noisy = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, plain,
            new TrainerOptions { MaxSteps = 15, Shots = 50, Seed = 3 }).Run(TrainingProblems.Start(12, 4));
        Assert.Contains(noisy.History, s => s.Phase == NlrPhase.Negative);
    }

    [Fact]
    public void LossStandardError_IsCalibrated_AgainstTheSpreadOfTheLoss()
    {
        // The reported standard error of the step's loss matches the standard deviation of that loss over seeds.
        var (x, y) = TrainingProblems.Dataset(6, 1);
        var w = TrainingProblems.Start(8, 3);
        var losses = new double[300];
        double reported = 0;
        for (int s = 0; s < losses.Length; s++)
        {
            var probe = new GradientProbe(8);
            new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, probe, new TrainerOptions { MaxSteps = 1, Shots = 100, Seed = (ulong)s },
                TrainingObjective.Classification(x, 2, y)).Run((double[])w.Clone());
            losses[s] = probe.Losses[0];
            reported += probe.LossErrors[0] / losses.Length;
        }

        double mean = losses.Average();
        double sd = Math.Sqrt(losses.Sum(v => (v - mean) * (v - mean)) / (losses.Length - 1));
        Assert.InRange(reported / sd, 0.8, 1.25);
    }
}
