using System;
using System.Collections.Generic;
using System.Linq;

namespace NegLR.Tests.Shots;

/// <summary>Mean and spread of repeated seeded estimates.</summary>
internal static class ShotStatistics
{
    /// <summary>Sample mean, sample standard deviation, and standard error of the mean.</summary>
    public static (double Mean, double StdDev, double StdErrOfMean) Summarise(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(variance), Math.Sqrt(variance / values.Count));
    }

    /// <summary>Asserts |mean − exact| ≤ 4 standard errors of the mean (a false alarm about once in 16 000 runs; seeds are fixed).</summary>
    public static void AssertWithinFourSigma(double exact, IReadOnlyList<double> estimates, string what)
    {
        var (mean, _, sem) = Summarise(estimates);
        Assert.True(Math.Abs(mean - exact) <= 4 * sem, $"{what}: mean {mean} vs exact {exact}, 4 SE = {4 * sem}");
    }
}
