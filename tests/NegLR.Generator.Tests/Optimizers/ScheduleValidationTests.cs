extern alias generator;

using System.Linq;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Tests.Infrastructure;
using OptimizerAttributeReader = generator::NegLR.Generator.Optimizers.OptimizerAttributeReader;
using ScheduleValidation = generator::NegLR.Generator.Optimizers.ScheduleValidation;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// The shared validation, called the way the analyzers will call it: each problem names the attribute and the argument
/// it belongs to (null for the attribute as a whole), so a diagnostic can sit on the right syntax.
/// </summary>
public class ScheduleValidationTests
{
    private static System.Collections.Immutable.ImmutableArray<generator::NegLR.Generator.Optimizers.ScheduleProblem> Validate(
        string attributes, out generator::NegLR.Generator.Optimizers.Model.OptimizerSettings? settings)
    {
        var compilation = TestCompilation.Create($"using NegLR;\n{attributes}\npublic partial class Declared;\n");
        var type = compilation.GetTypeByMetadataName("Declared")!;
        return ScheduleValidation.Validate("Declared", OptimizerAttributeReader.Read(type), out settings);
    }

    [Theory]
    [InlineData("[Adam(LearningRate = 0)]", "Adam", "LearningRate")]
    [InlineData("[Adam] [NegativeLearningRate(MaxAscentSteps = 0)]", "NegativeLearningRate", "MaxAscentSteps")]
    [InlineData("[Sgd] [NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 1, NegativeSteps = 2, MaxAscentSteps = 2, Cooldown = 0)]", "NegativeLearningRate", "NegativeSteps")]
    [InlineData("[Adam] [LinearWarmup(WarmupSteps = 9, TotalSteps = 9)]", "LinearWarmup", "WarmupSteps")]
    [InlineData("[Adam] [LinearWarmup(WarmupSteps = 2, TotalSteps = -4)]", "LinearWarmup", "TotalSteps")]
    [InlineData("[Adam] [StepSchedule]", "StepSchedule", "StepSize")]
    [InlineData("[Adam] [RmsProp]", "RmsProp", null)]
    [InlineData("[NegativeLearningRate]", "NegativeLearningRate", null)]
    [InlineData("[ExponentialSchedule(Gamma = 0.9)]", "ExponentialSchedule", null)]
    [InlineData("[Adam] [CosineSchedule(TotalSteps = 5)] [StepSchedule(StepSize = 2)]", "StepSchedule", null)]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Reactive, Seed = 4)]", "NegativeLearningRate", "Seed")]
    [InlineData("[Adam] [NegativeLearningRate(NoiseSeed = 4)]", "NegativeLearningRate", "NoiseSeed")]
    [InlineData("[Adam] [NegativeLearningRate(Policy = NlrPolicy.Periodic, ToleranceStandardErrors = 2)]", "NegativeLearningRate", "ToleranceStandardErrors")]
    [InlineData("[Sgd] [Backtracking(SufficientDecrease = 0)]", "Backtracking", "SufficientDecrease")]
    [InlineData("[Sgd] [NegativeLearningRate] [Backtracking]", "Backtracking", null)]
    [InlineData("[Backtracking]", "Backtracking", null)]
    [InlineData("[Adam] [GaussianInitialization]", "GaussianInitialization", null)]
    [InlineData("[Adam] [GaussianInitialization(Variance = 0.1, Locality = 2)]", "GaussianInitialization", "Variance")]
    [InlineData("[Sgd] [UniformInitialization(High = -1)]", "UniformInitialization", "High")]
    [InlineData("[Sgd] [IdentityBlockInitialization] [UniformInitialization]", "UniformInitialization", null)]
    public void Problem_NamesItsAttributeAndArgument(string attributes, string attribute, string? argument)
    {
        var problems = Validate(attributes, out var settings);
        Assert.Null(settings);
        var problem = Assert.Single(problems);
        Assert.Equal(attribute, problem.Attribute);
        Assert.Equal(argument, problem.Argument);
        Assert.StartsWith(argument is null ? "" : "[" + attribute + "] ", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_PointsAtTheAttributeInstance_ThroughItsIndex()
    {
        // The index is the attribute's position in GetAttributes(): an analyzer finds its syntax (and argument) from it.
        var compilation = TestCompilation.Create("using NegLR;\n[System.Serializable] [Adam] [Sgd(LearningRate = 2)] [Sgd] public partial class Declared;\n");
        var type = compilation.GetTypeByMetadataName("Declared")!;
        var problems = ScheduleValidation.Validate("Declared", OptimizerAttributeReader.Read(type), out _);
        Assert.Equal(new[] { 2, 3 }, problems.Select(p => p.AttributeIndex));
        Assert.Equal("Sgd", type.GetAttributes()[problems[1].AttributeIndex].AttributeClass!.Name.Replace("Attribute", "", System.StringComparison.Ordinal));
        var syntax = (Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax)type.GetAttributes()[problems[0].AttributeIndex].ApplicationSyntaxReference!.GetSyntax();
        Assert.Equal("Sgd(LearningRate = 2)", syntax.ToString());
    }

    [Fact]
    public void EveryProblem_IsReported_NotJustTheFirst()
    {
        var problems = Validate("[Adam(LearningRate = -1, Beta2 = 2)] [NegativeLearningRate(MaxAscentSteps = 0, Cooldown = -1)]", out _);
        Assert.Equal(new[] { "LearningRate", "Beta2", "MaxAscentSteps", "Cooldown" }, problems.Select(p => p.Argument));
    }

    [Fact]
    public void ValidDeclaration_ResolvesEveryDefaultFromOptimizerDefaults()
    {
        var problems = Validate("[Adam] [NegativeLearningRate]", out var settings);
        Assert.Empty(problems);
        Assert.NotNull(settings);
        Assert.Equal(OptimizerDefaults.LearningRate, settings.Base.LearningRate);
        Assert.Equal(OptimizerDefaults.AdamBeta1, settings.Base.Beta1);
        Assert.Equal(OptimizerDefaults.AdamBeta2, settings.Base.Beta2);
        Assert.Equal(OptimizerDefaults.AdamEpsilon, settings.Base.Epsilon);
        var nlr = settings.Nlr!;
        Assert.Equal((int)OptimizerDefaults.Policy, (int)nlr.Policy); // the generator compiles its own copy of NlrPolicy
        Assert.True(double.IsNaN(nlr.NegativeRate));
        Assert.Equal(OptimizerDefaults.NegativeRatio, nlr.NegativeRatio);
        Assert.Equal(OptimizerDefaults.PhaseLength, nlr.PhaseLength);
        Assert.Equal(OptimizerDefaults.MaxAscentSteps, nlr.MaxAscentSteps);
        Assert.Equal(OptimizerDefaults.Cooldown, nlr.Cooldown);
        Assert.Equal(OptimizerDefaults.UpdateBaseStateDuringAscent, nlr.UpdateBaseStateDuringAscent);
        Assert.Equal(OptimizerDefaults.KeepBest, nlr.KeepBest);
    }

    [Fact]
    public void TypeShape_ProblemsBelongToTheOwningAttribute()
    {
        var owner = new generator::NegLR.Generator.Optimizers.DeclaredAttribute("Adam", 2, System.Array.Empty<System.Collections.Generic.KeyValuePair<string, object?>>());
        var problems = ScheduleValidation.ValidateType("Holder", owner, generator::NegLR.Generator.Optimizers.OptimizerTypeShape.StaticClass, isPartialEverywhere: false);
        Assert.Equal(2, problems.Length);
        Assert.All(problems, p => Assert.Equal(("Adam", 2), (p.Attribute, p.AttributeIndex)));
        Assert.All(problems, p => Assert.Null(p.Argument));
    }

    /// <summary>The attributes, the runtime classes and the generator read one set of constants.</summary>
    [Fact]
    public void Defaults_AttributesAndRuntimeObjectsAgree()
    {
        Assert.Equal(new Adam(1).Beta1, new AdamAttribute().Beta1);
        Assert.Equal(new Adam(1).Beta2, new AdamAttribute().Beta2);
        Assert.Equal(new Adam(1).Epsilon, new AdamAttribute().Epsilon);
        Assert.Equal(new Adam(1).AmsGrad, new AdamAttribute().AmsGrad);
        Assert.Equal(new Adam(1).LearningRate(0), new AdamAttribute().LearningRate);
        Assert.Equal(new Momentum(1).MomentumFactor, new MomentumAttribute().Momentum);
        Assert.Equal(new Nesterov(1).MomentumFactor, new NesterovAttribute().Momentum);
        Assert.Equal(new Adagrad(1).Epsilon, new AdagradAttribute().Epsilon);
        Assert.Equal(new RmsProp(1).Alpha, new RmsPropAttribute().Alpha);
        Assert.Equal(new RmsProp(1).Epsilon, new RmsPropAttribute().Epsilon);
        Assert.Equal(new StepSchedule(1, 1).Gamma, new StepScheduleAttribute().Gamma);
        Assert.Equal(new CosineSchedule(1, 1).MinimumRate, new CosineScheduleAttribute().MinimumRate);
        Assert.Equal(new LinearWarmupSchedule(1, 1).StartFactor, new LinearWarmupAttribute().StartFactor);
        var nlr = new NegativeLearningRateAttribute();
        var options = NlrOptions.Default;
        Assert.Equal(new NegativeLearningRate(new Adam(1)).Policy.Kind, nlr.Policy);
        Assert.Equal(options.PhaseLength, nlr.PhaseLength);
        Assert.Equal(options.MaxAscentSteps, nlr.MaxAscentSteps);
        Assert.Equal(options.Cooldown, nlr.Cooldown);
        Assert.Equal(options.UpdateBaseStateDuringAscent, nlr.UpdateBaseStateDuringAscent);
        Assert.Equal(options.KeepBest, nlr.KeepBest);
        Assert.Equal(NlrOptions.DefaultNegativeRatio, OptimizerDefaults.NegativeRatio);
        Assert.True(double.IsNaN(nlr.NegativeRate) && double.IsNaN(nlr.NegativeRatio), "NaN is the attribute's 'not set'");
        Assert.Equal(new LookaheadPolicy().Tolerance, nlr.Tolerance);
        Assert.Equal(new PlateauPolicy().Threshold, nlr.Threshold);
        Assert.Equal(new PlateauPolicy().Window, nlr.Window);
        Assert.Equal(new PlateauPolicy().Decay, nlr.Decay);
        Assert.Equal(new PeriodicPolicy().PositiveSteps, nlr.PositiveSteps);
        Assert.Equal(new PeriodicPolicy().NegativeSteps, nlr.NegativeSteps);
        Assert.Equal(new StochasticPolicy().Probability, nlr.Probability);
        Assert.Equal(new StochasticPolicy().Random.Seed, nlr.Seed);
    }

    [Fact]
    public void AttributeNames_ResolveToTheAttributesNotTheRuntimeClasses()
    {
        // [NegativeLearningRate], [Adam], [Momentum], … sit beside runtime classes of the same name; C# picks the attribute.
        var compilation = TestCompilation.Create("""
            using NegLR;
            [Adam] [NegativeLearningRate] [StepSchedule(StepSize = 3)] [LinearWarmup(WarmupSteps = 2)] public partial class A;
            [Momentum] [CosineSchedule(TotalSteps = 3)] public partial class B;
            [Nesterov] [ExponentialSchedule(Gamma = 0.9)] public partial class C;
            [Adagrad] public partial class D;
            [RmsProp] public partial class E;
            [Sgd] public partial class F;
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }
}
