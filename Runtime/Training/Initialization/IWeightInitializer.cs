using System;

namespace NegLR;

/// <summary>
/// How a run's starting weights are chosen. Every strategy is seeded (the same generator state gives the same weights)
/// and may read the circuit's structure (its depth, its blocks). <see cref="TrainerBase.InitialWeights"/> applies one;
/// <see cref="TrainerOptions.RestartInitialization"/> draws each restart's start with one.
/// </summary>
public interface IWeightInitializer
{
    /// <summary>Name for messages and reports (e.g. <c>uniform[0, 2π)</c>, <c>gaussian(σ² = 0.0125)</c>).</summary>
    string Name { get; }

    /// <summary>Writes the starting weights of <paramref name="circuit"/> into <paramref name="weights"/>.</summary>
    /// <param name="weights">Receives one value per weight of the circuit.</param>
    /// <param name="circuit">The circuit being trained.</param>
    /// <param name="random">The source of randomness (strategies without randomness ignore it).</param>
    /// <exception cref="ArgumentException">The strategy does not fit the circuit (wrong count, a block that is not a mirror);
    /// the message says what to change.</exception>
    void Initialize(Span<double> weights, CircuitStructure circuit, SeededRandom random);
}
