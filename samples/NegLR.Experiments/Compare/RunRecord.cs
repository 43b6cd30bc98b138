using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Storage;

namespace NegLR.Experiments.Compare;

/// <summary>Which run: benchmark × mode × optimizer × seed.</summary>
internal readonly record struct RunKey(string Benchmark, int Shots, string Optimizer, int Seed)
{
    /// <summary>"exact" or "shots100".</summary>
    public string Mode => ModeName(Shots);

    public static string ModeName(int shots) => shots == 0 ? "exact" : "shots" + shots.ToString(CultureInfo.InvariantCulture);

    /// <summary>The inverse of <see cref="ModeName"/>: "exact" → 0, "shots100" → 100.</summary>
    /// <exception cref="InvalidDataException">The name is neither "exact" nor "shots&lt;N&gt;".</exception>
    public static int ShotsOf(string mode) =>
        mode == "exact" ? 0
        : mode.StartsWith("shots", StringComparison.Ordinal) && int.TryParse(mode.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int shots) ? shots
        : throw new InvalidDataException($"The summary names the mode '{mode}', which is neither 'exact' nor 'shots<N>'.");

    /// <summary>Path of the run's file below the output folder.</summary>
    public string RelativePath => Path.Combine("runs", Benchmark, Mode, Optimizer, "seed-" + Seed.ToString("D3", CultureInfo.InvariantCulture) + ".json");
}

/// <summary>Per-step history of one run, as parallel arrays (compact on disk).</summary>
internal sealed class RunHistory
{
    [JsonPropertyName("loss")]
    public double[] Loss { get; set; } = Array.Empty<double>();

    [JsonPropertyName("gradientNorm")]
    public double[] GradientNorm { get; set; } = Array.Empty<double>();

    [JsonPropertyName("learningRate")]
    public double[] LearningRate { get; set; } = Array.Empty<double>();

    /// <summary>One character per step: '+' descent, '-' ascent.</summary>
    [JsonPropertyName("phases")]
    public string Phases { get; set; } = string.Empty;

    [JsonPropertyName("trialLoss")]
    public double?[] TrialLoss { get; set; } = Array.Empty<double?>();

    /// <summary>Circuit evaluations used up to and including each step.</summary>
    [JsonPropertyName("evaluations")]
    public long[] Evaluations { get; set; } = Array.Empty<long>();

    [JsonPropertyName("shots")]
    public long[] Shots { get; set; } = Array.Empty<long>();

    public int Count => Loss.Length;
}

/// <summary>Everything one finished run produced; written to its own file as soon as it ends.</summary>
internal sealed class RunRecord
{
    [JsonPropertyName("benchmark")]
    public string Benchmark { get; set; } = string.Empty;

    [JsonPropertyName("shotsPerEvaluation")]
    public int Shots { get; set; }

    [JsonPropertyName("optimizer")]
    public string Optimizer { get; set; } = string.Empty;

    [JsonPropertyName("seed")]
    public int Seed { get; set; }

    [JsonPropertyName("weights")]
    public int Weights { get; set; }

    [JsonPropertyName("rows")]
    public int Rows { get; set; }

    [JsonPropertyName("budgetEvaluations")]
    public long BudgetEvaluations { get; set; }

    [JsonPropertyName("budgetShots")]
    public long BudgetShots { get; set; }

    [JsonPropertyName("stopReason")]
    public string StopReason { get; set; } = string.Empty;

    [JsonPropertyName("steps")]
    public long Steps { get; set; }

    [JsonPropertyName("evaluationsUsed")]
    public long EvaluationsUsed { get; set; }

    [JsonPropertyName("shotsUsed")]
    public long ShotsUsed { get; set; }

    [JsonPropertyName("initialLoss")]
    public double InitialLoss { get; set; }

    [JsonPropertyName("initialMetric")]
    public double InitialMetric { get; set; }

    [JsonPropertyName("finalLoss")]
    public double FinalLoss { get; set; }

    [JsonPropertyName("metric")]
    public double Metric { get; set; }

    [JsonPropertyName("extras")]
    public SortedDictionary<string, double> Extras { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("history")]
    public RunHistory History { get; set; } = new();

    /// <summary>
    /// SHA-256 of the settings that change results (runner version, budget, split sizes, hyperparameters): a run made
    /// with other settings is never mixed into a grid, even when config.json is lost.
    /// </summary>
    [JsonPropertyName("settings")]
    public string SettingsHash { get; set; } = string.Empty;

    /// <summary>Wall-clock seconds (informational; never enters summary.json).</summary>
    [JsonPropertyName("wallSeconds")]
    public double WallSeconds { get; set; }

    [JsonIgnore]
    public RunKey Key => new(Benchmark, Shots, Optimizer, Seed);

    [JsonIgnore]
    public string Mode => RunKey.ModeName(Shots);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        // A step without a gradient (Rotosolve) records its gradient norm and rate as NaN, written "NaN".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Writes the record sealed with a SHA-256 of its bytes (<see cref="Seal"/>) and atomically (a temporary file, then a
    /// rename), so a file on disk is whole, sealed and the runner's, or absent.
    /// </summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, Seal.Apply(JsonSerializer.Serialize(this, Json)));

    /// <summary>Reads and checks a run file: sealed, a run, the run of <paramref name="expected"/>.</summary>
    /// <exception cref="RunFileException">The file cannot be trusted; the message names it and says why.</exception>
    public static RunRecord Load(string path, RunKey expected)
    {
        var (record, problem) = Inspect(path, expected);
        return record ?? throw new RunFileException($"Run file '{path}' {problem ?? "is missing"}.");
    }

    /// <summary>
    /// The record when the file is a sealed run of <paramref name="expected"/>; otherwise null and what is wrong (null
    /// problem: no file). Never throws for a file's content.
    /// </summary>
    public static (RunRecord? Record, string? Problem) Inspect(string path, RunKey expected)
    {
        if (!File.Exists(path))
        {
            return (null, null);
        }

        string? body = Seal.Verify(File.ReadAllText(path));
        if (body is null)
        {
            return (null, "fails its integrity seal (edited, truncated, empty, or not a run file)");
        }

        RunRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<RunRecord>(body, Json);
        }
        catch (JsonException e)
        {
            return (null, "is sealed but not a run record (" + e.Message + ")");
        }

        if (record is null || record.History is null || record.Extras is null)
        {
            return (null, "is sealed but not a run record");
        }

        if (record.Key != expected)
        {
            return (null, $"holds the run of {record.Key.RelativePath}, not of {expected.RelativePath} (copied over it?)");
        }

        return (record, null);
    }

    /// <summary>Reads a sealed record whatever cell it is (for tools and tests that list a folder).</summary>
    public static RunRecord ReadSealed(string path) =>
        JsonSerializer.Deserialize<RunRecord>(Seal.Verify(File.ReadAllText(path)) ?? throw new RunFileException($"Run file '{path}' fails its integrity seal."), Json)
        ?? throw new RunFileException($"Run file '{path}' is not a run record.");

    /// <summary>Whether a file is a sealed record (what a fresh run may remove: the runner provably wrote it).</summary>
    public static bool IsSealed(string path)
    {
        try
        {
            return path.EndsWith(".json", StringComparison.Ordinal) && Seal.Verify(File.ReadAllText(path)) is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
