using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace NegLR;

/// <summary>
/// What <see cref="BarrenPlateauProbe.Measure"/> found: per weight, the mean and variance of the gradient over random
/// initialisations, with summaries across weights.
/// </summary>
public sealed class GradientVarianceReport
{
    /// <summary>A weight whose gradient variance is below this is treated as dead (its gradient is zero up to rounding).</summary>
    public const double DeadVariance = 1e-20;

    internal GradientVarianceReport(int qubits, int samples, ulong seed, double[] mean, double[] variance)
    {
        Qubits = qubits;
        Samples = samples;
        Seed = seed;
        Mean = ImmutableArray.Create(mean);
        Variance = ImmutableArray.Create(variance);
    }

    /// <summary>Qubits of the measured circuit.</summary>
    public int Qubits { get; }

    /// <summary>Random initialisations drawn.</summary>
    public int Samples { get; }

    /// <summary>The seed they were drawn from.</summary>
    public ulong Seed { get; }

    /// <summary>Mean of ∂⟨O⟩/∂w_k, per weight (near 0 for a random initialisation).</summary>
    public ImmutableArray<double> Mean { get; }

    /// <summary>Unbiased sample variance of ∂⟨O⟩/∂w_k, per weight.</summary>
    public ImmutableArray<double> Variance { get; }

    /// <summary>Weights whose gradient varies at all (variance above <see cref="DeadVariance"/>).</summary>
    public IEnumerable<int> LiveWeights => Enumerable.Range(0, Variance.Length).Where(k => Variance[k] > DeadVariance);

    /// <summary>Mean gradient variance over all weights.</summary>
    public double MeanVariance => Variance.Average();

    /// <summary>
    /// Mean gradient variance over the weights whose gradient is not identically zero: the figure to compare with a
    /// barren-plateau threshold (dead weights are a separate, provable problem). 0 when every weight is dead.
    /// </summary>
    public double LiveMeanVariance => MeanOf(LiveWeights);

    /// <summary>Largest per-weight gradient variance.</summary>
    public double MaxVariance => Variance.Max();

    /// <summary>Mean gradient variance over <paramref name="weights"/> (0 when there are none).</summary>
    public double MeanOf(IEnumerable<int> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        double sum = 0;
        int count = 0;
        foreach (int k in weights)
        {
            sum += Variance[k];
            count++;
        }

        return count == 0 ? 0 : sum / count;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Qubits} qubits, {Variance.Length} weights, {Samples} samples: mean Var[∂C] = {LiveMeanVariance:G3} over live weights (max {MaxVariance:G3}).");
}
