using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics;

namespace NegLR.Experiments.Stats;

/// <summary>The outcome of a two-one-sided-tests equivalence test on paired differences.</summary>
/// <param name="Margin">δ: differences within ±δ count as equivalent.</param>
/// <param name="PLower">p of H₀: shift ≤ −δ (one-sided Wilcoxon on d + δ, alternative "greater").</param>
/// <param name="PUpper">p of H₀: shift ≥ +δ (one-sided Wilcoxon on d − δ, alternative "less").</param>
internal readonly record struct EquivalenceResult(double Margin, double PLower, double PUpper)
{
    /// <summary>The TOST p-value, max of the two.</summary>
    public double P => Math.Max(PLower, PUpper);
}

/// <summary>
/// TOST (Schuirmann 1987) with Wilcoxon signed-rank tests, so "no difference" can be a finding: the paired shift lies
/// within ±δ when both one-sided nulls are rejected. One-sided p-values as R's
/// <c>wilcox.test(d ± δ, alternative = …)</c>: exact without ties or zeros below 50 pairs, else the normal approximation
/// with tie and continuity corrections.
/// </summary>
internal static class Equivalence
{
    public static EquivalenceResult Tost(IReadOnlyList<double> x, IReadOnlyList<double> y, double margin)
    {
        var d = x.Zip(y, (a, b) => a - b).ToArray();
        double lower = OneSided(d.Select(v => v + margin).ToArray(), greater: true);
        double upper = OneSided(d.Select(v => v - margin).ToArray(), greater: false);
        return new EquivalenceResult(margin, lower, upper);
    }

    /// <summary>One-sided signed-rank p-value of the differences: P(W⁺ ≥ w) for "greater", P(W⁺ ≤ w) for "less".</summary>
    public static double OneSided(IReadOnlyList<double> differences, bool greater)
    {
        var d = differences.Where(v => v != 0).ToList();
        int zeros = differences.Count - d.Count;
        int n = d.Count;
        if (n == 0)
        {
            return 1;
        }

        var ranks = Wilcoxon.AverageRanks(d, out var ties);
        double wPlus = 0;
        for (int i = 0; i < n; i++)
        {
            if (d[i] > 0)
            {
                wPlus += ranks[i];
            }
        }

        if (n < Wilcoxon.ExactLimit && ties.Count == 0 && zeros == 0)
        {
            var counts = Wilcoxon.NullCounts(n);
            int w = (int)Math.Round(wPlus);
            double tail = 0;
            for (int k = 0; k < counts.Length; k++)
            {
                if (greater ? k >= w : k <= w)
                {
                    tail += counts[k];
                }
            }

            return Math.Min(1, tail / Math.Pow(2, n));
        }

        double mean = n * (n + 1) / 4.0;
        double tieTerm = ties.Sum(t => ((double)t * t * t) - t);
        double variance = (n * (n + 1.0) * ((2.0 * n) + 1) / 24.0) - (tieTerm / 48.0);
        if (variance <= 0)
        {
            return 1;
        }

        double z = greater ? (wPlus - mean - 0.5) / Math.Sqrt(variance) : (wPlus - mean + 0.5) / Math.Sqrt(variance);
        double upperTail = 0.5 * SpecialFunctions.Erfc(z / Math.Sqrt(2));
        return greater ? upperTail : 1 - upperTail;
    }
}
