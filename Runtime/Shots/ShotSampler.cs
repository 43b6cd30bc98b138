using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NegLR;

/// <summary>
/// Simulated measurement in the computational basis: draws basis indices (bitstrings, qubit 0 = least-significant
/// bit) with probability |a_i|². Deterministic for a given <see cref="SeededRandom"/>, and allocation-free given the
/// caller's buffers.
/// </summary>
/// <remarks>
/// Sampling is inversion of the cumulative distribution by binary search: one uniform per shot, O(2^n) to build the
/// table and O(n) per shot. Only additions and comparisons touch the probabilities, so the same seed gives the same
/// shots on every machine (no <c>Math.Pow</c>/<c>Math.Log</c>, whose last bit may differ between platforms). The table
/// is scaled by its own total, so a state that is normalised only to rounding is sampled correctly.
/// </remarks>
public static class ShotSampler
{
    /// <summary>
    /// Writes the running sums of |a_i|² into <paramref name="cumulative"/> and returns the total (1 for a normalised state).
    /// </summary>
    /// <exception cref="ArgumentException">The state is not 2^n long (n ≥ 1), the buffer's length differs, or the state is zero or not finite.</exception>
    public static double BuildCumulative(ReadOnlySpan<Complex> state, Span<double> cumulative)
    {
        RequireState(state.Length, nameof(state));
        if (cumulative.Length != state.Length)
        {
            throw new ArgumentException(Invariant($"The cumulative buffer needs {state.Length} entries, one per amplitude, but has {cumulative.Length}."), nameof(cumulative));
        }

        double total = 0;
        for (int i = 0; i < state.Length; i++)
        {
            var a = state[i];
            total += (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
            cumulative[i] = total;
        }

        RequireSampleable(total);

        return total;
    }

    /// <summary>
    /// One shot from a table made by <see cref="BuildCumulative"/>: the smallest index whose running sum exceeds
    /// u·total, u uniform in [0, 1). Outcomes of probability zero are never drawn.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException">The table is empty or its total is not positive.</exception>
    public static int SampleFromCumulative(ReadOnlySpan<double> cumulative, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (cumulative.IsEmpty || !(cumulative[^1] > 0))
        {
            throw new ArgumentException("The cumulative table must be non-empty with a positive total.", nameof(cumulative));
        }

        return Draw(cumulative, cumulative[^1], random);
    }

    /// <summary>
    /// <see cref="SampleFromCumulative"/> without its checks, for callers that built the table themselves
    /// (<paramref name="total"/> is its last entry): the smallest index whose running sum exceeds u·total.
    /// </summary>
    /// <remarks>
    /// The search halves the range without a data-dependent branch (the comparison picks the next base), so a shot does
    /// not pay a mispredicted branch at each of its n levels. The answer is defined by the table and u alone, so it is
    /// the index any correct search returns: the same shots as before for the same seed.
    /// </remarks>
    internal static int Draw(ReadOnlySpan<double> cumulative, double total, SeededRandom random) =>
        IndexAbove(cumulative, Target(random.NextDouble(), total));

    /// <summary>The running-sum value a uniform draw <paramref name="uniform"/> in [0, 1) selects: u·total, kept below the total.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Target(double uniform, double total)
    {
        double u = uniform * total;
        // The product can round up to the total itself; then take the last outcome of non-zero probability.
        return u >= total ? Math.BitDecrement(total) : u;
    }

    /// <summary>The smallest index whose entry exceeds <paramref name="u"/>, in a non-decreasing table whose last entry does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int IndexAbove(ReadOnlySpan<double> cumulative, double u)
    {
        // Invariant: the answer lies in [lo, lo + length). The comparison's 0 or 1 scales the step, so the JIT emits no
        // branch: a shot's outcome is random, and a mispredicted branch per level cost more than the rest of the shot.
        ref double table = ref MemoryMarshal.GetReference(cumulative);
        int lo = 0, length = cumulative.Length;
        while (length > 1)
        {
            int half = length >> 1;
            lo += Unsafe.BitCast<bool, byte>(Unsafe.Add(ref table, lo + half - 1) <= u) * half;
            length -= half;
        }

        return lo;
    }

    /// <summary>
    /// Fills <paramref name="outcomes"/> with independent shots (basis indices, in the order drawn), using
    /// <paramref name="cumulative"/> (length 2^n) as scratch. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length, or the state is zero or not finite.</exception>
    public static void Sample(ReadOnlySpan<Complex> state, SeededRandom random, Span<int> outcomes, Span<double> cumulative)
    {
        ArgumentNullException.ThrowIfNull(random);
        BuildCumulative(state, cumulative);
        ReadOnlySpan<double> table = cumulative;
        for (int s = 0; s < outcomes.Length; s++)
        {
            outcomes[s] = SampleFromCumulative(table, random);
        }
    }

    /// <summary>
    /// Draws <paramref name="shots"/> shots and writes how often each basis index occurred into
    /// <paramref name="counts"/> (length 2^n, overwritten). Same draws as <see cref="Sample(ReadOnlySpan{Complex}, SeededRandom, Span{int}, Span{double})"/>
    /// with the same generator state. Allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shots"/> is negative.</exception>
    /// <exception cref="ArgumentException">A span has the wrong length, or the state is zero or not finite.</exception>
    public static void SampleCounts(ReadOnlySpan<Complex> state, SeededRandom random, int shots, Span<int> counts, Span<double> cumulative)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        if (counts.Length != state.Length)
        {
            throw new ArgumentException(Invariant($"The counts buffer needs {state.Length} entries, one per basis state, but has {counts.Length}."), nameof(counts));
        }

        BuildCumulative(state, cumulative);
        counts.Clear();
        ReadOnlySpan<double> table = cumulative;
        for (int s = 0; s < shots; s++)
        {
            counts[SampleFromCumulative(table, random)]++;
        }
    }

