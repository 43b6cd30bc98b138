using System;
using System.Linq;

namespace NegLR.Tests.Shots;

public class BinomialTests
{
    [Theory]
    [InlineData(10, 0.35)]
    [InlineData(12, 0.8)]
    [InlineData(600, 0.5)] // two inversion chunks (512 + 88)
    public void Draws_FollowTheBinomialPmf_ChiSquare(int n, double p)
    {
        var rng = new SeededRandom(91);
        const int draws = 40_000;
        var observed = new int[n + 1];
        for (int i = 0; i < draws; i++)
        {
            observed[rng.NextBinomial(n, p)]++;
        }

        // Pool cells with expected count < 5 into their neighbours (standard chi-square practice).
        var pmf = Enumerable.Range(0, n + 1).Select(k => Math.Exp(LogChoose(n, k) + (k * Math.Log(p)) + ((n - k) * Math.Log(1 - p)))).ToArray();
        double chi2 = 0, expectedPool = 0, observedPool = 0;
        int cells = 0;
        for (int k = 0; k <= n; k++)
        {
            expectedPool += pmf[k] * draws;
            observedPool += observed[k];
            if (expectedPool >= 5 || k == n)
            {
                chi2 += (observedPool - expectedPool) * (observedPool - expectedPool) / expectedPool;
                cells++;
                expectedPool = observedPool = 0;
            }
        }

        // Wilson–Hilferty 99.99 % quantile of chi-square with cells − 1 degrees of freedom: a fixed seed, so this cannot flake.
        int df = cells - 1;
        double limit = df * Math.Pow(1 - (2.0 / (9 * df)) + (3.719 * Math.Sqrt(2.0 / (9 * df))), 3);
        Assert.True(chi2 < limit, $"chi2 {chi2:F1} over {df} df exceeds {limit:F1}");
    }

    [Theory]
    [InlineData(1000, 0.3)]
    [InlineData(10_000, 0.5)]
    [InlineData(777, 0.999)]
    public void Mean_AndVariance_MatchNpAndNpq(int n, double p)
    {
        var rng = new SeededRandom(5);
        const int draws = 20_000;
        var x = Enumerable.Range(0, draws).Select(_ => (double)rng.NextBinomial(n, p)).ToArray();
        var (mean, sd, sem) = ShotStatistics.Summarise(x);
        double variance = n * p * (1 - p);
        Assert.True(Math.Abs(mean - (n * p)) <= 4 * sem, $"mean {mean} vs {n * p}");
        Assert.InRange(sd * sd / variance, 0.95, 1.05);
    }

    [Fact]
    public void Edges_AreExact_AndEveryDrawIsInRange()
    {
        var rng = new SeededRandom(3);
        Assert.Equal(0, rng.NextBinomial(0, 0.4));
        Assert.Equal(0, rng.NextBinomial(50, 0));
        Assert.Equal(50, rng.NextBinomial(50, 1));
        for (int i = 0; i < 2000; i++)
        {
            Assert.InRange(rng.NextBinomial(1500, 1e-300), 0, 1500);
            Assert.InRange(rng.NextBinomial(3, 0.5), 0, 3);
        }
    }

    [Fact]
    public void SameSeed_SameCounts()
    {
        var a = new SeededRandom(17);
        var b = new SeededRandom(17);
        var first = Enumerable.Range(0, 200).Select(i => a.NextBinomial(100 + i, 0.01 * (i % 100))).ToArray();
        var second = Enumerable.Range(0, 200).Select(i => b.NextBinomial(100 + i, 0.01 * (i % 100))).ToArray();
        Assert.Equal(first, second);
    }

    [Fact]
    public void BadArguments_NameTheParameter()
    {
        var rng = new SeededRandom(1);
        Assert.Equal("trials", Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextBinomial(-1, 0.5)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextBinomial(5, 1.5)).ParamName);
        Assert.Equal("probability", Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextBinomial(5, double.NaN)).ParamName);
    }

    private static double LogChoose(int n, int k)
    {
        double s = 0;
        for (int i = 1; i <= k; i++)
        {
            s += Math.Log(n - k + i) - Math.Log(i);
        }

        return s;
    }
}
