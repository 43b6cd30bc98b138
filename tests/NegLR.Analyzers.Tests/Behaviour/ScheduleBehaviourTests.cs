extern alias analyzers;

using System.Threading;
using System.Threading.Tasks;
using analyzers::NegLR.Analyzers;
using analyzers::NegLR.Analyzers.Schedules;
using Microsoft.CodeAnalysis.Testing;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>
/// NLR05xx beyond the single rules: valid declarations stay silent, every problem is reported with the generator's
/// message, suppression works, and malformed attributes never make the analyzer throw.
/// </summary>
public sealed class ScheduleBehaviourTests
{
    private static Task Verify(string source, params DiagnosticResult[] expected) => Verify<OptimizerScheduleAnalyzer>.Analyzer(source, expected);

    [Fact]
    public Task ValidDeclarations_NoDiagnostics() => Verify("""
        using NegLR;

        // The canonical schedule declaration (the Iris sample's optimizer).
        [Adam(LearningRate = 0.05)]
        [NegativeLearningRate(Policy = NlrPolicy.Lookahead, NegativeRate = 0.02, MaxAscentSteps = 3)]
        public partial struct IrisOptimizer;

        [Sgd]
        public partial class Plain;

        [RmsProp(LearningRate = 0.01, Alpha = 0.9)]
        [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 8, NegativeSteps = 2, MaxAscentSteps = 2, Cooldown = 1, KeepBest = true)]
        [StepSchedule(StepSize = 30, Gamma = 0.5)]
        public sealed partial record class Cycler;

        [Adam(AmsGrad = true)]
        [LinearWarmup(WarmupSteps = 10, TotalSteps = 200, StartFactor = 0.1)]
        [CosineSchedule(TotalSteps = 200, MinimumRate = 0.001)]
        public partial record struct WarmCosine;

        [Nesterov(Momentum = 0.8)]
        [NegativeLearningRate(Policy = NlrPolicy.Stochastic, Probability = 0.2, Seed = 42, NegativeRatio = 0.5)]
        [ExponentialSchedule(Gamma = 0.99)]
        internal partial class Noisy;

        public static partial class Outer
        {
            [Adagrad(Epsilon = 1e-9)]
            [NegativeLearningRate(Policy = NlrPolicy.Plateau, Threshold = 1e-4, Window = 5, Decay = 0.8)]
            private partial class Inner<T>;
        }
        """);

    [Fact]
    public Task EveryProblem_IsReported_NotJustTheFirst() => Verify("""
        using NegLR;

        [Adam({|NLR0505:LearningRate = -1|}, {|NLR0511:Beta2 = 2|})]
        [NegativeLearningRate({|NLR0507:MaxAscentSteps = 0|}, {|NLR0509:Cooldown = -1|})]
        public partial class Broken;
        """);

    [Fact]
    public Task Message_IsTheGeneratorsOwn() => Verify("""
        using NegLR;

        public partial class Outer
        {
            [Sgd]
            [LinearWarmup({|#0:WarmupSteps = 50|}, TotalSteps = 40)]
            public partial class SlowStart<T>;
        }
        """,
        new DiagnosticResult(DiagnosticDescriptors.WarmupTooLong).WithLocation(0).WithMessage(
            "[LinearWarmup] WarmupSteps = 50: the warm-up is not shorter than the declared run (TotalSteps = 40), so the learning rate 0.01 " +
            "would never be reached; shorten the warm-up or lengthen the run"));

    [Fact]
    public Task TypeProblem_NamesTheNestedGenericTypeAsWritten() => Verify("""
        using NegLR;

        public class Outer<T>
        {
            [{|#0:Adam|}]
            public partial class Inner<U>;
        }
        """,
        new DiagnosticResult(DiagnosticDescriptors.OptimizerNotPartial).WithLocation(0).WithMessage(
            "Outer<T>.Inner<U> (and every type containing it) must be declared partial, so the generator can add the optimizer's members"));

