extern alias analyzers;

using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Schedules;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Rules;

/// <summary>
/// NLR05xx, each at its exact span: the attribute argument at fault, else the attribute's name (a problem of the attribute
/// as a whole, or a required argument that was not written).
/// </summary>
public sealed class ScheduleRuleTests
{
    private static Task Verify(string source) => Verify<OptimizerScheduleAnalyzer>.Analyzer(source);

    /// <summary>A declaration on <c>public partial class Declared</c>, attributes in markup.</summary>
    private static Task VerifyOn(string attributes) => Verify($"using NegLR;\n\n{attributes}\npublic partial class Declared;\n");

    [Fact]
    public Task NLR0501_TypeNotPartial_AtTheOwningAttribute() => Verify("""
        using NegLR;

        [{|NLR0501:Adam|}(LearningRate = 0.05)]
        [NegativeLearningRate]
        public class IrisOptimizer;
        """);

    [Fact]
    public Task NLR0501_ContainingTypeNotPartial_AtTheOwningAttribute() => Verify("""
        using NegLR;

        public class Outer
        {
            [NegativeLearningRate(MaxAscentSteps = 2)]
            [{|NLR0501:Sgd|}]
            public partial class Inner;
        }
        """);

    [Fact]
    public Task NLR0502_StaticClass_AtTheOwningAttribute() => Verify("""
        using NegLR;

        [{|NLR0502:Sgd|}(LearningRate = 0.1)]
        public static partial class Descent;
        """);

    [Fact]
    public Task NLR0502_RefStruct_AtTheOwningAttribute() => Verify("""
        using NegLR;

        [{|NLR0502:Adam|}]
        public ref partial struct OnTheStack;
        """);

    [Theory]
    [InlineData("[Adam] [{|NLR0503:RmsProp|}]")]
    [InlineData("[Sgd(LearningRate = 0.1)] [NegativeLearningRate] [{|NLR0503:Momentum|}(Momentum = 0.5)]")]
    [InlineData("[Adam] [StepSchedule(StepSize = 3)] [{|NLR0503:CosineSchedule|}(TotalSteps = 5)]")]
    public Task NLR0503_TwoBaseOptimizersOrSchedules_AtTheSecond(string attributes) => VerifyOn(attributes);

    [Fact]
    public Task NLR0503_AttributeTwice_AtTheSecond_BesideTheCompilersError() =>
        VerifyOn("[Adam] [NegativeLearningRate] [{|NLR0503:{|CS0579:NegativeLearningRate|}|}(Policy = NlrPolicy.Reactive)]");

    [Theory]
    [InlineData("[{|NLR0504:NegativeLearningRate|}(Policy = NlrPolicy.Reactive)]")]
    [InlineData("[{|NLR0504:CosineSchedule|}(TotalSteps = 10)]")]
    [InlineData("[{|NLR0504:LinearWarmup|}(WarmupSteps = 3)] [{|NLR0504:NegativeLearningRate|}]")]
    public Task NLR0504_NoBaseOptimizer_AtEachAttributeThatNeedsOne(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam({|NLR0505:LearningRate = 0|})]")]
    [InlineData("[Sgd({|NLR0505:LearningRate = -1|})]")]
    [InlineData("[Momentum(Momentum = 0.5, {|NLR0505:LearningRate = double.PositiveInfinity|})]")]
    [InlineData("[Nesterov({|NLR0505:LearningRate = double.NaN|})]")]
    [InlineData("[Adam] [NegativeLearningRate({|NLR0505:NegativeRate = -0.1|})]")]
    [InlineData("[Adagrad] [NegativeLearningRate({|NLR0505:NegativeRatio = 0|})]")]
    [InlineData("[Adam(LearningRate = 0.05)] [CosineSchedule(TotalSteps = 10, {|NLR0505:MinimumRate = 0.1|})]")]
    public Task NLR0505_RateNotPositive_AtTheArgument(string attributes) => VerifyOn(attributes);

    [Fact]
    public Task NLR0506_PeriodicNegativePhaseLonger_AtNegativeSteps() => VerifyOn(
        "[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 2, {|NLR0506:NegativeSteps = 3|}, MaxAscentSteps = 3, Cooldown = 0)]");

