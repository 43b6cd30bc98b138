using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace NegLR.Experiments.Reporting;

// The summary.json document. docs/experiments.md documents every field; SummarySchema.Json is its JSON Schema.
// Numbers that can be undefined (a CI with too few seeds, a ratio against 0) are null.

internal sealed class Summary
{
    public const string SchemaId = "https://neglr.dev/schemas/experiments-summary-v2.json";

    [JsonPropertyName("$schema")]
    public string Schema { get; set; } = SchemaId;

    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; set; } = 2;

    [JsonPropertyName("command")]
    public string Command { get; set; } = string.Empty;

    [JsonPropertyName("preset")]
    public string Preset { get; set; } = string.Empty;

    [JsonPropertyName("protocol")]
    public ProtocolSection Protocol { get; set; } = new();

    [JsonPropertyName("benchmarks")]
    public List<BenchmarkEntry> Benchmarks { get; set; } = new();

    [JsonPropertyName("optimizers")]
    public List<OptimizerEntry> Optimizers { get; set; } = new();

    [JsonPropertyName("results")]
    public List<ResultEntry> Results { get; set; } = new();

    [JsonPropertyName("comparisons")]
    public List<ComparisonEntry> Comparisons { get; set; } = new();

    [JsonPropertyName("winTieLoss")]
    public List<WinTieLossEntry> WinTieLoss { get; set; } = new();

    [JsonPropertyName("headlines")]
    public List<HeadlineEntry> Headlines { get; set; } = new();
}

internal sealed class ProtocolSection
{
    [JsonPropertyName("seeds")]
    public List<int> Seeds { get; set; } = new();

    [JsonPropertyName("modes")]
    public List<string> Modes { get; set; } = new();

    [JsonPropertyName("budgetSteps")]
    public int BudgetSteps { get; set; }

    [JsonPropertyName("budgetRule")]
    public string BudgetRule { get; set; } = string.Empty;

    [JsonPropertyName("trainRows")]
    public int TrainRows { get; set; }

    [JsonPropertyName("testRows")]
    public int TestRows { get; set; }

    /// <summary>Classification rows per step; 0 = full batch.</summary>
    [JsonPropertyName("batchRows")]
    public int BatchRows { get; set; }

    [JsonPropertyName("headlineOptimizer")]
    public string HeadlineOptimizer { get; set; } = string.Empty;

    [JsonPropertyName("alpha")]
    public double Alpha { get; set; }

    [JsonPropertyName("bootstrapResamples")]
    public int BootstrapResamples { get; set; }

    [JsonPropertyName("confidenceLevel")]
    public double ConfidenceLevel { get; set; }

    [JsonPropertyName("tuning")]
    public TuningSection Tuning { get; set; } = new();

    /// <summary>Success target, equivalence margin, modelled latency: fixed before the data are seen.</summary>
    [JsonPropertyName("analysis")]
    public AnalysisSettings Analysis { get; set; } = new();

    /// <summary>Number of primary contrasts (the Holm family).</summary>
    [JsonPropertyName("primaryContrasts")]
    public int PrimaryContrasts { get; set; }

    /// <summary>The smallest two-sided p a Wilcoxon test can give with this many seeds (2/2ⁿ).</summary>
    [JsonPropertyName("smallestPossibleP")]
    public double SmallestPossibleP { get; set; }

    /// <summary>Every protocol sentence of the report, generated from the configuration that ran.</summary>
    [JsonPropertyName("statements")]
    public List<string> Statements { get; set; } = new();
}

internal sealed class TuningSection
{
    [JsonPropertyName("command")]
    public string Command { get; set; } = string.Empty;

    [JsonPropertyName("problems")]
    public List<string> Problems { get; set; } = new();

    [JsonPropertyName("seeds")]
    public List<int> Seeds { get; set; } = new();

    [JsonPropertyName("steps")]
    public int Steps { get; set; }

    [JsonPropertyName("description")]
    public string Description { get; set; } = string.Empty;
}

