using System;

namespace NegLR.Tests.Optimizers;

/// <summary>SPSA with a fixed seed against the update worked out by hand (PennyLane's formulas and defaults).</summary>
public class SpsaTests
{
    [Fact]
    public void Defaults_ArePennyLanes()
    {
        var spsa = new Spsa(2);
        Assert.Equal(20, spsa.Gains.StabilityConstant);           // A = 0.1 · maxiter (200)
        Assert.Equal(0.05 * Math.Pow(21, 0.602), spsa.Gains.A);   // a = 0.05 (A + 1)^α
        Assert.Equal(0.05, spsa.LearningRate(0), 15);             // so a_0 = 0.05
        Assert.Equal(0.2, spsa.Perturbation(0));                  // c_0 = c
        Assert.Equal(0.2 / Math.Pow(3, 0.101), spsa.Perturbation(2), 15);
    }

    [Fact]
    public void FirstStep_WithFixedSeed_MatchesTheHandComputation()
    {
        // L(θ) = θ0² + 3θ1 at θ = (1, 1); Δ are the first two signs of SeededRandom(7). L(θ + cΔ) − L(θ − cΔ) = 4c·Δ0 + 6c·Δ1,
        // so ĝ_i = (4cΔ0 + 6cΔ1)/(2cΔ_i) and θ ← θ − 0.05·ĝ (a_0 = 0.05, c_0 = 0.2).
        var signs = new SeededRandom(7);
        double d0 = signs.NextSign(), d1 = signs.NextSign();
        double slope = ((4 * 0.2 * d0) + (6 * 0.2 * d1)) / (2 * 0.2);
        var expected = new[] { 1 - (0.05 * slope / d0), 1 - (0.05 * slope / d1) };

        var spsa = new Spsa(2, seed: 7);
        var theta = new[] { 1.0, 1.0 };
        int calls = 0;
        double reported = spsa.Step(theta, p =>
        {
            calls++;
            return (p[0] * p[0]) + (3 * p[1]);
        });

        Assert.Equal(2, calls);
        Assert.Equal(expected[0], theta[0], 14);
        Assert.Equal(expected[1], theta[1], 14);
        Assert.Equal(4 + (0.2 * 0.2), reported, 14); // mean of L(θ ± cΔ) = θ0² + c² + 3θ1

        // Seed 7's first signs are (−1, +1): the difference is −0.8 + 1.2 = 0.4, ĝ = 0.4/0.4 · (1/Δ0, 1/Δ1) = (−1, 1), so θ = (1.05, 0.95).
        Assert.Equal((-1.0, 1.0), (d0, d1));
        Assert.Equal(1.05, theta[0], 14);
        Assert.Equal(0.95, theta[1], 14);
    }

    [Fact]
    public void SameSeed_SameRun_DifferentSeed_DifferentRun()
    {
        double[] Run(ulong seed)
        {
            var spsa = new Spsa(3, seed);
            var theta = new[] { 0.3, -0.2, 0.9 };
            for (int k = 0; k < 20; k++)
            {
                spsa.Step(theta, p => Math.Cos(p[0]) + (p[1] * p[1]) - Math.Sin(p[2]));
            }

            return theta;
        }

        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void Converges_OnABowl()
    {
        var spsa = new Spsa(2, seed: 1, maxIterations: 300);
        var theta = new[] { 1.0, -1.0 };
        for (int k = 0; k < 300; k++)
        {
            spsa.Step(theta, p => (p[0] * p[0]) + (2 * p[1] * p[1]));
        }

        Assert.InRange((theta[0] * theta[0]) + (2 * theta[1] * theta[1]), 0, 1e-3);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("c", Assert.Throws<ArgumentOutOfRangeException>(() => new Spsa(1, c: 0)).ParamName);
        Assert.Equal("maxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new Spsa(1, maxIterations: 0)).ParamName);
        Assert.Equal("gamma", Assert.Throws<ArgumentOutOfRangeException>(() => new Spsa(1, gamma: -1)).ParamName);
        Assert.Equal("stabilityConstant", Assert.Throws<ArgumentOutOfRangeException>(() => new Spsa(1, stabilityConstant: -1)).ParamName);
        Assert.Throws<ArgumentNullException>(() => new Spsa(1).Step(new double[1], null!));
    }
}
