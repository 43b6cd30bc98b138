using System;
using System.Globalization;

namespace NegLR;

/// <summary>Weights the user supplies (a pre-trained start, a warm start from a smaller problem); the generator is not used.</summary>
public sealed class UserInitialization : IWeightInitializer
{
    private readonly double[] _weights;

    /// <summary>Starts from <paramref name="weights"/> (copied; every value must be finite).</summary>
    public UserInitialization(ReadOnlySpan<double> weights)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            if (!double.IsFinite(weights[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"weights[{i}] is {weights[i]}; every weight must be finite."), nameof(weights));
            }
        }

        _weights = weights.ToArray();
    }

    /// <summary>The weights.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    /// <inheritdoc/>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"user({_weights.Length} weights)");

    /// <inheritdoc/>
    public void Initialize(Span<double> weights, CircuitStructure circuit, SeededRandom random)
    {
        InitializationChecks.Require(weights, circuit, random);
        if (weights.Length != _weights.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The user's start has {_weights.Length} weights, but the circuit has {weights.Length}."), nameof(weights));
        }

        _weights.CopyTo(weights);
    }
}
