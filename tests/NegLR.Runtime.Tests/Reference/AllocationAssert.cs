using System;
using System.Collections.Generic;

namespace NegLR.Tests.Reference;

/// <summary>
/// Asserts that named calls allocate nothing on the calling thread: each is warmed twice, then run three rounds and the
/// least is kept (a real per-call allocation shows in every round; the runtime's one-off allocations, such as a method
/// promoted to optimised code mid-loop, in one at most). Every allocating call is named in the one failure.
/// </summary>
internal static class AllocationAssert
{
    public static void NoneAllocate(IEnumerable<(string Name, Action Call)> calls)
    {
        var failures = new List<string>();
        foreach (var (name, call) in calls)
        {
            call();
            call();
            long least = long.MaxValue;
            for (int round = 0; round < 3; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                call();
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            if (least != 0)
            {
                failures.Add($"{name}: {least} bytes");
            }
        }

        Xunit.Assert.True(failures.Count == 0, "Allocating calls: " + string.Join("; ", failures));
    }
}
