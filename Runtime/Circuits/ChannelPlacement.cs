// Compiled into the Runtime and, as linked source, into the Generator and Analyzers (netstandard2.0).
using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace NegLR;

/// <summary>
/// A noise channel recorded in a <see cref="Circuit"/>: the channel, the qubits it acts on and where it sits among the
/// gates. Channels are kept beside the gate list, not in it, so everything that reads <see cref="Circuit.Gates"/> sees
/// the ideal circuit unchanged.
/// </summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class ChannelPlacement : IEquatable<ChannelPlacement>
{
    internal ChannelPlacement(NoiseChannel channel, ImmutableArray<int> qubits, int position)
    {
        Channel = channel;
        Qubits = qubits;
        Position = position;
    }

    /// <summary>The channel.</summary>
    public NoiseChannel Channel { get; }

    /// <summary>The qubits, in the channel's order (its first qubit is the first letter of a two-qubit Pauli word).</summary>
    public ImmutableArray<int> Qubits { get; }

    /// <summary>
    /// How many gates were recorded before the channel: it acts after <c>Gates[Position − 1]</c> and before
    /// <c>Gates[Position]</c> (0: before every gate). Channels with the same position act in the order recorded.
    /// </summary>
    public int Position { get; }

    /// <inheritdoc/>
    public bool Equals(ChannelPlacement? other) =>
        other is not null && Position == other.Position && Qubits.SequenceEqual(other.Qubits) && Channel.Equals(other.Channel);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ChannelPlacement);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int hash = Guard.Combine(Channel.GetHashCode(), Position);
        foreach (int q in Qubits)
        {
            hash = Guard.Combine(hash, q);
        }

        return hash;
    }

    /// <summary>Text such as <c>Depolarizing(p=0.001) q0 (after gate 3)</c>.</summary>
    public override string ToString() =>
        Channel + " " + string.Join(", ", Qubits.Select(q => "q" + q.ToString(CultureInfo.InvariantCulture))) +
        (Position == 0 ? " (before every gate)" : " (after gate " + (Position - 1).ToString(CultureInfo.InvariantCulture) + ")");
}
