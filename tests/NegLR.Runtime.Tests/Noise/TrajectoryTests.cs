using System;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>Trajectories against the exact density matrix: unbiased for every channel, calibrated errors, reproducible.</summary>
public class TrajectoryTests
{
    private static readonly PauliSum Observable = PauliSum.Parse("0.9 Z0 - 0.6 X1 + 0.4 Y0 Z1 + 0.3 X0 X1");

    /// <summary>A two-qubit circuit with the channel three times between rotations and entanglers.</summary>
    private static Circuit WithChannel(NoiseChannel channel)
    {
        var c = new Circuit(2);
        for (int layer = 0; layer < 3; layer++)
        {
            c.RY(0, 0.4 + layer).RX(1, 0.9 - (0.3 * layer)).CNOT(0, 1).RZ(1, 0.5 * layer);
            c.Channel(channel, channel.Qubits == 1 ? new[] { layer % 2 } : new[] { layer % 2, 1 - (layer % 2) });
        }

        return c;
    }

    [Fact]
    public void EveryChannelKind_TrajectoryMeanIsWithinFourStandardErrorsOfTheDensityMatrix()
    {
        var failures = new System.Collections.Generic.List<string>();
        foreach (var channel in NoiseTestData.EveryChannel(new SeededRandom(41)))
        {
            var c = WithChannel(channel);
            var exact = new DensityMatrixSimulator(c);
            double expected = exact.Evaluate(Array.Empty<double>(), Observable, exact.CreateWorkspace(false));
            var sim = new TrajectorySimulator(c);
            var estimate = sim.Estimate(Array.Empty<double>(), ReadOnlySpan<double>.Empty, Observable, 3000, seed: 7, sim.CreateWorkspace());
            double z = (estimate.Value - expected) / estimate.StandardError;
            if (!(Math.Abs(z) < 4) || !(estimate.StandardError > 0))
            {
                failures.Add($"{channel}: trajectories {estimate}, exact {expected:R}, z = {z:F2}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void StandardErrors_AreCalibrated_OverManyIndependentEstimates()
    {
        // 300 estimates of 40 trajectories each: the z-scores against the exact value should look standard normal.
        var c = WithChannel(NoiseChannel.ThermalRelaxation(30, 40, 6, 0.1));
        c.AmplitudeDamping(0, 0.3).Depolarizing(1, 0.2);
        var exact = new DensityMatrixSimulator(c);
        double expected = exact.Evaluate(Array.Empty<double>(), Observable, exact.CreateWorkspace(false));
        var sim = new TrajectorySimulator(c);
        var ws = sim.CreateWorkspace();
        var z = Enumerable.Range(0, 300).Select(k =>
        {
            var e = sim.Estimate(Array.Empty<double>(), ReadOnlySpan<double>.Empty, Observable, 40, (ulong)(1000 + k), ws);
            return (e.Value - expected) / e.StandardError;
        }).ToArray();
        double within2 = z.Count(v => Math.Abs(v) < 2) / (double)z.Length;
        double variance = z.Select(v => v * v).Average();
        Assert.InRange(within2, 0.90, 0.985);   // 95 % expected; binomial sd 1.3 %, t with 39 dof a little wider
        Assert.InRange(variance, 0.75, 1.35);
    }

    [Fact]
    public void SameSeed_IsBitIdentical_AndWorkersDoNotChangeTheResult()
    {
        var rng = new SeededRandom(43);
        var c = NoiseTestData.RandomNoisyCircuit(rng, 3, 20);
        var w = TestData.RandomVector(rng, c.WeightCount, -2, 2);
        var x = new[] { 0.2, 0.7 };
        var sim = new TrajectorySimulator(c);
        var a = sim.Estimate(w, x, Observable, 64, 99, sim.CreateWorkspace());
        var b = sim.Estimate(w, x, Observable, 64, 99, sim.CreateWorkspace());
        var parallel = sim.Estimate(w, x, Observable, 64, 99, new[] { sim.CreateWorkspace(), sim.CreateWorkspace() });
        Assert.Equal(a, b);
        Assert.Equal(a, parallel);
        Assert.NotEqual(a, sim.Estimate(w, x, Observable, 64, 100, sim.CreateWorkspace()));
    }

    [Fact]
    public void ReseededGenerator_DrawsExactlyWhatForStreamDraws()
    {
        var reused = new SeededRandom(1);
        foreach (var (seed, stream) in new[] { (0ul, 0ul), (7ul, 3ul), (ulong.MaxValue, 12345ul) })
        {
            var fresh = SeededRandom.ForStream(seed, stream);
            TrajectorySeeds.Reseed(reused, seed, stream);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(fresh.NextUInt64(), reused.NextUInt64());
            }
        }
    }

    [Fact]
    public void ParameterShiftGradient_FromTrajectories_IsWithinFourStandardErrorsOfTheAdjoint()
    {
        var c = new Circuit(2);
        c.RY(0, c.Weight()).AmplitudeDamping(0, 0.25).RX(1, c.Weight()).CNOT(0, 1).ThermalRelaxation(1, 20, 25, 4)
            .CRY(1, 0, c.Weight()).Depolarizing(0, 0.1).RZ(1, c.Weight()).PhaseDamping(1, 0.3);
        var w = new[] { 0.7, -1.2, 0.9, 0.4 };
        var exact = new DensityMatrixSimulator(c);
        var g = new double[4];
        exact.EvaluateWithGradient(w, Observable, g, exact.CreateWorkspace());
        var sim = new TrajectorySimulator(c);
        var estimate = new double[4];
        var se = new double[4];
        sim.EstimateGradient(w, ReadOnlySpan<double>.Empty, Observable, 1500, 5, estimate, se, sim.CreateWorkspace());
        for (int i = 0; i < 4; i++)
        {
            Assert.True(Math.Abs(estimate[i] - g[i]) < 4 * se[i], $"weight {i}: {estimate[i]:R} ± {se[i]:G3} vs exact {g[i]:R}");
        }
    }

    [Fact]
    public void TrajectoryShots_OneTrajectoryPerShot_AreUnbiasedForTheNoisyValueWithReadout()
    {
        var c = WithChannel(NoiseChannel.GeneralizedAmplitudeDamping(0.3, 0.2));
        var readout = new ReadoutError(new[] { 0.03, 0.06 }, new[] { 0.08, 0.02 });
        var exact = new DensityMatrixSimulator(c, readout);
        double expected = exact.Evaluate(Array.Empty<double>(), Observable, exact.CreateWorkspace(false));
        var sim = new TrajectorySimulator(c, readout);
        var estimator = new ShotEstimator(Observable, 2);
        var random = new SeededRandom(8);
        var estimate = sim.EvaluateWithShots(Array.Empty<double>(), ReadOnlySpan<double>.Empty, estimator, 6000, random, sim.CreateWorkspace());
        Assert.Equal(6000, estimate.Shots);
        Assert.True(Math.Abs(estimate.Value - expected) < 4 * estimate.StandardError, $"{estimate} vs exact {expected:R}");
    }
}
