extern alias analyzers;

using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>
/// How the analyzers are registered (issue 12): flat — no SymbolStart/End, so the driver never waits for the other
/// partial parts of a type (the generated one above all) — and one read of each ansatz shared by every family.
/// </summary>
[Collection(nameof(ReaderCounters))]
public sealed class RegistrationTests
{
    private static CSharpCompilation Project(int ansatze) => CSharpCompilation.Create("Registration",
        Enumerable.Range(0, ansatze).Select(i => CSharpSyntaxTree.ParseText(
            Samples.DesignExample.Replace("IrisClassifier", "Iris" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new CSharpParseOptions(LanguageVersion.Latest), path: $"/Iris{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText("""
                using NegLR;

                [Ansatz(Qubits = 6, Template = AnsatzTemplate.StronglyEntanglingLayers, Layers = 2)]
                [Observable("Z0")]
                public partial struct Sel;
                """, new CSharpParseOptions(LanguageVersion.Latest), path: "/Sel.cs")),
        TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    [Fact]
    public async Task NoFamilyRegistersSymbolStartOrEndActions()
    {
        var analyzers = AllAnalyzersTest.Analyzers().ToImmutableArray();
        var withAnalyzers = Project(2).WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            Assert.Equal(0, telemetry.SymbolStartActionsCount);
            Assert.Equal(0, telemetry.SymbolEndActionsCount);
            Assert.Equal(0, telemetry.CompilationEndActionsCount);
        }
    }

    [Fact]
    public async Task EveryFamilyShares_OneReadOfEachTypeAndBody()
    {
        const int Bodies = 5;
        long types = AnsatzReader.TypeReads, bodies = AnsatzReader.BodyReads;
        var diagnostics = await Project(Bodies).WithAnalyzers(AllAnalyzersTest.Analyzers().ToImmutableArray())
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.NotEmpty(diagnostics);
        Assert.Equal(Bodies + 1, AnsatzReader.TypeReads - types);
        Assert.Equal(Bodies, AnsatzReader.BodyReads - bodies);
    }
}

/// <summary>Tests that read the reader's process-wide counters run one at a time.</summary>
[CollectionDefinition(nameof(ReaderCounters), DisableParallelization = true)]
public sealed class ReaderCounters
{
}
