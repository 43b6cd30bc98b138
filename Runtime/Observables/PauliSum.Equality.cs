using System;

namespace NegLR;

// Value equality, so a parsed or rebuilt sum can be compared with the original (Parse(sum.ToString()) == sum).
public sealed partial class PauliSum : IEquatable<PauliSum>
{
    /// <summary>
    /// True when both sums have the same constant and the same terms with exactly equal coefficients, in any order
    /// (the order of <see cref="Terms"/> does not change the operator).
    /// </summary>
    public bool Equals(PauliSum? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || Terms.Length != other.Terms.Length || !Constant.Equals(other.Constant))
        {
            return false;
        }

        // Terms are unique per (x, z) after merging, so "every term of this is in other" with equal counts is equality.
        foreach (var t in Terms)
        {
            bool found = false;
            foreach (var u in other.Terms)
            {
                if (u.XMask == t.XMask && u.ZMask == t.ZMask)
                {
                    found = u.Coefficient.Equals(t.Coefficient);
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PauliSum other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        // Order-independent: XOR of per-term hashes. Adding 0.0 turns −0.0 into +0.0, which Equals treats as equal.
        int hash = (Constant + 0.0).GetHashCode();
        foreach (var t in Terms)
        {
            hash ^= HashCode.Combine(t.Coefficient + 0.0, t.XMask, t.ZMask);
        }

        return hash;
    }

    /// <summary>Value equality (see <see cref="Equals(PauliSum?)"/>).</summary>
    public static bool operator ==(PauliSum? left, PauliSum? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(PauliSum? left, PauliSum? right) => !(left == right);
}
