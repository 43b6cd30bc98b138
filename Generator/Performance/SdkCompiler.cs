using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Performance;

/// <summary>
/// Compiler time as a build meets it: the SDK's own <c>csc</c> (ReadyToRun, the compiler <c>dotnet build</c> runs), in a
/// fresh process as with <c>UseSharedCompilation=false</c>, on the case's file with NegLR's generator as an analyzer and
/// without it. The in-process figures of the <c>compile</c> table run Roslyn 4.8 from NuGet, JIT-compiled as it goes:
/// the first big compilation in that process pays for compiling the compiler, which no build does.
/// </summary>
internal static class SdkCompiler
{
    /// <summary>One compiler run: wall seconds and the child's CPU seconds (user + system; NaN where not measured).</summary>
    public readonly record struct Timing(double Wall, double Cpu);

    /// <summary>The SDK's <c>csc.dll</c> (newest SDK beside the running runtime), or null when none is found.</summary>
    public static string? FindCsc() =>
        Newest(DotnetRoot("sdk"), d => Path.Combine(d, "Roslyn", "bincore", "csc.dll"));

    /// <summary>
    /// What a build compiles against: the reference assemblies of the running runtime's targeting pack (newest), with
    /// NegLR.dll; the harness's own runtime assemblies when no pack is installed.
    /// </summary>
    public static IEnumerable<string> BuildReferences(ImmutableArray<MetadataReference> fallback)
    {
        string negLR = typeof(NegLR.IAnsatz).Assembly.Location;
        string? pack = Newest(DotnetRoot(Path.Combine("packs", "Microsoft.NETCore.App.Ref")),
            d => Path.Combine(d, "ref", "net" + Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + ".0"));
        return pack is not null && Directory.Exists(pack)
            ? Directory.GetFiles(pack, "*.dll").OrderBy(f => f, StringComparer.Ordinal).Append(negLR)
            : fallback.OfType<PortableExecutableReference>().Select(r => r.FilePath!);
    }

    /// <summary><c>&lt;dotnet root&gt;/<paramref name="folder"/></c>: the runtime lives in <c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/</c>.</summary>
    private static string? DotnetRoot(string folder)
    {
        var root = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar)).Parent?.Parent?.Parent;
        return root is null ? null : Path.Combine(root.FullName, folder);
    }

    /// <summary>In <paramref name="folder"/>'s version-named subfolders, newest first, the first <paramref name="inside"/> that exists.</summary>
    private static string? Newest(string? folder, Func<string, string> inside) =>
        folder is null || !Directory.Exists(folder)
            ? null
            : new DirectoryInfo(folder).GetDirectories()
                .Select(d => (Dir: d.FullName, Version: Version.TryParse(d.Name.Split('-')[0], out var v) ? v : null))
                .Where(d => d.Version is not null && (File.Exists(inside(d.Dir)) || Directory.Exists(inside(d.Dir))))
                .OrderByDescending(d => d.Version)
                .Select(d => inside(d.Dir))
                .FirstOrDefault();

    /// <summary>
    /// Compiles <paramref name="source"/> with the SDK compiler <paramref name="rounds"/> times each with and without the
    /// generator (alternating), and returns the fastest of each by CPU time (by wall time where CPU is not measured).
    /// </summary>
    public static (Timing On, Timing Off) Measure(string csc, string source, ImmutableArray<MetadataReference> references, int rounds)
    {
        string folder = Path.Combine(Path.GetTempPath(), "neglr-generator-harness-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        try
        {
            string file = Path.Combine(folder, "Case.cs");
            File.WriteAllText(file, source);
            var options = new List<string>
            {
                "/noconfig", "/nostdlib+", "/target:library", "/optimize+", "/deterministic+", "/nullable:enable", "/debug:portable",
                "/langversion:latest", "/out:" + Quote(Path.Combine(folder, "Case.dll")),
            };
            options.AddRange(BuildReferences(references).Select(r => "/reference:" + Quote(r)));
            string common = Path.Combine(folder, "common.rsp");
            File.WriteAllLines(common, options);
            string generator = typeof(NegLRGenerator).Assembly.Location;

            Timing on = new(double.MaxValue, double.MaxValue), off = new(double.MaxValue, double.MaxValue);
            for (int round = 0; round < rounds; round++)
            {
                on = Best(on, Run(csc, $"@{Quote(common)} /analyzer:{Quote(generator)} {Quote(file)}"));
                off = Best(off, Run(csc, $"@{Quote(common)} {Quote(file)}"));
            }

            return (on, off);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Timing Best(Timing a, Timing b) =>
        double.IsNaN(b.Cpu) ? (b.Wall < a.Wall ? b : a) : (b.Cpu < a.Cpu ? b : a);

    private static string Quote(string path) => "\"" + path + "\"";

    private static Timing Run(string csc, string arguments)
    {
        var start = new ProcessStartInfo("dotnet", Quote(csc) + " " + arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        double cpuBefore = ChildrenCpuSeconds();
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SDK compiler.");
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        watch.Stop();
        double cpu = ChildrenCpuSeconds() - cpuBefore;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("The SDK compiler failed on the case:\n" + output);
        }

        return new Timing(watch.Elapsed.TotalSeconds, cpu);
    }

    /// <summary>CPU seconds (user + system) of this process's waited-for children, from getrusage(RUSAGE_CHILDREN); NaN off Linux.</summary>
    private static double ChildrenCpuSeconds()
    {
        if (!OperatingSystem.IsLinux())
        {
            return double.NaN;
        }

        var usage = new RUsage();
        return GetRUsage(-1, ref usage) == 0
            ? usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6)
            : double.NaN;
    }

    /// <summary><c>struct rusage</c> on 64-bit Linux: two <c>struct timeval</c> (two longs each), then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long R0, R1, R2, R3, R4, R5, R6, R7, R8, R9, R10, R11, R12, R13;
    }

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static extern int GetRUsage(int who, ref RUsage usage);
}
