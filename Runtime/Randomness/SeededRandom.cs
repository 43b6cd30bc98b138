using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NegLR;

/// <summary>
/// A seeded xoshiro256** generator: the same seed gives the same sequence on every machine and .NET version,
/// unlike <see cref="Random"/>, whose seeded algorithm is not guaranteed to stay the same.
/// </summary>
public sealed partial class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the generator (SplitMix64 expands the seed into the state).</summary>
    public SeededRandom(ulong seed)
    {
        Seed = seed;
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The seed this generator started from.</summary>
    public ulong Seed { get; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64() => Step(ref _s0, ref _s1, ref _s2, ref _s3);

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// Fills <paramref name="destination"/> with what as many <see cref="NextDouble()"/> calls would return, in order,
    /// with the generator's state in registers instead of its fields (the shot loops draw hundreds at a time).
    /// </summary>
    internal void NextDoubles(Span<double> destination)
    {
        ulong s0 = _s0, s1 = _s1, s2 = _s2, s3 = _s3;
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] = (Step(ref s0, ref s1, ref s2, ref s3) >> 11) * (1.0 / (1UL << 53));
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>One xoshiro256** step: the output of the state, then the state advanced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ref ulong s0, ref ulong s1, ref ulong s2, ref ulong s3)
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), maxExclusive, "The upper bound must be positive.");
        }

        ulong bound = (ulong)maxExclusive;
        ulong threshold = (0UL - bound) % bound;
        while (true)
        {
            ulong r = NextUInt64();
            ulong high = Math.BigMul(r, bound, out ulong low);
            if (low >= threshold)
            {
                return (int)high;
            }
        }
    }

    /// <summary>+1 or −1 with equal probability (SPSA's Rademacher perturbation).</summary>
    public double NextSign() => (NextUInt64() >> 63) == 0 ? 1.0 : -1.0;

    /// <summary>A standard normal sample (Box–Muller; deterministic, no cached spare).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>A uniform double in [<paramref name="min"/>, <paramref name="max"/>).</summary>
    public double NextDouble(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>
    /// Writes the generator's 256-bit state (four words) into <paramref name="state"/>, so a checkpoint can later continue
    /// the exact same sequence with <see cref="RestoreState"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> does not hold exactly four words.</exception>
    public void SaveState(Span<ulong> state)
    {
        if (state.Length != 4)
        {
            throw new ArgumentException($"The state needs exactly 4 words, but the span has {state.Length}.", nameof(state));
        }

        state[0] = _s0;
        state[1] = _s1;
        state[2] = _s2;
        state[3] = _s3;
    }

    /// <summary>
    /// Continues from a state written by <see cref="SaveState"/>: the next numbers are those the saved generator would have
    /// drawn. <see cref="Seed"/> keeps reporting this generator's own seed.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="state"/> is not four words, or is all zero (xoshiro's one
    /// invalid state, which no saved generator can be in).</exception>
    public void RestoreState(ReadOnlySpan<ulong> state)
    {
        if (state.Length != 4)
        {
            throw new ArgumentException($"The state needs exactly 4 words, but the span has {state.Length}.", nameof(state));
        }

        if ((state[0] | state[1] | state[2] | state[3]) == 0)
        {
            throw new ArgumentException("The state is all zero, which xoshiro256** never reaches; it was not written by SaveState.", nameof(state));
        }

        _s0 = state[0];
        _s1 = state[1];
        _s2 = state[2];
        _s3 = state[3];
    }

    /// <summary>An independent generator derived from this one's seed and a stream number (for per-worker streams).</summary>
    public static SeededRandom ForStream(ulong seed, ulong stream)
    {
        ulong x = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        return new SeededRandom(SplitMix(ref x));
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
