using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Optimizers;

namespace NegLR.Experiments.Compare;

/// <summary>Everything the compare verb was asked to do.</summary>
internal sealed class CompareConfig
{
    public static readonly OptionSpec[] Options =
    {
        new("preset", "quick|paper", "Grid to run: quick (default; under a minute on 2 cores) or paper (the full grid, about 7 CPU-hours)."),
        new("benchmarks", "LIST", "Comma-separated benchmark ids, prefixes ending in * (cls-iris-*), or families (classification, vqe, qaoa, bp)."),
        new("optimizers", "LIST", "Comma-separated optimizer ids, or all, baselines, nlr-all."),
        new("seeds", "N|LIST", "Number of seeds (0..N-1), or a list/range such as 0-9 (default 10)."),
        new("steps", "N", "Budget: N gradient steps' worth of circuit evaluations (and shots) per run (quick 30, paper 100)."),
        new("shots", "LIST", "Modes as shots per evaluation, 0 = exact (quick 0,100; paper 0,100,1000)."),
        new("train-rows", "N", "Training rows of classification splits (quick 32, paper 80)."),
        new("test-rows", "N", "Test rows of classification splits (quick 32, paper 80)."),
        new("batch-rows", "N", "Classification rows per step, 0 = full batch (quick 0, paper 16)."),
        new("out", "DIR", "Output folder (default artifacts/experiments/<preset>; artifacts/ is git-ignored)."),
        new("resume", null, "Keep the finished runs already in the output folder and run only the missing ones."),
        new("jobs", "N", "Runs in parallel (default: processor count)."),
        new("hyperparameters", "FILE", "Frozen hyperparameters (default: Tuning/hyperparameters.json beside the program)."),
        new("bootstrap", "N", "Bootstrap resamples for confidence intervals (default 10000)."),
        new("no-plots", null, "Skip the PNG/SVG plots."),
        new("plot-benchmarks", "LIST", "Draw per-benchmark figures only for these (patterns as in --benchmarks); the summary figures are always drawn. Default: all."),
        new("no-progress", null, "Plain progress lines instead of a live bar."),
        new("list", null, "List the benchmarks and optimizers, then exit."),
        new("stop-after", "N", "Stop (as Ctrl-C would) after N runs finish; for testing --resume."),
    };

    public required string Preset { get; init; }

    public required IReadOnlyList<Benchmark> Benchmarks { get; init; }

    public required IReadOnlyList<OptimizerSpec> Optimizers { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    public required IReadOnlyList<int> ShotModes { get; init; }

    public required int Steps { get; init; }

    public required BenchmarkSizes Sizes { get; init; }

    public required string OutputDirectory { get; init; }

    public bool Resume { get; init; }

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public string? HyperparametersPath { get; init; }

    public int BootstrapResamples { get; init; } = Stats.Bootstrap.DefaultResamples;

    public bool Plots { get; init; } = true;

    /// <summary>Benchmarks that get per-benchmark figures; null means all (a large grid makes hundreds).</summary>
    public IReadOnlySet<string>? PlotBenchmarks { get; init; }

    public bool LiveProgress { get; init; } = true;

    public int? StopAfter { get; init; }

    /// <summary>The command line that reproduces this configuration (for the report).</summary>
    public required string CommandLine { get; init; }

    public static CompareConfig FromArguments(ParsedArguments a, IReadOnlyList<string> raw)
    {
        string preset = a.String("preset") ?? "quick";
        if (preset is not ("quick" or "paper"))
        {
            throw new UsageException($"--preset must be quick or paper, not '{preset}'.");
        }

        bool quick = preset == "quick";
        var benchmarks = a.String("benchmarks") is string b ? BenchmarkCatalog.Select(b)
            : quick ? BenchmarkCatalog.QuickIds.Select(BenchmarkCatalog.Get).ToList() : BenchmarkCatalog.All;
        var optimizers = a.String("optimizers") is string o ? OptimizerCatalog.Select(o)
            : quick ? OptimizerCatalog.QuickIds.Select(OptimizerCatalog.Get).ToList() : OptimizerCatalog.All;
        if (optimizers.Count == 0)
        {
            throw new UsageException("--optimizers selected nothing.");
        }

        IReadOnlyList<int> seeds = Enumerable.Range(0, 10).ToList();
        if (a.String("seeds") is string s)
        {
            seeds = s.Contains(',', StringComparison.Ordinal) || s.Contains('-', StringComparison.Ordinal)
                ? ParsedArguments.IntList(s, "seeds").Distinct().OrderBy(x => x).ToList()
                : Enumerable.Range(0, a.Int("seeds", 10, 1, 10_000)).ToList();
        }

        if (seeds.Any(x => x < 0))
        {
            throw new UsageException("--seeds must be 0 or more.");
        }

        var shots = a.String("shots") is string sh ? ParsedArguments.IntList(sh, "shots").Distinct().OrderBy(x => x).ToList()
            : quick ? new List<int> { 0, 100 } : new List<int> { 0, 100, 1000 };
        if (shots.Any(x => x < 0))
        {
            throw new UsageException("--shots must be 0 (exact) or a positive number of shots.");
        }

        var defaults = quick ? BenchmarkSizes.Quick : BenchmarkSizes.Paper;
        return new CompareConfig
        {
            Preset = preset,
            Benchmarks = benchmarks,
            Optimizers = optimizers,
            Seeds = seeds,
            ShotModes = shots,
            Steps = a.Int("steps", quick ? 30 : 100, 1, 1_000_000),
            Sizes = new BenchmarkSizes(a.Int("train-rows", defaults.TrainRows, 2, 100_000), a.Int("test-rows", defaults.TestRows, 0, 100_000),
                a.Int("batch-rows", defaults.BatchRows, 0, 100_000)),
            OutputDirectory = a.String("out") ?? System.IO.Path.Combine("artifacts", "experiments", preset),
            Resume = a.Has("resume"),
            Jobs = a.Int("jobs", Environment.ProcessorCount, 1, 1024),
            HyperparametersPath = a.String("hyperparameters"),
            BootstrapResamples = a.Int("bootstrap", Stats.Bootstrap.DefaultResamples, 100, 10_000_000),
            Plots = !a.Has("no-plots"),
            PlotBenchmarks = a.String("plot-benchmarks") is string pb ? BenchmarkCatalog.Select(pb).Select(x => x.Id).ToHashSet(StringComparer.Ordinal) : null,
            LiveProgress = !a.Has("no-progress"),
            StopAfter = a.Has("stop-after") ? a.Int("stop-after", 0, 0) : null,
            CommandLine = "dotnet run --project samples/NegLR.Experiments -c Release -- compare" + string.Concat(ReproducingArguments(raw).Select(r => " " + Quote(r))),
        };
    }

    /// <summary>The arguments minus those that do not change results (resume, progress, jobs, stop-after).</summary>
    private static IEnumerable<string> ReproducingArguments(IReadOnlyList<string> raw)
    {
        for (int i = 0; i < raw.Count; i++)
        {
            string r = raw[i];
            if (r is "--resume" or "--no-progress")
            {
                continue;
            }

            if (r is "--stop-after" or "--jobs")
            {
                i++;
                continue;
            }

            if (r.StartsWith("--stop-after=", StringComparison.Ordinal) || r.StartsWith("--jobs=", StringComparison.Ordinal))
            {
                continue;
            }

            yield return r;
        }
    }

    private static string Quote(string s) => s.Contains(' ', StringComparison.Ordinal) || s.Contains('*', StringComparison.Ordinal) ? "\"" + s + "\"" : s;
}
