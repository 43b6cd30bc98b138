using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NegLR;

/// <summary>One recorded gate: its kind, the qubits it acts on (in the gate's own order) and its angles.</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class Gate : IEquatable<Gate>
{
    internal Gate(GateKind kind, ImmutableArray<int> qubits, ImmutableArray<Angle> angles, string? pauliWord = null)
    {
        Kind = kind;
        Qubits = qubits;
        Angles = angles;
        PauliWord = pauliWord;
    }

    /// <summary>The gate.</summary>
    public GateKind Kind { get; }

    /// <summary>The qubits, in the gate's order: (control, target) for CNOT, (c0, c1, target) for Toffoli.</summary>
    public ImmutableArray<int> Qubits { get; }

    /// <summary>The angles: one for rotations, three for Rot (φ, θ, ω) and U3 (θ, φ, λ), none for fixed gates.</summary>
    public ImmutableArray<Angle> Angles { get; }

    /// <summary>For <see cref="GateKind.PauliRot"/>: the word, one letter per qubit in <see cref="Qubits"/> order.</summary>
    public string? PauliWord { get; }

    /// <summary>Static facts about this kind of gate.</summary>
    public GateInfo Info => GateInfo.Of(Kind);

    /// <inheritdoc/>
    public bool Equals(Gate? other) =>
        other is not null && Kind == other.Kind && Qubits.SequenceEqual(other.Qubits) &&
        Angles.SequenceEqual(other.Angles) && PauliWord == other.PauliWord;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Gate);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int hash = (int)Kind;
        foreach (int q in Qubits)
        {
            hash = Guard.Combine(hash, q);
        }

        foreach (var a in Angles)
        {
            hash = Guard.Combine(hash, a.GetHashCode());
        }

        return hash;
    }

    /// <summary>Text such as <c>RY(w[0]) q1</c> or <c>CNOT q0, q1</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Kind.ToString());
        if (Angles.Length > 0 || PauliWord is not null)
        {
            sb.Append('(');
            sb.Append(string.Join(", ", Angles.Select(a => a.ToString())));
            if (PauliWord is not null)
            {
                sb.Append(", \"").Append(PauliWord).Append('"');
            }

            sb.Append(')');
        }

        sb.Append(' ');
        sb.Append(string.Join(", ", Qubits.Select(q => "q" + q.ToString(CultureInfo.InvariantCulture))));
        return sb.ToString();
    }
}
