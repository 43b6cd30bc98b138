using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;

namespace NegLR.Analyzers.Trainability;

/// <summary>
/// NLR03xx: barren plateaus. The cost's gradient variance over random initialisations is estimated at compile time
/// (<see cref="GradientVarianceModel"/>); when it falls below <c>neglr.min_gradient_variance</c> the warning names the
/// mechanism the literature gives for it — a global cost (NLR0301), a local cost whose light cone is deeper than
/// log₂ n entangling layers (NLR0302), or a light cone deep enough to approach a 2-design (NLR0303) — with the
/// estimated scale and the reason.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainabilityAnalyzer : AnsatzAnalyzer
{
    /// <summary>Diagnostic property: the number of layers the configured depth allows (for the "reduce layers" fix).</summary>
    public const string TrainableLayersProperty = "TrainableLayers";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = With(
        DiagnosticDescriptors.GlobalCost,
        DiagnosticDescriptors.DeepLocalCost,
        DiagnosticDescriptors.TwoDesignDepth);

    /// <summary>Which rule, if any, a cost's estimate triggers under <paramref name="settings"/>.</summary>
    /// <remarks>
    /// A cost written global is named first (Cerezo et al. 2021: exponentially small at any depth; the cure is local
    /// terms) — also when the Clifford gates after the last rotations fold it onto fewer qubits, as a CNOT ladder folds
    /// Z0…Z9 onto five: the variance is still the estimate's, and local terms are still the cure. Otherwise a light cone deep enough to approach a 2-design: there the variance is the 2-design value
    /// 2^−(w+1) whatever the cost's locality (McClean et al. 2018), so depth is the cause and fewer layers the cure —
    /// also for a local term that the trailing Clifford gates spread, which is named global (NLR0301) only in a circuit
    /// too shallow for that. Last, a local cost whose cone crosses more than log₂ n entangling layers.
    /// </remarks>
    internal static DiagnosticDescriptor? Classify(CostTrainability cost, AnalyzerSettings settings, int writtenLocality)
    {
        if (cost.Dominant is not { } term || !(cost.RelativeVariance < settings.MinGradientVariance))
        {
            return null;
        }

        if (writtenLocality >= settings.GlobalCostMinQubits)
        {
            return DiagnosticDescriptors.GlobalCost;
        }

        if (term.ConeWidth >= 2 && term.ConeDepth + 1 >= settings.TwoDesignDepthFactor * term.ConeWidth)
        {
            return DiagnosticDescriptors.TwoDesignDepth;
        }

        if (term.Locality >= settings.GlobalCostMinQubits)
        {
            return DiagnosticDescriptors.GlobalCost;
        }

        return EffectiveDepth(term) > settings.MaxEntanglingDepthFactor * AnalyzerSettings.Log2(cost.Qubits)
            ? DiagnosticDescriptors.DeepLocalCost
            : null;
    }

    /// <summary>
    /// Entangling layers the cone stands for: its depth, or the brickwork layers it would take to spread this far
    /// beyond the term's own qubits (a CNOT ladder spreads a light cone across the register in one layer).
    /// </summary>
    internal static int EffectiveDepth(TermTrainability term) =>
        Math.Max(term.ConeDepth, (term.ConeWidth - term.Locality + 1) / 2);

    /// <inheritdoc/>
    private protected override void AnalyzeType(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        // A template's circuit; a body's is analysed with the body.
        if (ansatz.Template != AnsatzTemplate.None && ansatz.Circuit is { } circuit)
        {
            AnalyzeCircuit(ansatz, circuit, settings, sink, cancellationToken);
        }
    }

    /// <inheritdoc/>
    private protected override void AnalyzeBody(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (ansatz.Circuit is { } circuit)
        {
            AnalyzeCircuit(ansatz, circuit, settings, sink, cancellationToken);
        }
    }

    private static void AnalyzeCircuit(AnsatzDeclaration ansatz, Circuit circuit, AnalyzerSettings settings, DiagnosticSink sink,
        CancellationToken cancellationToken)
    {
        if (!ansatz.ObservablesValid || circuit.WeightCount == 0)
        {
            return;
        }

        var cost = ansatz.Observables[0];
        var terms = cost.Terms!.Select(t => (t.Coefficient, t.X, t.Z)).ToList();
        if (terms.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var estimate = GradientVarianceModel.Estimate(circuit, terms);
        var rule = Classify(estimate, settings, cost.Terms![estimate.Dominant?.Index ?? 0].Locality);
        if (rule is null)
        {
            return;
        }

        var term = estimate.Dominant!;
        var written = cost.Terms![term.Index];
        string scale = Scale(estimate.RelativeVariance, settings.MinGradientVariance);
        int trainable = TrainableLayers(ansatz, terms, settings, cancellationToken);
        var properties = trainable < 1
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(TrainableLayersProperty, trainable.ToString(CultureInfo.InvariantCulture));
        string message;
        Location location;
        if (rule == DiagnosticDescriptors.GlobalCost)
        {
            // The locality that made it global: as written when the user wrote a global term, else as the rotations see it.
            bool writtenGlobal = written.Locality >= settings.GlobalCostMinQubits;
            string spread = written.Locality == term.Locality
                ? $"The cost term '{written.Label}' acts on {Int(written.Locality)} qubits at once (a global cost)"
                : writtenGlobal
                    ? $"The cost term '{written.Label}' acts on {Int(written.Locality)} qubits as written (a global cost; the Clifford gates " +
                      $"after the last rotations fold it onto {Int(term.Locality)})"
                    : $"The cost term '{written.Label}' acts on {Int(written.Locality)} qubit(s) as written and on {Int(term.Locality)} once carried back " +
                      "through the Clifford gates after the last rotations (a global cost as the rotations see it)";
            string advice = writtenGlobal
                ? "use a sum of local terms instead, e.g. \"Z0 + Z1 + …\" for \"Z0 Z1 …\""
                : "end the circuit with rotations rather than entangling gates, or measure before them";
            int locality = writtenGlobal ? written.Locality : term.Locality;
            message = $"{spread}: {scale} (locality {Int(locality)} ≥ neglr.global_cost_min_qubits = {Int(settings.GlobalCostMinQubits)}); " +
                      $"{advice} (Cerezo et al. 2021)";
            location = cost.Location;
        }
        else if (rule == DiagnosticDescriptors.TwoDesignDepth)
        {
            message = $"The light cone of the cost term '{written.Label}' spans {Int(term.ConeWidth)} qubits through {Int(term.ConeDepth)} entangling layers " +
                      $"(≥ neglr.two_design_depth_factor = {Num(settings.TwoDesignDepthFactor)} × its width), deep enough to approach a 2-design: {scale}, " +
                      $"~2^-{Int(term.ConeWidth + 1)} at the 2-design limit; {Advice(trainable)} (McClean et al. 2018)";
            location = ansatz.LayersArgument?.GetLocation() ?? ansatz.CircuitLocation;
        }
        else
        {
            message = $"The light cone of the local cost term '{written.Label}' spans {Int(term.ConeWidth)} qubits through {Int(EffectiveDepth(term))} entangling layers, " +
                      $"beyond neglr.max_entangling_depth_factor × log₂ {Int(circuit.Qubits)} = {Num(settings.MaxEntanglingDepthFactor * AnalyzerSettings.Log2(circuit.Qubits))}: " +
                      $"{scale}; {Advice(trainable)} (Cerezo et al. 2021)";
            location = ansatz.LayersArgument?.GetLocation() ?? ansatz.CircuitLocation;
        }

        sink.Report(rule, location, properties, message);
    }

    /// <summary>
    /// The layer count the "reduce layers" fix offers: for a template, the deepest that raises no warning (candidates
    /// built and estimated from one layer up, never more than <see cref="LayerSearch.MaxCandidates"/> of them, so the
    /// search does not grow with the declared layer count); for a [Circuit] body, ⌊factor × log₂ n⌋; 0 for none.
    /// </summary>
    private static int TrainableLayers(AnsatzDeclaration ansatz, System.Collections.Generic.List<(double, int, int)> terms, AnalyzerSettings settings,
        CancellationToken cancellationToken)
    {
        if (ansatz.Template == AnsatzTemplate.None)
        {
            return settings.TrainableLayers(ansatz.Qubits);
        }

        return LayerSearch.Deepest(ansatz.Layers, layers =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var candidate = NegLR.Generator.Templates.Build(ansatz.Template, ansatz.Qubits, layers);
            var estimate = GradientVarianceModel.Estimate(candidate, terms);
            return Classify(estimate, settings, WrittenLocality(terms, estimate)) is null;
        });
    }

    private static int WrittenLocality(System.Collections.Generic.List<(double Coefficient, int X, int Z)> terms, CostTrainability estimate) =>
        estimate.Dominant is { } d ? Guard.PopCount(terms[d.Index].X | terms[d.Index].Z) : 0;

    private static string Advice(int trainable) => trainable >= 1
        ? $"use at most {Int(trainable)} layer(s)"
        : "fewer layers alone do not help here; use a shallower entangler or a more local cost";

    /// <summary>The estimate as a power of two and a number; an estimate of exactly 0 (no path ends diagonal) is said so.</summary>
    internal static string Scale(double variance, double threshold)
    {
        string below = $"below neglr.min_gradient_variance = {Num(threshold, "G3")}";
        return variance > 0 && !double.IsInfinity(variance)
            ? $"estimated gradient variance ~2^{Num(AnalyzerSettings.Log2(variance), "F1")} of Σc² (≈ {Num(variance, "G2")}), {below}"
            : $"estimated gradient variance 0 of Σc² (no Pauli path of the cost ends on a string the initial state can see), {below}";
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
