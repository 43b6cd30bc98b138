using System;

namespace NegLR;

/// <summary>
/// Trajectory t of a run with seed s draws from <see cref="SeededRandom.ForStream"/>(s, t), so each trajectory's
/// randomness depends only on (s, t): results do not depend on how trajectories are split across workers. The state is
/// written into a reused generator instead of allocating one per trajectory.
/// </summary>
internal static class TrajectorySeeds
{
    /// <summary>Puts <paramref name="random"/> in the state <c>SeededRandom.ForStream(seed, stream)</c> starts in.</summary>
    public static void Reseed(SeededRandom random, ulong seed, ulong stream)
    {
        Span<ulong> state = stackalloc ulong[4];
        // ForStream: x = seed ^ (φ·(stream + 1)); the new generator's seed is SplitMix(x); its constructor expands that seed by
        // four more SplitMix steps.
        ulong x = seed ^ (0x9E3779B97F4A7C15UL * (stream + 1));
        ulong derived = SplitMix(ref x);
        ulong y = derived;
        state[0] = SplitMix(ref y);
        state[1] = SplitMix(ref y);
        state[2] = SplitMix(ref y);
        state[3] = SplitMix(ref y);
        random.RestoreState(state);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
