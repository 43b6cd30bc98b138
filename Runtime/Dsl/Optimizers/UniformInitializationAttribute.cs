using System;

namespace NegLR;

/// <summary>
/// Declares that training with this optimizer starts from weights uniform in [<see cref="Low"/>, <see cref="High"/>)
/// (<see cref="UniformInitialization"/>): the generated type implements <see cref="IDeclaresInitialization"/>, which
/// <see cref="TrainerBase.InitialWeights"/> uses. At most one initialization attribute per type.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class UniformInitializationAttribute : Attribute
{
    /// <summary>Lower end; default 0.</summary>
    public double Low { get; set; }

    /// <summary>Upper end (excluded), above <see cref="Low"/>; default 2π.</summary>
    public double High { get; set; } = 2 * Math.PI;
}
