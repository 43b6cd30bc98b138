using System;

namespace NegLR.Benchmarks.Regression;

/// <summary>
/// Distribution-free confidence interval for a median from order statistics: with m samples, [x₍d₎, x₍m−d+1₎] covers
/// the median with probability 1 − 2·P(B ≤ d − 1), B ~ Binomial(m, ½); d is the largest that keeps the level.
/// </summary>
public readonly record struct MedianInterval(double Median, double Low, double High, bool Exists)
{
    /// <summary>The median of <paramref name="values"/> and its interval at <paramref name="level"/> (e.g. 0.95).</summary>
    /// <exception cref="ArgumentException">No values, or a level outside (0, 1).</exception>
    public static MedianInterval Of(ReadOnlySpan<double> values, double level)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException("A median needs at least one value.", nameof(values));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException($"The confidence level must lie in (0, 1), not {level}.", nameof(level));
        }

        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        int m = sorted.Length;
        double median = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);

        // k = the largest j with P(B <= j) <= (1 - level) / 2; the interval is x(k+1) .. x(m-k), 1-based.
        double tail = (1 - level) / 2;
        double logHalfPower = m * Math.Log(0.5);
        double logChoose = 0;
        double cumulative = 0;
        int k = -1;
        for (int j = 0; j < m; j++)
        {
            double p = Math.Exp(logChoose + logHalfPower);
            if (cumulative + p > tail)
            {
                break;
            }

            cumulative += p;
            k = j;
            logChoose += Math.Log((double)(m - j) / (j + 1));
        }

        return k < 0
            ? new MedianInterval(median, sorted[0], sorted[m - 1], false)
            : new MedianInterval(median, sorted[k], sorted[m - 1 - k], true);
    }
}
