using System;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// Once constructed, a generated optimizer's step allocates nothing: every base × schedule × policy of the matrix, as a
/// class and as a struct, through generic code constrained to the interface (no boxing) and through the interface itself.
/// </summary>
public class OptimizerAllocationTests
{
    public static TheoryData<string> Bases() => new(OptimizerCases.Bases);

    [Theory]
    [MemberData(nameof(Bases))]
    public void Step_AllocatesNothing(string baseName)
    {
        var (cases, assembly) = OptimizerEquivalenceTests.Matrix(baseName);
        var generic = typeof(OptimizerAllocationTests).GetMethod(nameof(AllocatedBytes), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var c in cases)
        {
            var optimizer = OptimizerEquivalenceTests.CreateGenerated(assembly, c);
            long viaGenerics = (long)generic.MakeGenericMethod(optimizer.GetType()).Invoke(null, new object[] { optimizer })!;
            Assert.True(viaGenerics == 0, $"{c}: {viaGenerics} bytes allocated over 200 steps through a constrained generic");
            long viaInterface = AllocatedBytes(optimizer);
            Assert.True(viaInterface == 0, $"{c}: {viaInterface} bytes allocated over 200 steps through IOptimizer");
            if (optimizer is IGradientOptimizer)
            {
                var plain = typeof(OptimizerAllocationTests).GetMethod(nameof(AllocatedBytesPlain), BindingFlags.NonPublic | BindingFlags.Static)!;
                long direct = (long)plain.MakeGenericMethod(optimizer.GetType()).Invoke(null, new object[] { optimizer })!;
                Assert.True(direct == 0, $"{c}: {direct} bytes allocated by two-argument steps and directions");
            }
        }
    }

    /// <summary>Bytes allocated by 200 two-argument steps and directions of a plain gradient method, after a warm-up.</summary>
    private static long AllocatedBytesPlain<T>(T optimizer)
        where T : IGradientOptimizer
    {
        var theta = WavyLandscape.Start;
        var gradient = new double[theta.Length];
        var direction = new double[theta.Length];
        void Steps(int count)
        {
            for (int t = 0; t < count; t++)
            {
                WavyLandscape.Gradient(theta, gradient);
                optimizer.ComputeDirection(gradient, direction, advance: false);
                optimizer.Step(theta, gradient);
            }
        }

        Steps(20);
        return AllocationMeter.Least(() => Steps(200));
    }

    /// <summary>Bytes allocated by 200 steps after a warm-up (the trial evaluator itself allocates nothing).</summary>
    private static long AllocatedBytes<T>(T optimizer)
        where T : IOptimizer
    {
        var trials = new WavyLandscape(recordTrials: false);
        var theta = WavyLandscape.Start;
        var gradient = new double[theta.Length];
        Run(optimizer, theta, gradient, trials, 20);
        return AllocationMeter.Least(() => Run(optimizer, theta, gradient, trials, 200));
    }

    private static void Run<T>(T optimizer, double[] theta, double[] gradient, WavyLandscape trials, int steps)
        where T : IOptimizer
    {
        for (int t = 0; t < steps; t++)
        {
            WavyLandscape.Gradient(theta, gradient);
            optimizer.Step(theta, gradient, WavyLandscape.Loss(theta), trials);
        }
    }
}
