using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace NegLR.Experiments.Variance;

/// <summary>variance.json: how the points were measured, the points and the fits over qubit counts.</summary>
internal sealed class VarianceSummary
{
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; set; } = 1;

    [JsonPropertyName("command")]
    public string Command { get; set; } = string.Empty;

    [JsonPropertyName("seed")]
    public ulong Seed { get; set; }

    [JsonPropertyName("samples")]
    public int Samples { get; set; }

    [JsonPropertyName("fitMinQubits")]
    public int FitMinQubits { get; set; }

    [JsonPropertyName("points")]
    public List<VariancePoint> Points { get; set; } = new();

    [JsonPropertyName("fits")]
    public List<VarianceFit> Fits { get; set; } = new();
}