internal sealed class BenchmarkEntry
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("family")]
    public string Family { get; set; } = string.Empty;

    [JsonPropertyName("description")]
    public string Description { get; set; } = string.Empty;

    [JsonPropertyName("metric")]
    public string Metric { get; set; } = string.Empty;

    [JsonPropertyName("qubits")]
    public int Qubits { get; set; }

    [JsonPropertyName("weights")]
    public int Weights { get; set; }

    [JsonPropertyName("rows")]
    public int Rows { get; set; }

    [JsonPropertyName("budgets")]
    public List<BudgetEntry> Budgets { get; set; } = new();
}

internal sealed class BudgetEntry
{
    [JsonPropertyName("mode")]
    public string Mode { get; set; } = string.Empty;

    [JsonPropertyName("shotsPerEvaluation")]
    public int ShotsPerEvaluation { get; set; }

    [JsonPropertyName("circuitEvaluations")]
    public long CircuitEvaluations { get; set; }

    [JsonPropertyName("shots")]
    public long Shots { get; set; }

    [JsonPropertyName("evaluationsPerGradientStep")]
    public long EvaluationsPerGradientStep { get; set; }
}

internal sealed class OptimizerEntry
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = string.Empty;

    [JsonPropertyName("name")]
    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("isNlr")]
    public bool IsNlr { get; set; }

    [JsonPropertyName("description")]
    public string Description { get; set; } = string.Empty;

    [JsonPropertyName("hyperparameters")]
    public Optimizers.OptimizerSettings Hyperparameters { get; set; } = new();

    /// <summary>Every setting the optimizer ran with (read from the object the runs were built with).</summary>
    [JsonPropertyName("configuration")]
    public SortedDictionary<string, string> Configuration { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For an NLR variant: the id of its primary control (its base at the same rate).</summary>
    [JsonPropertyName("control")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Control { get; set; }
}

/// <summary>Distribution of one number over seeds.</summary>
internal sealed class Distribution
{
    [JsonPropertyName("n")]
    public int N { get; set; }

    [JsonPropertyName("mean")]
    public double? Mean { get; set; }

    [JsonPropertyName("std")]
    public double? Std { get; set; }

    [JsonPropertyName("median")]
    public double? Median { get; set; }

    [JsonPropertyName("q1")]
    public double? Q1 { get; set; }

    [JsonPropertyName("q3")]
    public double? Q3 { get; set; }

    [JsonPropertyName("min")]
    public double? Min { get; set; }

    [JsonPropertyName("max")]
    public double? Max { get; set; }

    [JsonPropertyName("ci95")]
    public double?[]? Ci95 { get; set; }
}

internal sealed class ResultEntry
{
    [JsonPropertyName("benchmark")]
    public string Benchmark { get; set; } = string.Empty;

    [JsonPropertyName("mode")]
    public string Mode { get; set; } = string.Empty;

    [JsonPropertyName("optimizer")]
    public string Optimizer { get; set; } = string.Empty;

    [JsonPropertyName("metric")]
    public Distribution Metric { get; set; } = new();

    [JsonPropertyName("initialMetric")]
    public Distribution InitialMetric { get; set; } = new();

    [JsonPropertyName("extras")]
    public SortedDictionary<string, Distribution> Extras { get; set; } = new(StringComparer.Ordinal);

    [JsonPropertyName("steps")]
    public Distribution Steps { get; set; } = new();

    [JsonPropertyName("evaluationsUsed")]
    public Distribution EvaluationsUsed { get; set; } = new();

    [JsonPropertyName("ascentFraction")]
    public double AscentFraction { get; set; }

    /// <summary>Share of seeds whose final score is at most (1 − targetFraction) × their initial score.</summary>
    [JsonPropertyName("successProbability")]
    public double SuccessProbability { get; set; }

    /// <summary>Wilson 95 % interval of the success probability.</summary>
    [JsonPropertyName("successCi95")]
    public double[] SuccessCi95 { get; set; } = Array.Empty<double>();

    /// <summary>Kaplan–Meier curve of reaching the target against shots (evaluations in exact mode).</summary>
    [JsonPropertyName("timeToTarget")]
    public TimeToTargetEntry TimeToTarget { get; set; } = new();

    /// <summary>Final metric per seed, in the order of protocol.seeds.</summary>
    [JsonPropertyName("perSeed")]
    public List<double> PerSeed { get; set; } = new();
}

internal sealed class TimeToTargetEntry
{
    /// <summary>"shots" in shot modes, "evaluations" in exact mode.</summary>
    [JsonPropertyName("unit")]
    public string Unit { get; set; } = string.Empty;

    [JsonPropertyName("reached")]
    public int Reached { get; set; }

    [JsonPropertyName("censored")]
    public int Censored { get; set; }

    /// <summary>Kaplan–Meier median (null when fewer than half the runs reach the target).</summary>
    [JsonPropertyName("median")]
    public double? Median { get; set; }

    /// <summary>[time, S(time)] after each event time.</summary>
    [JsonPropertyName("curve")]
    public List<double[]> Curve { get; set; } = new();
}

internal sealed class EstimateEntry
{
    [JsonPropertyName("estimate")]
    public double? Estimate { get; set; }

    [JsonPropertyName("ci95")]
    public double?[]? Ci95 { get; set; }
}

internal sealed class EquivalenceEntry
{
    /// <summary>δ in score units: ± this paired shift counts as no difference.</summary>
    [JsonPropertyName("margin")]
    public double Margin { get; set; }

    [JsonPropertyName("pLower")]
    public double PLower { get; set; }

    [JsonPropertyName("pUpper")]
    public double PUpper { get; set; }

    /// <summary>The TOST p-value, max(pLower, pUpper).</summary>
    [JsonPropertyName("p")]
    public double P { get; set; }

    /// <summary>Adjusted as the comparison's test is (Holm for primary, BH otherwise).</summary>
    [JsonPropertyName("pAdjusted")]
    public double PAdjusted { get; set; }

    [JsonPropertyName("equivalent")]
    public bool Equivalent { get; set; }
}

internal sealed class LogRankEntry
{
    [JsonPropertyName("chiSquare")]
    public double ChiSquare { get; set; }

    [JsonPropertyName("p")]
    public double P { get; set; }
}

internal sealed class WilcoxonEntry
{
    [JsonPropertyName("n")]
    public int N { get; set; }

    [JsonPropertyName("zeros")]
    public int Zeros { get; set; }

    [JsonPropertyName("wPlus")]
    public double WPlus { get; set; }

    [JsonPropertyName("wMinus")]
    public double WMinus { get; set; }

    [JsonPropertyName("p")]
    public double P { get; set; }

    [JsonPropertyName("exact")]
    public bool Exact { get; set; }

    [JsonPropertyName("z")]
    public double? Z { get; set; }
}

internal sealed class ComparisonEntry
{
    [JsonPropertyName("benchmark")]
    public string Benchmark { get; set; } = string.Empty;

    [JsonPropertyName("family")]
    public string Family { get; set; } = string.Empty;

    [JsonPropertyName("mode")]
    public string Mode { get; set; } = string.Empty;

    [JsonPropertyName("optimizer")]
    public string Optimizer { get; set; } = string.Empty;

    [JsonPropertyName("baseline")]
    public string Baseline { get; set; } = string.Empty;

    [JsonPropertyName("isBestBaseline")]
    public bool IsBestBaseline { get; set; }

    [JsonPropertyName("meanOptimizer")]
    public double MeanOptimizer { get; set; }

    [JsonPropertyName("meanBaseline")]
    public double MeanBaseline { get; set; }

    /// <summary>100·(mean baseline − mean NLR)/mean baseline: positive when NLR is better.</summary>
    [JsonPropertyName("improvementPercent")]
    public double? ImprovementPercent { get; set; }

    [JsonPropertyName("improvementCi95")]
    public double?[]? ImprovementCi95 { get; set; }

    [JsonPropertyName("wilcoxon")]
    public WilcoxonEntry Wilcoxon { get; set; } = new();

    /// <summary>"primary" (NLR against its own base at the same rate; Holm) or "secondary" (against tuned baselines, test metrics; BH).</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = string.Empty;

    /// <summary>What is compared: "score" (final score), "test_loss" or "test_error" (1 − test accuracy); lower is better.</summary>
    [JsonPropertyName("metric")]
    public string Metric { get; set; } = string.Empty;

    /// <summary>mean NLR − mean baseline (score units; &lt; 0: NLR lower).</summary>
    [JsonPropertyName("absoluteDifference")]
    public double AbsoluteDifference { get; set; }

    /// <summary>Hodges–Lehmann paired shift NLR − baseline with a bootstrap CI.</summary>
    [JsonPropertyName("hodgesLehmann")]
    public EstimateEntry HodgesLehmann { get; set; } = new();

    /// <summary>ln(mean NLR / mean baseline) with a bootstrap CI.</summary>
    [JsonPropertyName("logRatio")]
    public EstimateEntry LogRatio { get; set; } = new();

    /// <summary>The Wilcoxon p adjusted for multiplicity (Holm within the primary family, BH within the secondary).</summary>
    [JsonPropertyName("pAdjusted")]
    public double PAdjusted { get; set; }

    [JsonPropertyName("adjustment")]
    public string Adjustment { get; set; } = string.Empty;

    [JsonPropertyName("equivalence")]
    public EquivalenceEntry Equivalence { get; set; } = new();

    /// <summary>Log-rank test of the time-to-target curves (score comparisons only).</summary>
    [JsonPropertyName("logRank")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LogRankEntry? LogRank { get; set; }

    /// <summary>win or loss when the adjusted p &lt; alpha (direction of the means), equivalent when the TOST says so, else tie.</summary>
    [JsonPropertyName("outcome")]
    public string Outcome { get; set; } = string.Empty;

    [JsonPropertyName("seedWins")]
    public int SeedWins { get; set; }

    [JsonPropertyName("seedTies")]
    public int SeedTies { get; set; }

    [JsonPropertyName("seedLosses")]
    public int SeedLosses { get; set; }
}

/// <summary>
/// NLR's win, tie and loss counts over a set of comparisons, shared by <see cref="WinTieLossEntry"/> and
/// <see cref="HeadlineEntry"/>. System.Text.Json writes a base class's properties after the derived class's; the
/// explicit order keeps them there and lets a derived class put fields after them, so the JSON field order is fixed.
/// </summary>
internal abstract class OutcomeCounts
{
    /// <summary>The <see cref="JsonPropertyOrderAttribute"/> of the counts; derived fields meant to follow them use a higher one.</summary>
    protected const int CountsOrder = 1;

    [JsonPropertyName("wins")]
    [JsonPropertyOrder(CountsOrder)]
    public int Wins { get; set; }

    [JsonPropertyName("ties")]
    [JsonPropertyOrder(CountsOrder)]
    public int Ties { get; set; }

    [JsonPropertyName("losses")]
    [JsonPropertyOrder(CountsOrder)]
    public int Losses { get; set; }
}

internal sealed class WinTieLossEntry : OutcomeCounts
{
    [JsonPropertyName("optimizer")]
    public string Optimizer { get; set; } = string.Empty;

    [JsonPropertyName("baseline")]
    public string Baseline { get; set; } = string.Empty;

    [JsonPropertyName("family")]
    public string Family { get; set; } = string.Empty;
}

internal sealed class HeadlineEntry : OutcomeCounts
{
    /// <summary>"control" (the primary contrast: NLR against its own base at the same rate) or "best-baseline" (secondary).</summary>
    [JsonPropertyName("against")]
    public string Against { get; set; } = string.Empty;

    /// <summary>Configurations where NLR is equivalent to the other (TOST, adjusted p &lt; alpha).</summary>
    [JsonPropertyName("equivalent")]
    public int Equivalent { get; set; }

    [JsonPropertyName("family")]
    public string Family { get; set; } = string.Empty;

    [JsonPropertyName("mode")]
    public string Mode { get; set; } = string.Empty;

    [JsonPropertyName("optimizer")]
    public string Optimizer { get; set; } = string.Empty;

    [JsonPropertyName("configurations")]
    public int Configurations { get; set; }

    /// <summary>Geometric mean over configurations of mean(NLR)/mean(best baseline).</summary>
    [JsonPropertyName("geometricMeanRatio")]
    public double? GeometricMeanRatio { get; set; }

    [JsonPropertyName("improvementPercent")]
    public double? ImprovementPercent { get; set; }

    [JsonPropertyName("improvementCi95")]
    public double?[]? ImprovementCi95 { get; set; }

    [JsonPropertyName("notHelping")]
    [JsonPropertyOrder(CountsOrder + 1)]
    public List<string> NotHelping { get; set; } = new();

    [JsonPropertyName("text")]
    [JsonPropertyOrder(CountsOrder + 1)]
    public string Text { get; set; } = string.Empty;
}
