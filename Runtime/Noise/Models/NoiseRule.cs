// Plain C# that builds for netstandard2.0 too (only APIs both targets have): the generator can later link it to turn
// declared noise into channels with exactly the runtime's rules.
using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace NegLR;

/// <summary>Which gates a <see cref="NoiseRule"/> follows.</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
enum NoiseRuleTarget
{
    /// <summary>Every gate of the rule's kinds (every gate when it names none), on every qubit.</summary>
    AllQubits,

    /// <summary>Gates of the rule's kinds on the rule's qubits (one-qubit channels) or on exactly its qubit tuple (two-qubit channels).</summary>
    Qubits,

    /// <summary>One gate instance, by its index in <see cref="Circuit.Gates"/>.</summary>
    GateInstance,
}

/// <summary>
/// One rule of a <see cref="NoiseModel"/>: a channel that follows every gate the rule selects. A one-qubit channel
/// follows each selected qubit of the gate separately (Qiskit expands a one-qubit error on a multi-qubit gate the same
/// way for <c>add_all_qubit_quantum_error</c> only when asked; NegLR does it always, which is what "noise after every
/// gate" means for T1/T2 decay); a two-qubit channel follows a two-qubit gate on its qubits in the gate's order.
/// </summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class NoiseRule : IEquatable<NoiseRule>
{
    internal NoiseRule(NoiseChannel channel, NoiseRuleTarget target, ImmutableArray<GateKind> kinds, ImmutableArray<int> qubits, int gateIndex)
    {
        Channel = channel;
        Target = target;
        Kinds = kinds;
        Qubits = qubits;
        GateIndex = gateIndex;
    }

    /// <summary>The channel the rule attaches.</summary>
    public NoiseChannel Channel { get; }

    /// <summary>How gates are selected.</summary>
    public NoiseRuleTarget Target { get; }

    /// <summary>The gate kinds selected (empty: every kind).</summary>
    public ImmutableArray<GateKind> Kinds { get; }

    /// <summary>For <see cref="NoiseRuleTarget.Qubits"/>: the qubits (one-qubit channel) or the ordered tuple (two-qubit channel).</summary>
    public ImmutableArray<int> Qubits { get; }

    /// <summary>For <see cref="NoiseRuleTarget.GateInstance"/>: the gate's index; otherwise −1.</summary>
    public int GateIndex { get; }

    /// <summary>True when the rule selects gates of <paramref name="kind"/>.</summary>
    public bool Selects(GateKind kind) => Kinds.IsEmpty || Kinds.Contains(kind);

    /// <inheritdoc/>
    public bool Equals(NoiseRule? other) =>
        other is not null && Target == other.Target && GateIndex == other.GateIndex && Channel.Equals(other.Channel)
        && Kinds.SequenceEqual(other.Kinds) && Qubits.SequenceEqual(other.Qubits);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NoiseRule);

    /// <inheritdoc/>
    public override int GetHashCode() => Guard.Combine(Guard.Combine(Channel.GetHashCode(), (int)Target), GateIndex);

    /// <summary>Text such as <c>Depolarizing(p=0.001) after RY, RZ on all qubits</c>.</summary>
    public override string ToString()
    {
        string kinds = Kinds.IsEmpty ? "every gate" : string.Join(", ", Kinds);
        return Target switch
        {
            NoiseRuleTarget.AllQubits => $"{Channel} after {kinds} on all qubits",
            NoiseRuleTarget.Qubits => $"{Channel} after {kinds} on q{string.Join(", q", Qubits.Select(q => q.ToString(CultureInfo.InvariantCulture)))}",
            _ => $"{Channel} after gate {GateIndex.ToString(CultureInfo.InvariantCulture)}",
        };
    }
}
