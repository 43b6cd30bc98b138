extern alias generator;

using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLR.Generator.Tests.Infrastructure;
using NegLRGenerator = generator::NegLR.Generator.NegLRGenerator;
using TrackingNames = generator::NegLR.Generator.TrackingNames;

namespace NegLR.Generator.Tests.Caching;

/// <summary>
/// What runs on an edit, counted rather than inferred: the caching tests accept "Unchanged", which a stage that re-ran
/// to an equal result also reports. Here the expensive stages (binding and lowering a body, building a circuit, writing
/// a file) must not run at all on an edit elsewhere, and must run for exactly the ansatz whose body was edited.
/// </summary>
public class PipelineStageTests
{
    private const string First = """
        using NegLR;

        namespace Stages;

        [Ansatz(Qubits = 3)]
        [Observable("Z0")]
        public partial struct First
        {
            private const int Layers = 2;

            [Circuit]
            static void Build(Circuit c)
            {
                for (int l = 0; l < Layers; l++)
                {
                    for (int q = 0; q < 3; q++) c.RY(q, c.Weight());
                    c.CNOT(0, 1).CNOT(1, 2);
                }
            }
        }
        """;

    private const string Second = """
        using NegLR;

        namespace Stages.Inner;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 Z1")]
        public partial struct Second
        {
            [Circuit]
            static void Build(Circuit c) => c.RX(0, Config.Angle * c.Weight()).CNOT(0, 1);
        }
        """;

    private const string Config = """
        namespace Stages;

        public static class Config
        {
            public const double Angle = 0.5;
        }
        """;

    private const string Unrelated = """
        namespace Stages.Other;

        public sealed class Service
        {
            public string Describe() => "status";
        }
        """;

    private static Compilation Project() => TestCompilation.Create(First, Second, Config, Unrelated);

    private static Compilation Edit(Compilation compilation, int file, Func<string, string> change)
    {
        var tree = compilation.SyntaxTrees.ElementAt(file);
        string text = change(tree.GetText().ToString());
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text)));
    }

    private static (NegLRGenerator Generator, GeneratorDriver Driver) Started(Compilation compilation)
    {
        var generator = new NegLRGenerator();
        var driver = GeneratorHarness.CreateDriver(generator).RunGenerators(compilation);
        Assert.Equal(2, generator.Counters.Lowerings);
        Assert.Equal(2, generator.Counters.Builds);
        Assert.Equal(2, generator.Counters.Emits);
        return (generator, driver);
    }

    [Fact]
    public void KeystrokesInAnUnrelatedFile_RunNoExpensiveStage()
    {
        var compilation = Project();
        var (generator, driver) = Started(compilation);
        for (int i = 0; i < 5; i++)
        {
            compilation = Edit(compilation, 3, t => t.Replace("\"status", "\"status" + (char)('a' + i), StringComparison.Ordinal));
            driver = driver.RunGenerators(compilation);
        }

        Assert.Equal(2, generator.Counters.Lowerings);
        Assert.Equal(2, generator.Counters.Builds);
        Assert.Equal(2, generator.Counters.Emits);
        AssertAllCached(driver.GetRunResult());
    }

    [Fact]
    public void AnEditToOneBody_LowersBuildsAndEmitsThatAnsatzOnly()
    {
        var compilation = Project();
        var (generator, driver) = Started(compilation);
        compilation = Edit(compilation, 0, t => t.Replace("c.RY(q, c.Weight())", "c.RZ(q, c.Weight())", StringComparison.Ordinal));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(3, generator.Counters.Lowerings);
        Assert.Equal(3, generator.Counters.Builds);
        Assert.Equal(3, generator.Counters.Emits);
        var specs = result.TrackedSteps[TrackingNames.AnsatzSpecs].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, specs.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(1, specs.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("RZ(w[0]) q0", result.GeneratedSources.Single(s => s.HintName == "Stages.First.Ansatz.g.cs").SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACommentInABody_LowersItAgainButBuildsAndEmitsNothing()
    {
        var compilation = Project();
        var (generator, driver) = Started(compilation);
        compilation = Edit(compilation, 0, t => t.Replace("c.CNOT(0, 1)", "/* ladder */ c.CNOT(0, 1)", StringComparison.Ordinal));
        driver = driver.RunGenerators(compilation);

        // Its file changed, so its nodes are new: the body is bound again, and lowers to the same model.
        Assert.Equal(3, generator.Counters.Lowerings);
        Assert.Equal(2, generator.Counters.Builds);
        Assert.Equal(2, generator.Counters.Emits);
        AssertAllCached(driver.GetRunResult());
    }

    [Fact]
    public void AConstantInAnotherFile_IsSeenByTheBodyThatUsesIt()
    {
        var compilation = Project();
        var (generator, driver) = Started(compilation);
        compilation = Edit(compilation, 2, t => t.Replace("0.5", "0.25", StringComparison.Ordinal));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // Second's file did not change, but what its body means did: it is read again and re-emitted; First is not.
        Assert.Equal(3, generator.Counters.Lowerings);
        Assert.Equal(3, generator.Counters.Emits);
        var angles = Angles(result, "Stages.Inner.Second.Ansatz.g.cs");
        Assert.Contains("0.25 * w[0]", angles, StringComparison.Ordinal);
    }

    [Fact]
    public void ANewTypeThatShadowsANameTheBodyUses_IsSeen()
    {
        var compilation = Project();
        var (generator, driver) = Started(compilation);

        // Second reads Config.Angle from namespace Stages; a Config declared in its own namespace Stages.Inner, in a
        // new file, takes over the name without Second's file changing.
        compilation = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Stages.Inner { public static class Config { public const double Angle = 2; } }", TestCompilation.ParseOptions, "Shadow.cs"));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(3, generator.Counters.Lowerings);
        Assert.Equal(3, generator.Counters.Emits);
        Assert.Contains("2.0 * w[0]", Angles(result, "Stages.Inner.Second.Ansatz.g.cs"), StringComparison.Ordinal);
    }

    private static string Angles(GeneratorRunResult result, string hintName) =>
        result.GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    private static void AssertAllCached(GeneratorDriverRunResult result)
    {
        var run = result.Results.Single();
        foreach (var name in new[] { TrackingNames.AnsatzDeclarations, TrackingNames.AnsatzSpecs })
        {
            foreach (var output in run.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name} re-ran: {output.Reason}");
            }
        }
    }
}