    [Theory]
    [InlineData("[Sgd] [NegativeLearningRate({|NLR0507:MaxAscentSteps = 0|})]")]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Reactive, {|NLR0507:MaxAscentSteps = -3|})]")]
    [InlineData("[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Stochastic, Probability = 1, {|NLR0507:MaxAscentSteps = int.MaxValue|})]")]
    public Task NLR0507_UnboundedAscent_AtMaxAscentSteps(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam] [LinearWarmup({|NLR0508:WarmupSteps = 50|}, TotalSteps = 40)]")]
    [InlineData("[Adam] [CosineSchedule(TotalSteps = 100)] [LinearWarmup(TotalSteps = 9, {|NLR0508:WarmupSteps = 9|})]")]
    public Task NLR0508_WarmupNotShorterThanTheRun_AtWarmupSteps(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam] [{|NLR0509:StepSchedule|}]")]
    [InlineData("[Adam] [{|NLR0509:CosineSchedule|}(MinimumRate = 0)]")]
    [InlineData("[Adam] [CosineSchedule({|NLR0509:TotalSteps = 0|})]")]
    [InlineData("[Adam] [{|NLR0509:LinearWarmup|}(StartFactor = 0.5)]")]
    [InlineData("[Adam] [LinearWarmup(WarmupSteps = 2, {|NLR0509:TotalSteps = -4|})]")]
    [InlineData("[Sgd] [NegativeLearningRate({|NLR0509:PhaseLength = 0|})]")]
    [InlineData("[Sgd] [NegativeLearningRate({|NLR0509:Cooldown = -1|})]")]
    [InlineData("[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Plateau, {|NLR0509:Window = 0|})]")]
    public Task NLR0509_StepCountMissingOrBelowItsMinimum(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Periodic, {|NLR0510:NegativeSteps = 2|})]")]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 2, {|NLR0510:Cooldown = 3|})]")]
    // The default cooldown (3) is longer than PositiveSteps = 2: nothing to point at but the attribute.
    [InlineData("[Adam] [{|NLR0510:NegativeLearningRate|}(Policy = NlrPolicy.Periodic, PositiveSteps = 2)]")]
    public Task NLR0510_PeriodicPhaseCutByCapOrCooldown(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam({|NLR0511:Beta1 = 1|})]")]
    [InlineData("[Adam({|NLR0511:Epsilon = 0|})]")]
    [InlineData("[Momentum({|NLR0511:Momentum = -0.1|})]")]
    [InlineData("[RmsProp({|NLR0511:Alpha = 1|})]")]
    [InlineData("[Adam] [ExponentialSchedule({|NLR0511:Gamma = 1.5|})]")]
    [InlineData("[Adam] [{|NLR0511:ExponentialSchedule|}]")]
    [InlineData("[Adam] [LinearWarmup(WarmupSteps = 5, {|NLR0511:StartFactor = 0|})]")]
    [InlineData("[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Plateau, {|NLR0511:Decay = 1|})]")]
    [InlineData("[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Plateau, {|NLR0511:Threshold = 0|})]")]
    [InlineData("[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Stochastic, {|NLR0511:Probability = 1.5|})]")]
    [InlineData("[Sgd] [NegativeLearningRate({|NLR0511:Tolerance = -1|})]")]
    [InlineData("[Sgd] [NegativeLearningRate({|NLR0511:Policy = (NlrPolicy)9|})]")]
    public Task NLR0511_HyperparameterOutOfRange(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam] [NegativeLearningRate({|NLR0512:Window = 5|})]")]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Reactive, {|NLR0512:Seed = 4|})]")]
    [InlineData("[Adam] [NegativeLearningRate(NegativeRate = 0.1, {|NLR0512:NegativeRatio = 0.5|})]")]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Periodic, {|NLR0512:PhaseLength = 2|}, MaxAscentSteps = 2)]")]
    public Task NLR0512_ArgumentThatDoesNotApply(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam] [NegativeLearningRate({|NLR0512:NoiseSeed = 4|})]")]
    [InlineData("[Adam] [NegativeLearningRate(Response = NlrResponse.Reject, {|NLR0512:NoiseSeed = 4|})]")]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Reactive, {|NLR0512:ToleranceStandardErrors = 1|})]")]
    public Task NLR0512_ControlArgumentThatDoesNotApply(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam] [NegativeLearningRate({|NLR0511:ToleranceStandardErrors = -1|})]")]
    [InlineData("[Adam] [NegativeLearningRate({|NLR0511:Response = (NlrResponse)5|})]")]
    [InlineData("[Sgd] [Backtracking({|NLR0511:SufficientDecrease = 1|})]")]
    [InlineData("[Sgd] [Backtracking({|NLR0511:ToleranceStandardErrors = double.NaN|})]")]
    [InlineData("[Sgd] [Backtracking({|NLR0509:MaxHalvings = 61|})]")]
    public Task ControlValuesOutOfRange(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[{|NLR0504:Backtracking|}]")]
    [InlineData("[{|NLR0504:GaussianInitialization|}(Layers = 4, Locality = 1)]")]
    public Task NLR0504_ControlOrInitializationWithoutAnOptimizer(string attributes) => VerifyOn(attributes);

    [Theory]
    [InlineData("[Adam] [GaussianInitialization({|NLR0513:Variance = 0.01|}, Layers = 8, Locality = 2)]")]
    [InlineData("[Adam] [{|NLR0513:GaussianInitialization|}]")]
    [InlineData("[Adam] [GaussianInitialization({|NLR0513:Variance = -1|})]")]
    [InlineData("[Adam] [GaussianInitialization({|NLR0513:Layers = 0|}, Locality = 2)]")]
    [InlineData("[Sgd] [UniformInitialization(Low = 1, {|NLR0513:High = 1|})]")]
    [InlineData("[Sgd] [IdentityBlockInitialization({|NLR0513:Blocks = 0|})]")]
    [InlineData("[Sgd] [UniformInitialization] [{|NLR0513:GaussianInitialization|}(Variance = 0.1)]")]
    public Task NLR0513_InitializationOutOfRangeOrContradictory(string attributes) => VerifyOn(attributes);

    [Fact]
    public Task NLR0514_BacktrackingWithNlr_AtBacktracking() =>
        VerifyOn("[Sgd(LearningRate = 0.1)] [NegativeLearningRate] [{|NLR0514:Backtracking|}]");

    [Fact]
    public Task ValidControlsAndInitializations_AreQuiet() => VerifyOn(
        "[Adam(LearningRate = 0.05)] [NegativeLearningRate(Response = NlrResponse.Noise, NoiseSeed = 3, ToleranceStandardErrors = 1)] [GaussianInitialization(Layers = 6, Locality = 1)]");
}
