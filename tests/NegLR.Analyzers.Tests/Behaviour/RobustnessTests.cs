extern alias analyzers;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>The analyzers never throw into the compiler, whatever half-typed code they meet, and honour cancellation.</summary>
public sealed class RobustnessTests
{
    private static CSharpCompilation Compile(string source) => CSharpCompilation.Create("Robustness",
        new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
        TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static ImmutableArray<DiagnosticAnalyzer> All => AllAnalyzersTest.Analyzers().ToImmutableArray();

    /// <summary>Every prefix of a declaration (as while typing it): no analyzer exception (AD0001) and no NLR0099.</summary>
    [Fact]
    public async Task TruncatedSources_NeverThrow()
    {
        string source = Samples.DesignExample + """

            [Ansatz(Qubits = 3, Template = AnsatzTemplate.StronglyEntanglingLayers, Layers = 2)]
            [Observable("0.5 Z0 Z1 - X2")]
            public partial struct Sel;
            """;
        for (int length = 0; length <= source.Length; length += 11)
        {
            var compilation = Compile(source.Substring(0, length));
            var diagnostics = await compilation.WithAnalyzers(All, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "NLR0099");
        }
    }

    [Fact]
    public async Task Cancellation_IsHonoured()
    {
        var compilation = Compile(Samples.DesignExample);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compilation.WithAnalyzers(All).GetAnalyzerDiagnosticsAsync(cancelled.Token));
    }

    [Fact]
    public async Task HugeLoop_EndsWithABudgetErrorNotAHang()
    {
        var compilation = Compile("""
            using NegLR;

            [Ansatz(Qubits = 2)]
            [Observable("Z0")]
            public partial struct Endless
            {
                [Circuit]
                static void Build(Circuit c)
                {
                    for (;;) { }
                }
            }
            """);

        var diagnostics = await compilation.WithAnalyzers(All).GetAnalyzerDiagnosticsAsync();

        Assert.Contains(diagnostics, d => d.Id == "NLR0105");
    }
}
