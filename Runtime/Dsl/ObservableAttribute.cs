using System;

namespace NegLR;

/// <summary>
/// An observable of an ansatz as Pauli-sum text (<c>"0.5 Z0 Z1 - 1.2 X2 + 0.3"</c>) or a <c>const string</c>.
/// The first one is the cost that <c>Evaluate</c> and <c>EvaluateWithGradient</c> use; each gets a static property
/// named <see cref="Name"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ObservableAttribute : Attribute
{
    /// <summary>Declares an observable from Pauli-sum text.</summary>
    public ObservableAttribute(string pauliSum)
    {
        PauliSum = pauliSum;
    }

    /// <summary>The Pauli-sum text.</summary>
    public string PauliSum { get; }

    /// <summary>Name of the generated property (default <c>Cost</c> for the first, <c>Observable{k}</c> after).</summary>
    public string? Name { get; set; }
}
