using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace NegLR.Experiments.Variance;

/// <summary>An exponential fit Var ≈ A·2^(−κ n) over qubit counts at fixed ansatz, cost and depth.</summary>
internal sealed class VarianceFit
{
    [JsonPropertyName("ansatz")]
    public string Ansatz { get; set; } = string.Empty;

    [JsonPropertyName("cost")]
    public string Cost { get; set; } = string.Empty;

    [JsonPropertyName("layers")]
    public int Layers { get; set; }

    [JsonPropertyName("statistic")]
    public string Statistic { get; set; } = string.Empty;

    [JsonPropertyName("qubits")]
    public List<int> Qubits { get; set; } = new();

    /// <summary>d ln Var / d n.</summary>
    [JsonPropertyName("slopeLn")]
    public double? SlopeLn { get; set; }

    [JsonPropertyName("slopeLnSe")]
    public double? SlopeLnSe { get; set; }

    /// <summary>κ in Var ∝ 2^(−κ n): −slope/ln 2.</summary>
    [JsonPropertyName("decayRateBits")]
    public double? DecayRateBits { get; set; }

    [JsonPropertyName("decayRateBitsSe")]
    public double? DecayRateBitsSe { get; set; }

    [JsonPropertyName("interceptLn")]
    public double? InterceptLn { get; set; }

    [JsonPropertyName("reducedChiSquared")]
    public double? ReducedChiSquared { get; set; }
}
