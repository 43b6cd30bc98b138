using System;

namespace NegLR;

/// <summary>
/// Declares an ansatz on a partial struct or class. The NegLR source generator compiles the type's <see cref="CircuitAttribute"/>
/// method (or the <see cref="Template"/>) into unrolled simulation and gradient code and makes the type implement
/// <see cref="IAnsatz"/>.
/// </summary>
/// <example>
/// <code>
/// [Ansatz(Qubits = 4)]
/// [Observable("Z0")]
/// public partial struct Classifier
/// {
///     [Circuit]
///     static void Build(Circuit c)
///     {
///         for (int q = 0; q &lt; 4; q++) c.RY(q, c.Input(q));
///         c.StronglyEntanglingLayers(2);
///     }
/// }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, Inherited = false)]
public sealed class AnsatzAttribute : Attribute
{
    /// <summary>Number of qubits (1 to 30).</summary>
    public int Qubits { get; set; }

    /// <summary>A template to use instead of a <see cref="CircuitAttribute"/> method.</summary>
    public AnsatzTemplate Template { get; set; }

    /// <summary>Number of template layers (with <see cref="Template"/>).</summary>
    public int Layers { get; set; } = 1;
}
