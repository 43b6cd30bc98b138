using System;
using System.Numerics;

namespace NegLR;

// Spread of a measurement: Var O = ⟨O²⟩ − ⟨O⟩² decides how many shots an estimate of ⟨O⟩ needs.
public sealed partial class PauliSum
{
    /// <summary>
    /// ⟨O²⟩ − ⟨O⟩² for a normalised state, computed as ‖Oψ‖² − ⟨ψ|Oψ⟩² (O is Hermitian, so ⟨O²⟩ = ‖Oψ‖²) with one
    /// application of O into <paramref name="scratch"/>; allocates nothing. Rounding can make a true 0 slightly
    /// negative, so the result is clamped at 0.
    /// </summary>
    /// <param name="state">The amplitudes (2^n, n ≥ the highest qubit the sum names + 1).</param>
    /// <param name="scratch">Receives Oψ; same length as <paramref name="state"/>, must not overlap it.</param>
    /// <exception cref="ArgumentException">A span has the wrong length, or the spans overlap.</exception>
    public double Variance(ReadOnlySpan<Complex> state, Span<Complex> scratch)
    {
        RequireQubits(state.Length, nameof(state));
        if (scratch.Length != state.Length)
        {
            throw new ArgumentException($"The scratch span has {scratch.Length} amplitudes; the state has {state.Length}.", nameof(scratch));
        }

        if (scratch.Overlaps(state))
        {
            throw new ArgumentException("The scratch span must not overlap the state.", nameof(scratch));
        }

        Apply(state, scratch);
        double squared = 0, mean = 0;
        for (int i = 0; i < state.Length; i++)
        {
            var a = state[i];
            var b = scratch[i];
            squared += (b.Real * b.Real) + (b.Imaginary * b.Imaginary);
            mean += (a.Real * b.Real) + (a.Imaginary * b.Imaginary);
        }

        return Math.Max(0, squared - (mean * mean));
    }

    /// <summary>⟨O²⟩ − ⟨O⟩² for a normalised state (allocates one scratch state; see the span overload to avoid that).</summary>
    public double Variance(StateVector state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Variance(state.Amplitudes, new Complex[state.Length]);
    }
}
