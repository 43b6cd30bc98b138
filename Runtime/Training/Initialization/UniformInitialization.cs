using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Every weight uniform in [<see cref="Low"/>, <see cref="High"/>), by default [0, 2π): the usual start, under which deep
/// random circuits form approximate 2-designs and show barren plateaus (McClean et al., Nat. Commun. 9, 4812 (2018)).
/// </summary>
public sealed class UniformInitialization : IWeightInitializer
{
    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public UniformInitialization(double low = 0, double high = 2 * Math.PI)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(high > low))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The interval [{low}, {high}) must be finite with high > low, e.g. [0, 2π)."), nameof(high));
        }

        Low = low;
        High = high;
    }

    /// <summary>[0, 2π).</summary>
    public static UniformInitialization FullPeriod { get; } = new();

    /// <summary>Lower end.</summary>
    public double Low { get; }

    /// <summary>Upper end (excluded).</summary>
    public double High { get; }

    /// <inheritdoc/>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"uniform[{Low:G6}, {High:G6})");

    /// <inheritdoc/>
    public void Initialize(Span<double> weights, CircuitStructure circuit, SeededRandom random)
    {
        InitializationChecks.Require(weights, circuit, random);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextDouble(Low, High);
        }
    }
}
