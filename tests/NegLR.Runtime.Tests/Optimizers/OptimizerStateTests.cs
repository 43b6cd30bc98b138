using System;
using System.Collections.Generic;

namespace NegLR.Tests.Optimizers;

/// <summary>Saved state continues bit-identically; bad state fails loudly.</summary>
public class OptimizerStateTests
{
    public static IEnumerable<object[]> Optimizers()
    {
        // Each entry builds a fresh optimizer, so a restored copy starts from a different object.
        var makers = new (string Name, Func<IOptimizer> Make)[]
        {
            ("SGD", () => new GradientDescent(3, 0.05)),
            ("Momentum", () => new Momentum(3, 0.05)),
            ("Nesterov", () => new Nesterov(3, 0.05)),
            ("Adagrad", () => new Adagrad(3, 0.1)),
            ("RMSProp", () => new RmsProp(3, 0.02)),
            ("Adam", () => new Adam(3, 0.05)),
            ("AMSGrad", () => new Adam(3, 0.05, amsGrad: true)),
            ("SPSA", () => new Spsa(3, seed: 4)),
            ("NLR Lookahead", () => new NegativeLearningRate(new Adam(3, 0.2))),
            ("NLR Reactive", () => new NegativeLearningRate(new Momentum(3, 0.1), new ReactivePolicy(), new NlrOptions { PhaseLength = 2, Cooldown = 1 })),
            ("NLR Plateau", () => new NegativeLearningRate(new RmsProp(3, 0.05), new PlateauPolicy(0.5, 2, 0.8), new NlrOptions { PhaseLength = 3 })),
            ("NLR Periodic", () => new NegativeLearningRate(new Nesterov(3, 0.05), new PeriodicPolicy(3, 2), new NlrOptions { UpdateBaseStateDuringAscent = true })),
            ("NLR Stochastic", () => new NegativeLearningRate(new Adagrad(3, 0.1), new StochasticPolicy(0.4, 9), new NlrOptions { NegativeRate = 0.03 })),
        };
        foreach (var (name, make) in makers)
        {
            yield return new object[] { name, make };
        }
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void SaveThenRestore_ContinuesBitIdentically(string name, Func<IOptimizer> make)
    {
        var start = new[] { 0.4, -1.3, 2.2 };
        var straight = make();
        var a = (double[])start.Clone();
        TestLandscapes.RunWavy(straight, a, 7);
        byte[] state = straight.SaveState();
        var saved = (double[])a.Clone();
        TestLandscapes.RunWavy(straight, a, 13);

        var restored = make();
        TestLandscapes.RunWavy(restored, new[] { 9.0, 9.0, 9.0 }, 3); // unrelated history that the restore must erase
        restored.RestoreState(state);
        Assert.Equal(7, restored.StepCount);
        var b = saved;
        TestLandscapes.RunWavy(restored, b, 13);

        Assert.True(a.AsSpan().SequenceEqual(b), $"{name}: restored run differs: [{string.Join(", ", a)}] vs [{string.Join(", ", b)}]");
    }

    [Fact]
    public void State_OfAnotherOptimizer_IsRejectedWithBothNames()
    {
        byte[] adam = new Adam(3).SaveState();
        var e = Assert.Throws<CheckpointException>(() => new RmsProp(3).RestoreState(adam));
        Assert.Contains("'RMSProp'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Adam'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void State_OfAnotherSize_IsRejected()
    {
        byte[] state = new Adam(3).SaveState();
        var e = Assert.Throws<CheckpointException>(() => new Adam(4).RestoreState(state));
        Assert.Contains("3 parameters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedOrPaddedState_IsRejected()
    {
        var nlr = new NegativeLearningRate(new Adam(2), new StochasticPolicy(0.5, 1));
        byte[] state = nlr.SaveState();
        for (int cut = 0; cut < state.Length; cut += 7)
        {
            var fresh = new NegativeLearningRate(new Adam(2), new StochasticPolicy(0.5, 1));
            Assert.Throws<CheckpointException>(() => fresh.RestoreState(state.AsSpan(0, cut)));
        }

        var padded = new byte[state.Length + 1];
        state.CopyTo(padded, 0);
        var e = Assert.Throws<CheckpointException>(() => new NegativeLearningRate(new Adam(2), new StochasticPolicy(0.5, 1)).RestoreState(padded));
        Assert.Contains("left over", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyMismatch_IsRejected()
    {
        byte[] state = new NegativeLearningRate(new Adam(2), new PlateauPolicy()).SaveState();
        var e = Assert.Throws<CheckpointException>(() => new NegativeLearningRate(new Adam(2), new PeriodicPolicy()).RestoreState(state));
        Assert.Contains("NLR.Periodic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeededRandom_SaveRestore_ContinuesTheSequence_AndLeavesItUnchanged()
    {
        // The existing sequence is unchanged by the new members (first value of seed 0 pinned before they existed).
        var reference = new SeededRandom(42);
        var copy = new SeededRandom(42);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(reference.NextUInt64(), copy.NextUInt64());
        }

        var state = new ulong[4];
        reference.SaveState(state);
        var expected = new ulong[10];
        for (int i = 0; i < 10; i++)
        {
            expected[i] = reference.NextUInt64();
        }

        var other = new SeededRandom(7);
        other.RestoreState(state);
        for (int i = 0; i < 10; i++)
        {
            Assert.Equal(expected[i], other.NextUInt64());
        }

        Assert.Equal(7UL, other.Seed);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => other.RestoreState(new ulong[4])).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => other.RestoreState(new ulong[3])).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => other.SaveState(new ulong[5])).ParamName);
    }
}
