using System;
using System.Linq;

namespace NegLR.Tests.Optimizers;

/// <summary>The shared NLR knobs and their edge cases.</summary>
public class NlrKnobTests
{
    [Fact]
    public void NegativeRatio_FollowsTheBaseSchedule()
    {
        var nlr = new NegativeLearningRate(new GradientDescent(1, new ExponentialSchedule(0.2, 0.5)), new PeriodicPolicy(1, 1),
            new NlrOptions { NegativeRatio = 0.25, Cooldown = 0 });
        var theta = new[] { 0.0 };
        var steps = Enumerable.Range(0, 4).Select(_ => nlr.Step(theta, new[] { 1.0 }, 1.0, null)).ToArray();

        // Rates: η⁺ = 0.2, 0.1, 0.05, 0.025; ascent steps (t = 1, 3) use −0.25·η⁺.
        Assert.Equal(new[] { 0.2, -0.025, 0.05, -0.00625 }, steps.Select(s => s.LearningRate).ToArray());
        Assert.Equal(-0.2 + 0.025 - 0.05 + 0.00625, theta[0], 15);
        Assert.Equal(0.025, nlr.NegativeRate(1), 15);
    }

    [Fact]
    public void NegativeRate_IsFixed()
    {
        var nlr = new NegativeLearningRate(new GradientDescent(1, new ExponentialSchedule(0.2, 0.5)), new PeriodicPolicy(1, 1),
            new NlrOptions { NegativeRate = 0.07, Cooldown = 0 });
        Assert.Equal(0.07, nlr.NegativeRate(0));
        Assert.Equal(0.07, nlr.NegativeRate(50));
        var theta = new[] { 0.0 };
        nlr.Step(theta, new[] { 1.0 }, 1, null);
        var ascent = nlr.Step(theta, new[] { 1.0 }, 1, null);
        Assert.Equal(-0.07, ascent.LearningRate);
        Assert.Equal(-0.2 + 0.07, theta[0], 15);
    }

    [Fact]
    public void DefaultRatio_AppliesWhenNeitherIsSet()
    {
        var nlr = new NegativeLearningRate(new Adam(1, 0.04));
        Assert.Equal(NlrOptions.DefaultNegativeRatio * 0.04, nlr.NegativeRate(0), 15);
        Assert.Equal("NLR(Adam)", nlr.Name);
        Assert.IsType<LookaheadPolicy>(nlr.Policy);
    }

