using System;
using System.Globalization;

namespace NegLR;

// Binomial draws for shot counting: a device's m shots of a ±1 observable are one Binomial(m, p) draw, so counting
// outcomes costs far less than drawing every shot (see ShotEstimator).
public sealed partial class SeededRandom
{
    /// <summary>Trials per inversion: (1 − p)^512 ≥ 2^−512 stays a normal double, so the walk never starts at zero.</summary>
    private const int BinomialChunk = 512;

    /// <summary>
    /// The number of successes in <paramref name="trials"/> independent trials of probability
    /// <paramref name="probability"/>: an exact Binomial(n, p) draw by inversion (one uniform per 512 trials, expected
    /// work proportional to n·min(p, 1 − p)). Only +, −, × and ÷ touch the probabilities, so the same seed gives the same
    /// count on every machine.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trials"/> is negative, or
    /// <paramref name="probability"/> is not in [0, 1].</exception>
    public int NextBinomial(int trials, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(trials);
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability,
                string.Create(CultureInfo.InvariantCulture, $"A probability must be in [0, 1], not {probability}."));
        }

        // Walk from the nearer end: the expected walk length is the mean of the smaller side.
        bool flipped = probability > 0.5;
        double p = flipped ? 1 - probability : probability;
        int successes = 0;
        if (p > 0)
        {
            for (int left = trials; left > 0; left -= BinomialChunk)
            {
                successes += InvertBinomial(Math.Min(left, BinomialChunk), p);
            }
        }

        return flipped ? trials - successes : successes;
    }

    /// <summary>
    /// Sequential search on the pmf, f(k + 1) = f(k) · (p/q) · (m − k)/(k + 1) from f(0) = q^m, with p ≤ ½ and m ≤ 512.
    /// Rounding can leave the summed pmf a few ulps short of 1; a uniform in that sliver returns m.
    /// </summary>
    private int InvertBinomial(int m, double p)
    {
        double q = 1 - p;
        double f = PowerBySquaring(q, m);
        double ratio = p / q;
        double u = NextDouble();
        int k = 0;
        while (u >= f && k < m)
        {
            u -= f;
            k++;
            f *= ratio * (m - k + 1) / k;
        }

        return k;
    }

    /// <summary>x^n by repeated squaring: multiplications only, so the result is the same on every machine (unlike Math.Pow).</summary>
    private static double PowerBySquaring(double x, int n)
    {
        double result = 1;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            x *= x;
            n >>= 1;
        }

        return result;
    }
}
