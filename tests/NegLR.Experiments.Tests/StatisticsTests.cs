using System;
using System.Linq;
using NegLR.Experiments.Stats;

namespace NegLR.Experiments.Tests;

/// <summary>Wilcoxon, bootstrap and descriptive statistics against values worked out by hand.</summary>
public class StatisticsTests
{
    [Fact]
    public void Wilcoxon_SmallSampleWithoutTies_ExactWAndP()
    {
        // d = x − y = 1.5, −0.5, 2.0, 3.0, −1.0, 2.5. Ranks of |d|: 0.5→1, 1.0→2, 1.5→3, 2.0→4, 2.5→5, 3.0→6.
        // W+ = 3 + 4 + 6 + 5 = 18, W− = 1 + 2 = 3. Under H0 the 2^6 = 64 sign patterns are equally likely; sums ≤ 3 come
        // from {}, {1}, {2}, {3}, {1,2}: 5 patterns, and by symmetry P(W+ ≥ 18) = P(W+ ≤ 3) = 5/64. Two-sided p = 10/64.
        double[] x = { 2.5, 0.5, 3.0, 4.0, 0.0, 3.5 };
        double[] y = { 1.0, 1.0, 1.0, 1.0, 1.0, 1.0 };
        var r = Wilcoxon.SignedRank(x, y);
        Assert.True(r.Exact);
        Assert.Equal(6, r.N);
        Assert.Equal(18, r.WPlus);
        Assert.Equal(3, r.WMinus);
        Assert.Equal(3, r.W);
        Assert.Equal(10.0 / 64, r.PValue, 15);
    }

    [Fact]
    public void Wilcoxon_AllTenPositive_PIsTwoOver1024()
    {
        // Only the all-positive pattern reaches W+ = 55 (and only all-negative reaches 0): p = 2 / 2^10.
        var x = Enumerable.Range(1, 10).Select(i => (double)i).ToArray();
        var y = new double[10];
        var r = Wilcoxon.SignedRank(x, y);
        Assert.True(r.Exact);
        Assert.Equal(55, r.WPlus);
        Assert.Equal(2.0 / 1024, r.PValue, 15);
    }

    [Fact]
    public void Wilcoxon_Symmetric_PIsOne()
    {
        // d = 1, −2, 3, −4: W+ = 1 + 3 = 4, W− = 2 + 4 = 6. Subsets of {1, 2, 3, 4} with sum ≤ 4: {}, {1}, {2}, {3}, {4},
        // {1,2}, {1,3} = 7 of 16; with sum ≥ 4: 16 minus the 5 with sum ≤ 3 = 11. p = min(1, 2·min(7, 11)/16) = 14/16.
        double[] d = { 1, -2, 3, -4 };
        var r = Wilcoxon.SignedRank(d, new double[4]);
        Assert.True(r.Exact);
        Assert.Equal(4, r.WPlus);
        Assert.Equal(6, r.WMinus);
        Assert.Equal(14.0 / 16, r.PValue, 15);
    }

    [Fact]
    public void Wilcoxon_TiesAndZeros_NormalApproximationWithCorrections()
    {
        // d = 0, 0, 1, 1, 1, 2, 2, 3, −1, −2: the two zeros are dropped (n = 8). |d| = 1,1,1,2,2,3,1,2: the four 1s share
        // rank 2.5, the three 2s rank 6, the 3 has rank 8. W+ = 3·2.5 + 2·6 + 8 = 27.5, W− = 2.5 + 6 = 8.5.
        // Mean 8·9/4 = 18; variance 8·9·17/24 − [(4³ − 4) + (3³ − 3)]/48 = 51 − 84/48 = 49.25;
        // z = (27.5 − 18 − 0.5)/√49.25 = 1.2824468998; p = 2(1 − Φ(z)) = erfc(z/√2) = 0.1996859 (as R's
        // wilcox.test(x, y, paired = TRUE): V = 27.5, p-value = 0.1997, with its warning about ties and zeros).
        double[] d = { 0, 0, 1, 1, 1, 2, 2, 3, -1, -2 };
        var r = Wilcoxon.SignedRank(d, new double[d.Length]);
        Assert.False(r.Exact);
        Assert.Equal(8, r.N);
        Assert.Equal(2, r.Zeros);
        Assert.Equal(27.5, r.WPlus);
        Assert.Equal(8.5, r.WMinus);
        Assert.Equal(9 / Math.Sqrt(49.25), r.Z, 12);
        Assert.Equal(0.1996859209, r.PValue, 9);
    }

    [Fact]
    public void Wilcoxon_LargeSampleWithoutTies_NormalApproximation()
    {
        // d = −1 … −20, +21 … +60 (n = 60 ≥ 50 → normal). W− = 1 + … + 20 = 210, W+ = 1830 − 210 = 1620.
        // Mean 60·61/4 = 915, variance 60·61·121/24 = 18452.5, z = (1620 − 915 − 0.5)/√18452.5 = 5.1862493146, p = erfc(z/√2) = 2.1457151869e-7
        var d = Enumerable.Range(1, 60).Select(i => i <= 20 ? -(double)i : i).ToArray();
        var r = Wilcoxon.SignedRank(d, new double[60]);
        Assert.False(r.Exact);
        Assert.Equal(1620, r.WPlus);
        Assert.Equal(210, r.WMinus);
        Assert.Equal(704.5 / Math.Sqrt(18452.5), r.Z, 12);
        Assert.Equal(1, r.PValue / 2.1457151868636e-7, 9);
    }

