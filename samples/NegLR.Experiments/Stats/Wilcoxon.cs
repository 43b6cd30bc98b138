using System;
using System.Collections.Generic;
using MathNet.Numerics;

namespace NegLR.Experiments.Stats;

/// <summary>The outcome of a paired Wilcoxon signed-rank test.</summary>
/// <param name="N">Pairs with a non-zero difference (zeros are dropped).</param>
/// <param name="Zeros">Pairs with a zero difference.</param>
/// <param name="WPlus">Sum of the ranks of the positive differences (R's statistic V).</param>
/// <param name="WMinus">Sum of the ranks of the negative differences.</param>
/// <param name="PValue">Two-sided p-value (1 when no pair differs).</param>
/// <param name="Exact">True for the exact null distribution, false for the normal approximation.</param>
/// <param name="Z">The continuity-corrected z of the normal approximation (NaN when exact).</param>
internal readonly record struct WilcoxonResult(int N, int Zeros, double WPlus, double WMinus, double PValue, bool Exact, double Z)
{
    /// <summary>min(W+, W−), the statistic tables print.</summary>
    public double W => Math.Min(WPlus, WMinus);
}

/// <summary>
/// The paired Wilcoxon signed-rank test, two-sided, as R's <c>wilcox.test(x, y, paired = TRUE)</c> computes it:
/// differences d = x − y; zero differences are dropped (Wilcoxon's method); |d| is ranked with average ranks for ties;
/// W+ is the sum of the ranks of positive d. With fewer than 50 non-zero pairs and neither ties nor zeros the p-value
/// comes from the exact null distribution of W+ (every sign pattern equally likely), p = min(1, 2·min(P(W+ ≤ w),
/// P(W+ ≥ w))). Otherwise the normal approximation: mean n(n+1)/4, variance n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over tie
/// groups of size t, continuity correction 0.5 toward the mean, p = 2·(1 − Φ(|z|)).
/// </summary>
internal static class Wilcoxon
{
    /// <summary>Exact p-values are used below this many non-zero pairs (when there are no ties or zeros).</summary>
    public const int ExactLimit = 50;

    /// <summary>Tests the paired samples <paramref name="x"/> and <paramref name="y"/> (same length).</summary>
    public static WilcoxonResult SignedRank(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"Paired samples need equal lengths ({x.Count} and {y.Count}).", nameof(y));
        }

        var d = new List<double>(x.Count);
        int zeros = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double diff = x[i] - y[i];
            if (double.IsNaN(diff))
            {
                throw new ArgumentException($"Pair {i} has a NaN difference.", nameof(x));
            }

            if (diff == 0)
            {
                zeros++;
            }
            else
            {
                d.Add(diff);
            }
        }

        return FromDifferences(d, zeros);
    }

    /// <summary>The test on non-zero differences <paramref name="d"/>, <paramref name="zeros"/> zero ones dropped.</summary>
    internal static WilcoxonResult FromDifferences(IReadOnlyList<double> d, int zeros)
    {
        int n = d.Count;
        if (n == 0)
        {
            return new WilcoxonResult(0, zeros, 0, 0, 1, zeros == 0, double.NaN);
        }

        var ranks = AverageRanks(d, out var tieSizes);
        double wPlus = 0, wMinus = 0;
        for (int i = 0; i < n; i++)
        {
            if (d[i] > 0)
            {
                wPlus += ranks[i];
            }
            else
            {
                wMinus += ranks[i];
            }
        }

        bool ties = tieSizes.Count > 0;
        if (n < ExactLimit && !ties && zeros == 0)
        {
            double p = ExactTwoSided(n, (int)Math.Round(wPlus));
            return new WilcoxonResult(n, zeros, wPlus, wMinus, p, true, double.NaN);
        }

        double mean = n * (n + 1) / 4.0;
        double tieTerm = 0;
        foreach (int t in tieSizes)
        {
            tieTerm += ((double)t * t * t) - t;
        }

        double variance = (n * (n + 1.0) * ((2.0 * n) + 1) / 24.0) - (tieTerm / 48.0);
        double diffFromMean = wPlus - mean;
        double z = variance > 0 ? (diffFromMean - (0.5 * Math.Sign(diffFromMean))) / Math.Sqrt(variance) : 0;
        double pNormal = variance > 0 ? Math.Min(1, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2))) : 1;
        return new WilcoxonResult(n, zeros, wPlus, wMinus, pNormal, false, z);
    }

    /// <summary>
    /// Number of sign patterns of ranks 1..n whose positive ranks sum to each w = 0 … n(n+1)/2 (the exact null
    /// distribution of W+ times 2^n), by the subset-sum recurrence.
    /// </summary>
    internal static double[] NullCounts(int n)
    {
        int max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        int reach = 0;
        for (int r = 1; r <= n; r++)
        {
            reach += r;
            for (int w = reach; w >= r; w--)
            {
                counts[w] += counts[w - r];
            }
        }

        return counts;
    }

    /// <summary>Exact two-sided p-value of W+ = <paramref name="wPlus"/> with <paramref name="n"/> untied ranks.</summary>
    internal static double ExactTwoSided(int n, int wPlus)
    {
        var counts = NullCounts(n);
        double total = Math.Pow(2, n), lower = 0, upper = 0;
        for (int w = 0; w < counts.Length; w++)
        {
            if (w <= wPlus)
            {
                lower += counts[w];
            }

            if (w >= wPlus)
            {
                upper += counts[w];
            }
        }

        return Math.Min(1, 2 * Math.Min(lower, upper) / total);
    }

    /// <summary>Ranks of |d| from 1, ties sharing their average rank; <paramref name="tieSizes"/> lists groups of 2 or more.</summary>
    internal static double[] AverageRanks(IReadOnlyList<double> d, out List<int> tieSizes)
    {
        int n = d.Count;
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = Math.Abs(d[i]);
        }

        Array.Sort(keys, order);
        var ranks = new double[n];
        tieSizes = new List<int>();
        int start = 0;
        while (start < n)
        {
            int end = start;
            while (end + 1 < n && keys[end + 1] == keys[start])
            {
                end++;
            }

            double rank = ((start + 1) + (end + 1)) / 2.0;
            for (int k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            if (end > start)
            {
                tieSizes.Add(end - start + 1);
            }

            start = end + 1;
        }

        return ranks;
    }
}
