using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>Edits that do not change a declaration leave every optimizer step cached; edits that do are seen.</summary>
public class OptimizerCachingTests
{
    private const string Declaration = """
        using NegLR;

        namespace Samples;

        [Adam(LearningRate = 0.05)]
        [CosineSchedule(TotalSteps = 100)]
        [NegativeLearningRate(Policy = NlrPolicy.Lookahead, NegativeRate = 0.02, MaxAscentSteps = 3)]
        public partial struct IrisOptimizer;

        [Sgd] [NegativeLearningRate] public partial class Second;
        """;

    private static Compilation Replace(Compilation compilation, string text)
    {
        var tree = compilation.SyntaxTrees.First();
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, tree.FilePath));
    }

    [Fact]
    public void CommentAddedBetweenAttributes_OutputCached() =>
        OptimizerHarness.AssertCached(TestCompilation.Create(Declaration),
            c => Replace(c, Declaration.Replace("[CosineSchedule(TotalSteps = 100)]", "[CosineSchedule(TotalSteps = 100)] // anneal over the run", System.StringComparison.Ordinal)));

    [Fact]
    public void LinesInsertedAbove_OutputCached() =>
        OptimizerHarness.AssertCached(TestCompilation.Create(Declaration), c => Replace(c, "// a header\n\n\n" + Declaration));

    [Fact]
    public void UnrelatedFileEdited_OutputCached() =>
        OptimizerHarness.AssertCached(TestCompilation.Create(Declaration, "class Other { }"),
            c => c.ReplaceSyntaxTree(c.SyntaxTrees.ElementAt(1), CSharpSyntaxTree.ParseText("class Other { int _x; }", TestCompilation.ParseOptions, c.SyntaxTrees.ElementAt(1).FilePath)));

    [Fact]
    public void AttributesOnSeveralPartialDeclarations_CombineAndFollowEdits()
    {
        // [Adam] in one file, [NegativeLearningRate] in another: one optimizer, and editing either file is seen.
        const string First = "using NegLR;\nnamespace Split;\n[Adam(LearningRate = 0.05)] public partial class Parts;\n";
        const string Second = "using NegLR;\nnamespace Split;\n[NegativeLearningRate(Policy = NlrPolicy.Reactive)] public partial class Parts;\n";
        var compilation = TestCompilation.Create(First, Second);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var sources = driver.GetRunResult().Results.Single().GeneratedSources;
        var file = Assert.Single(sources, s => s.HintName == "Split.Parts.Optimizer.g.cs");
        Assert.Contains("NLR(Adam)", file.SourceText.ToString(), System.StringComparison.Ordinal);
        Assert.Contains("// Reactive:", file.SourceText.ToString(), System.StringComparison.Ordinal);

        var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.ElementAt(1),
            CSharpSyntaxTree.ParseText(Second.Replace("Reactive", "Periodic", System.StringComparison.Ordinal), TestCompilation.ParseOptions, "Source1.cs"));
        var rerun = driver.RunGenerators(edited).GetRunResult().Results.Single();
        string text = Assert.Single(rerun.GeneratedSources, s => s.HintName == "Split.Parts.Optimizer.g.cs").SourceText.ToString();
        Assert.Contains("// Periodic:", text, System.StringComparison.Ordinal);
        OptimizerHarness.AssertCached(compilation);
    }

    [Fact]
    public void GenericAndNestedTypes_ReopenedWithTheirTypeParameters()
    {
        var assembly = GeneratorHarness.CompileAndLoad("""
            using NegLR;
            namespace Deep;
            public partial class Outer<TKey>
            {
                [Momentum(LearningRate = 0.1)]
                public partial struct Inner<TValue>;
            }
            """);
        var type = assembly.GetType("Deep.Outer`1+Inner`1", throwOnError: true)!.MakeGenericType(typeof(int), typeof(string));
        var optimizer = (IGradientOptimizer)System.Activator.CreateInstance(type, 2)!;
        Assert.Equal("Momentum", optimizer.Name);
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create("using NegLR;\nnamespace Deep;\npublic partial class Outer<TKey> { [Momentum] public partial struct Inner<TValue>; }\n"));
        Assert.Contains(result.Results.Single().GeneratedSources, s => s.HintName == "Deep.Outer`1.Inner`1.Optimizer.g.cs");
    }
}
