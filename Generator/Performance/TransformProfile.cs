using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using NegLR.Analyzers.Performance;

namespace NegLR.Generator.Performance;

/// <summary>
/// Where the first pipeline step's time goes on a keystroke: each part of reading a declaration timed on its own, on a
/// fresh compilation per edit (so nothing is bound yet), summed over the project's ansätze.
/// </summary>
internal static class TransformProfile
{
    public static void Run(List<(string Path, string Text)> files, ImmutableArray<MetadataReference> references, int edits)
    {
        var compilation = Keystroke.Compile(references, files);
        var driver = Keystroke.NewDriver(new NegLRGenerator()).RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == Workload.EditedFile);
        int anchor = tree.GetText().ToString().IndexOf(Workload.EditAnchor, StringComparison.Ordinal) + Workload.EditAnchor.Length;
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
            var change = edit % 2 == 0 ? new TextChange(new TextSpan(anchor, 0), "x") : new TextChange(new TextSpan(anchor, 1), "");
            var next = tree.WithChangedText(tree.GetText().WithChanges(change));
            compilation = compilation.ReplaceSyntaxTree(tree, next);
            tree = next;
            var types = compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith("Ansatze/", StringComparison.Ordinal))
                .Select(t => (Tree: t, Type: t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>().First())).ToList();
            var parts = new Dictionary<string, double>();
            void Time(string name, Action action)
            {
                double start = ThreadClock.Milliseconds;
                action();
                parts[name] = parts.TryGetValue(name, out var v) ? v + ThreadClock.Milliseconds - start : ThreadClock.Milliseconds - start;
            }

            Time("global usings scan", () =>
            {
                foreach (var tr in compilation.SyntaxTrees)
                {
                    _ = ((CompilationUnitSyntax)tr.GetRoot()).Usings.Count;
                }
            });
            Time("ContainsSymbolsWithName x3 (first)", () =>
            {
                compilation.ContainsSymbolsWithName("Circuit", SymbolFilter.All);
                compilation.ContainsSymbolsWithName("CircuitAttribute", SymbolFilter.All);
                compilation.ContainsSymbolsWithName("Rotation", SymbolFilter.All);
            });
            Time("ContainsSymbolsWithName x3 (again)", () =>
            {
                compilation.ContainsSymbolsWithName("Circuit", SymbolFilter.All);
                compilation.ContainsSymbolsWithName("CircuitAttribute", SymbolFilter.All);
                compilation.ContainsSymbolsWithName("Rotation", SymbolFilter.All);
            });
            foreach (var (t, declaration) in types)
            {
                SemanticModel? model = null;
                INamedTypeSymbol? symbol = null;
                Time("GetSemanticModel", () => model = compilation.GetSemanticModel(t));
                Time("GetDeclaredSymbol(type)", () => symbol = (INamedTypeSymbol)model!.GetDeclaredSymbol(declaration)!);
                Time("type.GetAttributes", () => symbol!.GetAttributes());
                Time("type.MemberNames", () => symbol!.MemberNames.ToList());
                var method = declaration.Members.OfType<MethodDeclarationSyntax>().First();
                Time("BodyCache.Get (hit)", () => Pipeline.BodyCache.Get(method, model!, null, CancellationToken.None));
            }

            foreach (var (name, ms) in parts)
            {
                Add(name, ms);
            }

            double start2 = ThreadClock.Milliseconds;
            driver = driver.RunGenerators(compilation);
            Add("whole driver run (after the above)", ThreadClock.Milliseconds - start2);
        }

        foreach (var (name, list) in totals)
        {
            Console.WriteLine($"{name,-40} {Keystroke.Quantile(list, 0.5),8:F3} ms (median over {list.Count} edits, all ansätze)");
        }
    }
}
