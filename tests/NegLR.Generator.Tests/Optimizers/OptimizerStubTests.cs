using System;
using System.Linq;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// Invalid declarations never crash the generator: each gets a stub that compiles, and whose constructor and members
/// throw an exception naming the problem.
/// </summary>
public class OptimizerStubTests
{
    public static TheoryData<string, string> InvalidDeclarations() => new()
    {
        { "[Adam(LearningRate = 0)]", "[Adam] LearningRate = 0: the learning rate η must be a positive finite number" },
        { "[Sgd(LearningRate = -1)]", "[Sgd] LearningRate = -1: the learning rate η must be a positive finite number" },
        { "[Adam(LearningRate = double.PositiveInfinity)]", "[Adam] LearningRate = Infinity" },
        { "[Adam] [NegativeLearningRate(NegativeRate = -0.1)]", "[NegativeLearningRate] NegativeRate = -0.1: the ascent rate η⁻ must be a positive finite number" },
        { "[Adam] [NegativeLearningRate(NegativeRatio = 0)]", "[NegativeLearningRate] NegativeRatio = 0" },
        { "[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 2, NegativeSteps = 3, MaxAscentSteps = 3, Cooldown = 0)]",
            "NegativeSteps = 3: under Periodic the negative phase must not be longer than the positive one (PositiveSteps = 2)" },
        { "[Sgd] [NegativeLearningRate(MaxAscentSteps = 0)]", "MaxAscentSteps = 0 would leave ascent runs unbounded" },
        { "[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Stochastic, Probability = 1, MaxAscentSteps = int.MaxValue)]",
            "MaxAscentSteps = 2147483647 means no cap, so a run of ascent steps could go on forever" },
        { "[Adam] [LinearWarmup(WarmupSteps = 50, TotalSteps = 40)]", "WarmupSteps = 50: the warm-up is not shorter than the declared run (TotalSteps = 40)" },
        { "[Adam] [Sgd]", "declares two base optimizers, [Adam] and [Sgd]" },
        { "[NegativeLearningRate(Policy = NlrPolicy.Reactive)]", "[NegativeLearningRate] on Stubbed has no base optimizer to wrap" },
        { "[CosineSchedule(TotalSteps = 10)]", "[CosineSchedule] on Stubbed schedules the learning rate of a base optimizer, but Stubbed declares none" },
        { "[LinearWarmup(WarmupSteps = 3)] [NegativeLearningRate]", "has no base optimizer to wrap" },
        { "[Adam] [StepSchedule(StepSize = 3)] [ExponentialSchedule(Gamma = 0.9)]", "declares two schedules, [StepSchedule] and [ExponentialSchedule]" },
        { "[Adam] [StepSchedule]", "[StepSchedule] needs StepSize" },
        { "[Adam] [ExponentialSchedule]", "[ExponentialSchedule] needs Gamma" },
        { "[Adam] [ExponentialSchedule(Gamma = 1.5)]", "Gamma = 1.5: the factor per step γ must lie in (0, 1]" },
        { "[Adam(LearningRate = 0.05)] [CosineSchedule(TotalSteps = 10, MinimumRate = 0.1)]", "MinimumRate = 0.1: η_min must lie in [0, LearningRate] = [0, 0.05]" },
        { "[Adam] [CosineSchedule(TotalSteps = 0)]", "TotalSteps = 0" },
        { "[Adam] [NegativeLearningRate(NegativeRate = 0.1, NegativeRatio = 0.5)]", "NegativeRatio is set together with NegativeRate; keep one" },
        { "[Adam] [NegativeLearningRate(Window = 5)]", "Window applies to the Plateau policy only, but Policy is Lookahead" },
        { "[Adam] [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 2, Cooldown = 3)]", "Cooldown = 3 exceeds PositiveSteps = 2" },
        { "[Adam] [NegativeLearningRate(Policy = NlrPolicy.Periodic, NegativeSteps = 2)]", "NegativeSteps = 2 exceeds MaxAscentSteps = 1" },
        { "[Adam] [NegativeLearningRate(Policy = NlrPolicy.Periodic, PhaseLength = 2, MaxAscentSteps = 2)]", "PhaseLength is not used by the Periodic policy" },
        { "[Adam(Beta1 = 1)]", "Beta1 = 1: β₁ must lie in [0, 1)" },
        { "[Adam(Epsilon = 0)]", "Epsilon = 0: ε must be a positive finite number" },
        { "[Momentum(Momentum = -0.1)]", "Momentum = -0.1: the momentum μ must lie in [0, 1)" },
        { "[RmsProp(Alpha = 1)]", "Alpha = 1: the decay α must lie in [0, 1)" },
        { "[Adagrad(Epsilon = -1e-10)]", "Epsilon = -1E-10" },
        { "[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Plateau, Decay = 1)]", "Decay = 1: the EMA decay β must lie in [0, 1)" },
        { "[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Plateau, Threshold = 0, Window = 0)]", "Threshold = 0" },
        { "[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Stochastic, Probability = 1.5)]", "Probability = 1.5: p must lie in [0, 1]" },
        { "[Sgd] [NegativeLearningRate(PhaseLength = 0)]", "PhaseLength = 0: the phase length K must be at least 1" },
        { "[Sgd] [NegativeLearningRate(Cooldown = -1)]", "Cooldown = -1: the cooldown C must be 0 or more" },
        { "[Sgd] [NegativeLearningRate(Tolerance = -1)]", "Tolerance = -1" },
        { "[Sgd] [NegativeLearningRate(Policy = (NlrPolicy)9)]", "Policy = 9 is not an NlrPolicy" },
    };