    [Fact]
    public Task PartialTypeSplitOverTwoFiles_EachProblemInItsOwnFile()
    {
        var test = new Infrastructure.AnalyzerTest<OptimizerScheduleAnalyzer>("""
            using NegLR;

            [Adam(LearningRate = 0.05)]
            public partial class Split;
            """);
        test.TestState.Sources.Add(("Second.cs", """
            using NegLR;

            [NegativeLearningRate({|NLR0507:MaxAscentSteps = 0|})]
            public partial class Split;
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task PragmaWarningDisable_SuppressesAtTheArgument() => Verify("""
        using NegLR;

        [Sgd]
        #pragma warning disable NLR0507 // an experiment that lets NLR climb as long as its policy says
        [NegativeLearningRate(Policy = NlrPolicy.Reactive, MaxAscentSteps = int.MaxValue)]
        #pragma warning restore NLR0507
        public partial class Climber;
        """);

    [Fact]
    public Task WithoutPragma_TheSameArgumentIsReported() => Verify("""
        using NegLR;

        [Sgd]
        [NegativeLearningRate(Policy = NlrPolicy.Reactive, {|NLR0507:MaxAscentSteps = int.MaxValue|})]
        public partial class Climber;
        """);

    [Fact]
    public Task EditorConfigSeverityNone_Suppresses() => Verify<OptimizerScheduleAnalyzer>.Analyzer("""
        using NegLR;

        [Adam(LearningRate = 0)]
        public partial class Frozen;
        """, "dotnet_diagnostic.NLR0505.severity = none");

    [Fact]
    public async Task GeneratedCode_IsNeverAnalysed()
    {
        var test = new Infrastructure.AnalyzerTest<OptimizerScheduleAnalyzer>("// nothing here");
        test.TestState.Sources.Add(("Generated.g.cs", "// <auto-generated/>\nusing NegLR;\n[Adam(LearningRate = 0)]\npublic partial class Frozen;\n"));
        await test.RunAsync(CancellationToken.None);
    }

    /// <summary>
    /// Arguments the compiler rejects leave the analyzer silent (the compiler's error says it) and never make it throw;
    /// the rest of the declaration is still checked.
    /// </summary>
    [Theory]
    [InlineData("[Adam(LearningRate = {|CS0029:\"fast\"|})]")]
    [InlineData("[Adam({|CS0246:Speed|} = 1)]")]
    [InlineData("[{|CS1729:Adam(0.1)|}]")]
    [InlineData("[{|CS0246:{|CS0246:Adamm|}|}]")]
    [InlineData("[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Stochastic, Seed = {|CS0031:{|CS0182:-1|}|})]")]
    [InlineData("[Sgd] [NegativeLearningRate(KeepBest = {|CS0029:1|}, {|NLR0507:MaxAscentSteps = 0|})]")]
    [InlineData("[Sgd(LearningRate = {|CS0182:System.Math.Sqrt(2)|})]")]
    public Task MalformedAttribute_OnlyTheCompilersErrors(string attributes) =>
        Verify($"using NegLR;\n\n{attributes}\npublic partial class Declared;\n");

    [Fact]
    public Task OnAnInterfaceOrEnum_OnlyTheCompilersError() => Verify("""
        using NegLR;

        [{|CS0592:Adam|}]
        public partial interface IDeclared;

        [{|CS0592:Sgd|}]
        public enum Declared { A }
        """);

    [Fact]
    public Task TypeWithAnsatzAndOptimizer_OnlyTheOptimizerRulesApply() => Verify("""
        using NegLR;

        [Ansatz(Qubits = 1)]
        [Observable("Z0")]
        [Adam({|NLR0505:LearningRate = 0|})]
        public partial struct Both
        {
            [Circuit]
            static void Build(Circuit c) => c.RY(0, c.Weight());
        }
        """);
}
