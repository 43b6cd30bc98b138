extern alias generator;

using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

public class OptimizerDocumentationTests
{
    /// <summary>
    /// A project that builds its XML documentation with warnings as errors (as this repository does) must not trip over
    /// generated members: every public member is documented and every doc comment is well formed.
    /// </summary>
    [Fact]
    public void GeneratedOptimizersAndStubs_AreFullyDocumented()
    {
        var parse = TestCompilation.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        string source = "using NegLR;\n\nnamespace " + OptimizerCases.Namespace + ";\n\n" + string.Concat(
            OptimizerCases.ForBase("AmsGrad").Concat(OptimizerCases.ForBase("Sgd")).Select(c => "/// <summary>A declared optimizer.</summary>\n" + c.Declaration)) + """
            /// <summary>A stub.</summary>
            [Sgd(LearningRate = 0)] public partial struct Broken;
            """;
        var compilation = TestCompilation.Create(source).WithOptions(TestCompilation.Create().Options)
            .RemoveAllSyntaxTrees().AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, parse, "Cases.cs"));
        var driver = CSharpGeneratorDriver.Create(new[] { new generator::NegLR.Generator.NegLRGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        // Missing-comment warnings (CS1591) only come out when the XML documentation file is written.
        using var pe = new System.IO.MemoryStream();
        using var xml = new System.IO.MemoryStream();
        var emit = output.Emit(pe, xmlDocumentationStream: xml);
        Assert.True(emit.Success);
        var documentation = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(documentation.Count == 0, string.Join("\n", documentation));
    }
}
