using System;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR;

/// <summary>Rotates a state so that a Z-basis measurement measures each qubit in its group's X, Y or Z basis.</summary>
internal static class MeasurementBasis
{
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    /// <summary>
    /// The state as <paramref name="group"/> measures it: <paramref name="state"/> itself when the group is all Z, else a
    /// copy in <paramref name="scratch"/> rotated into the group's basis.
    /// </summary>
    internal static ReadOnlySpan<Complex> InBasisOf(MeasurementGroup group, ReadOnlySpan<Complex> state, Span<Complex> scratch)
    {
        if (!group.NeedsRotation)
        {
            return state;
        }

        state.CopyTo(scratch);
        Rotate(scratch, group.BasisXMask, group.BasisZMask);
        return scratch;
    }

    /// <summary>
    /// X qubits get H (H Z H = X); Y qubits get S† then H (S H Z H S† = S X S† = Y). Then a term's eigenvalue on a shot
    /// b is (−1)^{popcount(b &amp; support)}.
    /// </summary>
    public static void Rotate(Span<Complex> state, int basisX, int basisZ)
    {
        for (int rest = basisX; rest != 0; rest &= rest - 1)
        {
            int q = BitOperations.TrailingZeroCount(rest);
            if (((basisZ >> q) & 1) != 0)
            {
                StateKernels.ApplyDiagonal(state, q, Complex.One, -Complex.ImaginaryOne);
            }

            StateKernels.ApplyRealMatrix(state, q, InvSqrt2, InvSqrt2, InvSqrt2, -InvSqrt2);
        }
    }
}
