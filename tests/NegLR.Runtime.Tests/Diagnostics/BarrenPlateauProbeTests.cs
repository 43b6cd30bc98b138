using System;
using System.Linq;

namespace NegLR.Tests.Diagnostics;

/// <summary>The barren-plateau probe against variances known in closed form, and its determinism.</summary>
public class BarrenPlateauProbeTests
{
    /// <summary>
    /// RY(θ_q) on every qubit with the global cost Z…Z: ⟨C⟩ = Π cos θ_q, so ∂C/∂θ_j = −sin θ_j Π_{q≠j} cos θ_q has
    /// mean 0 and variance E[sin²] Π E[cos²] = 2^−n exactly (the global-cost scaling of Cerezo et al. 2021).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void ProductCircuitWithGlobalCost_VarianceIsTwoToTheMinusN(int n)
    {
        var circuit = new Circuit(n);
        for (int q = 0; q < n; q++)
        {
            circuit.RY(q, circuit.Weight());
        }

        var cost = PauliSum.Parse(string.Join(" ", Enumerable.Range(0, n).Select(q => "Z" + q)));

        var report = BarrenPlateauProbe.Measure(circuit, cost, samples: 4000, seed: 11);

        double expected = Math.Pow(2, -n);
        Assert.All(report.Variance, v => Assert.InRange(v, 0.85 * expected, 1.15 * expected));
        Assert.All(report.Mean, m => Assert.InRange(m, -0.05, 0.05));
        Assert.Equal(n, report.LiveWeights.Count());
    }

    [Fact]
    public void WeightOutsideTheLightCone_HasZeroVarianceAndIsNotLive()
    {
        var circuit = new Circuit(2);
        circuit.RY(0, circuit.Weight()).RY(1, circuit.Weight());

        var report = BarrenPlateauProbe.Measure(circuit, PauliSum.Parse("Z0"), samples: 64, seed: 3);

        Assert.Equal(0, report.Variance[1], 12);
        Assert.Equal(new[] { 0 }, report.LiveWeights);
        Assert.InRange(report.LiveMeanVariance, 0.4, 0.6);
        Assert.Equal(report.Variance[0], report.LiveMeanVariance);
    }

    [Fact]
    public void SameSeed_SameReport_WhateverTheNumberOfWorkers()
    {
        var circuit = new Circuit(4).HardwareEfficient(3);
        var cost = PauliSum.Parse("Z0 Z1 + 0.5 X2");

        var one = BarrenPlateauProbe.Measure(circuit, cost, samples: 50, seed: 99, workers: 1);
        var two = BarrenPlateauProbe.Measure(circuit, cost, samples: 50, seed: 99, workers: 2);
        var three = BarrenPlateauProbe.Measure(circuit, cost, samples: 50, seed: 99, workers: 3);

        // Exactly equal, not merely close: samples are seeded per index and merged in a fixed order.
        Assert.Equal(one.Variance.ToArray(), two.Variance.ToArray());
        Assert.Equal(one.Variance.ToArray(), three.Variance.ToArray());
        Assert.Equal(one.Mean.ToArray(), three.Mean.ToArray());
    }

    [Fact]
    public void DifferentSeeds_DifferentSamples()
    {
        var circuit = new Circuit(3).HardwareEfficient(2);
        var cost = PauliSum.Parse("Z0");

        Assert.NotEqual(BarrenPlateauProbe.Measure(circuit, cost, 20, seed: 1).Variance.ToArray(), BarrenPlateauProbe.Measure(circuit, cost, 20, seed: 2).Variance.ToArray());
    }

    [Fact]
    public void DeeperCircuits_HaveSmallerGradients()
    {
        var cost = PauliSum.Parse("Z0");
        double shallow = BarrenPlateauProbe.Measure(new Circuit(8).HardwareEfficient(1), cost, 100, seed: 5).LiveMeanVariance;
        double deep = BarrenPlateauProbe.Measure(new Circuit(8).HardwareEfficient(16), cost, 100, seed: 5).LiveMeanVariance;

        Assert.True(deep < shallow / 16, $"shallow {shallow}, deep {deep}");
    }

    [Fact]
    public void FixedInputs_AreUsed()
    {
        var circuit = new Circuit(1);
        circuit.RY(0, circuit.Input(0)).RY(0, circuit.Weight());
        var cost = PauliSum.Parse("Z0");

        // ⟨Z⟩ = cos(x + w): the variance of −sin(x + w) over uniform w is 1/2 whatever x is.
        var report = BarrenPlateauProbe.Measure(circuit, cost, 2000, seed: 8, inputs: new[] { 1.0 });

        Assert.InRange(report.Variance[0], 0.45, 0.55);
    }

    [Fact]
    public void BadArguments_AreRejectedWithAMessage()
    {
        var circuit = new Circuit(2);
        circuit.RY(0, circuit.Weight());

        Assert.Throws<ArgumentOutOfRangeException>(() => BarrenPlateauProbe.Measure(circuit, PauliSum.Parse("Z0"), samples: 1));
        Assert.Contains("no trainable weights", Assert.Throws<ArgumentException>(() => BarrenPlateauProbe.Measure(new Circuit(1).H(0), PauliSum.Parse("Z0"))).Message);
        Assert.Contains("qubit 4", Assert.Throws<ArgumentException>(() => BarrenPlateauProbe.Measure(circuit, PauliSum.Parse("Z4"))).Message);
        var withInput = new Circuit(1);
        withInput.RY(0, withInput.Input(1)).RY(0, withInput.Weight());
        Assert.Throws<ArgumentException>(() => BarrenPlateauProbe.Measure(withInput, PauliSum.Parse("Z0"), inputs: new[] { 0.0 }));
    }

    [Fact]
    public void Cancellation_StopsTheMeasurement()
    {
        using var cancelled = new System.Threading.CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            BarrenPlateauProbe.Measure(new Circuit(4).HardwareEfficient(2), PauliSum.Parse("Z0"), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Report_SummarisesInText()
    {
        var report = BarrenPlateauProbe.Measure(new Circuit(2).HardwareEfficient(1), PauliSum.Parse("Z0"), 10, seed: 1);

        Assert.StartsWith("2 qubits, 4 weights, 10 samples: mean Var[∂C] = ", report.ToString());
        Assert.Equal(2, report.Qubits);
        Assert.Equal(10, report.Samples);
        Assert.Equal(1UL, report.Seed);
    }
}