    [Fact]
    public void RateAndRatioTogether_IsAnError()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new NegativeLearningRate(new Adam(1), options: new NlrOptions { NegativeRate = 0.1, NegativeRatio = 0.5 }));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("not both", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionValues_AreCheckedWhenSet()
    {
        Assert.Equal("NegativeRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NlrOptions { NegativeRate = 0 }).ParamName);
        Assert.Equal("NegativeRatio", Assert.Throws<ArgumentOutOfRangeException>(() => new NlrOptions { NegativeRatio = double.PositiveInfinity }).ParamName);
        Assert.Equal("PhaseLength", Assert.Throws<ArgumentOutOfRangeException>(() => new NlrOptions { PhaseLength = 0 }).ParamName);
        Assert.Equal("MaxAscentSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new NlrOptions { MaxAscentSteps = 0 }).ParamName);
        Assert.Equal("Cooldown", Assert.Throws<ArgumentOutOfRangeException>(() => new NlrOptions { Cooldown = -1 }).ParamName);
        Assert.Throws<ArgumentNullException>(() => new NegativeLearningRate(null!));
        var nlr = new NegativeLearningRate(new Adam(2), new PeriodicPolicy());
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => nlr.Step(new double[2], new double[2], double.NaN, null)).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => nlr.Step(new double[3], new double[2], 1, null)).ParamName);
    }

    [Fact]
    public void Cap_EndsLongPhases()
    {
        // Periodic asks for 5 ascents at t = 1 (period 6); the cap of 2 ends the phase after two.
        var nlr = new NegativeLearningRate(new GradientDescent(1, 0.1), new PeriodicPolicy(1, 5), new NlrOptions { MaxAscentSteps = 2, Cooldown = 0 });
        Assert.Equal("+--++++--+", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 10)));
    }

    [Fact]
    public void Cap_ForcesADescentEvenWhenLookaheadWouldAscend_AndSkipsThatTrial()
    {
        var script = new NlrScript(NlrScript.Repeat(9.0, 20));
        var nlr = new NegativeLearningRate(new GradientDescent(1, 0.1), new LookaheadPolicy(), new NlrOptions { MaxAscentSteps = 3, Cooldown = 0 });
        Assert.Equal("---+---+---+", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 12), trials: script));
        Assert.Equal(9, script.TrialPoints.Count);
    }

    [Fact]
    public void Cooldown_SeparatesAscentRuns_AndSkipsTrialsMeanwhile()
    {
        var script = new NlrScript(NlrScript.Repeat(9.0, 20));
        var nlr = new NegativeLearningRate(new GradientDescent(1, 0.1), new LookaheadPolicy(),
            new NlrOptions { MaxAscentSteps = 1, Cooldown = 2 });
        Assert.Equal("-++-++-++", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 9), trials: script));
        Assert.Equal(3, script.TrialPoints.Count);
    }

    [Fact]
    public void Cooldown_DoesNotCutARunningPhase()
    {
        var nlr = new NegativeLearningRate(new GradientDescent(1, 0.1), new PeriodicPolicy(2, 3), new NlrOptions { Cooldown = 4, MaxAscentSteps = 3 });
        // t = 2 starts 3 ascents that run to the end; the cooldown then blocks the phase requested at t = 7 (only 2
        // descents since), and the next one, at t = 12, goes ahead.
        Assert.Equal("++---+++++++-", NlrScript.Phases(nlr, NlrScript.Repeat(1.0, 13)));
    }

    [Fact]
    public void BaseState_IsFrozenDuringAscent_WhenAsked()
    {
        var momentum = new Momentum(1, 0.1, 0.5);
        var nlr = new NegativeLearningRate(momentum, new PeriodicPolicy(1, 1), new NlrOptions { NegativeRatio = 0.5, UpdateBaseStateDuringAscent = false, Cooldown = 0 });
        var theta = new[] { 0.0 };
        nlr.Step(theta, new[] { 1.0 }, 1, null);            // descent: b = 1
        Assert.Equal(1.0, momentum.Buffer[0]);
        nlr.Step(theta, new[] { 2.0 }, 1, null);            // ascent with d = 0.5·1 + 2 = 2.5, b stays 1
        Assert.Equal(1.0, momentum.Buffer[0]);
        Assert.Equal(1, momentum.StepCount);
        Assert.Equal(-0.1 + (0.05 * 2.5), theta[0], 15);
    }

    [Fact]
    public void BaseState_AdvancesDuringAscent_ByDefault()
    {
        var momentum = new Momentum(1, 0.1, 0.5);
        var nlr = new NegativeLearningRate(momentum, new PeriodicPolicy(1, 1), new NlrOptions { NegativeRatio = 0.5, Cooldown = 0 });
        var theta = new[] { 0.0 };
        nlr.Step(theta, new[] { 1.0 }, 1, null);
        nlr.Step(theta, new[] { 2.0 }, 1, null);
        Assert.Equal(2.5, momentum.Buffer[0]);
        Assert.Equal(2, momentum.StepCount);
        Assert.Equal(-0.1 + (0.05 * 2.5), theta[0], 15);
    }

    [Fact]
    public void BaseState_FrozenWithLookahead_UsesThePeekedDirection()
    {
        var adam = new Adam(1, 0.1);
        var nlr = new NegativeLearningRate(adam, new LookaheadPolicy(), new NlrOptions { NegativeRatio = 0.5, UpdateBaseStateDuringAscent = false });
        var theta = new[] { 0.0 };
        nlr.Step(theta, new[] { 1.0 }, 1, new NlrScript(0.5));   // accepted: Adam advances to step 1
        var peek = new double[1];
        adam.ComputeDirection(new[] { -3.0 }, peek, advance: false);
        double before = theta[0];
        nlr.Step(theta, new[] { -3.0 }, 1, new NlrScript(2.0));  // rejected: ascent with the peeked d, Adam stays at 1
        Assert.Equal(1, adam.StepCount);
        Assert.Equal(before + (0.05 * peek[0]), theta[0], 15);
    }

    [Fact]
    public void KeepBest_ReturnsTheParametersWithTheLowestLoss()
    {
        var nlr = new NegativeLearningRate(new GradientDescent(1, 0.1), new PeriodicPolicy(2, 1), new NlrOptions { KeepBest = true });
        var theta = new[] { 0.0 };
        var losses = new[] { 3.0, 2.0, 0.5, 1.0, 4.0 };
        var seen = new double[losses.Length];
        for (int t = 0; t < losses.Length; t++)
        {
            seen[t] = theta[0];
            nlr.Step(theta, new[] { 1.0 }, losses[t], null);
        }

        Assert.True(nlr.HasBest);
        Assert.Equal(0.5, nlr.BestLoss);
        var best = new double[1];
        Assert.True(nlr.TryCopyBest(best));
        Assert.Equal(seen[2], best[0]);
        Assert.NotEqual(theta[0], best[0]);
    }

    [Fact]
    public void KeepBest_Off_ByDefault_KeepsNothing()
    {
        var nlr = new NegativeLearningRate(new GradientDescent(1, 0.1), new PeriodicPolicy());
        Assert.False(nlr.Options.KeepBest);
        nlr.Step(new[] { 0.0 }, new[] { 1.0 }, 1.0, null);
        Assert.False(nlr.HasBest);
        Assert.False(nlr.TryCopyBest(new double[1]));
    }

    [Fact]
    public void Reset_StartsOver()
    {
        var nlr = new NegativeLearningRate(new Adam(1, 0.1), new StochasticPolicy(0.5, 3), new NlrOptions { KeepBest = true });
        var losses = NlrScript.Repeat(1.0, 12);
        string first = NlrScript.Phases(nlr, losses);
        nlr.Reset();
        Assert.Equal(0, nlr.StepCount);
        Assert.False(nlr.HasBest);
        Assert.Equal(first, NlrScript.Phases(nlr, losses));
    }
}
