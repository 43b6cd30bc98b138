using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Experiments.Cli;

namespace NegLR.Experiments.Variance;

/// <summary>What the variance verb was asked to do.</summary>
internal sealed class VarianceConfig
{
    public static readonly OptionSpec[] Options =
    {
        OptionSpec.Choice("preset", "quick (default: qubits 2-10, depths 2,20,100, 200 samples) or paper (qubits 2-14, depths 1-256, 1000 samples).", "quick", "paper"),
        OptionSpec.IntegerList("qubits", "Qubit counts, e.g. 2,4,6 or 2-12.", 2, 20),
        OptionSpec.IntegerList("layers", "Layer counts (depths), e.g. 2,20.", 1),
        OptionSpec.Integer("samples", "Random initialisations per point (at least 4).", 4, 10_000_000),
        OptionSpec.Text("ansatz", "LIST", "random (McClean et al. 2018), hea (hardware-efficient), or both (default)."),
        OptionSpec.Text("cost", "LIST", "local (Z0), global (Z0 Z1 … Z(n-1)), or both (default)."),
        OptionSpec.Integer("fit-min-qubits", "Smallest qubit count used in the exponential fit (default 4).", 1, 30),
        OptionSpec.Integer("seed", "Master seed (default 0).", 0),
        OptionSpec.PathTo("out", "DIR", "Output folder (default artifacts/experiments/variance-<preset>)."),
        OptionSpec.Integer("jobs", "Points computed in parallel (default: processor count).", 1, 1024),
        OptionSpec.Flag("no-plots", "Skip the plots."),
        OptionSpec.Flag("no-progress", "Plain progress lines instead of a live bar."),
        OptionSpec.Text("shard", "K/N|env", "Measure only shard K of N of the points (balanced by cost), each saved as a sealed file under points/; 'env' reads a Slurm array or Kubernetes Indexed Job index as compare does."),
        OptionSpec.Flag("merge", "Build variance.json, the report and plots from the point files the shards wrote."),
    };

    public required string Preset { get; init; }

    public required IReadOnlyList<int> Qubits { get; init; }

    public required IReadOnlyList<int> Layers { get; init; }

    public required int Samples { get; init; }

    public required IReadOnlyList<string> Ansatze { get; init; }

    public required IReadOnlyList<string> Costs { get; init; }

    public int FitMinQubits { get; init; } = 4;

    public ulong Seed { get; init; }

    public required string OutputDirectory { get; init; }

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool Plots { get; init; } = true;

    public bool LiveProgress { get; init; } = true;

    public required string CommandLine { get; init; }

    /// <summary>Measure only this shard of the points (null: all).</summary>
    public Distributed.Shard? Shard { get; init; }

    /// <summary>Build the outputs from the shards' point files.</summary>
    public bool Merge { get; init; }

    /// <summary>The arguments minus those that say how to run, not what (progress, jobs, sharding).</summary>
    private static IEnumerable<string> Reproducing(IReadOnlyList<string> raw)
    {
        for (int i = 0; i < raw.Count; i++)
        {
            if (raw[i] is "--no-progress" or "--merge")
            {
                continue;
            }

            if (raw[i] is "--shard" or "--jobs")
            {
                i++;
                continue;
            }

            if (raw[i].StartsWith("--shard=", StringComparison.Ordinal) || raw[i].StartsWith("--jobs=", StringComparison.Ordinal))
            {
                continue;
            }

            yield return raw[i];
        }
    }

    public static VarianceConfig FromArguments(ParsedArguments a, IReadOnlyList<string> raw)
    {
        string preset = a.String("preset") ?? "quick";
        if (preset is not ("quick" or "paper"))
        {
            throw new UsageException($"--preset must be quick or paper, not '{preset}'.");
        }

        bool quick = preset == "quick";
        var qubits = a.String("qubits") is string q ? ParsedArguments.IntList(q, "qubits") : quick ? new List<int> { 2, 4, 6, 8, 10 } : Enumerable.Range(1, 7).Select(i => 2 * i).ToList();
        if (qubits.Any(n => n < 2 || n > 20))
        {
            throw new UsageException("--qubits must lie between 2 and 20.");
        }

        var layers = a.String("layers") is string l ? ParsedArguments.IntList(l, "layers") : quick ? new List<int> { 2, 20, 100 } : new List<int> { 1, 4, 16, 64, 256 };
        if (layers.Any(x => x < 1))
        {
            throw new UsageException("--layers must be at least 1.");
        }

        var ansatze = (a.String("ansatz") ?? "random,hea").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (ansatze.Count == 0 || ansatze.Any(x => x is not ("random" or "hea")))
        {
            throw new UsageException("--ansatz takes random and/or hea.");
        }

        var costs = (a.String("cost") ?? "local,global").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (costs.Count == 0 || costs.Any(x => x is not ("local" or "global")))
        {
            throw new UsageException("--cost takes local and/or global.");
        }

        return new VarianceConfig
        {
            Preset = preset,
            Qubits = qubits.Distinct().OrderBy(x => x).ToList(),
            Layers = layers.Distinct().OrderBy(x => x).ToList(),
            Samples = a.Int("samples", quick ? 200 : 1000, 4, 10_000_000),
            Ansatze = ansatze,
            Costs = costs,
            FitMinQubits = a.Int("fit-min-qubits", 4, 1, 30),
            Seed = (ulong)a.Int("seed", 0, 0),
            OutputDirectory = a.String("out") ?? System.IO.Path.Combine("artifacts", "experiments", "variance-" + preset),
            Jobs = a.Int("jobs", Environment.ProcessorCount, 1, 1024),
            Plots = !a.Has("no-plots"),
            LiveProgress = !a.Has("no-progress"),
            CommandLine = "dotnet run --project samples/NegLR.Experiments -c Release -- variance" + string.Concat(Reproducing(raw).Select(r => " " + r)),
            Shard = a.String("shard") is string shard ? Distributed.Shard.Parse(shard, Environment.GetEnvironmentVariable) : null,
            Merge = a.Has("merge"),
        };
    }
}
