using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NegLR.Experiments.Optimizers;

/// <summary>Frozen hyperparameters of one optimizer.</summary>
internal sealed class OptimizerSettings
{
    /// <summary>η (η⁺ for NLR; the first gain a₀ for SPSA).</summary>
    [JsonPropertyName("learningRate")]
    public double LearningRate { get; set; } = 0.01;

    /// <summary>NLR: base gradient method id.</summary>
    [JsonPropertyName("base")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Base { get; set; }

    /// <summary>NLR: η⁻/η⁺.</summary>
    [JsonPropertyName("negativeRatio")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? NegativeRatio { get; set; }

    /// <summary>NLR Plateau policy: τ.</summary>
    [JsonPropertyName("plateauThreshold")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PlateauThreshold { get; set; }

    /// <summary>SPSA: perturbation c.</summary>
    [JsonPropertyName("perturbation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Perturbation { get; set; }

    /// <summary>Tuning score of the chosen setting (mean normalised final loss on the tuning problems).</summary>
    [JsonPropertyName("tuningScore")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TuningScore { get; set; }

    /// <summary>Mean final score of the chosen setting on each tuning problem (chooses the best baseline per family, on tuning instances).</summary>
    [JsonPropertyName("problemScores")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SortedDictionary<string, double>? ProblemScores { get; set; }

    /// <summary>Candidate settings tried when this one was chosen (every optimizer should get the same number).</summary>
    [JsonPropertyName("trials")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Trials { get; set; }

    public OptimizerSettings Clone()
    {
        var c = (OptimizerSettings)MemberwiseClone();
        c.ProblemScores = ProblemScores is null ? null : new SortedDictionary<string, double>(ProblemScores, StringComparer.Ordinal);
        return c;
    }
}

/// <summary>The frozen hyperparameter file (Tuning/hyperparameters.json): written by the <c>tune</c> verb.</summary>
internal sealed class HyperparameterFile
{
    [JsonPropertyName("description")]
    public string Description { get; set; } = string.Empty;

    [JsonPropertyName("command")]
    public string Command { get; set; } = string.Empty;

    [JsonPropertyName("tuningProblems")]
    public List<string> TuningProblems { get; set; } = new();

    [JsonPropertyName("tuningSeeds")]
    public List<int> TuningSeeds { get; set; } = new();

    [JsonPropertyName("tuningSteps")]
    public int TuningSteps { get; set; }

    [JsonPropertyName("optimizers")]
    public SortedDictionary<string, OptimizerSettings> Optimizers { get; set; } = new(StringComparer.Ordinal);

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Tuning", "hyperparameters.json");

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static HyperparameterFile Load(string? path)
    {
        path ??= DefaultPath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No hyperparameter file at '{path}'. Run the `tune` verb to create one, or pass --hyperparameters.", path);
        }

        return JsonSerializer.Deserialize<HyperparameterFile>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"'{path}' is not a hyperparameter file.");
    }

    public void Save(string path)
    {
        Storage.AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");
    }

    public OptimizerSettings For(string id) =>
        Optimizers.TryGetValue(id, out var s) ? s : throw new InvalidDataException($"The hyperparameter file has no entry for '{id}'; rerun `tune`.");
}
