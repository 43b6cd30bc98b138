using System;
using System.Linq;

namespace NegLR.Tests.Noise;

/// <summary>
/// Wang et al.'s noise-induced barren-plateau bounds (<see cref="NoiseInducedPlateauBound"/>): the factors of the
/// channels, the local noise inside a two-qubit depolarizing channel, and the bounds against exact gradients and costs
/// of noisy circuits on the density-matrix engine.
/// </summary>
public class NoiseInducedPlateauBoundTests
{
    [Fact]
    public void Factors_OfDepolarizingAndPauliChannels()
    {
        Assert.Equal(0.96, NoiseInducedPlateauBound.DepolarizingFactor(0.03), 15);
        Assert.Equal(1.0, NoiseInducedPlateauBound.DepolarizingFactor(0), 15);
        Assert.Equal(0.0, NoiseInducedPlateauBound.DepolarizingFactor(0.75), 15);
        // Depolarizing is the Pauli channel with p/3 on each letter.
        Assert.Equal(NoiseInducedPlateauBound.DepolarizingFactor(0.09), NoiseInducedPlateauBound.PauliChannelFactor(0.03, 0.03, 0.03), 14);
        // A bit flip leaves X alone: no contraction of X, so q = 1.
        Assert.Equal(1.0, NoiseInducedPlateauBound.PauliChannelFactor(0.1, 0, 0), 15);
        Assert.Equal(0.8, NoiseInducedPlateauBound.PauliChannelFactor(0.05, 0.05, 0.05), 14);
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(1e-2)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void TwoQubitDepolarizing_IsAPauliChannelAfterLocalDepolarizingOfTheStatedFactor_AndNoStronger(double p)
    {
        double u = NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(p);
        double v = 1 - (16 * p / 15);
        Assert.InRange(u, v, 1);

        // R = D2 ∘ (D_u ⊗ D_u)⁻¹: eigenvalue v/u on weight-1 words, v/u² on weight-2 words. As a Pauli channel it must have
        // non-negative probabilities (the runtime's constructor checks) and compose back to the two-qubit depolarizing map.
        var probabilities = RemainderProbabilities(u, v);
        Assert.All(probabilities, x => Assert.True(x > -1e-12, $"probability {x} < 0 at the stated factor"));
        var remainder = NoiseChannel.TwoQubitPauliChannel(probabilities.Skip(1).Select(x => Math.Max(0, x)).ToArray());
        var ptm = remainder.PauliTransferMatrix;
        var depolarizing = NoiseChannel.TwoQubitDepolarizing(p).PauliTransferMatrix;
        for (int word = 1; word < 16; word++)
        {
            int weight = (word / 4 == 0 ? 0 : 1) + (word % 4 == 0 ? 0 : 1);
            Assert.Equal(depolarizing[(word * 16) + word], ptm[(word * 16) + word] * Math.Pow(u, weight), 12);
        }

        // Tight: any stronger local contraction leaves a map that is not completely positive.
        var stronger = RemainderProbabilities(u * (1 - 1e-5), v);
        Assert.True(stronger.Min() < -1e-9, $"u = {u} is not the strongest local factor: {stronger.Min()}");
    }

    [Fact]
    public void TwoQubitDepolarizing_LocalFactorIsAbout1Minus4POver15ForSmallP()
    {
        foreach (double p in new[] { 1e-4, 1e-3, 1e-2 })
        {
            double u = NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(p);
            Assert.Equal(4 * p / 15, 1 - u, 4 * p * p);
        }

        Assert.Equal(0.0, NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(15.0 / 16), 12);
    }

    [Theory]
    [InlineData(2, 3, 0.15, 0.3, 11)]
    [InlineData(3, 6, 0.15, 0.25, 12)]
    [InlineData(4, 6, 0.15, 0.3, 13)]
    [InlineData(4, 2, 0.3, 0.0, 14)]
    public void Bounds_HoldForEveryGradientAndCost_OnNoisyLayeredCircuits(int n, int layers, double p1, double p2, int seed)
    {
        // Each layer: RY on every qubit, depolarizing p1 on each (a local layer); RZ, depolarizing p1 on each (another);
        // a CNOT ladder with two-qubit depolarizing p2 after each CNOT (a local layer of factor u(p2) for n ≥ 2).
        var c = new Circuit(n);
        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < n; q++)
            {
                c.RY(q, c.Weight()).Depolarizing(q, p1);
            }

            for (int q = 0; q < n; q++)
            {
                c.RZ(q, c.Weight()).Depolarizing(q, p1);
            }

            for (int q = 0; q + 1 < n; q++)
            {
                c.CNOT(q, q + 1);
                if (p2 > 0)
                {
                    c.TwoQubitDepolarizing(q, q + 1, p2);
                }
            }
        }

