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

    [Fact]
    public async System.Threading.Tasks.Task Sigterm_StopsLikeTheFirstCtrlC_ExitInterrupted_NoSummary_AndResumeGivesTheUninterruptedBytes()
    {
        // Slurm's scancel and container stops send SIGTERM; it must stop the runner cleanly (exit 130, whole run files,
        // no summary) rather than kill it mid-write.
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        string whole = Temp("term-whole");
        string stopped = Temp("term-stopped");
        string[] grid = { "--benchmarks", "vqe-h2,qaoa-ring6-p1", "--optimizers", "nlr,adam,spsa", "--seeds", "3", "--steps", "40", "--shots", "0,100",
            "--no-plots", "--no-progress", "--bootstrap", "200" };
        Assert.Equal(0, TestSupport.Run(new[] { "compare", "--out", whole }.Concat(grid).ToArray()).Exit);

        string program = Path.Combine(AppContext.BaseDirectory, "NegLR.Experiments.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { program, "compare", "--out", stopped }.Concat(grid))
        {
            start.ArgumentList.Add(a);
        }

        string error;
        int exit;
        using (var child = Process.Start(start)!)
        {
            var output = child.StandardOutput.ReadToEndAsync();
            var errors = child.StandardError.ReadToEndAsync();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60) && RunFiles(stopped) < 2 && !child.HasExited)
            {
                Thread.Sleep(20);
            }

            Assert.False(child.HasExited, "the grid finished before it could be stopped; make it longer");
            using (var kill = Process.Start("kill", new[] { "-TERM", child.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) })!)
            {
                kill.WaitForExit();
            }

            Assert.True(child.WaitForExit(60_000), "the runner did not stop within 60 s of SIGTERM");
            exit = child.ExitCode;
            error = await errors;
            await output;
        }

        Assert.True(exit == 130, $"exit {exit}; stderr: {error}");
        Assert.Contains("SIGTERM", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(stopped, "summary.json")));
        var resumed = TestSupport.Run(new[] { "compare", "--out", stopped, "--resume" }.Concat(grid).ToArray());
        Assert.True(resumed.Exit == 0, resumed.Output + resumed.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "summary.json")).Replace(whole, "OUT", StringComparison.Ordinal),
            File.ReadAllText(Path.Combine(stopped, "summary.json")).Replace(stopped, "OUT", StringComparison.Ordinal));
    }

    private static int RunFiles(string dir) =>
        Directory.Exists(Path.Combine(dir, "runs")) ? Directory.GetFiles(Path.Combine(dir, "runs"), "seed-*.json", SearchOption.AllDirectories).Length : 0;
}
