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
        OptionSpec.Choice("preset", "Grid to run: quick (default; about 1.5 CPU-minutes) or paper (the full grid, about 7 CPU-hours).", "quick", "paper"),
        OptionSpec.Text("benchmarks", "LIST", "Comma-separated benchmark ids, prefixes ending in * (cls-iris-*), or families (classification, vqe, qaoa, bp)."),
        OptionSpec.Text("optimizers", "LIST", "Comma-separated optimizer ids, or all, baselines, nlr-all; each NLR variant brings its base at the same rate (e.g. adam@0.1)."),
        OptionSpec.Text("seeds", "N|LIST", "Number of seeds (0..N-1), or a list/range such as 0-9 (default 10)."),
        OptionSpec.Integer("steps", "Budget: N gradient steps' worth of circuit evaluations (and shots) per run (quick 30, paper 100).", 1, 1_000_000),
        OptionSpec.IntegerList("shots", "Modes as shots per evaluation, 0 = exact (quick 0,100; paper 0,100,1000).", 0),
        OptionSpec.Integer("train-rows", "Training rows of classification splits (quick 32, paper 80).", 2, 100_000),
        OptionSpec.Integer("test-rows", "Test rows of classification splits (quick 32, paper 80).", 0, 100_000),
        OptionSpec.Integer("batch-rows", "Classification rows per step, 0 = full batch (quick 0, paper 16).", 0, 100_000),
        OptionSpec.PathTo("out", "DIR", "Output folder (default artifacts/experiments/<preset>; artifacts/ is git-ignored)."),
        OptionSpec.Flag("resume", "Keep the finished runs already in the output folder and run only the missing ones."),
        OptionSpec.Integer("jobs", "Runs in parallel (default: processor count).", 1, 1024),
        OptionSpec.PathTo("hyperparameters", "FILE", "Frozen hyperparameters (default: Tuning/hyperparameters.json beside the program)."),
        OptionSpec.Integer("bootstrap", "Bootstrap resamples for confidence intervals (default 10000).", 100, 10_000_000),
        OptionSpec.Flag("no-plots", "Skip the PNG/SVG plots."),
        OptionSpec.Text("plot-benchmarks", "LIST", "Draw per-benchmark figures only for these (patterns as in --benchmarks); the summary figures are always drawn. Default: all."),
        OptionSpec.Flag("no-progress", "Plain progress lines instead of a live bar."),
        OptionSpec.Flag("list", "List the benchmarks and optimizers, then exit."),
        OptionSpec.Integer("stop-after", "Stop (as Ctrl-C would) after N runs finish; for testing --resume.", 0),
        OptionSpec.Text("shard", "K/N|env", "Run only shard K of N (0-based) of the grid, balanced by estimated cost, and write no summary; 'env' reads SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT or JOB_COMPLETION_INDEX/NEGLR_SHARD_COUNT. Implies --resume."),
        OptionSpec.Flag("merge", "Build summary.json, report and plots from the run files the shards wrote (refuses while runs are missing)."),
        OptionSpec.Choice("slurm", "Print (or submit with sbatch) a Slurm job array that runs this grid in --shards shards, then a merge job.", "print", "submit"),
        OptionSpec.Integer("shards", "Shards for --slurm (default 4).", 1, 10_000),
        OptionSpec.Text("slurm-options", "TEXT", "Extra #SBATCH lines for --slurm, separated by ';' (e.g. \"--partition=short;--account=qc\")."),
        OptionSpec.Number("target-fraction", "Success: a run reaches the target when it closes this fraction of its initial gap (default 0.9)."),
        OptionSpec.Number("equivalence-margin", "TOST margin: differences within ± this fraction of the base's mean initial score count as equivalent (default 0.05)."),
        OptionSpec.Number("job-latency", "Modelled wall-clock seconds per device job (default 1); a Lookahead step is two sequential jobs."),
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

    /// <summary>Run only this shard of the grid and write no summary (null: the whole grid).</summary>
    public Distributed.Shard? Shard { get; init; }

    /// <summary>Build the outputs from run files already on disk (the shards'); run nothing.</summary>
    public bool Merge { get; init; }

    /// <summary>Print ("print") or submit ("submit") a Slurm array script instead of running.</summary>
    public string? Slurm { get; init; }

    /// <summary>Shards of the Slurm array.</summary>
    public int SlurmShards { get; init; } = 4;

    /// <summary>Extra #SBATCH options.</summary>
    public IReadOnlyList<string> SlurmOptions { get; init; } = Array.Empty<string>();

    /// <summary>The analysis settings (success target, equivalence margin, modelled latency): part of the protocol.</summary>
    public Reporting.AnalysisSettings Analysis { get; init; } = new();

    /// <summary>The verb's arguments as given (for the Slurm script, which adds --shard, --merge and --out).</summary>
    public IReadOnlyList<string> RawArguments { get; init; } = Array.Empty<string>();

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
        var selected = a.String("optimizers") is string o ? OptimizerCatalog.Select(o)
            : quick ? OptimizerCatalog.QuickIds.Select(OptimizerCatalog.Get).ToList() : OptimizerCatalog.All;
        // Every NLR variant brings its primary control: its own base optimizer at its own rate.
        var optimizers = OptimizerCatalog.WithControls(selected, HyperparameterFile.Load(a.String("hyperparameters")));
        if (optimizers.Count == 0)
        {
            throw new UsageException("--optimizers selected nothing.");
        }

        var impossible = optimizers.Where(o => o.Study is not null)
            .SelectMany(o => benchmarks.Select(bm => o.Study!.NotApplicableTo(bm)).OfType<string>()).ToList();
        if (impossible.Count > 0)
        {
            throw new UsageException($"{impossible.Count} pairs of this grid cannot run: {string.Join("; ", impossible.Take(3))}{(impossible.Count > 3 ? "; …" : string.Empty)}. Run such optimizers in a grid of their own benchmarks.");
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
            Shard = a.String("shard") is string shard ? Distributed.Shard.Parse(shard, Environment.GetEnvironmentVariable) : null,
            Merge = a.Has("merge"),
            Slurm = a.String("slurm"),
            SlurmShards = a.Int("shards", 4, 1, 10_000),
            SlurmOptions = (a.String("slurm-options") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Analysis = new Reporting.AnalysisSettings
            {
                TargetFraction = Fraction(a, "target-fraction", 0.9),
                EquivalenceMargin = Fraction(a, "equivalence-margin", 0.05),
                JobLatencySeconds = a.Double("job-latency", 1.0) is double l && l >= 0 ? l : throw new UsageException("--job-latency must be 0 or more seconds."),
            },
            RawArguments = raw.ToList(),
            CommandLine = "dotnet run --project samples/NegLR.Experiments -c Release -- compare" + string.Concat(ReproducingArguments(raw).Select(r => " " + Quote(r))),
        };
    }

    private static double Fraction(ParsedArguments a, string name, double fallback)
    {
        double v = a.Double(name, fallback);
        return v is > 0 and < 1 ? v : throw new UsageException($"--{name} must lie strictly between 0 and 1, not {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
    }

    /// <summary>Options that say how or where to run, not what: left out of the command a report reproduces.</summary>
    private static readonly string[] Flags = { "--resume", "--no-progress", "--merge" };

    private static readonly string[] Valued = { "--stop-after", "--jobs", "--shard", "--slurm", "--shards", "--slurm-options" };

    /// <summary>The arguments minus those that do not change results (resume, progress, jobs, stop-after, sharding).</summary>
    private static IEnumerable<string> ReproducingArguments(IReadOnlyList<string> raw)
    {
        for (int i = 0; i < raw.Count; i++)
        {
            string r = raw[i];
            if (Flags.Contains(r))
            {
                continue;
            }

            if (Valued.Contains(r))
            {
                i++;
                continue;
            }

            if (Valued.Any(v => r.StartsWith(v + "=", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return r;
        }
    }

    private static string Quote(string s) => s.Contains(' ', StringComparison.Ordinal) || s.Contains('*', StringComparison.Ordinal) ? "\"" + s + "\"" : s;
}
