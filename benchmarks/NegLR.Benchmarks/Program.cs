using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace NegLR.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks named by BenchmarkDotNet's usual arguments (e.g. <c>--filter *Interpreter*</c>).
    /// <c>--quick</c> uses a short in-process job (a few iterations): for a first look, not for the tables in docs/.
    /// <c>ab-paired</c> runs the interleaved A/B of the generated kernels against the pre-issue-12 generator's output
    /// (<see cref="Regression.PairedRegressionRun"/>); <c>ab-check</c> only checks that both compute the same thing.
    /// <c>noisy-paired</c> measures issue 13's ratio goals round by round (<see cref="Noise.NoisyPairedRun"/>).
    /// </summary>
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "ab-paired")
        {
            return Regression.PairedRegressionRun.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "noisy-paired")
        {
            return Noise.NoisyPairedRun.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "ab-check")
        {
            return Regression.PairedRegressionRun.Check();
        }

        bool quick = System.Array.IndexOf(args, "--quick") >= 0;
        args = System.Array.FindAll(args, a => a != "--quick");
        var config = DefaultConfig.Instance;
        if (quick)
        {
            config = config.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("quick"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return 0;
    }
}
