using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace NegLR.Experiments.Tests;

/// <summary>A runner killed with SIGKILL mid-grid leaves whole run files and no lock; --resume gives the uninterrupted bytes.</summary>
public class KillResumeTests : ScratchTest
{
    [Fact]
    public void KilledMidGrid_ResumeGivesTheUninterruptedBytes_AndTheLockIsGone()
    {
        string whole = Temp("kill-whole");
        string killed = Temp("kill-killed");
        string[] grid = { "--benchmarks", "vqe-h2,qaoa-ring6-p1", "--optimizers", "nlr,adam,spsa", "--seeds", "3", "--steps", "40", "--shots", "0,100",
            "--no-plots", "--no-progress", "--bootstrap", "200", "--jobs", "2" };
        Assert.Equal(0, TestSupport.Run(new[] { "compare", "--out", whole }.Concat(grid).ToArray()).Exit);

        string program = Path.Combine(AppContext.BaseDirectory, "NegLR.Experiments.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { program, "compare", "--out", killed }.Concat(grid))
        {
            start.ArgumentList.Add(a);
        }

        using (var child = Process.Start(start)!)
        {
            child.StandardOutput.ReadLineAsync();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60) && RunFiles(killed) < 3 && !child.HasExited)
            {
                Thread.Sleep(20);
            }

            if (!child.HasExited)
            {
                child.Kill(entireProcessTree: true);
            }

            child.WaitForExit();
        }

        int onDisk = RunFiles(killed);
        Assert.InRange(onDisk, 1, 35);
        Assert.False(File.Exists(Path.Combine(killed, "summary.json")));
        var resumed = TestSupport.Run(new[] { "compare", "--out", killed, "--resume" }.Concat(grid).ToArray());
        Assert.True(resumed.Exit == 0, resumed.Output + resumed.Error);
        foreach (var file in new[] { "summary.json", "steps.csv", "report.md" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(whole, file)).Replace(whole, "OUT", StringComparison.Ordinal),
                File.ReadAllText(Path.Combine(killed, file)).Replace(killed, "OUT", StringComparison.Ordinal));
        }
    }

    private static int RunFiles(string dir) =>
        Directory.Exists(Path.Combine(dir, "runs")) ? Directory.GetFiles(Path.Combine(dir, "runs"), "seed-*.json", SearchOption.AllDirectories).Length : 0;
}
