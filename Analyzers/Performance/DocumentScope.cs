extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace NegLR.Analyzers.Performance;

/// <summary>
/// Analyzers on one open file, as the IDE runs them after a keystroke: a project of 220 files (20 ansätze among 200
/// ordinary files) plus the generator's output, one character typed in the open file, then
/// <see cref="CompilationWithAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(SyntaxTree, CancellationToken)"/> and
/// <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, TextSpan?, CancellationToken)"/>
/// for that file on the new compilation (a new <see cref="CompilationWithAnalyzers"/> per keystroke, as the IDE makes
/// one per project snapshot). The compiler's own diagnostics for the file are asked for first, so binding the file
/// itself is not charged to the analyzers; what remains is what the analyzers add.
/// </summary>
internal static class DocumentScope
{
    public static void Run(Options options, ImmutableArray<MetadataReference> references, IReadOnlyList<(string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)> sets)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var files = ProjectWorkload.Ansatze(options.Big, options.Noise).Concat(ProjectWorkload.Filler(options.Filler)).ToList();
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parse, path: f.Name + ".cs")).ToList();
        var user = CSharpCompilation.Create("Project", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        // The generator's output, as the IDE's compilation holds it (the analyzers never analyse it, but it is there).
        var driver = CSharpGeneratorDriver.Create(new[] { new generator::NegLR.Generator.NegLRGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(user, out var compilation, out _);
        var generated = compilation.SyntaxTrees.Skip(trees.Count).ToList();
        long generatedLines = generated.Sum(t => (long)t.GetText().Lines.Count);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The project does not compile: " + errors[0]);
        }

        string open = options.Open ?? "Hea12";
        var openTree = compilation.SyntaxTrees.Single(t => t.FilePath == open + ".cs");
        Console.WriteLine($"document scope: {compilation.SyntaxTrees.Count()} files ({files.Count} written, {generated.Count} generated with " +
                          $"{generatedLines.ToString("N0", CultureInfo.InvariantCulture)} lines), open file {open}.cs, " +
                          $"{options.Warmup} warm-up + {options.Rounds} measured keystrokes per analyzer set, {Environment.ProcessorCount} cores");

        // Keystrokes alternate between typing a character in the open file's doc comment and deleting it again: each is a
        // new syntax tree and a new compilation, as in the editor.
        int anchor = openTree.GetText().ToString().IndexOf("<summary>", StringComparison.Ordinal) + "<summary>".Length;
        var current = compilation;
        var currentTree = openTree;
        bool typed = false;

        (Compilation Compilation, SyntaxTree Tree) Type()
        {
            var change = typed ? new TextChange(new TextSpan(anchor, 1), "") : new TextChange(new TextSpan(anchor, 0), "x");
            typed = !typed;
            var next = currentTree.WithChangedText(currentTree.GetText().WithChanges(change));
            current = current.ReplaceSyntaxTree(currentTree, next);
            currentTree = next;
            return (current, next);
        }

        foreach (var (name, analyzers) in sets)
        {
            var times = new List<double>();
            int reported = 0;
            for (int round = 0; round < options.Warmup + options.Rounds; round++)
            {
                var (edited, tree) = Type();
                var model = edited.GetSemanticModel(tree);

                // What the IDE computes anyway for the open file: its compiler diagnostics (binding every member body).
                model.GetDiagnostics();
                var withAnalyzers = edited.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false));
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                var syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None).GetAwaiter().GetResult();
                var semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).GetAwaiter().GetResult();
                watch.Stop();
                if (semantic.Concat(syntax).FirstOrDefault(d => d.Id is "AD0001" or "NLR0099") is { } failure)
                {
                    throw new InvalidOperationException("An analyzer failed: " + failure);
                }

                reported = semantic.Length + syntax.Length;
                if (round >= options.Warmup)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-34} median {Quantile(times, 0.5),8:F1} ms, quartiles {Quantile(times, 0.25):F1}–{Quantile(times, 0.75):F1} ms, " +
                $"range {times[0]:F1}–{times[^1]:F1} ms ({reported} diagnostics in the file)"));
        }
    }

    private static double Quantile(List<double> sorted, double q)
    {
        double h = (sorted.Count - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
