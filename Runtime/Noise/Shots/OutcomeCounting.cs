using System;

namespace NegLR;

/// <summary>
/// Shot statistics from an outcome distribution: the counts of m shots over the outcomes are one multinomial draw
/// (successive conditional binomials, as <see cref="ShotEstimator"/> draws parity patterns), and a group's estimate is
/// the mean of the outcomes' values with the sample variance of the mean. Only + − × ÷ touch probabilities, so the same
/// seed gives the same counts on every machine.
/// </summary>
internal static class OutcomeCounting
{
    /// <summary>
    /// Draws the counts of <paramref name="shots"/> shots over the outcomes of <paramref name="probabilities"/> (which need
    /// not sum to 1 exactly), using <paramref name="rest"/> (same length) as scratch for the suffix sums.
    /// </summary>
    public static void Draw(ReadOnlySpan<double> probabilities, int shots, SeededRandom random, Span<int> counts, Span<double> rest)
    {
        counts.Clear();
        // rest[i] = Σ_{j ≥ i} p_j, summed right to left once: each conditional probability p_i / rest[i] uses sums of
        // the remaining outcomes themselves, so rounding in a running difference cannot push it past 1.
        double sum = 0;
        for (int i = probabilities.Length - 1; i >= 0; i--)
        {
            sum += probabilities[i];
            rest[i] = sum;
        }

        ShotSampler.RequireSampleable(sum);
        int left = shots;
        for (int i = 0; i < probabilities.Length && left > 0; i++)
        {
            if (i == probabilities.Length - 1)
            {
                counts[i] = left;
                break;
            }

            double conditional = rest[i] > 0 ? Math.Min(1, probabilities[i] / rest[i]) : 1;
            int k = random.NextBinomial(left, conditional);
            counts[i] = k;
            left -= k;
        }
    }

    /// <summary>
    /// The mean of the shots' values and the variance of that mean, s²/m; a single shot uses <paramref name="bound"/>²
    /// (the largest variance a value within ±bound can have), no shots give (0, 0).
    /// </summary>
    public static (double Mean, double VarianceOfMean) Estimate(ReadOnlySpan<int> counts, ReadOnlySpan<double> values, int shots, double bound)
    {
        if (shots == 0)
        {
            return (0, 0);
        }

        double mean = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                mean += counts[i] * values[i];
            }
        }

        mean /= shots;
        double m2 = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            if (counts[i] != 0)
            {
                double d = values[i] - mean;
                m2 += counts[i] * d * d;
            }
        }

        return (mean, (shots > 1 ? m2 / (shots - 1) : bound * bound) / shots);
    }
}