    [Theory]
    [MemberData(nameof(InvalidDeclarations))]
    public void InvalidDeclaration_GetsAStubThatThrowsTheProblem(string attributes, string expected)
    {
        foreach (string keyword in new[] { "class", "struct" })
        {
            var assembly = GeneratorHarness.CompileAndLoad($"using NegLR;\n\nnamespace Broken;\n\n{attributes}\npublic partial {keyword} Stubbed;\n");
            var type = assembly.GetType("Broken.Stubbed", throwOnError: true)!;
            var wrapped = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(type, 3));
            var e = Assert.IsType<InvalidOperationException>(wrapped.InnerException);
            Assert.StartsWith("NegLR could not compile the optimizer Stubbed: ", e.Message, StringComparison.Ordinal);
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
            Assert.True(typeof(IGradientOptimizer).IsAssignableFrom(type) && typeof(IKeepsBest).IsAssignableFrom(type),
                "a stub implements every interface a valid declaration could, so code using it still compiles");
            if (keyword == "struct")
            {
                // Members throw the same message (reachable on default(T)).
                var empty = (IOptimizer)Activator.CreateInstance(type)!;
                Assert.Equal(e.Message, Assert.Throws<InvalidOperationException>(() => empty.Name).Message);
            }
        }
    }

    [Fact]
    public void StaticClass_GetsAStaticStub()
    {
        var assembly = GeneratorHarness.CompileAndLoad("using NegLR;\n[Adam] public static partial class Holder;\n");
        var create = assembly.GetType("Holder", throwOnError: true)!.GetMethod("Create")!;
        var e = Assert.IsType<InvalidOperationException>(Assert.Throws<TargetInvocationException>(() => create.Invoke(null, new object[] { 2 })).InnerException);
        Assert.Contains("Holder is a static class", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefStruct_GetsAStubWithoutTheInterfaces()
    {
        // Compiles (reflection cannot construct a ref struct, so the message is checked in the text).
        const string Source = "using NegLR;\n[Sgd] public ref partial struct Spanned;\n";
        var type = GeneratorHarness.CompileAndLoad(Source).GetType("Spanned", throwOnError: true)!;
        Assert.False(typeof(IOptimizer).IsAssignableFrom(type));
        Assert.NotNull(type.GetConstructor(new[] { typeof(int) }));
        Assert.Contains("Spanned is a ref struct, which the trainer cannot hold as an IOptimizer",
            OptimizerHarness.Generate(Source, "Spanned.Optimizer.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void NonPartialType_NeverCrashesTheGenerator()
    {
        // The compiler rejects the generated partial next to a non-partial declaration; the generator itself must not fail.
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create("using NegLR;\nnamespace Broken;\n[Adam] public class Whole;\n"));
        OptimizerHarness.AssertGeneratorRanCleanly(result);
        Assert.Contains("Whole (and every type containing it) must be declared partial",
            GeneratorHarness.Generated(result, "Broken.Whole.Optimizer.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateAttributesAcrossPartialDeclarations_OneFileNoCrash()
    {
        // [Adam] twice is a compile error (CS0579); the generator must still run and write exactly one file.
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(
            "using NegLR;\n[Adam] [NegativeLearningRate] public partial class Twice;\n",
            "using NegLR;\n[Adam(LearningRate = 0.5)] [Sgd] [NegativeLearningRate] public partial class Twice;\n"));
        OptimizerHarness.AssertGeneratorRanCleanly(result);
        var file = Assert.Single(result.Results.Single().GeneratedSources, s => s.HintName.StartsWith("Twice.", StringComparison.Ordinal));
        Assert.Contains("[Adam] is declared more than once on Twice", file.SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentThatIsNotAConstant_BecomesAProblemNotACrash()
    {
        // A type error leaves the argument without a value; the declaration still gets a stub.
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create("using NegLR;\n[Adam(LearningRate = \"fast\")] public partial class Typo;\n"));
        OptimizerHarness.AssertGeneratorRanCleanly(result);
        Assert.Contains("LearningRate must be a constant number", GeneratorHarness.Generated(result, "Typo.Optimizer.g.cs"), StringComparison.Ordinal);
    }
}
