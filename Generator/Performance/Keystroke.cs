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
        // Each driver types into its own chain of compilations (same files, same edits): a generator's first look at a
        // compilation binds the types' attributes and symbols, and on a shared compilation whichever driver ran second
        // would find that work done. In an IDE the generators run first on every new compilation, so each pays in full.
        var neglrChain = new EditChain(Compile(references, files));
        var trivialChain = new EditChain(Compile(references, files));
        GeneratorDriver neglr = NewDriver(generator?.Invoke() ?? new NegLRGenerator());
        GeneratorDriver trivial = NewDriver(new TrivialGenerator());

        var watch = Stopwatch.StartNew();
        neglr = neglr.RunGenerators(neglrChain.Compilation);
        double firstNegLR = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        trivial = trivial.RunGenerators(trivialChain.Compilation);
        double firstTrivial = watch.Elapsed.TotalMilliseconds;

        var neglrTimes = new List<double>();
        var trivialTimes = new List<double>();
        var ratios = new List<double>();
        for (int edit = 0; edit < warmup + edits; edit++)
        {
            neglrChain.Type(edit);
            trivialChain.Type(edit);

            double a, b;
            if (edit % 2 == 0)
            {
                (neglr, a) = Time(neglr, neglrChain.Compilation);
                (trivial, b) = Time(trivial, trivialChain.Compilation);
            }
            else
            {
                (trivial, b) = Time(trivial, trivialChain.Compilation);
                (neglr, a) = Time(neglr, neglrChain.Compilation);
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

    /// <summary>A compilation typed into one character at a time in <see cref="Workload.EditedFile"/>.</summary>
    internal sealed class EditChain
    {
        private SyntaxTree _tree;
        private readonly int _anchor;

        public EditChain(Compilation compilation)
        {
            Compilation = compilation;
            _tree = compilation.SyntaxTrees.Single(t => t.FilePath == Workload.EditedFile);
            _anchor = _tree.GetText().ToString().IndexOf(Workload.EditAnchor, StringComparison.Ordinal) + Workload.EditAnchor.Length;
        }

        public Compilation Compilation { get; private set; }

        /// <summary>Types a letter (even edits) or deletes it (odd ones): every edit is one character, and the file never grows.</summary>
        public void Type(int edit)
        {
            var text = _tree.GetText();
            var change = edit % 2 == 0
                ? new TextChange(new TextSpan(_anchor, 0), ((char)('a' + (edit / 2 % 26))).ToString())
                : new TextChange(new TextSpan(_anchor, 1), "");
            var next = _tree.WithChangedText(text.WithChanges(change));
            Compilation = Compilation.ReplaceSyntaxTree(_tree, next);
            _tree = next;
        }
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
