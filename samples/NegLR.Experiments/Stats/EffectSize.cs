using System;
using System.Collections.Generic;

namespace NegLR.Experiments.Stats;

/// <summary>Effect sizes of paired samples.</summary>
internal static class EffectSize
{
    /// <summary>
    /// The Hodges–Lehmann estimate of the paired shift: the median of the Walsh averages (dᵢ + dⱼ)/2, i ≤ j, of the
    /// differences d = x − y (the estimator that goes with the Wilcoxon signed-rank test; robust to outliers).
    /// </summary>
    public static double HodgesLehmann(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<int>? index = null)
    {
        int n = index?.Count ?? x.Count;
        var d = new double[n];
        for (int k = 0; k < n; k++)
        {
            int i = index is null ? k : index[k];
            d[k] = x[i] - y[i];
        }

        var walsh = new double[n * (n + 1) / 2];
        int w = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                walsh[w++] = 0.5 * (d[i] + d[j]);
            }
        }

        Array.Sort(walsh);
        return Descriptive.QuantileSorted(walsh, 0.5);
    }

    /// <summary>ln(mean x / mean y), both floored at <paramref name="floor"/> so a zero mean does not make it infinite.</summary>
    public static double LogRatioOfMeans(IReadOnlyList<double> x, IReadOnlyList<double> y, double floor, IReadOnlyList<int>? index = null)
    {
        double sx = 0, sy = 0;
        int n = index?.Count ?? x.Count;
        for (int k = 0; k < n; k++)
        {
            int i = index is null ? k : index[k];
            sx += x[i];
            sy += y[i];
        }

        return Math.Log(Math.Max(sx / n, floor) / Math.Max(sy / n, floor));
    }
}
