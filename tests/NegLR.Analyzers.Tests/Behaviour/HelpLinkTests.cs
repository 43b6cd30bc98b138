extern alias analyzers;

using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using analyzers::NegLR.Analyzers;
using analyzers::NegLR.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>Help links come from one place: the MSBuild property NegLRHelpLinkBase, else the documented default.</summary>
public sealed class HelpLinkTests
{
    private const string DeadWeight = """
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
                c.CNOT(0, 1);
                c.RY(1, c.Weight());
            }
        }
        """;

    [Theory]
    [InlineData(null, "https://github.com/NegLR/NegLR/blob/main/docs/diagnostics/NLR0204.md")]
    [InlineData("", "https://github.com/NegLR/NegLR/blob/main/docs/diagnostics/NLR0204.md")]
    [InlineData("https://mirror.example.org/neglr/diagnostics/", "https://mirror.example.org/neglr/diagnostics/NLR0204.md")]
    [InlineData("https://mirror.example.org/neglr/diagnostics", "https://mirror.example.org/neglr/diagnostics/NLR0204.md")]
    [InlineData("https://docs.example.org/rules/{id}.html", "https://docs.example.org/rules/NLR0204.html")]
    public async Task TheBuildPropertySetsEveryReportedLink(string? property, string expected)
    {
        var diagnostic = Assert.Single(await Analyze(DeadWeight, property), d => d.Id == "NLR0204");
        Assert.Equal(expected, diagnostic.Descriptor.HelpLinkUri);
    }

    [Fact]
    public async Task EveryFamilyReportsThroughTheConfiguredLinks()
    {
        // One diagnostic from each NLR00–NLR04 family.
        var diagnostics = await Analyze("""
            using NegLR;

            [Ansatz(Qubits = 29)]
            [Observable("Z0 Z1 Z2 Z3 Z4 Z5 Z6 Z7")]
            public struct Wide
            {
                [Circuit]
                static void Build(Circuit c)
                {
                    for (int q = 0; q < 8; q++) c.RY(q, c.Weight());
                    c.RZ(9, c.Weight());
                    c.CNOT(0, 0);
                    for (int q = 0; q < 29; q++) c.H(q);
                    c.RY(0, System.Math.Sqrt(2.0) + c.Input(0) * c.Weight(-1));
                }
            }
            """, "https://mirror.example.org/d/");
        Assert.NotEmpty(diagnostics);
        var families = diagnostics.Select(d => d.Id.Substring(0, 5)).ToHashSet();
        Assert.Contains("NLR00", families);
        Assert.All(diagnostics, d => Assert.Equal("https://mirror.example.org/d/" + d.Id + ".md", d.Descriptor.HelpLinkUri));
    }

    [Fact]
    public void ThePackageMakesThePropertyVisibleToTheAnalyzers()
    {
        string props = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "Analyzers", "build", "NegLR.props"));
        Assert.Contains($"<CompilerVisibleProperty Include=\"{HelpLinks.Property}\" />", props);
        Assert.Equal("build_property." + HelpLinks.Property, HelpLinks.OptionKey);
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string source, string? property)
    {
        var compilation = CSharpCompilation.Create("Links", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/A.cs") },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var global = new Dictionary<string, string>();
        if (property is not null)
        {
            global[HelpLinks.OptionKey] = property;
        }

        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(global));
        return await compilation.WithAnalyzers(AllAnalyzersTest.Analyzers().ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public GlobalOptionsProvider(Dictionary<string, string> values) => _global = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