    [Fact]
    public void Wilcoxon_NoDifferences_PIsOne()
    {
        var r = Wilcoxon.SignedRank(new double[] { 1, 2, 3 }, new double[] { 1, 2, 3 });
        Assert.Equal(0, r.N);
        Assert.Equal(3, r.Zeros);
        Assert.Equal(1, r.PValue);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(49)]
    public void Wilcoxon_NullCounts_SumToTwoToTheNAndAreSymmetric(int n)
    {
        var counts = Wilcoxon.NullCounts(n);
        Assert.Equal(Math.Pow(2, n), counts.Sum());
        for (int w = 0; w < counts.Length; w++)
        {
            Assert.Equal(counts[w], counts[counts.Length - 1 - w]);
        }
    }

    [Fact]
    public void AverageRanks_TiesShareTheirMeanRank()
    {
        var ranks = Wilcoxon.AverageRanks(new[] { 3.0, -1.0, 1.0, 2.0, -3.0 }, out var ties);
        Assert.Equal(new[] { 4.5, 1.5, 1.5, 3.0, 4.5 }, ranks);
        Assert.Equal(new[] { 2, 2 }, ties.OrderBy(t => t).ToArray());
    }

    [Fact]
    public void Bootstrap_TwoValues_PercentilesAreTheExtremes()
    {
        // Resample means of {1, 3} take 1, 2, 3 with probabilities 1/4, 1/2, 1/4: the 2.5 % and 97.5 % quantiles of
        // 10 000 resamples are 1 and 3.
        var ci = Bootstrap.MeanInterval(new[] { 1.0, 3.0 }, seed: 7);
        Assert.Equal(1, ci.Lower);
        Assert.Equal(3, ci.Upper);
    }

    [Fact]
    public void Bootstrap_ThreeValues_MatchesTheBinomialQuantiles()
    {
        // {0, 0, 3}: a resample's mean is k with k ~ Binomial(3, 1/3): P(0) = 8/27 ≈ 0.30 > 0.025, P(3) = 1/27 ≈ 0.037 > 0.025,
        // so the interval is [0, 3]. For {0, 0, 0, 0, 4} P(mean = 4·5/5) = 1/3125 < 0.025 and P(mean ≥ 12/5) = P(k ≥ 3) ≈ 0.058,
        // P(k ≥ 4) ≈ 0.0067: the upper 97.5 % point is 12/5 = 2.4 (k = 3), the lower 0 (P(k = 0) = 0.33).
        var a = Bootstrap.MeanInterval(new[] { 0.0, 0.0, 3.0 }, seed: 1);
        Assert.Equal((0, 3), (a.Lower, a.Upper));
        var b = Bootstrap.MeanInterval(new[] { 0.0, 0.0, 0.0, 0.0, 4.0 }, seed: 1);
        Assert.Equal(0, b.Lower);
        Assert.Equal(2.4, b.Upper, 12);
    }

    [Fact]
    public void Bootstrap_SameSeed_SameInterval_ConstantSample_Degenerate()
    {
        var values = new[] { 0.3, 0.1, 0.7, 0.2, 0.9, 0.4 };
        Assert.Equal(Bootstrap.MeanInterval(values, 42), Bootstrap.MeanInterval(values, 42));
        var c = Bootstrap.MeanInterval(new[] { 2.5, 2.5, 2.5 }, 3);
        Assert.Equal((2.5, 2.5), (c.Lower, c.Upper));
    }

    [Fact]
    public void Descriptive_QuantileType7_AndSampleStandardDeviation()
    {
        // Type 7: h = (n − 1)q; for 1..4 at q = 0.25, h = 0.75 → 1 + 0.75·(2 − 1) = 1.75.
        Assert.Equal(1.75, Descriptive.Quantile(new[] { 4.0, 1, 3, 2 }, 0.25), 15);
        Assert.Equal(2.5, Descriptive.Median(new[] { 4.0, 1, 3, 2 }), 15);
        // Σ(x − 5)² = 32 for 2, 4, 4, 4, 5, 5, 7, 9: s = √(32/7).
        Assert.Equal(Math.Sqrt(32.0 / 7), Descriptive.StandardDeviation(new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 }), 14);
    }

    [Fact]
    public void ExponentialFit_ExactDecay_RecoversRateWithZeroScatter()
    {
        // y = 3·2^(−0.8 n): ln y = ln 3 − 0.8 ln 2 · n.
        var n = new[] { 2.0, 4, 6, 8, 10 };
        var y = n.Select(v => 3 * Math.Pow(2, -0.8 * v)).ToArray();
        var fit = ExponentialFit.FitLog(n, y, y.Select(v => 0.05 * v).ToArray());
        Assert.Equal(-0.8 * Math.Log(2), fit.Slope, 12);
        Assert.Equal(Math.Log(3), fit.Intercept, 12);
        Assert.Equal(0, fit.ReducedChiSquared, 12);
        // σ(ln y) = 0.05 everywhere: SE(slope) = 0.05/√Σ(n − 6)² = 0.05/√40.
        Assert.Equal(0.05 / Math.Sqrt(40), fit.SlopeSe, 12);
    }
}
