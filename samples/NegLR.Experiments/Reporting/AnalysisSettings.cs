using System.Text.Json.Serialization;

namespace NegLR.Experiments.Reporting;

/// <summary>
/// Settings of the analysis that are fixed before the data are seen and stated in the protocol: what counts as
/// reaching the target, the equivalence margin of the TOST, the modelled device latency.
/// </summary>
internal sealed class AnalysisSettings
{
    /// <summary>A run succeeds when its score falls to (1 − f) × its initial score: it closed a fraction f of its initial gap.</summary>
    [JsonPropertyName("targetFraction")]
    public double TargetFraction { get; init; } = 0.9;

    /// <summary>TOST margin δ as a fraction of the base optimizer's mean initial score (an absolute margin on the paired differences).</summary>
    [JsonPropertyName("equivalenceMargin")]
    public double EquivalenceMargin { get; init; } = 0.05;

    /// <summary>Modelled wall-clock seconds per device job: a gradient step is one job (all its circuits batched), a Lookahead step two.</summary>
    [JsonPropertyName("jobLatencySeconds")]
    public double JobLatencySeconds { get; init; } = 1.0;
}
