using System;
using System.Runtime.InteropServices;

namespace NegLR.Analyzers.Performance;

/// <summary>
/// CPU time of the calling thread or the process (Linux CLOCK_THREAD_CPUTIME_ID, nanosecond resolution): unlike wall-clock time it
/// does not grow while other processes hold the CPU, so measurements on a busy machine stay comparable. Falls back to
/// 0 elsewhere (use the wall-clock figures there).
/// </summary>
internal static class ThreadClock
{
    private const int ClockProcessCpuTime = 2;
    private const int ClockThreadCpuTime = 3;

    /// <summary>This thread's CPU time in milliseconds.</summary>
    public static double Milliseconds => Read(ClockThreadCpuTime);

    /// <summary>The whole process's CPU time in milliseconds (every thread: analysis may run on the thread pool).</summary>
    public static double ProcessMilliseconds => Read(ClockProcessCpuTime);

    private static double Read(int clock)
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var ts = default(TimeSpec);
        return clock_gettime(clock, ref ts) == 0 ? (ts.Seconds * 1e3) + (ts.Nanoseconds / 1e6) : 0;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clock, ref TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
