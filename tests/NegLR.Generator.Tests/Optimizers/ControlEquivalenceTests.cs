using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// The declared controls (NLR reject and noise responses, the shot-aware Lookahead, backtracking) and initializations
/// against the runtime objects configured the same way: the same steps, phases, rates, trial points and saved bytes at
/// every step, checkpoints that restore across the two, and the same initializer.
/// </summary>
public class ControlEquivalenceTests
{
    private const int N = WavyLandscape.Parameters;
    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.CompileAndLoad(Source()));

    private sealed record Case(string Name, bool IsStruct, string Attributes, Func<int, IOptimizer> Runtime);

    private static readonly Case[] Cases =
    {
        new("RejectAdam", false, "[Adam(LearningRate = 0.2)] [NegativeLearningRate(Response = NlrResponse.Reject, Cooldown = 0)]",
            n => new NegativeLearningRate(new Adam(n, 0.2), new LookaheadPolicy(), new NlrOptions { Response = NlrResponse.Reject, Cooldown = 0 })),
        new("RejectSgdFrozen", true, "[Sgd(LearningRate = 0.3)] [NegativeLearningRate(Response = NlrResponse.Reject, Cooldown = 1, UpdateBaseStateDuringAscent = false, PhaseLength = 2, MaxAscentSteps = 2)]",
            n => new NegativeLearningRate(new GradientDescent(n, 0.3), new LookaheadPolicy(),
                new NlrOptions { Response = NlrResponse.Reject, Cooldown = 1, UpdateBaseStateDuringAscent = false, PhaseLength = 2, MaxAscentSteps = 2 })),
        new("RejectMomentumPeriodic", false, "[Momentum(LearningRate = 0.05)] [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 3, Response = NlrResponse.Reject, Cooldown = 0, UpdateBaseStateDuringAscent = false)]",
            n => new NegativeLearningRate(new Momentum(n, 0.05), new PeriodicPolicy(3), new NlrOptions { Response = NlrResponse.Reject, Cooldown = 0, UpdateBaseStateDuringAscent = false })),
        new("NoiseAdam", true, "[Adam(LearningRate = 0.2)] [NegativeLearningRate(Response = NlrResponse.Noise, NoiseSeed = 11, Cooldown = 0, NegativeRatio = 0.5)]",
            n => new NegativeLearningRate(new Adam(n, 0.2), new LookaheadPolicy(), new NlrOptions { Response = NlrResponse.Noise, NoiseSeed = 11, Cooldown = 0, NegativeRatio = 0.5 })),
        new("NoiseRmsPropFrozen", false, "[RmsProp(LearningRate = 0.05)] [NegativeLearningRate(Response = NlrResponse.Noise, NoiseSeed = 3, Cooldown = 0, UpdateBaseStateDuringAscent = false, MaxAscentSteps = 2, PhaseLength = 2)]",
            n => new NegativeLearningRate(new RmsProp(n, 0.05), new LookaheadPolicy(),
                new NlrOptions { Response = NlrResponse.Noise, NoiseSeed = 3, Cooldown = 0, UpdateBaseStateDuringAscent = false, MaxAscentSteps = 2, PhaseLength = 2 })),
        new("NoiseSgdStochasticFrozen", true, "[Sgd(LearningRate = 0.1)] [NegativeLearningRate(Policy = NlrPolicy.Stochastic, Probability = 0.4, Seed = 5, Response = NlrResponse.Noise, Cooldown = 0, UpdateBaseStateDuringAscent = false)]",
            n => new NegativeLearningRate(new GradientDescent(n, 0.1), new StochasticPolicy(0.4, 5), new NlrOptions { Response = NlrResponse.Noise, Cooldown = 0, UpdateBaseStateDuringAscent = false })),
        new("NoiseNesterovPlateau", false, "[Nesterov(LearningRate = 0.05)] [NegativeLearningRate(Policy = NlrPolicy.Plateau, Threshold = 3, Window = 2, Response = NlrResponse.Noise, NoiseSeed = 8, Cooldown = 1)]",
            n => new NegativeLearningRate(new Nesterov(n, 0.05), new PlateauPolicy(3, 2), new NlrOptions { Response = NlrResponse.Noise, NoiseSeed = 8, Cooldown = 1 })),
        new("ShotAwareLookahead", true, "[Adam(LearningRate = 0.3)] [NegativeLearningRate(Tolerance = 0.01, ToleranceStandardErrors = 1.5, Cooldown = 0, KeepBest = true)]",
            n => new NegativeLearningRate(new Adam(n, 0.3), new LookaheadPolicy(0.01, 1.5), new NlrOptions { Cooldown = 0, KeepBest = true })),
        new("BacktrackingSgd", false, "[Sgd(LearningRate = 1.5)] [Backtracking]", n => new Backtracking(new GradientDescent(n, 1.5))),
        new("BacktrackingAdam", true, "[Adam(LearningRate = 0.9, Beta1 = 0.8)] [ExponentialSchedule(Gamma = 0.98)] [Backtracking(SufficientDecrease = 0.3, MaxHalvings = 2, ToleranceStandardErrors = 1)]",
            n => new Backtracking(new Adam(n, new ExponentialSchedule(0.9, 0.98), 0.8), 0.3, 2, 1)),
        new("BacktrackingMomentum", false, "[Momentum(LearningRate = 0.6)] [Backtracking(MaxHalvings = 0)]", n => new Backtracking(new Momentum(n, 0.6), maxHalvings: 0)),
    };

    private static string Source() => "using NegLR;\n\nnamespace Controls;\n\n" + string.Join("\n",
        Cases.Select(c => $"{c.Attributes}\npublic partial {(c.IsStruct ? "struct" : "class")} {c.Name};\n")) + """

        [Adam(LearningRate = 0.05)] [GaussianInitialization(Layers = 8, Locality = 2)] public partial class SmallAngle;
        [Sgd] [UniformInitialization(Low = -1, High = 1)] public partial struct UniformSgd;
        [Adam] [NegativeLearningRate] [IdentityBlockInitialization(Blocks = 2)] public partial class IdentityNlr;
        [Sgd] [GaussianInitialization(Variance = 0.01)] public partial struct FixedVariance;
        """;

    private static IOptimizer Generated(string name, int n = N) =>
        (IOptimizer)Activator.CreateInstance(Compiled.Value.GetType("Controls." + name, throwOnError: true)!, n)!;

    /// <summary>A landscape whose trials also report standard errors (made-up, deterministic functions of the point).</summary>
    private sealed class NoisyLandscape : ITrialEvaluator, ILossStandardErrors
    {
        private readonly WavyLandscape _inner = new(recordTrials: true);

        public IReadOnlyList<double> TrialLog => _inner.TrialLog;

        public double LossStandardError { get; set; }

        public double TrialStandardError { get; private set; }

        public double EvaluateTrial(ReadOnlySpan<double> parameters)
        {
            TrialStandardError = 0.05 + (0.02 * Math.Abs(Math.Sin(parameters[0])));
            return _inner.EvaluateTrial(parameters);
        }
    }

    private static void Lockstep(string name, IOptimizer runtime, IOptimizer generated, double[] a, double[] b, int steps)
    {
        var ra = new NoisyLandscape();
        var gb = new NoisyLandscape();
        var g1 = new double[N];
        var g2 = new double[N];
        for (int t = 0; t < steps; t++)
        {
            WavyLandscape.Gradient(a, g1);
            WavyLandscape.Gradient(b, g2);
            ra.LossStandardError = 0.04 + (0.01 * t % 3);
            gb.LossStandardError = 0.04 + (0.01 * t % 3);
            var x = runtime.Step(a, g1, WavyLandscape.Loss(a), ra);
            var y = generated.Step(b, g2, WavyLandscape.Loss(b), gb);
            Assert.True(x.Phase == y.Phase && Same(x.LearningRate, y.LearningRate) && Same(x.TrialLoss, y.TrialLoss),
                $"{name}, step {t}: runtime ({x.Phase}, {x.LearningRate:R}, {x.TrialLoss:R}), generated ({y.Phase}, {y.LearningRate:R}, {y.TrialLoss:R})");
            Assert.True(a.AsSpan().SequenceEqual(b), $"{name}, step {t}: parameters differ");
        }

        Assert.Equal(runtime.StepCount, generated.StepCount);
        Assert.True(ra.TrialLog.SequenceEqual(gb.TrialLog), $"{name}: trial points differ");
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    public static TheoryData<string> Names() => new(Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryStep_AndTheSavedState_EqualTheRuntimeObject(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        var runtime = c.Runtime(N);
        var generated = Generated(name);
        Assert.Equal(runtime.Name, generated.Name);
        Assert.Equal(runtime.MaxTrialEvaluationsPerStep, generated.MaxTrialEvaluationsPerStep);
        Assert.Equal(runtime is IKeepsBest, generated is IKeepsBest);
        Lockstep(name, runtime, generated, WavyLandscape.Start, WavyLandscape.Start, 60);
        Assert.True(runtime.SaveState().AsSpan().SequenceEqual(generated.SaveState()), $"{name}: saved state differs");

        // Checkpoints cross over, and Reset replays a fresh optimizer.
        var restored = Generated(name);
        restored.RestoreState(runtime.SaveState());
        var theta = WavyLandscape.Start;
        Lockstep(name, runtime, restored, theta, (double[])theta.Clone(), 20);
        var back = c.Runtime(N);
        back.RestoreState(restored.SaveState());
        Lockstep(name, back, restored, theta, (double[])theta.Clone(), 10);
        restored.Reset();
        Lockstep(name, c.Runtime(N), restored, WavyLandscape.Start, WavyLandscape.Start, 15);
    }

    [Fact]
    public void TheControlsAreExercised_NotVacuous()
    {
        var phases = new Dictionary<string, HashSet<NlrPhase>>();
        foreach (var c in Cases)
        {
            var o = Generated(c.Name);
            var theta = WavyLandscape.Start;
            var g = new double[N];
            var trials = new NoisyLandscape { LossStandardError = 0.05 };
            var seen = phases[c.Name] = new HashSet<NlrPhase>();
            for (int t = 0; t < 60; t++)
            {
                WavyLandscape.Gradient(theta, g);
                seen.Add(o.Step(theta, g, WavyLandscape.Loss(theta), trials).Phase);
            }
        }

        Assert.Contains(NlrPhase.Rejected, phases["RejectAdam"]);
        Assert.Contains(NlrPhase.Rejected, phases["RejectSgdFrozen"]);
        Assert.Contains(NlrPhase.Rejected, phases["RejectMomentumPeriodic"]);
        Assert.Contains(NlrPhase.Noise, phases["NoiseAdam"]);
        Assert.Contains(NlrPhase.Noise, phases["NoiseRmsPropFrozen"]);
        Assert.Contains(NlrPhase.Noise, phases["NoiseSgdStochasticFrozen"]);
        Assert.Contains(NlrPhase.Noise, phases["NoiseNesterovPlateau"]);
        Assert.Contains(NlrPhase.Negative, phases["ShotAwareLookahead"]);
        Assert.Contains(NlrPhase.Positive, phases["BacktrackingSgd"]);
        Assert.True(phases["BacktrackingMomentum"].Contains(NlrPhase.Rejected) || phases["BacktrackingAdam"].Contains(NlrPhase.Rejected));
    }

    [Fact]
    public void DeclaredInitializations_AreTheRuntimeStrategies()
    {
        var small = (IDeclaresInitialization)Generated("SmallAngle", 4);
        var gaussian = Assert.IsType<GaussianInitialization>(small.Initialization);
        Assert.Equal(GaussianInitialization.VarianceFor(8, 2), gaussian.Variance);
        Assert.Equal((8, 2), (gaussian.Layers, gaussian.Locality));
        var uniform = Assert.IsType<UniformInitialization>(((IDeclaresInitialization)Generated("UniformSgd", 4)).Initialization);
        Assert.Equal((-1.0, 1.0), (uniform.Low, uniform.High));
        var blocks = Assert.IsType<IdentityBlockInitialization>(((IDeclaresInitialization)Generated("IdentityNlr", 4)).Initialization);
        Assert.Equal(2, blocks.EqualBlocks);
        Assert.Equal(0.01, Assert.IsType<GaussianInitialization>(((IDeclaresInitialization)Generated("FixedVariance", 4)).Initialization).Variance);

        // The trainer draws a declared optimizer's start with its strategy.
        var circuit = new Circuit(2).HardwareEfficient(1);
        var trainer = new Trainer(circuit, PauliSum.Parse("Z0"), Generated("UniformSgd", circuit.WeightCount));
        Assert.All(trainer.InitialWeights(3), w => Assert.InRange(w, -1, 1));
    }

    [Fact]
    public void ArgumentErrors_ReadLikeTheRuntimes()
    {
        var runtime = Cases.Single(c => c.Name == "BacktrackingSgd").Runtime(N);
        var generated = Generated("BacktrackingSgd");
        var trials = new WavyLandscape(false);
        Assert.Equal(Assert.ThrowsAny<ArgumentException>(() => runtime.Step(new double[N], new double[N + 1], 1, trials)).Message,
            Assert.ThrowsAny<ArgumentException>(() => generated.Step(new double[N], new double[N + 1], 1, trials)).Message);
        Assert.Equal(Assert.ThrowsAny<ArgumentException>(() => runtime.Step(new double[N], new double[N], double.NaN, trials)).Message,
            Assert.ThrowsAny<ArgumentException>(() => generated.Step(new double[N], new double[N], double.NaN, trials)).Message);
        Assert.Equal(Assert.Throws<ArgumentNullException>(() => runtime.Step(new double[N], new double[N], 1, null)).Message,
            Assert.Throws<ArgumentNullException>(() => generated.Step(new double[N], new double[N], 1, null)).Message);
        Assert.Equal(Assert.ThrowsAny<ArgumentException>(() => runtime.Step(new double[N], new[] { double.NaN, 0, 0 }, 1, trials)).Message,
            Assert.ThrowsAny<ArgumentException>(() => generated.Step(new double[N], new[] { double.NaN, 0, 0 }, 1, trials)).Message);
    }
}
