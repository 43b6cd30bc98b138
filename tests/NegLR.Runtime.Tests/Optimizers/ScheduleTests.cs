using System;
using System.Linq;

namespace NegLR.Tests.Optimizers;

/// <summary>Each learning-rate schedule's values, worked out from PyTorch's definitions.</summary>
public class ScheduleTests
{
    private static double[] Rates(LearningRateSchedule s, int count) => Enumerable.Range(0, count).Select(t => s.Rate(t)).ToArray();

    [Fact]
    public void Constant_IsConstant_AndADoubleConvertsToIt()
    {
        LearningRateSchedule s = 0.05;
        Assert.IsType<ConstantSchedule>(s);
        Assert.All(Rates(s, 5), r => Assert.Equal(0.05, r));
        Assert.Equal("0.05", s.ToString());
    }

    [Fact]
    public void Step_DropsByGammaEveryStepSize()
    {
        var rates = Rates(new StepSchedule(1.0, stepSize: 3, gamma: 0.1), 7);
        var expected = new[] { 1, 1, 1, 0.1, 0.1, 0.1, 0.01 };
        for (int t = 0; t < 7; t++)
        {
            Assert.Equal(expected[t], rates[t], 15);
        }
    }

    [Fact]
    public void Exponential_MultipliesEveryStep()
    {
        Assert.Equal(new[] { 0.2, 0.1, 0.05, 0.025 }, Rates(new ExponentialSchedule(0.2, 0.5), 4));
    }

    [Fact]
    public void Cosine_AnnealsToTheFloorAndStays()
    {
        // η_t = (1 + cos(πt/4))/2 for η0 = 1, floor 0: 1, 0.85355…, 0.5, 0.14644…, 0, then 0.
        var rates = Rates(new CosineSchedule(1.0, totalSteps: 4), 7);
        var expected = new[] { 1, 0.8535533905932737, 0.5, 0.14644660940672627, 0, 0, 0 };
        for (int t = 0; t < 7; t++)
        {
            Assert.Equal(expected[t], rates[t], 15);
        }

        var floored = new CosineSchedule(1.0, 4, minimumRate: 0.1);
        Assert.Equal(0.1 + (0.9 * 0.5), floored.Rate(2), 15);
        Assert.Equal(0.1, floored.Rate(100));
    }

    [Fact]
    public void LinearWarmup_RampsThenHandsOver()
    {
        // f = 1/3, W = 3 in front of 0.3: 0.3·(1/3), 0.3·(1/3 + 2/9), 0.3·(1/3 + 4/9), then 0.3.
        var rates = Rates(new LinearWarmupSchedule(0.3, warmupSteps: 3), 5);
        var expected = new[] { 0.1, 0.3 * 5 / 9, 0.3 * 7 / 9, 0.3, 0.3 };
        for (int t = 0; t < 5; t++)
        {
            Assert.Equal(expected[t], rates[t], 15);
        }

        // The following schedule starts fresh after the warm-up.
        var cosine = new CosineSchedule(0.3, 4);
        var warm = new LinearWarmupSchedule(cosine, 2, startFactor: 0.5);
        Assert.Equal(0.15, warm.Rate(0), 15);
        Assert.Equal(0.225, warm.Rate(1), 15);
        Assert.Equal(cosine.Rate(0), warm.Rate(2));
        Assert.Equal(cosine.Rate(3), warm.Rate(5));
    }

    [Fact]
    public void SpsaGain_FollowsSpall()
    {
        var s = new SpsaGainSchedule(a: 0.5, stabilityConstant: 9, alpha: 0.602);
        Assert.Equal(0.5 / Math.Pow(10, 0.602), s.Rate(0), 15);
        Assert.Equal(0.5 / Math.Pow(14, 0.602), s.Rate(4), 15);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantSchedule(-1)).ParamName);
        Assert.Equal("stepSize", Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(1, 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new StepSchedule(1, 2, 1.5)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialSchedule(1, 0)).ParamName);
        Assert.Equal("totalSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(1, 0)).ParamName);
        Assert.Equal("minimumRate", Assert.Throws<ArgumentOutOfRangeException>(() => new CosineSchedule(1, 5, 2)).ParamName);
        Assert.Equal("warmupSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearWarmupSchedule(0.1, 0)).ParamName);
        Assert.Equal("startFactor", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearWarmupSchedule(0.1, 3, 0)).ParamName);
        Assert.Equal("step", Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantSchedule(1).Rate(-1)).ParamName);
    }
}
