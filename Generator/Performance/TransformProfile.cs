using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Analyzers.Performance;

namespace NegLR.Generator.Performance;

/// <summary>
/// Where a keystroke's time goes. Two parts, each on its own fresh compilation per edit (so nothing is bound yet):
/// <list type="number">
/// <item>the first pipeline step taken apart: what <c>ForAttributeWithMetadataName</c> itself does for every generator
/// on the attribute (declared symbol, <c>GetAttributes</c>), then each part of <c>Parser.Parse</c>, summed over the
/// project's ansätze;</item>
/// <item>whole drivers: the trivial generator alone, NegLR's alone, and NegLR's run right after the trivial one on the
/// same compilation — what NegLR adds once the binding every attribute-driven generator pays is done.</item>
/// </list>
/// </summary>
internal static class TransformProfile
{
    public static void Run(List<(string Path, string Text)> files, ImmutableArray<MetadataReference> references, int edits)
    {
        var parts = new Keystroke.EditChain(Keystroke.Compile(references, files));
        var alone = new Keystroke.EditChain(Keystroke.Compile(references, files));
        var shared = new Keystroke.EditChain(Keystroke.Compile(references, files));
        var trivialAlone = new Keystroke.EditChain(Keystroke.Compile(references, files));
        GeneratorDriver neglr = Keystroke.NewDriver(new NegLRGenerator()).RunGenerators(alone.Compilation);
        GeneratorDriver neglrShared = Keystroke.NewDriver(new NegLRGenerator()).RunGenerators(shared.Compilation);
        GeneratorDriver trivial = Keystroke.NewDriver(new TrivialGenerator()).RunGenerators(trivialAlone.Compilation);
        GeneratorDriver trivialShared = Keystroke.NewDriver(new TrivialGenerator()).RunGenerators(shared.Compilation);
        var totals = new Dictionary<string, List<double>>();
        void Add(string name, double ms)
        {
            if (!totals.TryGetValue(name, out var list))
            {
                totals[name] = list = new List<double>();
            }

            list.Add(ms);
        }

        for (int edit = 0; edit < edits; edit++)
        {
            parts.Type(edit);
            alone.Type(edit);
            shared.Type(edit);
            trivialAlone.Type(edit);
            var compilation = parts.Compilation;
            var types = compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith("Ansatze/", StringComparison.Ordinal))
                .Select(t => (Tree: t, Type: t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().First())).ToList();
            var times = new Dictionary<string, double>();
            void Time(string name, Action action)
            {
                double start = ThreadClock.Milliseconds;
                action();
                times[name] = times.TryGetValue(name, out var v) ? v + ThreadClock.Milliseconds - start : ThreadClock.Milliseconds - start;
            }

            foreach (var (t, declaration) in types)
            {
                SemanticModel? model = null;
                INamedTypeSymbol? symbol = null;
                AttributeData? ansatz = null;
                Time("1 GetSemanticModel [every FAWMN generator]", () => model = compilation.GetSemanticModel(t));
                Time("1 GetDeclaredSymbol(type) [every FAWMN generator]", () => symbol = (INamedTypeSymbol)model!.GetDeclaredSymbol(declaration)!);
                Time("1 GetAttributes + match [every FAWMN generator]", () => ansatz = symbol!.GetAttributes()
                    .First(a => a.AttributeClass?.ToDisplayString() == NegLRGenerator.AnsatzAttributeName));
                Time("2 IsFirstAnsatzPart", () => NegLRGenerator.Parser.IsFirstAnsatzPart(symbol!, declaration, CancellationToken.None));
                Time("2 HierarchyInfo.From", () => Model.HierarchyInfo.From(symbol!));
                Time("2 ReadObservables", () => NegLRGenerator.Parser.ReadObservables(symbol!));
                Time("2 NoiseInputs.Read + NoisyMemberClash", () =>
                {
                    Noise.NoiseInputs.Read(symbol!, CancellationToken.None);
                    Noise.NoiseInputs.NoisyMemberClash(symbol!);
                });
                Time("2 IsPartialEverywhere", () => NegLRGenerator.Parser.IsPartialEverywhere(symbol!, CancellationToken.None));
                Time("2 CircuitMethods (BodyCache hit)", () => NegLRGenerator.Parser.CircuitMethods(symbol!, model!, null, CancellationToken.None));
                Time("3 Parser.Parse again (all cached)", () => NegLRGenerator.Parser.Parse(symbol!, declaration, ansatz!, model!, null, CancellationToken.None));
            }

            foreach (var (name, ms) in times)
            {
                Add(name, ms);
            }

            double start = ThreadClock.Milliseconds;
            trivial = trivial.RunGenerators(trivialAlone.Compilation);
            Add("4 driver: trivial alone", ThreadClock.Milliseconds - start);
            start = ThreadClock.Milliseconds;
            neglr = neglr.RunGenerators(alone.Compilation);
            Add("4 driver: NegLR alone", ThreadClock.Milliseconds - start);
            start = ThreadClock.Milliseconds;
            trivialShared = trivialShared.RunGenerators(shared.Compilation);
            Add("4 driver: trivial, then on its compilation:", ThreadClock.Milliseconds - start);
            start = ThreadClock.Milliseconds;
            neglrShared = neglrShared.RunGenerators(shared.Compilation);
            Add("4 driver:   NegLR after the trivial one", ThreadClock.Milliseconds - start);
        }

        foreach (var (name, list) in totals.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{name,-52} {Keystroke.Quantile(list, 0.5),8:F3} ms (median over {list.Count} edits, all ansätze)");
        }
    }
}
