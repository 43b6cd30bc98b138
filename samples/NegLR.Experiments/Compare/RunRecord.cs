using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegLR.Experiments.Compare;

/// <summary>Which run: benchmark × mode × optimizer × seed.</summary>
internal readonly record struct RunKey(string Benchmark, int Shots, string Optimizer, int Seed)
{
    /// <summary>"exact" or "shots100".</summary>
    public string Mode => ModeName(Shots);

    public static string ModeName(int shots) => shots == 0 ? "exact" : "shots" + shots.ToString(CultureInfo.InvariantCulture);

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
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Writes atomically: a temporary file beside the target, then a rename, so a file is whole or absent.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json));
        File.Move(temporary, path, overwrite: true);
    }

    public static RunRecord Load(string path) =>
        JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"'{path}' is not a run record.");

    /// <summary>Loads the record if a complete file exists, else null (a damaged file counts as absent).</summary>
    public static RunRecord? TryLoad(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return Load(path);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
