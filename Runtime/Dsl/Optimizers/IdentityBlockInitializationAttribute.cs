using System;

namespace NegLR;

/// <summary>
/// Declares identity-block initialization (<see cref="IdentityBlockInitialization"/>, Grant et al., Quantum 3, 214 (2019))
/// over <see cref="Blocks"/> equal blocks of the circuit's weights; the circuit must have the mirror shape
/// <see cref="IdentityBlocks.Append"/> builds (checked when the weights are drawn).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class IdentityBlockInitializationAttribute : Attribute
{
    /// <summary>Number of equal blocks, at least 1; default 1.</summary>
    public int Blocks { get; set; } = 1;
}
