using System;

namespace NegLR.Tests.Shots;

public class ShotAllocationTests
{
    [Theory]
    [InlineData(new[] { 3.0, 1.0 }, 10, new[] { 7, 3 })]
    [InlineData(new[] { 1.0, 1.0, 1.0 }, 10, new[] { 4, 3, 3 })]
    [InlineData(new[] { 1.0, 0.0, 1e-9 }, 3, new[] { 1, 1, 1 })]
    [InlineData(new[] { 100.0, 1e-6 }, 5, new[] { 4, 1 })]
    [InlineData(new[] { 0.0, 0.0 }, 5, new[] { 3, 2 })]
    [InlineData(new[] { 0.5, 0.3, 0.2 }, 13, new[] { 6, 4, 3 })]
    public void Proportional_Examples(double[] weights, int total, int[] expected)
    {
        var shots = new int[weights.Length];
        ShotAllocation.Proportional(weights, total, shots);
        Assert.Equal(expected, shots);
    }

    [Fact]
    public void Proportional_AlwaysSumsToBudget_AndGivesEveryGroupAShot()
    {
        var rng = new SeededRandom(17);
        for (int trial = 0; trial < 500; trial++)
        {
            int groups = 1 + rng.NextInt(40);
            var weights = new double[groups];
            for (int g = 0; g < groups; g++)
            {
                weights[g] = rng.NextInt(4) == 0 ? 0 : rng.NextDouble() * Math.Pow(10, rng.NextInt(6) - 3);
            }

            int total = groups + rng.NextInt(5000);
            var shots = new int[groups];
            ShotAllocation.Proportional(weights, total, shots);
            int sum = 0;
            foreach (int s in shots)
            {
                Assert.True(s >= 1);
                sum += s;
            }

            Assert.Equal(total, sum);
        }
    }

    [Fact]
    public void Proportional_BadInput_Throws()
    {
        Assert.Equal("totalShots", Assert.Throws<ArgumentOutOfRangeException>(() => ShotAllocation.Proportional(new[] { 1.0, 2.0 }, 1, new int[2])).ParamName);
        Assert.Equal("shots", Assert.Throws<ArgumentException>(() => ShotAllocation.Proportional(new[] { 1.0, 2.0 }, 5, new int[3])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => ShotAllocation.Proportional(new[] { -1.0 }, 5, new int[1])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => ShotAllocation.Proportional(new[] { double.NaN }, 5, new int[1])).ParamName);
        ShotAllocation.Proportional(ReadOnlySpan<double>.Empty, 0, Span<int>.Empty);
    }
}
