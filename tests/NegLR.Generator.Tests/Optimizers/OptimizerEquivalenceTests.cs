using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// Generated optimizers against the runtime objects configured the same way, for every base optimizer × every schedule
/// kind × no NLR or each policy: the same parameters, phases, signed rates and trial points bit for bit at every step,
/// the same saved state bytes, and checkpoints that restore across the two.
/// </summary>
public class OptimizerEquivalenceTests
{
    private const int Steps = 60;
    private const int N = WavyLandscape.Parameters;
    private static readonly ConcurrentDictionary<string, Assembly> Compiled = new();

    public static TheoryData<string> Bases() => new(OptimizerCases.Bases);

    /// <summary>The matrix's cases for one base, compiled once per test run (each test shares the assembly).</summary>
    internal static (IReadOnlyList<OptimizerCase> Cases, Assembly Assembly) Matrix(string baseName)
    {
        var cases = OptimizerCases.ForBase(baseName);
        return (cases, Compiled.GetOrAdd(baseName, _ => GeneratorHarness.CompileAndLoad(OptimizerCases.Source(cases))));
    }

    internal static IOptimizer CreateGenerated(Assembly assembly, OptimizerCase c, int parameterCount = N) =>
        (IOptimizer)Activator.CreateInstance(assembly.GetType(OptimizerCases.Namespace + "." + c.TypeName, throwOnError: true)!, parameterCount)!;

