using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace NegLR;

/// <summary>
/// One term <c>c · P</c> of a Pauli sum, P a Pauli string in symplectic form: bit q of <see cref="XMask"/> is set for X or Y
/// on qubit q, bit q of <see cref="ZMask"/> for Z or Y. Then <c>P|j⟩ = i^{nY} (−1)^{popcount(j &amp; z)} |j ⊕ x⟩</c>.
/// </summary>
public readonly struct PauliTerm : IEquatable<PauliTerm>
{
    /// <summary>Creates <c>coefficient · P</c> from the masks.</summary>
    public PauliTerm(double coefficient, int xMask, int zMask)
    {
        if (!double.IsFinite(coefficient))
        {
            throw new ArgumentException("A Pauli coefficient must be a finite number.", nameof(coefficient));
        }

        Coefficient = coefficient;
        XMask = xMask;
        ZMask = zMask;
    }

    /// <summary>The real coefficient.</summary>
    public double Coefficient { get; }

    /// <summary>Qubits with X or Y.</summary>
    public int XMask { get; }

    /// <summary>Qubits with Z or Y.</summary>
    public int ZMask { get; }

    /// <summary>Number of Y letters.</summary>
    public int YCount => BitOperations.PopCount((uint)(XMask & ZMask));

    /// <summary>Qubits the string acts on non-trivially.</summary>
    public int Support => XMask | ZMask;

    /// <summary>Number of qubits acted on non-trivially (the term's locality).</summary>
    public int Weight => BitOperations.PopCount((uint)Support);

    /// <summary>True when P is made of I and Z only, so it is diagonal.</summary>
    public bool IsDiagonal => XMask == 0;

    /// <summary>True for the identity string.</summary>
    public bool IsIdentity => Support == 0;

    /// <summary>The letter on <paramref name="qubit"/>: I, X, Y or Z.</summary>
    public char PauliOn(int qubit)
    {
        bool x = (XMask >> qubit & 1) != 0, z = (ZMask >> qubit & 1) != 0;
        return x ? (z ? 'Y' : 'X') : (z ? 'Z' : 'I');
    }

    /// <summary>Sparse label of the string, e.g. <c>Z0 X2</c> (<c>I</c> for the identity).</summary>
    public string Label
    {
        get
        {
            if (IsIdentity)
            {
                return "I";
            }

            var sb = new StringBuilder();
            for (int q = 0; q < 31; q++)
            {
                char p = PauliOn(q);
                if (p != 'I')
                {
                    if (sb.Length > 0)
                    {
                        sb.Append(' ');
                    }

                    sb.Append(p).Append(q.ToString(CultureInfo.InvariantCulture));
                }
            }

            return sb.ToString();
        }
    }

    /// <summary>A copy with another coefficient.</summary>
    public PauliTerm WithCoefficient(double coefficient) => new(coefficient, XMask, ZMask);

    /// <inheritdoc/>
    public bool Equals(PauliTerm other) => Coefficient.Equals(other.Coefficient) && XMask == other.XMask && ZMask == other.ZMask;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PauliTerm t && Equals(t);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Coefficient, XMask, ZMask);

    /// <summary>Value equality.</summary>
    public static bool operator ==(PauliTerm left, PauliTerm right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PauliTerm left, PauliTerm right) => !left.Equals(right);

    /// <summary>Text such as <c>0.5 Z0 Z1</c> (invariant culture, round-trip coefficient).</summary>
    public override string ToString() => Coefficient.ToString("R", CultureInfo.InvariantCulture) + " " + Label;
}
