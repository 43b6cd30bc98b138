using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace NegLR.Generator.Performance;

/// <summary>
/// Types into a file that holds no ansatz, one character per edit, and times each generator driver's run on the new
/// compilation as an IDE runs it: the previous driver state kept, step tracking off.
/// </summary>
internal static class Keystroke
{
    public sealed record Summary(double Median, double P95);

    public sealed record Result(double FirstNegLR, double FirstTrivial, Summary NegLR, Summary Trivial, double PairedRatio);

    public static Result Run(List<(string Path, string Text)> files, ImmutableArray<MetadataReference> references, int edits, int warmup, Func<IIncrementalGenerator>? generator = null)
    {
        var compilation = Compile(references, files);
        GeneratorDriver neglr = NewDriver(generator?.Invoke() ?? new NegLRGenerator());
        GeneratorDriver trivial = NewDriver(new TrivialGenerator());

        var watch = Stopwatch.StartNew();
        neglr = neglr.RunGenerators(compilation);
        double firstNegLR = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        trivial = trivial.RunGenerators(compilation);
        double firstTrivial = watch.Elapsed.TotalMilliseconds;

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == Workload.EditedFile);
        int anchor = tree.GetText().ToString().IndexOf(Workload.EditAnchor, StringComparison.Ordinal) + Workload.EditAnchor.Length;
        var neglrTimes = new List<double>();
        var trivialTimes = new List<double>();
        var ratios = new List<double>();
        for (int edit = 0; edit < warmup + edits; edit++)
        {
            // Type a letter, then delete it: every edit is one character, and the file never grows.
            var text = tree.GetText();
            var change = edit % 2 == 0
                ? new TextChange(new TextSpan(anchor, 0), ((char)('a' + (edit / 2 % 26))).ToString())
                : new TextChange(new TextSpan(anchor, 1), "");
            var next = tree.WithChangedText(text.WithChanges(change));
            compilation = compilation.ReplaceSyntaxTree(tree, next);
            tree = next;

            double a, b;
            if (edit % 2 == 0)
            {
                (neglr, a) = Time(neglr, compilation);
                (trivial, b) = Time(trivial, compilation);
            }
            else
            {
                (trivial, b) = Time(trivial, compilation);
                (neglr, a) = Time(neglr, compilation);
            }

            if (edit >= warmup)
            {
                neglrTimes.Add(a);
                trivialTimes.Add(b);
                ratios.Add(a / b);
            }
        }

        return new Result(firstNegLR, firstTrivial, Summarise(neglrTimes), Summarise(trivialTimes), Quantile(ratios, 0.5));
    }

    /// <summary>The driver's run on this thread, in CPU milliseconds (a driver runs its generators on the calling thread).</summary>
    private static (GeneratorDriver, double) Time(GeneratorDriver driver, Compilation compilation)
    {
        double start = NegLR.Analyzers.Performance.ThreadClock.Milliseconds;
        driver = driver.RunGenerators(compilation);
        return (driver, NegLR.Analyzers.Performance.ThreadClock.Milliseconds - start);
    }

    private static Summary Summarise(List<double> times) => new(Quantile(times, 0.5), Quantile(times, 0.95));

    public static double Quantile(List<double> xs, double q)
    {
        // Linear interpolation between order statistics (type 7); q = 0.5 is the usual median.
        var sorted = xs.OrderBy(x => x).ToList();
        double h = (sorted.Count - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    public static GeneratorDriver NewDriver(IIncrementalGenerator generator) =>
        CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, IEnumerable<(string Path, string Text)> files) =>
        CSharpCompilation.Create("Workload",
            files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, path: f.Path)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Release, allowUnsafe: true, deterministic: true));
}
