using System;

namespace NegLR;

/// <summary>
/// Declares small-angle Gaussian initialization (<see cref="GaussianInitialization"/>, Zhang et al., NeurIPS 2022): give
/// either <see cref="Variance"/> or both <see cref="Layers"/> (L) and <see cref="Locality"/> (S), for σ² = 1/(4S(L + 2)).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class GaussianInitializationAttribute : Attribute
{
    /// <summary>σ² &gt; 0; NaN (the default) means not set.</summary>
    public double Variance { get; set; } = double.NaN;

    /// <summary>L ≥ 1, the circuit's depth in layers; 0 (the default) means not set.</summary>
    public int Layers { get; set; }

    /// <summary>S ≥ 1, the number of qubits the observable acts on; 0 (the default) means not set.</summary>
    public int Locality { get; set; }
}
