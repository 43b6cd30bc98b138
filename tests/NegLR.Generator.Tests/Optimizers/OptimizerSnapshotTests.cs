using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// Generated optimizers, pinned: one scenario per test, each also re-run on a cloned compilation to check every pipeline
/// step is cached. Review snapshot diffs like code.
/// </summary>
public class OptimizerSnapshotTests
{
    private static void Verify(string source, string hintName, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var compilation = TestCompilation.Create(source);
        var (_, result, _) = GeneratorHarness.Run(compilation);
        OptimizerHarness.AssertGeneratorRanCleanly(result);
        Snapshot.Match(GeneratorHarness.Generated(result, hintName), hintName, nameof(OptimizerSnapshotTests), test);
        OptimizerHarness.AssertCached(compilation);
        GeneratorHarness.CompileAndLoad(source); // the pinned text also compiles cleanly
    }

    [Fact]
    public void DesignExample_StructHandleWithLookaheadInlined() => Verify("""
        using NegLR;

        namespace Samples;

        [Adam(LearningRate = 0.05)]
        [NegativeLearningRate(Policy = NlrPolicy.Lookahead, NegativeRate = 0.02, MaxAscentSteps = 3)]
        public partial struct IrisOptimizer;
        """, "Samples.IrisOptimizer.Optimizer.g.cs");

    [Fact]
    public void PlainSgdClass_ImplementsIGradientOptimizerWithConstantRate() => Verify("""
        using NegLR;

        namespace Samples;

        [Sgd(LearningRate = 0.1)]
        public partial class Descent;
        """, "Samples.Descent.Optimizer.g.cs");

    [Fact]
    public void AmsGradWithWarmupThenCosine_FoldsTheWarmupTarget() => Verify("""
        using NegLR;

        namespace Samples;

        [Adam(LearningRate = 0.02, Beta2 = 0.99, AmsGrad = true)]
        [LinearWarmup(WarmupSteps = 10, TotalSteps = 200)]
        [CosineSchedule(TotalSteps = 190, MinimumRate = 0.001)]
        internal sealed partial class WarmCosine;
        """, "Samples.WarmCosine.Optimizer.g.cs");

    [Fact]
    public void PeriodicRmsPropWithStepDecay_FrozenBaseAndKeepBest() => Verify("""
        using NegLR;

        public static partial class Outer
        {
            [RmsProp(LearningRate = 0.01, Alpha = 0.9)]
            [StepSchedule(StepSize = 25, Gamma = 0.5)]
            [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 6, NegativeSteps = 2, MaxAscentSteps = 2, Cooldown = 1,
                NegativeRatio = 0.5, UpdateBaseStateDuringAscent = false, KeepBest = true)]
            internal partial class Cycler;
        }
        """, "Outer.Cycler.Optimizer.g.cs");

    [Fact]
    public void InvalidDeclaration_EmitsStubThatThrows() => Verify("""
        using NegLR;

        namespace Broken;

        [Momentum(LearningRate = -0.5)]
        [NegativeLearningRate(MaxAscentSteps = 0)]
        public partial struct Runaway;
        """, "Broken.Runaway.Optimizer.g.cs");

    [Fact]
    public void NoiseControl_ShotAwareLookahead_WithGaussianStart() => Verify("""
        using NegLR;

        namespace Study;

        [Adam(LearningRate = 0.05)]
        [NegativeLearningRate(Response = NlrResponse.Noise, NoiseSeed = 7, ToleranceStandardErrors = 1)]
        [GaussianInitialization(Layers = 8, Locality = 2)]
        public partial struct DiffusionControl;
        """, "Study.DiffusionControl.Optimizer.g.cs");

    [Fact]
    public void BacktrackingSgd_WithUniformStart() => Verify("""
        using NegLR;

        namespace Study;

        [Sgd(LearningRate = 0.5)]
        [Backtracking(SufficientDecrease = 0.001, MaxHalvings = 3)]
        [UniformInitialization(Low = -3.141592653589793, High = 3.141592653589793)]
        public partial class LineSearch;
        """, "Study.LineSearch.Optimizer.g.cs");
}
