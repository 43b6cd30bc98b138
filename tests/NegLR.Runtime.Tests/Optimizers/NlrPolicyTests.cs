using System;
using System.Linq;
using System.Text;

namespace NegLR.Tests.Optimizers;

/// <summary>Each policy's phase sequence on scripted losses (SGD base, η⁺ = 0.1, d = g, no cap unless stated).</summary>
public class NlrPolicyTests
{
    private static readonly NlrOptions NoCap = new() { MaxAscentSteps = int.MaxValue, Cooldown = 0, NegativeRatio = 0.5 };

    private static NegativeLearningRate Nlr(INlrPolicy policy, NlrOptions? options = null) =>
        new(new GradientDescent(1, 0.1), policy, options ?? NoCap);

    [Fact]
    public void Lookahead_AscendsExactlyWhenTheTrialIsWorse()
    {
        // Trial losses vs L = 1: 0.9 better, 1.1 worse, 0.8 better, 1.2 worse, 1.0 equal (not worse).
        var script = new NlrScript(0.9, 1.1, 0.8, 1.2, 1.0);
        var nlr = Nlr(new LookaheadPolicy());
        var theta = new[] { 0.0 };
        Assert.Equal("+-+-+", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 5), trials: script, parameters: theta));
        Assert.Equal(5, script.TrialPoints.Count);

        // Each trial is θ − η⁺d from the current θ; descents move by −0.1, ascents by +0.05 (ratio 0.5).
        var expectedTrials = new[] { -0.1, -0.2, -0.15, -0.25, -0.2 };
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(expectedTrials[t], script.TrialPoints[t][0], 15);
        }

        Assert.Equal(-0.2, theta[0], 15);
        Assert.Equal(NlrPolicy.Lookahead, nlr.Policy.Kind);
        Assert.Equal(1, nlr.MaxTrialEvaluationsPerStep);
    }

    [Fact]
    public void Lookahead_Tolerance_IgnoresSmallIncreases()
    {
        var script = new NlrScript(1.05, 1.2);
        Assert.Equal("+-", NlrScript.Phases(Nlr(new LookaheadPolicy(tolerance: 0.1)), new[] { 1.0, 1.0 }, trials: script));
    }

    [Fact]
    public void Lookahead_PhaseLength_AscendsKStepsWithoutFurtherTrials()
    {
        var script = new NlrScript(0.5, 2.0, 0.5, 0.5);
        var nlr = Nlr(new LookaheadPolicy(), new NlrOptions { PhaseLength = 3, MaxAscentSteps = int.MaxValue, Cooldown = 0, NegativeRatio = 0.5 });
        Assert.Equal("+---++", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 6), trials: script));
        Assert.Equal(4, script.TrialPoints.Count); // steps 0, 1, 4, 5: none inside the phase
    }

    [Fact]
    public void Lookahead_WithoutAnEvaluator_SaysWhatIsMissing()
    {
        var nlr = Nlr(new LookaheadPolicy());
        var e = Assert.Throws<ArgumentNullException>(() => nlr.Step(new double[1], new[] { 1.0 }, 1.0, null));
        Assert.Equal("trial", e.ParamName);
        Assert.Contains("ITrialEvaluator", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reactive_AscendsKStepsAfterADescentRaisedTheLoss()
    {
        // 1.0 → 0.9 (down) → 1.0 (up after a descent: steps 2, 3 ascend) → 0.8, 0.7 → 0.9 (up: steps 5, 6 ascend) → 0.6.
        // The rise from 0.6 to 0.95 after step 6 comes from an ascent step and does not count.
        var nlr = Nlr(new ReactivePolicy(), new NlrOptions { PhaseLength = 2, MaxAscentSteps = int.MaxValue, Cooldown = 0 });
        var losses = new[] { 1.0, 0.9, 1.0, 0.8, 0.7, 0.9, 0.6, 0.95, 0.5 };
        Assert.Equal("++--+--++", NlrScript.Phases(nlr, losses));
    }

    [Fact]
    public void Reactive_Tolerance()
    {
        var nlr = Nlr(new ReactivePolicy(tolerance: 0.05));
        Assert.Equal("++-+", NlrScript.Phases(nlr, new[] { 1.0, 1.04, 1.2, 1.0 }));
    }

    [Fact]
    public void Plateau_TriggersAfterWStepsBelowTau()
    {
        // β = 0 makes the EMA the current norm. τ = 0.5, W = 3, K = 2.
        var nlr = Nlr(new PlateauPolicy(threshold: 0.5, window: 3, decay: 0), new NlrOptions { PhaseLength = 2, MaxAscentSteps = int.MaxValue, Cooldown = 0 });
        var norms = new[] { 1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 1, 1 };
        Assert.Equal("+++--+--++", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 10), norms));
    }

    [Fact]
    public void Plateau_Ema_StartsAtTheFirstNorm()
    {
        // e0 = 1, e1 = 0.5·1 + 0.5·0.1 = 0.55, e2 = 0.325, e3 = 0.2125: below τ = 0.4 from step 2, so W = 2 triggers at step 3.
        var policy = new PlateauPolicy(threshold: 0.4, window: 2, decay: 0.5);
        var nlr = Nlr(policy);
        Assert.Equal("+++-+", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 5), new[] { 1, 0.1, 0.1, 0.1, 0.1 }));
        Assert.Equal(0.1 + (0.5 * (0.2125 - 0.1)), policy.GradientNormAverage, 15);
    }

    [Fact]
    public void Periodic_PPositiveThenNNegative()
    {
        Assert.Equal("++-++-++-", NlrScript.Phases(Nlr(new PeriodicPolicy(2, 1)), NlrScript.Repeat(1.0, 9)));
        Assert.Equal("+++--+++--+", NlrScript.Phases(Nlr(new PeriodicPolicy(3, 2)), NlrScript.Repeat(1.0, 11)));
    }

    [Fact]
    public void Stochastic_FollowsItsSeededDraws()
    {
        // One draw per step from SeededRandom(5): ascend when u < 0.3.
        var draws = new SeededRandom(5);
        var expected = new StringBuilder();
        for (int t = 0; t < 40; t++)
        {
            expected.Append(draws.NextDouble() < 0.3 ? '-' : '+');
        }

        string phases = NlrScript.Phases(Nlr(new StochasticPolicy(0.3, seed: 5)), NlrScript.Repeat(1.0, 40));
        Assert.Equal(expected.ToString(), phases);
        Assert.InRange(phases.Count(c => c == '-'), 5, 20);
        Assert.Equal(phases, NlrScript.Phases(Nlr(new StochasticPolicy(0.3, seed: 5)), NlrScript.Repeat(1.0, 40)));
    }

    [Fact]
    public void Stochastic_ExtremeProbabilities()
    {
        Assert.Equal(new string('+', 10), NlrScript.Phases(Nlr(new StochasticPolicy(0)), NlrScript.Repeat(1.0, 10)));
        Assert.Equal(new string('-', 10), NlrScript.Phases(Nlr(new StochasticPolicy(1)), NlrScript.Repeat(1.0, 10)));
    }

    [Fact]
    public void PolicyArguments_AreChecked()
    {
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new LookaheadPolicy(-1)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new ReactivePolicy(double.NaN)).ParamName);
        Assert.Equal("threshold", Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauPolicy(0)).ParamName);
        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauPolicy(window: 0)).ParamName);
        Assert.Equal("decay", Assert.Throws<ArgumentOutOfRangeException>(() => new PlateauPolicy(decay: 1)).ParamName);
        Assert.Equal("positiveSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodicPolicy(0, 1)).ParamName);
        Assert.Equal("negativeSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new PeriodicPolicy(1, 0)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => new StochasticPolicy(1.5)).ParamName);
    }
}
