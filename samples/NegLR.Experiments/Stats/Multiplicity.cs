using System;
using System.Collections.Generic;
using System.Linq;

namespace NegLR.Experiments.Stats;

/// <summary>
/// Corrections for multiple comparisons, as R's <c>p.adjust</c>: Holm's step-down family-wise correction (for the
/// primary contrasts, stated before the run) and Benjamini–Hochberg's false-discovery-rate control (for the rest).
/// </summary>
internal static class Multiplicity
{
    /// <summary>Holm-adjusted p-values: sorted ascending, p̃₍ᵢ₎ = max over j ≤ i of min(1, (m − j + 1)·p₍ⱼ₎).</summary>
    public static double[] Holm(IReadOnlyList<double> p)
    {
        int m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        double running = 0;
        for (int rank = 0; rank < m; rank++)
        {
            running = Math.Max(running, Math.Min(1, (m - rank) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>Benjamini–Hochberg q-values: sorted ascending, q₍ᵢ₎ = min over j ≥ i of min(1, m/j · p₍ⱼ₎).</summary>
    public static double[] BenjaminiHochberg(IReadOnlyList<double> p)
    {
        int m = p.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => p[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        double running = 1;
        for (int rank = m - 1; rank >= 0; rank--)
        {
            running = Math.Min(running, Math.Min(1, (double)m / (rank + 1) * p[order[rank]]));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }

    /// <summary>The smallest two-sided p an exact Wilcoxon signed-rank test can give with n pairs: 2/2ⁿ.</summary>
    public static double SmallestWilcoxonP(int n) => n <= 0 ? 1 : Math.Min(1, 2 / Math.Pow(2, n));
}
