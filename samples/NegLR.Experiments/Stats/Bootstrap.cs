using System;
using System.Collections.Generic;

namespace NegLR.Experiments.Stats;

/// <summary>A confidence interval [Lower, Upper] at some level.</summary>
internal readonly record struct ConfidenceInterval(double Lower, double Upper);

/// <summary>
/// Percentile bootstrap (Efron 1979): resample the n observations with replacement B times, compute the statistic on
/// each resample, and take the α/2 and 1 − α/2 quantiles (type 7) of the B values. Seeded, so the same data and seed
/// give the same interval on every machine.
/// </summary>
internal static class Bootstrap
{
    /// <summary>Default number of resamples.</summary>
    public const int DefaultResamples = 10_000;

    /// <summary>Percentile interval of the mean of <paramref name="values"/>.</summary>
    public static ConfidenceInterval MeanInterval(IReadOnlyList<double> values, ulong seed, int resamples = DefaultResamples,
        double level = 0.95) =>
        Interval(values.Count, (indices) =>
        {
            double sum = 0;
            foreach (int i in indices)
            {
                sum += values[i];
            }

            return sum / indices.Length;
        }, seed, resamples, level);

    /// <summary>
    /// Percentile interval of a statistic of n paired observations: each resample draws n indices with replacement and
    /// passes them to <paramref name="statistic"/>, which reads whatever paired arrays it closes over.
    /// </summary>
    public static ConfidenceInterval Interval(int n, Func<int[], double> statistic, ulong seed, int resamples = DefaultResamples,
        double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        if (n == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN);
        }

        if (resamples < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamples), resamples, "At least one resample is needed.");
        }

        var random = new SeededRandom(seed);
        var indices = new int[n];
        var stats = new double[resamples];
        int finite = 0;
        for (int b = 0; b < resamples; b++)
        {
            for (int i = 0; i < n; i++)
            {
                indices[i] = random.NextInt(n);
            }

            double s = statistic(indices);
            if (double.IsFinite(s))
            {
                stats[finite++] = s;
            }
        }

        if (finite == 0)
        {
            return new ConfidenceInterval(double.NaN, double.NaN);
        }

        var sorted = stats.AsSpan(0, finite);
        sorted.Sort();
        double alpha = 1 - level;
        return new ConfidenceInterval(Descriptive.QuantileSorted(sorted, alpha / 2), Descriptive.QuantileSorted(sorted, 1 - (alpha / 2)));
    }
}