        double q1 = NoiseInducedPlateauBound.DepolarizingFactor(p1);
        double u = NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(p2);
        double contraction = Math.Pow(q1, 2 * layers) * Math.Pow(u, layers);
        var observable = PauliSum.Parse(n >= 3 ? "Z0 Z1 - 0.5 X2 + 0.25 Y0" : "Z0 Z1 - 0.5 X1");
        double norm = observable.Terms.Sum(t => Math.Abs(t.Coefficient));
        double gradientBound = NoiseInducedPlateauBound.GradientBound(n, contraction, 0.5, norm);
        double costBound = NoiseInducedPlateauBound.ConcentrationBound(n, contraction, norm);
        // The bound is informative here (below the largest gradient a noiseless circuit can have, ½·‖ω‖₁).
        Assert.True(gradientBound < 0.5 * norm, $"bound {gradientBound} is vacuous; pick stronger noise");

        var simulator = new DensityMatrixSimulator(c);
        var workspace = simulator.CreateWorkspace();
        var random = new SeededRandom((ulong)seed);
        var w = new double[simulator.WeightCount];
        var g = new double[w.Length];
        double largest = 0;
        for (int sample = 0; sample < 40; sample++)
        {
            for (int i = 0; i < w.Length; i++)
            {
                w[i] = random.NextDouble(0, 2 * Math.PI);
            }

            double cost = simulator.EvaluateWithGradient(w, observable, g, workspace);
            Assert.True(Math.Abs(cost) <= costBound, $"|C̃| = {Math.Abs(cost)} exceeds the concentration bound {costBound}");
            largest = Math.Max(largest, g.Max(Math.Abs));
        }

