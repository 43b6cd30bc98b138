using System;
using System.Globalization;

namespace NegLR;

/// <summary>How a total shot budget is split across measurement groups.</summary>
public static class ShotAllocation
{
    /// <summary>
    /// Splits <paramref name="totalShots"/> so that every group gets at least one shot and the rest go in proportion
    /// to <paramref name="weights"/> (for <see cref="ShotEstimator"/>, each group's Σ|c|). Rule: each group first gets
    /// 1 shot; the remaining R = total − G are apportioned by the largest-remainder (Hamilton) method on the quotas
    /// R·w_g/Σw — floors first, then one extra shot each to the largest fractional parts, ties to the lower index.
    /// The result sums exactly to the budget and is deterministic. All-zero weights split evenly.
    /// </summary>
    /// <remarks>
    /// Allocating ∝ Σ|c| is the standard choice when group variances are unknown: it minimises the worst-case variance
    /// bound Σ_g (Σ|c|)²_g / m_g of the estimate (Wecker, Hastings, Troyer, PRA 92, 042303 (2015)). Allocates nothing;
    /// the remainder pass is O(G²) in the worst case, negligible next to sampling.
    /// </remarks>
    /// <exception cref="ArgumentException">The spans' lengths differ, a weight is negative or not finite, or the
    /// budget is smaller than the number of groups.</exception>
    public static void Proportional(ReadOnlySpan<double> weights, int totalShots, Span<int> shots)
    {
        if (shots.Length != weights.Length)
        {
            throw new ArgumentException(Invariant($"One shot count per group: {weights.Length} weights, but {shots.Length} slots."), nameof(shots));
        }

        if (totalShots < weights.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(totalShots), totalShots,
                Invariant($"Every one of the {weights.Length} groups needs at least one shot, so the budget must be at least {weights.Length}."));
        }

        double sum = 0;
        for (int g = 0; g < weights.Length; g++)
        {
            if (!(weights[g] >= 0) || !double.IsFinite(weights[g]))
            {
                throw new ArgumentException(Invariant($"Weight {g} is {weights[g]}; weights must be finite and non-negative."), nameof(weights));
            }

            sum += weights[g];
        }

        if (weights.IsEmpty)
        {
            return;
        }

        int rest = totalShots - weights.Length;
        int given = 0;
        for (int g = 0; g < weights.Length; g++)
        {
            shots[g] = 1 + (int)Math.Floor(Quota(weights, g, sum, rest));
            given += shots[g];
        }

        // Hand out what the floors left, one by one, to the largest remainders (each group at most once).
        for (int left = totalShots - given; left > 0; left--)
        {
            int best = 0;
            double bestRemainder = double.NegativeInfinity;
            for (int g = 0; g < weights.Length; g++)
            {
                double quota = Quota(weights, g, sum, rest);
                bool alreadyBumped = shots[g] - 1 > Math.Floor(quota);
                double remainder = alreadyBumped ? -1 : quota - Math.Floor(quota);
                if (remainder > bestRemainder)
                {
                    best = g;
                    bestRemainder = remainder;
                }
            }

            shots[best]++;
        }

        // Rounding in the quotas could in principle make the floors overshoot; take back from the smallest remainders.
        for (int excess = given - totalShots; excess > 0; excess--)
        {
            int worst = -1;
            double worstRemainder = double.PositiveInfinity;
            for (int g = 0; g < weights.Length; g++)
            {
                double quota = Quota(weights, g, sum, rest);
                double remainder = quota - Math.Floor(quota);
                if (shots[g] > 1 && remainder < worstRemainder)
                {
                    worst = g;
                    worstRemainder = remainder;
                }
            }

            shots[worst]--;
        }
    }

    private static double Quota(ReadOnlySpan<double> weights, int g, double sum, int rest) =>
        sum > 0 ? Math.Min(rest, rest * (weights[g] / sum)) : rest / (double)weights.Length;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
