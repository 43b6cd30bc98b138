extern alias analyzers;

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace NegLR.Analyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer on markup source (<c>{|NLR0201:4|}</c> marks an expected diagnostic's exact span).</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task Analyzer(string source, params DiagnosticResult[] expected) => Analyzer(source, null, expected);

    /// <summary>Analyses <paramref name="source"/> with an optional .editorconfig section for *.cs files.</summary>
    public static Task Analyzer(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer>(source, editorConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}

/// <summary>Runs one analyzer and one code fix: <paramref name="source"/> → <paramref name="fixedSource"/>.</summary>
internal static class Verify<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task CodeFix(string source, string fixedSource, int codeActionIndex = 0, string? editorConfig = null,
        IEnumerable<DiagnosticResult>? expected = null, IEnumerable<DiagnosticResult>? remaining = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = TestReferences.None,
            CodeActionIndex = codeActionIndex,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        if (editorConfig is not null)
        {
            string config = "root = true\n\n[*.cs]\n" + editorConfig + "\n";
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
            test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", config));
        }

        if (expected is not null)
        {
            test.ExpectedDiagnostics.AddRange(expected);
        }

        if (remaining is not null)
        {
            test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        }

        // Diagnostics after the fix are checked by markup in the fixed source (or 'remaining').
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        return test.RunAsync(CancellationToken.None);
    }
}

/// <summary>An analyzer test against NegLR.dll and the host framework, with every NegLR analyzer or just one.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>The C# version the sources are parsed with (the latest when null).</summary>
    public Microsoft.CodeAnalysis.CSharp.LanguageVersion? LanguageVersion { get; init; }

    protected override ParseOptions CreateParseOptions() => LanguageVersion is { } version
        ? ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(version)
        : base.CreateParseOptions();

    public AnalyzerTest(string source, string? editorConfig = null)
    {
        TestCode = source;
        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
        if (editorConfig is not null)
        {
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }
    }
}

/// <summary>Every NegLR analyzer at once, for "no diagnostics at all" checks.</summary>
internal sealed class AllAnalyzersTest : CSharpAnalyzerTest<analyzers::NegLR.Analyzers.Declarations.AnsatzDeclarationAnalyzer, DefaultVerifier>
{
    public AllAnalyzersTest(params string[] sources)
    {
        foreach (var source in sources)
        {
            TestState.Sources.Add(source);
        }

        ReferenceAssemblies = TestReferences.None;
        TestState.AdditionalReferences.AddRange(TestReferences.All);
    }

    public static IEnumerable<DiagnosticAnalyzer> Analyzers() => new DiagnosticAnalyzer[]
    {
        new analyzers::NegLR.Analyzers.Declarations.AnsatzDeclarationAnalyzer(),
        new analyzers::NegLR.Analyzers.Body.CircuitBodyAnalyzer(),
        new analyzers::NegLR.Analyzers.Facts.QuantumFactsAnalyzer(),
        new analyzers::NegLR.Analyzers.Trainability.TrainabilityAnalyzer(),
        new analyzers::NegLR.Analyzers.Resources.ResourceAnalyzer(),
        new analyzers::NegLR.Analyzers.Schedules.OptimizerScheduleAnalyzer(),
        new analyzers::NegLR.Analyzers.Noise.NoiseDeclarationAnalyzer(),
        new analyzers::NegLR.Analyzers.Noise.NoiseWithoutAnsatzAnalyzer(),
        new analyzers::NegLR.Analyzers.Trainability.NoisePlateauAnalyzer(),
    };

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => Analyzers();
}