    /// <summary><paramref name="shots"/> shots from <paramref name="state"/> (allocates the result and a scratch table).</summary>
    public static int[] Sample(StateVector state, int shots, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        var outcomes = new int[shots];
        Sample(state.Amplitudes, random, outcomes, new double[state.Length]);
        return outcomes;
    }

    /// <summary>A histogram of <paramref name="shots"/> shots, indexed by basis state (allocates the result and a scratch table).</summary>
    public static int[] SampleCounts(StateVector state, int shots, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(state);
        var counts = new int[state.Length];
        SampleCounts(state.Amplitudes, random, shots, counts, new double[state.Length]);
        return counts;
    }

    /// <summary>
    /// A basis index as a bitstring with qubit 0 <b>rightmost</b> (Qiskit's order), e.g. index 5 on 4 qubits → <c>0101</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="qubits"/> is outside 1 to 30 or the index outside 0 to 2^qubits − 1.</exception>
    public static string ToBitString(int index, int qubits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, Circuit.MaxQubits);
        if ((uint)index >= (1u << qubits))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, Invariant($"A basis index on {qubits} qubits lies in 0 to {(1 << qubits) - 1}."));
        }

        return string.Create(qubits, index, static (chars, value) =>
        {
            for (int c = 0; c < chars.Length; c++)
            {
                chars[chars.Length - 1 - c] = ((value >> c) & 1) != 0 ? '1' : '0';
            }
        });
    }

    /// <summary>Throws unless a state's squared norm <paramref name="total"/> is a positive finite number.</summary>
    internal static void RequireSampleable(double total)
    {
        if (!(total > 0) || !double.IsFinite(total))
        {
            throw new ArgumentException(Invariant($"The state's squared norm is {total}; it must be a positive finite number to sample from."), "state");
        }
    }

    private static void RequireState(int length, string name)
    {
        if (length < 2 || !BitOperations.IsPow2(length))
        {
            throw new ArgumentException(Invariant($"A state has 2^n amplitudes (n ≥ 1), but {length} were given."), name);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
