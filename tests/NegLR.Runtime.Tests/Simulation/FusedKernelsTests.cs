using System;
using NegLR.Simulation;

namespace NegLR.Tests.Simulation;

/// <summary>
/// <see cref="FusedKernels.CosSin"/>, the cosines and sines every generated tile pass starts from: accurate against
/// <see cref="Math.Cos"/>/<see cref="Math.Sin"/>, the same bits from its vector and scalar paths, clear about bad spans.
/// </summary>
public class FusedKernelsTests
{
    [Fact]
    public void CosSin_MatchesMathToTwoUlps_OverGateAngles()
    {
        var random = new SeededRandom(5);
        var x = new double[10_003];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble(-200, 200);
        }

        double[] edges = { 0.0, -0.0, Math.PI / 4, -Math.PI / 4, Math.PI / 2, Math.PI, 3 * Math.PI / 2, 1e-300, 99_999.5, -1e5 };
        edges.CopyTo(x, 0);
        var cs = new double[2 * x.Length];
        FusedKernels.CosSin(x, cs);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.True(Math.Abs(cs[i] - Math.Cos(x[i])) <= 2.3e-16, $"cos({x[i]:R}) = {cs[i]:R}, Math.Cos {Math.Cos(x[i]):R}");
            Assert.True(Math.Abs(cs[x.Length + i] - Math.Sin(x[i])) <= 2.3e-16, $"sin({x[i]:R}) = {cs[x.Length + i]:R}, Math.Sin {Math.Sin(x[i]):R}");
        }
    }

    [Fact]
    public void CosSin_BeyondReducibleRangeAndNaN_FallsBackToMath()
    {
        double[] x = { 1e6, -3e9, double.NaN, double.PositiveInfinity, 0.5 };
        var cs = new double[2 * x.Length];
        FusedKernels.CosSin(x, cs);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.Equal(Math.Cos(x[i]), cs[i]);
            Assert.Equal(Math.Sin(x[i]), cs[x.Length + i]);
        }
    }

    [Fact]
    public void CosSin_VectorAndScalarPaths_GiveTheSameBits()
    {
        // Nine arguments: the first eight go through the vector path, each alone (a span of one) through the scalar one.
        var random = new SeededRandom(6);
        var x = new double[9];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = random.NextDouble(-50, 50);
        }

        var all = new double[2 * x.Length];
        FusedKernels.CosSin(x, all);
        var one = new double[2];
        for (int i = 0; i < x.Length; i++)
        {
            FusedKernels.CosSin(x.AsSpan(i, 1), one);
            Assert.Equal(BitConverter.DoubleToInt64Bits(one[0]), BitConverter.DoubleToInt64Bits(all[i]));
            Assert.Equal(BitConverter.DoubleToInt64Bits(one[1]), BitConverter.DoubleToInt64Bits(all[x.Length + i]));
        }
    }

    [Fact]
    public void CosSin_OutputTooShort_NamesTheParameter()
    {
        var e = Assert.Throws<ArgumentException>(() => FusedKernels.CosSin(new double[3], new double[5]));
        Assert.Equal("cosSin", e.ParamName);
        Assert.Contains("6", e.Message, StringComparison.Ordinal);
    }
}
