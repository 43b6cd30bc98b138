using System;

namespace NegLR.Generator.Tests.Infrastructure;

/// <summary>
/// Bytes a piece of work allocates on the calling thread. The work runs in several rounds and the least is reported:
/// a real per-call allocation shows in every round, while the runtime's own one-off allocations on this thread (a
/// method promoted to optimised code mid-loop while other builds load the machine) show in one round at most.
/// </summary>
internal static class AllocationMeter
{
    public static long Least(Action round, int rounds = 3)
    {
        long least = long.MaxValue;
        for (int r = 0; r < rounds; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            round();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
