using System;
using System.Collections.Generic;
using System.Linq;

namespace NegLR.Experiments.Stats;

/// <summary>Summary statistics of a sample: mean, standard deviation, median and quartiles.</summary>
internal static class Descriptive
{
    /// <summary>Arithmetic mean (NaN for an empty sample).</summary>
    public static double Mean(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum / values.Count;
    }

    /// <summary>Sample standard deviation with Bessel's correction (0 for a single value, NaN for none).</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        if (values.Count == 1)
        {
            return 0;
        }

        double mean = Mean(values), sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            double d = values[i] - mean;
            sum += d * d;
        }

        return Math.Sqrt(sum / (values.Count - 1));
    }

    /// <summary>
    /// The q-quantile by linear interpolation between order statistics (Hyndman &amp; Fan type 7, the default of R,
    /// NumPy and Excel): h = (n − 1)q, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
    /// </summary>
    public static double Quantile(IReadOnlyList<double> values, double q)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileSorted(sorted, q);
    }

    /// <summary><see cref="Quantile"/> of an already sorted array.</summary>
    public static double QuantileSorted(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * Math.Clamp(q, 0, 1);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    /// <summary>Median (type-7 quantile at 0.5).</summary>
    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);
}
