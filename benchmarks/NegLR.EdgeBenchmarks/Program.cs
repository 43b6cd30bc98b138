using System;
using System.IO;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Environments;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.NativeAot;

namespace NegLR.EdgeBenchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks named by BenchmarkDotNet's usual arguments. <c>--edge-jobs</c> runs each one five ways, for
    /// docs/edge.md: under the JIT (256-bit kernels and register tiles on this machine), under the JIT with AVX2 off
    /// (128-bit kernels) and with every hardware intrinsic off (scalar), and NativeAOT-compiled for the SDK's default x64
    /// instruction set (x86-64-v2) and for x86-64-v3 (the NegLR package's default). Add <c>--job short</c> for a quick look.
    /// </summary>
    public static int Main(string[] args)
    {
        bool edge = Array.IndexOf(args, "--edge-jobs") >= 0;
        args = Array.FindAll(args, a => a != "--edge-jobs");
        IConfig config = DefaultConfig.Instance;
        if (edge)
        {
            var job = Job.Default;
            if (Array.IndexOf(args, "short") >= 0)
            {
                job = Job.ShortRun;
                args = Array.FindAll(args, a => a != "--job" && a != "short");
            }

            // A NativeAOT compilation of the benchmark program takes minutes (and many more on a busy machine).
            config = ManualConfig.Create(DefaultConfig.Instance)
                .WithBuildTimeout(TimeSpan.FromMinutes(45))
                .AddJob(job.WithRuntime(CoreRuntime.Core10_0).WithId("JIT").AsBaseline())
                .AddJob(job.WithRuntime(CoreRuntime.Core10_0).WithEnvironmentVariable("DOTNET_EnableAVX2", "0").WithId("JIT-AVX2-off"))
                .AddJob(job.WithRuntime(CoreRuntime.Core10_0).WithEnvironmentVariable("DOTNET_EnableHWIntrinsic", "0").WithId("JIT-SIMD-off"))
                .AddJob(job.WithRuntime(NativeAotRuntime.Net10_0).WithToolchain(Aot("x86-64-v2")).WithId("AOT-x86-64-v2"))
                .AddJob(job.WithRuntime(NativeAotRuntime.Net10_0).WithToolchain(Aot("x86-64-v3")).WithId("AOT-x86-64-v3"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }

    /// <summary>
    /// A NativeAOT toolchain with the SDK's own ILCompiler (no explicit package version) restored from the machine's
    /// NuGet cache, for one instruction set; the optimisation preference is left at the SDK's default, as a user's is.
    /// </summary>
    private static BenchmarkDotNet.Toolchains.IToolchain Aot(string instructionSet)
    {
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return NativeAotToolchain.CreateBuilder()
            .UseNuGet(microsoftDotNetILCompilerVersion: "", nuGetFeedUrl: packages)
            .IlcInstructionSet(instructionSet)
            .IlcOptimizationPreference("")
            .TargetFrameworkMoniker("net10.0")
            .DisplayName("NativeAOT " + instructionSet)
            .ToToolchain();
    }
}
