using System.Text.Json.Serialization;

namespace NegLR.Experiments.Variance;

/// <summary>Gradient statistics at one (ansatz, cost, qubits, layers) point.</summary>
internal sealed class VariancePoint
{
    [JsonPropertyName("ansatz")]
    public string Ansatz { get; set; } = string.Empty;

    [JsonPropertyName("cost")]
    public string Cost { get; set; } = string.Empty;

    [JsonPropertyName("qubits")]
    public int Qubits { get; set; }

    [JsonPropertyName("layers")]
    public int Layers { get; set; }

    [JsonPropertyName("weights")]
    public int Weights { get; set; }

    [JsonPropertyName("samples")]
    public int Samples { get; set; }

    /// <summary>Mean of ∂C/∂θ₁ (should be ≈ 0).</summary>
    [JsonPropertyName("meanFirst")]
    public double MeanFirst { get; set; }

    /// <summary>Sample variance of ∂C/∂θ₁, the first weight (McClean et al.'s statistic).</summary>
    [JsonPropertyName("varianceFirst")]
    public double VarianceFirst { get; set; }

    [JsonPropertyName("varianceFirstSe")]
    public double VarianceFirstSe { get; set; }

    /// <summary>Sample variance of ∂C/∂θ_k averaged over every weight k.</summary>
    [JsonPropertyName("varianceAll")]
    public double VarianceAll { get; set; }

    [JsonPropertyName("varianceAllSe")]
    public double VarianceAllSe { get; set; }

    /// <summary>Unitary-2-design prediction for a Pauli-string cost and a Pauli-rotation weight: d²/(2(d²−1)(d+1)) ≈ 2^−(n+1).</summary>
    [JsonPropertyName("twoDesignPrediction")]
    public double TwoDesignPrediction { get; set; }
}
