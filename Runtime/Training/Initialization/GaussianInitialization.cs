using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Small-angle Gaussian initialization (Zhang, Liu, Hsieh &amp; Tao, "Escaping from the barren plateau via Gaussian
/// initializations in deep variational quantum circuits", NeurIPS 2022, Theorem 4.1): every weight drawn from
/// N(0, σ²) with σ² = 1/(4S(L + 2)), where L is the circuit's depth in layers and S the number of qubits the observable
/// acts on (its locality), under which the expected gradient norm decays at most polynomially in the number of qubits
/// and the depth.
/// </summary>
/// <remarks>
/// <see cref="ForDepth"/> takes L and S as the paper defines them for its layered ansatz. <see cref="ForCircuit"/> reads
/// them off a circuit: L = <see cref="CircuitStructure.LayerCount"/> (parametrised layers; one rotation layer of the paper
/// per layer, so a layer of RY and RZ counts two — a smaller σ than the paper's when in doubt) and S = the largest
/// number of qubits any term of the observable acts on (<see cref="PauliSum.MaxLocality"/>).
/// </remarks>
public sealed class GaussianInitialization : IWeightInitializer
{
    /// <summary>N(<paramref name="mean"/>, <paramref name="variance"/>).</summary>
    public GaussianInitialization(double variance, double mean = 0)
    {
        if (!(variance > 0) || !double.IsFinite(variance))
        {
            throw new ArgumentOutOfRangeException(nameof(variance), variance, "The variance σ² must be a positive finite number.");
        }

        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "The mean must be finite.");
        }

        Variance = variance;
        Mean = mean;
    }

    /// <summary>σ² = 1/(4S(L + 2)) for depth L ≥ 1 and observable locality S ≥ 1 (Zhang et al. 2022, Theorem 4.1).</summary>
    public static GaussianInitialization ForDepth(int layers, int locality)
    {
        if (layers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "The depth L must be at least 1 layer.");
        }

        if (locality < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(locality), locality, "The observable's locality S must be at least 1 qubit.");
        }

        return new GaussianInitialization(VarianceFor(layers, locality)) { Layers = layers, Locality = locality };
    }

    /// <summary>σ² from the circuit's parametrised layers and the observable's locality (see the remarks).</summary>
    public static GaussianInitialization ForCircuit(CircuitStructure circuit, PauliSum observable)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(observable);
        return ForDepth(Math.Max(circuit.LayerCount, 1), Math.Max(observable.MaxLocality, 1));
    }

    /// <summary>1/(4S(L + 2)).</summary>
    public static double VarianceFor(int layers, int locality) => 1.0 / (4.0 * locality * (layers + 2.0));

    /// <summary>σ².</summary>
    public double Variance { get; }

    /// <summary>The mean (0 in the paper).</summary>
    public double Mean { get; }

    /// <summary>L when made by <see cref="ForDepth"/> or <see cref="ForCircuit"/>, else 0.</summary>
    public int Layers { get; private init; }

    /// <summary>S when made by <see cref="ForDepth"/> or <see cref="ForCircuit"/>, else 0.</summary>
    public int Locality { get; private init; }

    /// <inheritdoc/>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"gaussian(μ = {Mean:G6}, σ² = {Variance:G6})");

    /// <inheritdoc/>
    public void Initialize(Span<double> weights, CircuitStructure circuit, SeededRandom random)
    {
        InitializationChecks.Require(weights, circuit, random);
        double sigma = Math.Sqrt(Variance);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = Mean + (sigma * random.NextGaussian());
        }
    }
}
