using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;
using NegLR.Analyzers.Noise;

namespace NegLR.Analyzers.Trainability;

/// <summary>
/// NLR0304: noise-induced barren plateaus. From the declared noise (attributes and device profile) placed on the circuit
/// as the runtime places it, each cost term's light cone, and its local noise layers (<see cref="NoiseContraction"/>),
/// Wang et al.'s bound (Nat. Commun. 12, 6961 (2021); <see cref="NoiseInducedPlateauBound"/>) limits every gradient
/// component: |∂C/∂θ| ≤ Σᵢ √(8 ln 2)·½·|cᵢ|·√wᵢ·Qᵢ. Where that bound, relative to Σ|cᵢ|, falls below
/// <c>neglr.min_noise_gradient</c>, the warning says the estimated contraction, the depth at which the bound crossed
/// the threshold and the noise that drives it, at <c>Layers = …</c> (template) or the [Circuit] method (body); the
/// reduce-layers fix sets the deepest depth the bound still allows.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoisePlateauAnalyzer : AnsatzAnalyzer
{
    /// <summary>Diagnostic property for a [Circuit] body: the fraction of its layers the bound allows (the fix scales the layer loop's bound).</summary>
    public const string TrainableFractionProperty = "TrainableFraction";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = With(DiagnosticDescriptors.NoiseInducedPlateau);

    /// <inheritdoc/>
    private protected override void AnalyzeType(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (ansatz.Template != AnsatzTemplate.None && ansatz.Circuit is { } circuit)
        {
            Analyze(ansatz, circuit, settings, sink, cancellationToken);
        }
    }

    /// <inheritdoc/>
    private protected override void AnalyzeBody(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (ansatz.Circuit is { } circuit)
        {
            Analyze(ansatz, circuit, settings, sink, cancellationToken);
        }
    }

    /// <summary>The bound relative to Σ|c| and the per-term contractions of <paramref name="circuit"/> under the ansatz's noise; null without noise.</summary>
    internal static (double Relative, List<TermContraction> Terms)? Bound(AnsatzDeclaration ansatz, Circuit circuit, List<(double Coefficient, int X, int Z)> terms,
        AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        if (NoisePlacement.Place(ansatz, circuit, settings, cancellationToken) is not { } placed)
        {
            return null;
        }

        var contractions = NoiseContraction.Estimate(circuit, placed, terms, cancellationToken);
        return (Relative(contractions, null), contractions);
    }

    private static double Relative(List<TermContraction> terms, int? layers)
    {
        double bound = 0, norm = 0;
        foreach (var t in terms)
        {
            bound += t.GradientBound(layers);
            norm += Math.Abs(t.Coefficient);
        }

        return norm > 0 ? bound / norm : double.PositiveInfinity;
    }

    private static void Analyze(AnsatzDeclaration ansatz, Circuit circuit, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (!ansatz.ObservablesValid || circuit.WeightCount == 0)
        {
            return;
        }

        var terms = ansatz.Observables[0].Terms!.Select(t => (t.Coefficient, t.X, t.Z)).Where(t => (t.X | t.Z) != 0).ToList();
        if (terms.Count == 0 || Bound(ansatz, circuit, terms, settings, cancellationToken) is not { } bound
            || !(bound.Relative < settings.MinNoiseGradient))
        {
            return;
        }

        double threshold = settings.MinNoiseGradient;
        var dominant = bound.Terms.OrderByDescending(t => t.GradientBound()).First();
        var written = ansatz.Observables[0].Terms!.Where(t => t.Support != 0).ElementAt(dominant.Index);
        string head = $"Under the declared noise, every gradient of the cost is at most {Num(bound.Relative, "G2")} × Σ|c| " +
                      $"(Wang et al. 2021: √(8 ln 2)·½·|c|·√w·Q per term; for '{written.Label}', light-cone width w = {Int(dominant.ConeWidth)} and " +
                      $"estimated contraction Q ≈ {Num(dominant.Contraction, "G2")} over {Int(dominant.LayerFactors.Length)} local noise layers), " +
                      $"below neglr.min_noise_gradient = {Num(threshold, "G3")}";
        string drivers = "the noise that drives it: " + string.Join(", ",
            dominant.Drivers.Take(3).Select(d => $"{d.Channel} ({Num(100 * d.Share, "0")} %)"));
        var properties = ImmutableDictionary<string, string?>.Empty;
        string crossing, advice;
        if (ansatz.Template != AnsatzTemplate.None)
        {
            int deepest = LayerSearch.Deepest(ansatz.Layers, layers =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidate = NegLR.Generator.Templates.Build(ansatz.Template, ansatz.Qubits, layers);
                return Bound(ansatz, candidate, terms, settings, cancellationToken) is not { } b || !(b.Relative < threshold);
            });
            bool capped = deepest == LayerSearch.MaxCandidates && ansatz.Layers > LayerSearch.MaxCandidates + 1;
            crossing = capped
                ? $"the bound crosses it beyond {Int(LayerSearch.MaxCandidates)} layers (of {Int(ansatz.Layers)} declared)"
                : $"the bound crosses it at {Int(deepest + 1)} layer(s) (of {Int(ansatz.Layers)} declared)";
            if (deepest >= 1)
            {
                properties = properties.Add(TrainabilityAnalyzer.TrainableLayersProperty, deepest.ToString(CultureInfo.InvariantCulture));
                advice = $"use at most {Int(deepest)} layer(s), or less noisy gates";
            }
            else
            {
                advice = "even one layer is too deep under this noise; use less noisy gates or a cost with fewer, more local terms";
            }
        }
        else
        {
            int total = bound.Terms.Max(t => t.LayerFactors.Length);
            int first = total;
            for (int k = 0; k <= total; k++)
            {
                if (Relative(bound.Terms, k) < threshold)
                {
                    first = k;
                    break;
                }
            }

            crossing = $"the bound crosses it after {Int(first)} of the circuit's {Int(total)} local noise layers";
            if (first > 1 && total > 0)
            {
                double fraction = (first - 1) / (double)total;
                properties = properties.Add(TrainableFractionProperty, fraction.ToString("R", CultureInfo.InvariantCulture));
                advice = $"keep about {Num(100 * fraction, "0")} % of the layers (the first {Int(first - 1)} noise layers), or use less noisy gates";
            }
            else
            {
                advice = "even the first noise layer is too deep; use less noisy gates or a cost with fewer, more local terms";
            }
        }

        var location = ansatz.LayersArgument?.GetLocation() ?? ansatz.CircuitLocation;
        sink.Report(DiagnosticDescriptors.NoiseInducedPlateau, location, properties, $"{head}; {crossing}; {drivers}; {advice}");
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Num(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
