extern alias generator;

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLR.Generator.Tests.Equivalence;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Caching;

/// <summary>Edits a user makes while typing: those that leave the circuit alone must not re-emit code.</summary>
public class IncrementalEditTests
{
    private static Compilation Replace(Compilation compilation, string newText)
    {
        var tree = compilation.SyntaxTrees.First();
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(newText, TestCompilation.ParseOptions, tree.FilePath));
    }

    [Fact]
    public void CommentAddedInsideBody_OutputCached() =>
        GeneratorHarness.AssertCached(TestCompilation.Create(SampleSources.IrisClassifier), c =>
            Replace(c, SampleSources.IrisClassifier.Replace("// angle-encode 4 features", "// angle-encode the four Iris features", System.StringComparison.Ordinal)));

    [Fact]
    public void LinesInsertedAbove_OutputCached() =>
        GeneratorHarness.AssertCached(TestCompilation.Create(SampleSources.IrisClassifier), c =>
            Replace(c, "\n\n// a note\n" + SampleSources.IrisClassifier));

    [Fact]
    public void UnrelatedTypeAdded_OutputCached() =>
        GeneratorHarness.AssertCached(TestCompilation.Create(SampleSources.IrisClassifier), c =>
            c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Helper { public int X; }", TestCompilation.ParseOptions, "Other.cs")));

    [Fact]
    public void AngleChanged_OutputRegenerated()
    {
        var compilation = TestCompilation.Create(SampleSources.IrisClassifier);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var edited = Replace(compilation, SampleSources.IrisClassifier.Replace("c.RZ(q, c.Weight())", "c.RZ(q, 2 * c.Weight())", System.StringComparison.Ordinal));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();
        var reasons = result.TrackedSteps[generator::NegLR.Generator.TrackingNames.AnsatzSpecs].SelectMany(s => s.Outputs).Select(o => o.Reason);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons);
        Assert.Contains("(2.0 * w[", result.GeneratedSources.Single().SourceText.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void SecondAnsatzAdded_FirstOutputCached()
    {
        var compilation = TestCompilation.Create(SampleSources.IrisClassifier);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var added = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(SampleSources.TemplateAnsatz, TestCompilation.ParseOptions, "Second.cs"));
        var result = driver.RunGenerators(added).GetRunResult().Results.Single();
        Assert.Equal(2, result.GeneratedSources.Length);
        var outputs = result.TrackedSteps[generator::NegLR.Generator.TrackingNames.AnsatzSpecs].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(outputs, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains(outputs, o => o.Reason == IncrementalStepRunReason.New);
    }
}