        Assert.True(largest <= gradientBound, $"max |∂C̃| = {largest} exceeds the bound {gradientBound}");
        Assert.True(largest > 0);
    }

    [Theory]
    [InlineData(0.05, 3)]
    [InlineData(0.2, 5)]
    [InlineData(0.4, 2)]
    public void GradientBound_IsWithin18PercentOfTheLargestGradient_OnOneQubit(double p, int layers)
    {
        // RY(θ_k) then depolarizing, K times: C̃ = Q cos(Σθ) with Q = q^K, so at Σθ = π/2 every |∂C̃/∂θ_k| = Q, and the
        // bound is √(8 ln 2)·½·1·√1·Q = 1.177·Q: counting a layer that is not there (Q·q) puts it below the truth once
        // q < 1/1.177 = 0.85.
        var c = new Circuit(1);
        for (int k = 0; k < layers; k++)
        {
            c.RY(0, c.Weight()).Depolarizing(0, p);
        }

        var simulator = new DensityMatrixSimulator(c);
        var w = new double[layers];
        w[0] = Math.PI / 2;
        var g = new double[layers];
        simulator.EvaluateWithGradient(w, PauliSum.Z(0), g, simulator.CreateWorkspace());
        double q = NoiseInducedPlateauBound.DepolarizingFactor(p);
        double bound = NoiseInducedPlateauBound.GradientBound(1, layers, q, 0.5, 1);
        Assert.All(g, x => Assert.Equal(Math.Pow(q, layers), Math.Abs(x), 12));
        Assert.InRange(g.Max(Math.Abs), bound / 1.18, bound);
        if (q < 0.85)
        {
            Assert.True(NoiseInducedPlateauBound.GradientBound(1, layers + 1, q, 0.5, 1) < g.Max(Math.Abs));
        }
    }

    [Fact]
    public void LayersUntilGradientBelow_IsTheFirstDepthAtWhichTheBoundDrops()
    {
        double q = NoiseInducedPlateauBound.DepolarizingFactor(0.01);
        int k = NoiseInducedPlateauBound.LayersUntilGradientBelow(6, q, 0.5, 1, 1e-3);
        Assert.True(NoiseInducedPlateauBound.GradientBound(6, k, q, 0.5, 1) <= 1e-3);
        Assert.True(NoiseInducedPlateauBound.GradientBound(6, k - 1, q, 0.5, 1) > 1e-3);
        Assert.Equal(int.MaxValue, NoiseInducedPlateauBound.LayersUntilGradientBelow(6, 1, 0.5, 1, 1e-3));
        Assert.Equal(0, NoiseInducedPlateauBound.LayersUntilGradientBelow(1, 0.9, 0.5, 1, 10));
        // √(8 ln 2)·½·1·√6 ≈ 2.88 at depth 0; each layer multiplies by 0.98667.
        Assert.Equal(NoiseInducedPlateauBound.GradientConstant * 0.5 * Math.Sqrt(6), NoiseInducedPlateauBound.GradientBound(6, 1.0, 0.5, 1), 14);
    }

    [Fact]
    public void BadInput_NamesTheParameter()
    {
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.DepolarizingFactor(1.5)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.DepolarizingFactor(double.NaN)).ParamName);
        Assert.Equal("pZ", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.PauliChannelFactor(0.5, 0.4, 0.3)).ParamName);
        Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(0.95)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.GradientBound(0, 1, 0.5, 1)).ParamName);
        Assert.Equal("contraction", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.GradientBound(3, 1.2, 0.5, 1)).ParamName);
        Assert.Equal("generatorNorm", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.GradientBound(3, 0.5, -1, 1)).ParamName);
        Assert.Equal("observableNorm", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.ConcentrationBound(3, 0.5, double.PositiveInfinity)).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.Contraction(1.1, 3)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.Contraction(0.9, -1)).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseInducedPlateauBound.LayersUntilGradientBelow(3, 0.9, 0.5, 1, 0)).ParamName);
    }

    /// <summary>
    /// Probabilities (identity first, then the words in index order 4·l0 + l1) of the Pauli channel whose eigenvalue is
    /// v/u on weight-1 words and v/u² on weight-2 words: p_Q = (1/16) Σ_P λ_P (−1)^[P, Q anticommute].
    /// </summary>
    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.1)]
    [InlineData(0.6)]
    public void TwoQubitPauliLocalFactor_OfTwoQubitDepolarizing_IsTheClosedForm(double p)
    {
        var channel = NoiseChannel.TwoQubitDepolarizing(p);
        Assert.Equal(NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(p), NoiseInducedPlateauBound.TwoQubitPauliLocalFactor(Diagonal(channel)), 12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void TwoQubitPauliLocalFactor_LeavesAPauliChannel_AndIsTheStrongestThatDoes(int seed)
    {
        // A random two-qubit Pauli channel (some words never occur: sparse, correlated errors).
        var random = new SeededRandom((ulong)seed);
        var errors = new double[15];
        double scale = random.NextDouble(0.01, 0.4);
        for (int i = 0; i < 15; i++)
        {
            errors[i] = random.NextDouble() < 0.3 ? 0 : random.NextDouble();
        }

        double total = errors.Sum();
        for (int i = 0; i < 15; i++)
        {
            errors[i] = total > 0 ? errors[i] * scale / total : 0;
        }

        var channel = NoiseChannel.TwoQubitPauliChannel(errors);
        var lambda = Diagonal(channel);
        double u = NoiseInducedPlateauBound.TwoQubitPauliLocalFactor(lambda);
        Assert.InRange(u, 0, 1);

        // At u the remainder is a Pauli channel whose composition with D_u ⊗ D_u gives the channel back (checked by the
        // runtime's own transfer matrix of the remainder).
        var remainder = Remainder(lambda, u);
        Assert.All(remainder, x => Assert.True(x > -1e-12, $"seed {seed}: remainder probability {x} < 0 at u = {u}"));
        var ptm = NoiseChannel.TwoQubitPauliChannel(remainder.Skip(1).Select(x => Math.Max(0, x)).ToArray()).PauliTransferMatrix;
        for (int word = 1; word < 16; word++)
        {
            Assert.Equal(lambda[word], ptm[(word * 16) + word] * Math.Pow(u, Weight(word)), 10);
        }

        // Tight: slightly stronger local noise leaves a map with a negative error probability.
        if (u > 1e-6)
        {
            Assert.True(Remainder(lambda, u * (1 - 1e-6)).Min() < -1e-13, $"seed {seed}: u = {u} is not the strongest local factor");
        }
    }

    [Fact]
    public void TwoQubitPauliLocalFactor_OfACorrelatedZZError_IsOne_AndBadInputIsRefused()
    {
        var zz = NoiseChannel.TwoQubitPauliChannel(Enumerable.Range(1, 15).Select(w => w == 15 ? 0.1 : 0.0).ToArray());
        Assert.Equal(1.0, NoiseInducedPlateauBound.TwoQubitPauliLocalFactor(Diagonal(zz)), 12);
        Assert.Equal("eigenvalues", Assert.Throws<ArgumentException>(() => NoiseInducedPlateauBound.TwoQubitPauliLocalFactor(new double[4])).ParamName);
        var bad = Diagonal(zz);
        bad[0] = 0.5;
        Assert.Contains("identity", Assert.Throws<ArgumentException>(() => NoiseInducedPlateauBound.TwoQubitPauliLocalFactor(bad)).Message, StringComparison.Ordinal);
    }

    private static double[] Diagonal(NoiseChannel channel) =>
        Enumerable.Range(0, 16).Select(i => channel.PauliTransferMatrix[(i * 16) + i]).ToArray();

    private static int Weight(int word) => (word / 4 == 0 ? 0 : 1) + (word % 4 == 0 ? 0 : 1);

    /// <summary>Error probabilities of the Pauli map with eigenvalues λ_w / u^weight(w).</summary>
    private static double[] Remainder(double[] lambda, double u)
    {
        var p = new double[16];
        for (int q = 0; q < 16; q++)
        {
            double sum = 0;
            for (int w = 0; w < 16; w++)
            {
                double r = lambda[w] / Math.Pow(u, Weight(w));
                bool anticommute = Anticommute(w / 4, q / 4) ^ Anticommute(w % 4, q % 4);
                sum += anticommute ? -r : r;
            }

            p[q] = sum / 16;
        }

        return p;
    }

    private static double[] RemainderProbabilities(double u, double v)
    {
        var lambda = new double[16];
        for (int word = 0; word < 16; word++)
        {
            int weight = (word / 4 == 0 ? 0 : 1) + (word % 4 == 0 ? 0 : 1);
            lambda[word] = weight == 0 ? 1 : v / Math.Pow(u, weight);
        }

        var p = new double[16];
        for (int q = 0; q < 16; q++)
        {
            double sum = 0;
            for (int w = 0; w < 16; w++)
            {
                bool anticommute = Anticommute(w / 4, q / 4) ^ Anticommute(w % 4, q % 4);
                sum += anticommute ? -lambda[w] : lambda[w];
            }

            p[q] = sum / 16;
        }

        return p;
    }

    private static bool Anticommute(int a, int b) => a != 0 && b != 0 && a != b;
}
