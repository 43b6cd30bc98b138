extern alias analyzers;

using System.IO;
using System.Linq;
using System.Reflection;
using analyzers::NegLR.Analyzers;
using Microsoft.CodeAnalysis;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>One descriptor file, one range per category, a help page and a release-tracking line for every rule.</summary>
public sealed class DescriptorTests
{
    private static DiagnosticDescriptor[] Descriptors() => typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void EveryDescriptor_HasAHelpPageLinkedFromTheDiagnostic()
    {
        string docs = Path.Combine(Samples.RepositoryRoot(), "docs", "diagnostics");
        foreach (var descriptor in Descriptors())
        {
            Assert.Equal(DiagnosticDescriptors.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
            string page = Path.Combine(docs, descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no help page {page}");
            string text = File.ReadAllText(page);
            foreach (var heading in new[] { "## What it means", "## Example", "## How to fix it", "## Configure or suppress" })
            {
                Assert.Contains(heading, text);
            }

            // The page states the default severity the descriptor has, and (NLR00xx–NLR04xx) why.
            Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", text);
            if (string.CompareOrdinal(descriptor.Id, "NLR05") < 0)
            {
                Assert.True(text.Contains("## Why this severity", System.StringComparison.Ordinal), $"{descriptor.Id}'s page does not say why it is a(n) {descriptor.DefaultSeverity}");
            }
        }
    }

    [Fact]
    public void EveryDescriptor_IsInItsCategorysRange()
    {
        foreach (var descriptor in Descriptors())
        {
            string expected = descriptor.Id.Substring(0, 5) switch
            {
                "NLR00" => DiagnosticDescriptors.DeclarationsCategory,
                "NLR01" => DiagnosticDescriptors.CircuitBodyCategory,
                "NLR02" => DiagnosticDescriptors.QuantumFactsCategory,
                "NLR03" => DiagnosticDescriptors.TrainabilityCategory,
                "NLR04" => DiagnosticDescriptors.ResourcesCategory,
                "NLR05" => DiagnosticDescriptors.OptimizersCategory,
                "NLR06" => DiagnosticDescriptors.NoiseCategory,
                _ => "unexpected range",
            };
            Assert.Equal(expected, descriptor.Category);
            Assert.Matches("^NLR[0-9]{4}$", descriptor.Id);
        }
    }

    [Fact]
    public void EveryDescriptor_IsTrackedAndReportedByAnAnalyzer()
    {
        string unshipped = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "Analyzers", "AnalyzerReleases.Unshipped.md"));
        var supported = AllAnalyzersTest.Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        foreach (var descriptor in Descriptors())
        {
            Assert.Contains($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", unshipped);
            Assert.Contains(descriptor.Id, supported);
        }
    }

    [Fact]
    public void ReadmeListsEveryRule()
    {
        string readme = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "docs", "diagnostics", "README.md"));
        foreach (var descriptor in Descriptors())
        {
            Assert.Contains($"[{descriptor.Id}]({descriptor.Id}.md)", readme);
        }

        Assert.Contains("NLR05xx", readme);
    }
}
