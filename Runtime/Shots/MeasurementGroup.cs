using System;
using System.Collections.Immutable;

namespace NegLR;

/// <summary>
/// Terms of a Pauli sum that one measurement setting serves: they are qubit-wise commuting, so every qubit has at most
/// one non-identity letter across the group, and measuring each qubit in that letter's basis gives every term's value.
/// </summary>
public sealed class MeasurementGroup
{
    internal MeasurementGroup(ImmutableArray<PauliTerm> terms, int basisX, int basisZ)
    {
        Terms = terms;
        BasisXMask = basisX;
        BasisZMask = basisZ;
        double weight = 0;
        var coefficients = new double[terms.Length];
        var supports = new int[terms.Length];
        for (int i = 0; i < terms.Length; i++)
        {
            weight += Math.Abs(terms[i].Coefficient);
            coefficients[i] = terms[i].Coefficient;
            supports[i] = terms[i].Support;
        }

        Weight = weight;
        Coefficients = coefficients;
        Supports = supports;
    }

    /// <summary>The group's terms, in the order they joined it.</summary>
    public ImmutableArray<PauliTerm> Terms { get; }

    /// <summary>Qubits measured in the X or Y basis (symplectic X part of the measurement setting).</summary>
    public int BasisXMask { get; }

    /// <summary>Qubits measured in the Z or Y basis (symplectic Z part of the measurement setting).</summary>
    public int BasisZMask { get; }

    /// <summary>Qubits at least one term acts on.</summary>
    public int Support => BasisXMask | BasisZMask;

    /// <summary>Σ |c| over the terms: bounds the single-shot value and sets the group's share of a shot budget.</summary>
    public double Weight { get; }

    /// <summary>True when some qubit is measured in X or Y, so the state must be rotated before sampling.</summary>
    public bool NeedsRotation => BasisXMask != 0;

    /// <summary>Coefficients of <see cref="Terms"/>, unpacked for the per-shot loop.</summary>
    internal double[] Coefficients { get; }

    /// <summary>Supports of <see cref="Terms"/>: after the basis change a term's eigenvalue is the parity of these bits.</summary>
    internal int[] Supports { get; }

    /// <summary>The basis <paramref name="qubit"/> is measured in: X, Y or Z, or I when no term touches it.</summary>
    public char BasisOn(int qubit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qubit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(qubit, Circuit.MaxQubits);
        bool x = ((BasisXMask >> qubit) & 1) != 0, z = ((BasisZMask >> qubit) & 1) != 0;
        return x ? (z ? 'Y' : 'X') : (z ? 'Z' : 'I');
    }

    /// <summary>True when <paramref name="term"/> fits the group's setting: on every shared qubit it has the same letter.</summary>
    public bool Accepts(PauliTerm term) => PauliGrouping.AreQubitWiseCommuting(term.XMask, term.ZMask, BasisXMask, BasisZMask);

    /// <summary>The setting as a dense-style label, qubit 0 rightmost, e.g. <c>ZIXY</c> on 4 qubits.</summary>
    public string BasisLabel(int qubits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, Circuit.MaxQubits);
        return string.Create(qubits, this, static (chars, group) =>
        {
            for (int q = 0; q < chars.Length; q++)
            {
                chars[chars.Length - 1 - q] = group.BasisOn(q);
            }
        });
    }
}
