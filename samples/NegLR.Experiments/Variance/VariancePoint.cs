using System;
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

    /// <summary>
    /// The deep-circuit (unitary-2-design) limit of Var ∂C/∂θ₁ for a Pauli-string cost. The first weight's gate acts
    /// on a fixed product state, so only the circuit after it is a 2-design: Var = 2 Tr(O²) Var_ψ(V)/(d² − 1) with
    /// V = P/2. McClean's circuits start from RY(π/4)|0⟩ with a random axis, Var_ψ(V) = 1/6 on average, so
    /// Var = d/(3(d² − 1)) ≈ 2^−n/3; the hardware-efficient ansatz's first RY acts on |0⟩, Var_ψ(Y/2) = 1/4, so
    /// Var = d/(2(d² − 1)). (The interior-weight value d²/(2(d² − 1)(d + 1)) ≈ 2^−(n+1) is 3/2 of McClean's first-weight
    /// limit; the first weight never reaches it.)
    /// </summary>
    [JsonPropertyName("twoDesignFirst")]
    public double TwoDesignFirst { get; set; }

    /// <summary>The 2-design value of an interior weight (both sides 2-designs): d²/(2(d² − 1)(d + 1)) ≈ 2^−(n+1).</summary>
    [JsonPropertyName("twoDesignInterior")]
    public double TwoDesignInterior { get; set; }

    /// <summary>The first weight's 2-design limit for <paramref name="ansatz"/> on <paramref name="qubits"/> qubits.</summary>
    public static double FirstWeightLimit(string ansatz, int qubits)
    {
        double d = Math.Pow(2, qubits);
        return ansatz == "hea" ? d / (2 * ((d * d) - 1)) : d / (3 * ((d * d) - 1));
    }

    /// <summary>The interior weight's 2-design value on <paramref name="qubits"/> qubits.</summary>
    public static double InteriorWeightValue(int qubits)
    {
        double d = Math.Pow(2, qubits);
        return d * d / (2 * ((d * d) - 1) * (d + 1));
    }
}
