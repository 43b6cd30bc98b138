using System;
using System.Globalization;

namespace NegLR;

/// <summary>The argument checks every initializer shares.</summary>
internal static class InitializationChecks
{
    public static void Require(Span<double> weights, CircuitStructure circuit, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(random);
        if (weights.Length != circuit.WeightCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The circuit has {circuit.WeightCount} weights, but the span has {weights.Length}."), nameof(weights));
        }
    }
}