    [Theory]
    [MemberData(nameof(Bases))]
    public void EveryStep_EqualsTheRuntimeObject_BitForBit(string baseName)
    {
        var (cases, assembly) = Matrix(baseName);
        var ascents = new Dictionary<NlrPolicy, int>();
        foreach (var c in cases)
        {
            var generated = CreateGenerated(assembly, c);
            var runtime = c.Runtime(N);
            Assert.Equal(runtime.Name, generated.Name);
            Assert.Equal(runtime.ParameterCount, generated.ParameterCount);
            Assert.Equal(runtime.MaxTrialEvaluationsPerStep, generated.MaxTrialEvaluationsPerStep);
            Assert.Equal(runtime is IGradientOptimizer, generated is IGradientOptimizer);
            Assert.Equal(runtime is IKeepsBest, generated is IKeepsBest);

            int negative = RunInLockstep(c, runtime, generated, WavyLandscape.Start, WavyLandscape.Start, Steps);
            Assert.True(runtime.SaveState().AsSpan().SequenceEqual(generated.SaveState()), $"{c}: saved state differs after {Steps} steps");
            if (c.Policy is { } policy)
            {
                ascents[policy] = ascents.GetValueOrDefault(policy) + negative;
                CompareKeepBest(c, (IKeepsBest)runtime, (IKeepsBest)generated);
                CompareNlrRates(c, (NegativeLearningRate)runtime, generated);
            }
            else
            {
                CompareGradientMethod(c, (IGradientOptimizer)runtime, (IGradientOptimizer)generated);
            }

            Assert.True(runtime.SaveState().AsSpan().SequenceEqual(generated.SaveState()), $"{c}: saved state differs after the rate and direction checks");
        }

        // Not vacuous: every policy took ascent steps somewhere in this base's cases.
        foreach (var policy in Enum.GetValues<NlrPolicy>())
        {
            Assert.True(ascents.GetValueOrDefault(policy) > 0, $"{baseName}: the {policy} cases never ascended; the landscape no longer exercises them");
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void Checkpoints_MoveBetweenRuntimeAndGenerated(string baseName)
    {
        var (cases, assembly) = Matrix(baseName);
        foreach (var c in cases)
        {
            // Runtime → generated: both continue identically from the runtime's state.
            var runtime = c.Runtime(N);
            var theta = WavyLandscape.Start;
            RunInLockstep(c, runtime, c.Runtime(N), theta, (double[])theta.Clone(), 25);
            Drive(runtime, theta, new WavyLandscape(false), 25);
            byte[] state = runtime.SaveState();
            var generated = CreateGenerated(assembly, c);
            Drive(generated, new[] { 3.0, -2.0, 1.0 }, new WavyLandscape(false), 7); // history the restore must erase
            generated.RestoreState(state);
            Assert.Equal(runtime.StepCount, generated.StepCount);
            RunInLockstep(c, runtime, generated, theta, (double[])theta.Clone(), 25);

            // Generated → runtime.
            var fromGenerated = c.Runtime(N);
            fromGenerated.RestoreState(generated.SaveState());
            RunInLockstep(c, fromGenerated, generated, theta, (double[])theta.Clone(), 15);

            // Reset forgets everything: a reset optimizer replays a fresh one.
            generated.Reset();
            RunInLockstep(c, c.Runtime(N), generated, WavyLandscape.Start, WavyLandscape.Start, 20);
        }
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public void ForeignOrResizedState_IsRejectedLikeTheRuntime(string baseName)
    {
        var (cases, assembly) = Matrix(baseName);
        foreach (var c in cases.Take(6))
        {
            var generated = CreateGenerated(assembly, c);
            byte[] otherSize = CreateGenerated(assembly, c, N + 1).SaveState();
            var expected = Assert.Throws<CheckpointException>(() => c.Runtime(N).RestoreState(otherSize));
            var actual = Assert.Throws<CheckpointException>(() => generated.RestoreState(otherSize));
            Assert.Equal(expected.Message, actual.Message);

            byte[] foreign = new GradientDescent(N).SaveState();
            if (c.Runtime(N).Name != "SGD")
            {
                expected = Assert.Throws<CheckpointException>(() => c.Runtime(N).RestoreState(foreign));
                actual = Assert.Throws<CheckpointException>(() => generated.RestoreState(foreign));
                Assert.Equal(expected.Message, actual.Message);
            }
        }
    }

    [Fact]
    public void ArgumentErrors_ReadLikeTheRuntimes()
    {
        var (cases, assembly) = Matrix("Adam");
        foreach (var c in new[] { cases[0], cases[1] })
        {
            var generated = CreateGenerated(assembly, c);
            var runtime = c.Runtime(N);
            var expected = Assert.ThrowsAny<ArgumentException>(() => runtime.Step(new double[N], new double[N + 1], 1.0, new WavyLandscape(false)));
            var actual = Assert.ThrowsAny<ArgumentException>(() => generated.Step(new double[N], new double[N + 1], 1.0, new WavyLandscape(false)));
            Assert.Equal(expected.Message, actual.Message);
            expected = Assert.ThrowsAny<ArgumentException>(() => runtime.Step(new double[N], new[] { 1.0, double.NaN, 0 }, 1.0, new WavyLandscape(false)));
            actual = Assert.ThrowsAny<ArgumentException>(() => generated.Step(new double[N], new[] { 1.0, double.NaN, 0 }, 1.0, new WavyLandscape(false)));
            Assert.Equal(expected.Message, actual.Message);
        }

        var lookahead = CreateGenerated(assembly, cases[1]);
        var missing = Assert.Throws<ArgumentNullException>(() => lookahead.Step(new double[N], new double[N], 1.0, null));
        Assert.Equal(
            Assert.Throws<ArgumentNullException>(() => cases[1].Runtime(N).Step(new double[N], new double[N], 1.0, null)).Message,
            missing.Message);
        var wrapped = Assert.Throws<TargetInvocationException>(() => CreateGenerated(assembly, cases[0], -1));
        Assert.IsType<ArgumentOutOfRangeException>(wrapped.InnerException);
    }

    [Fact]
    public void DefaultStruct_SaysItWasNotCreated()
    {
        var (cases, assembly) = Matrix("Sgd");
        var c = cases.First(x => x.IsStruct);
        var type = assembly.GetType(OptimizerCases.Namespace + "." + c.TypeName, throwOnError: true)!;
        var empty = (IOptimizer)Activator.CreateInstance(type)!;
        var e = Assert.Throws<InvalidOperationException>(() => empty.StepCount);
        Assert.Contains($"default({c.TypeName})", e.Message, StringComparison.Ordinal);
        Assert.Contains($"new {c.TypeName}(parameterCount)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StructCopies_ShareOneOptimizer()
    {
        var (cases, assembly) = Matrix("Momentum");
        var c = cases.First(x => x.IsStruct && x.Policy is null);
        var original = CreateGenerated(assembly, c);
        var theta = WavyLandscape.Start;
        var g = new double[N];
        WavyLandscape.Gradient(theta, g);
        CopyThenStep(original, theta, g);
        Assert.Equal(1, original.StepCount);
    }

    /// <summary>A generated optimizer drives the trainer exactly as the runtime object does (history, result, parameters).</summary>
    [Fact]
    public void Trainer_RunsGeneratedAndRuntimeOptimizersIdentically()
    {
        var (cases, assembly) = Matrix("Adam");
        foreach (var c in cases.Where(x => x.Policy is null or NlrPolicy.Lookahead or NlrPolicy.Stochastic).Take(6))
        {
            var circuit = new Circuit(2);
            circuit.RY(0, circuit.Weight()).RY(1, circuit.Weight()).CNOT(0, 1).RX(0, circuit.Weight()).RZ(1, circuit.Weight());
            var observable = PauliSum.Parse("Z0 Z1 + 0.5 X0");
            var options = new TrainerOptions { MaxSteps = 40 };
            double[] a = { 0.3, -0.8, 1.2, 0.4 }, b = (double[])a.Clone();
            var expected = new Trainer(circuit, observable, c.Runtime(4), options).Run(a);
            var actual = new Trainer(circuit, observable, CreateGenerated(assembly, c, 4), options).Run(b);
            Assert.True(a.AsSpan().SequenceEqual(b), $"{c}: trained parameters differ");
            Assert.Equal(expected.Steps, actual.Steps);
            Assert.Equal(expected.CircuitEvaluations, actual.CircuitEvaluations);
            Assert.Equal(expected.FinalLoss, actual.FinalLoss);
            for (int t = 0; t < expected.History.Count; t++)
            {
                Assert.Equal(expected.History[t].LearningRate, actual.History[t].LearningRate);
                Assert.Equal(expected.History[t].Phase, actual.History[t].Phase);
                Assert.Equal(expected.History[t].Loss, actual.History[t].Loss);
            }
        }
    }

    private static void CopyThenStep<T>(T optimizer, double[] theta, double[] gradient)
        where T : IOptimizer
    {
        var copy = optimizer;
        copy.Step(theta, gradient, WavyLandscape.Loss(theta), null);
    }

    /// <summary>Steps both optimizers from their own copies of the start; returns the number of ascent steps.</summary>
    internal static int RunInLockstep(OptimizerCase c, IOptimizer runtime, IOptimizer generated, double[] runtimeTheta, double[] generatedTheta, int steps)
    {
        var runtimeTrials = new WavyLandscape(true);
        var generatedTrials = new WavyLandscape(true);
        var g1 = new double[runtimeTheta.Length];
        var g2 = new double[generatedTheta.Length];
        int negative = 0;
        for (int t = 0; t < steps; t++)
        {
            WavyLandscape.Gradient(runtimeTheta, g1);
            WavyLandscape.Gradient(generatedTheta, g2);
            var expected = runtime.Step(runtimeTheta, g1, WavyLandscape.Loss(runtimeTheta), runtimeTrials);
            var actual = generated.Step(generatedTheta, g2, WavyLandscape.Loss(generatedTheta), generatedTrials);
            Assert.True(expected.Phase == actual.Phase && Same(expected.LearningRate, actual.LearningRate) && Same(expected.TrialLoss, actual.TrialLoss),
                $"{c}, step {t}: runtime {Describe(expected)}, generated {Describe(actual)}");
            Assert.True(runtimeTheta.AsSpan().SequenceEqual(generatedTheta),
                $"{c}, step {t}: parameters differ: [{string.Join(", ", runtimeTheta.Select(Bits))}] vs [{string.Join(", ", generatedTheta.Select(Bits))}]");
            negative += actual.Phase == NlrPhase.Negative ? 1 : 0;
        }

        Assert.Equal(runtime.StepCount, generated.StepCount);
        Assert.True(runtimeTrials.TrialLog.SequenceEqual(generatedTrials.TrialLog), $"{c}: trial points differ");
        return negative;
    }

    private static void Drive(IOptimizer optimizer, double[] theta, WavyLandscape trials, int steps)
    {
        var g = new double[theta.Length];
        for (int t = 0; t < steps; t++)
        {
            WavyLandscape.Gradient(theta, g);
            optimizer.Step(theta, g, WavyLandscape.Loss(theta), trials);
        }
    }

    /// <summary>A plain gradient method's other entry points: rates, the pure direction and the two-argument step.</summary>
    private static void CompareGradientMethod(OptimizerCase c, IGradientOptimizer runtime, IGradientOptimizer generated)
    {
        for (long t = 0; t < 100; t++)
        {
            Assert.True(Same(runtime.LearningRate(t), generated.LearningRate(t)), $"{c}: η_{t} differs");
            Assert.True(Same(runtime.Schedule.Rate(t), generated.Schedule.Rate(t)), $"{c}: Schedule.Rate({t}) differs");
        }

        Assert.Equal(runtime.Schedule.ToString(), generated.Schedule.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => generated.LearningRate(-1));

        var g = new double[N];
        WavyLandscape.Gradient(new[] { 0.1, 0.2, -0.3 }, g);
        double[] d1 = new double[N], d2 = new double[N];
        runtime.ComputeDirection(g, d1, advance: false);
        generated.ComputeDirection(g, d2, advance: false);
        Assert.True(d1.AsSpan().SequenceEqual(d2), $"{c}: pure direction differs");
        Assert.True(runtime.SaveState().AsSpan().SequenceEqual(generated.SaveState()), $"{c}: a pure direction changed the state");

        // The two-argument step and an advancing ComputeDirection, from fresh optimizers.
        var fresh = c.Runtime(N) as IGradientOptimizer;
        var freshGenerated = (IGradientOptimizer)Activator.CreateInstance(generated.GetType(), N)!;
        double[] a = WavyLandscape.Start, b = WavyLandscape.Start;
        for (int t = 0; t < 30; t++)
        {
            WavyLandscape.Gradient(a, g);
            if (t % 3 == 2)
            {
                fresh!.ComputeDirection(g, d1);
                freshGenerated.ComputeDirection(g, d2);
                Assert.True(d1.AsSpan().SequenceEqual(d2), $"{c}: advancing direction differs at {t}");
                continue;
            }

            fresh!.Step(a, g);
            freshGenerated.Step(b, g);
            Assert.True(a.AsSpan().SequenceEqual(b), $"{c}: two-argument step {t} differs");
        }

        Assert.True(fresh!.SaveState().AsSpan().SequenceEqual(freshGenerated.SaveState()), $"{c}: state after two-argument steps differs");
    }

    private static void CompareKeepBest(OptimizerCase c, IKeepsBest runtime, IKeepsBest generated)
    {
        Assert.Equal(runtime.KeepsBest, generated.KeepsBest);
        Assert.True(Same(runtime.BestLoss, generated.BestLoss), $"{c}: best loss differs");
        double[] a = new double[N], b = new double[N];
        Assert.Equal(runtime.TryCopyBest(a), generated.TryCopyBest(b));
        Assert.True(a.AsSpan().SequenceEqual(b), $"{c}: best parameters differ");
    }

    private static void CompareNlrRates(OptimizerCase c, NegativeLearningRate runtime, IOptimizer generated)
    {
        var type = generated.GetType();
        var positive = type.GetMethod("PositiveRate")!;
        var negative = type.GetMethod("NegativeRate")!;
        for (long t = 0; t < 100; t++)
        {
            Assert.True(Same(runtime.PositiveRate(t), (double)positive.Invoke(generated, new object[] { t })!), $"{c}: η⁺_{t} differs");
            Assert.True(Same(runtime.NegativeRate(t), (double)negative.Invoke(generated, new object[] { t })!), $"{c}: η⁻_{t} differs");
        }

        Assert.Equal(runtime.LastPhase, (NlrPhase?)type.GetProperty("LastPhase")!.GetValue(generated));
        Assert.Equal(runtime.ConsecutiveAscents, (int)type.GetProperty("ConsecutiveAscents")!.GetValue(generated)!);
        Assert.Equal(runtime.HasBest, (bool)type.GetProperty("HasBest")!.GetValue(generated)!);
    }

    private static bool Same(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);

    private static string Bits(double v) => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(OptimizerStep s) => $"({s.Phase}, {Bits(s.LearningRate)}, {Bits(s.TrialLoss)})";
}
