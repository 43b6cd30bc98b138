using System;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>Probabilities, sampled bitstrings and shot estimates through readout error, and readout mitigation.</summary>
public class ShotAndReadoutTests
{
    private static readonly ReadoutError Readout = new(new[] { 0.02, 0.05, 0.01 }, new[] { 0.07, 0.03, 0.10 });

    private static Circuit Noisy()
    {
        var c = new Circuit(3);
        c.RY(0, 0.7).RX(1, 1.9).H(2).CNOT(0, 1).Depolarizing(1, 0.05).CRZ(1, 2, 0.8).AmplitudeDamping(2, 0.2)
            .RY(2, -0.6).CNOT(2, 0).TwoQubitDepolarizing(2, 0, 0.04).RX(0, 0.3);
        return c;
    }

    [Fact]
    public void Probabilities_AreTheOraclesDiagonal_ThenTheLiteralConfusion()
    {
        var c = Noisy();
        var rho = new DenseNoiseOracle(3).Run(c, Array.Empty<double>(), Array.Empty<double>());
        var expected = DenseNoiseOracle.Probabilities(rho);
        // Literal confusion: read bitstring m from true bitstring t with Π_q P(m_q | t_q).
        var read = new double[8];
        for (int t = 0; t < 8; t++)
        {
            for (int m = 0; m < 8; m++)
            {
                double p = 1;
                for (int q = 0; q < 3; q++)
                {
                    int tb = (t >> q) & 1, mb = (m >> q) & 1;
                    double flip = tb == 0 ? Readout.Probability1Given0[q] : Readout.Probability0Given1[q];
                    p *= tb == mb ? 1 - flip : flip;
                }

                read[m] += p * expected[t];
            }
        }

        var sim = new DensityMatrixSimulator(c, Readout);
        var ws = sim.CreateWorkspace(false);
        var without = new double[8];
        var with = new double[8];
        sim.Probabilities(Array.Empty<double>(), ReadOnlySpan<double>.Empty, without, ws, includeReadout: false);
        sim.Probabilities(Array.Empty<double>(), ReadOnlySpan<double>.Empty, with, ws);
        for (int b = 0; b < 8; b++)
        {
            Assert.Equal(expected[b], without[b], 14);
            Assert.Equal(read[b], with[b], 14);
        }
    }

    [Fact]
    public void SampledBitstrings_MatchTheNoisyDistribution()
    {
        var sim = new DensityMatrixSimulator(Noisy(), Readout);
        var ws = sim.CreateWorkspace(false);
        var p = new double[8];
        sim.Probabilities(Array.Empty<double>(), ReadOnlySpan<double>.Empty, p, ws);
        var outcomes = new int[40_000];
        sim.Sample(Array.Empty<double>(), ReadOnlySpan<double>.Empty, new SeededRandom(3), outcomes, ws);
        for (int b = 0; b < 8; b++)
        {
            double f = outcomes.Count(o => o == b) / (double)outcomes.Length;
            double sd = Math.Sqrt(p[b] * (1 - p[b]) / outcomes.Length);
            Assert.True(Math.Abs(f - p[b]) < (4 * sd) + 1e-12, $"bitstring {b}: frequency {f}, probability {p[b]}");
        }
    }

    [Fact]
    public void ShotEstimates_AreUnbiasedWithCalibratedErrors_ThroughReadout()
    {
        var observable = PauliSum.Parse("0.8 Z0 Z1 - 0.5 X2 + 0.3 Y1 + 0.4 Z0 Z2 + 0.1");
        var sim = new DensityMatrixSimulator(Noisy(), Readout);
        var ws = sim.CreateWorkspace(false);
        double expected = sim.Evaluate(Array.Empty<double>(), observable, ws);
        var estimator = new ShotEstimator(observable, 3);
        var random = new SeededRandom(17);
        var z = Enumerable.Range(0, 400).Select(_ =>
        {
            var e = sim.EvaluateWithShots(Array.Empty<double>(), ReadOnlySpan<double>.Empty, estimator, 300, random, ws);
            Assert.Equal(300, e.Shots);
            return (e.Value - expected) / e.StandardError;
        }).ToArray();
        Assert.InRange(Math.Abs(z.Average()), 0, 4 / Math.Sqrt(z.Length));
        Assert.InRange(z.Select(v => v * v).Average(), 0.8, 1.25);
    }

    [Fact]
    public void ShotEstimates_SameSeed_BitIdentical()
    {
        var observable = PauliSum.Parse("Z0 Z1 - 0.5 X2");
        var sim = new DensityMatrixSimulator(Noisy(), Readout);
        var estimator = new ShotEstimator(observable, 3);
        var a = sim.EvaluateWithShots(Array.Empty<double>(), ReadOnlySpan<double>.Empty, estimator, 500, new SeededRandom(4), sim.CreateWorkspace(false));
        var b = sim.EvaluateWithShots(Array.Empty<double>(), ReadOnlySpan<double>.Empty, estimator, 500, new SeededRandom(4), sim.CreateWorkspace(false));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Mitigation_RemovesTheReadoutBias_AndReportsTheVarianceInflation()
    {
        // Mitigated estimates centre on the value without readout error; raw ones on the value with it.
        var observable = PauliSum.Parse("Z0 Z2 + 0.5 Z2 - 0.7 X1");
        var c = Noisy();
        var withReadout = new DensityMatrixSimulator(c, Readout);
        var ws = withReadout.CreateWorkspace(false);
        double noisy = withReadout.Evaluate(Array.Empty<double>(), observable, ws);
        var ideal = new DensityMatrixSimulator(c);
        double clean = ideal.Evaluate(Array.Empty<double>(), observable, ideal.CreateWorkspace(false));
        Assert.True(Math.Abs(noisy - clean) > 0.03, "the readout error must bias this observable visibly");
        var estimator = new ShotEstimator(observable, 3);
        var random = new SeededRandom(23);
        int runs = 200;
        double mitigatedSum = 0, rawSum = 0, inflation = 0, mitigatedSe = 0;
        for (int k = 0; k < runs; k++)
        {
            var e = withReadout.EvaluateWithShotsMitigated(Array.Empty<double>(), ReadOnlySpan<double>.Empty, estimator, 2000, random, ws);
            mitigatedSum += e.Value;
            rawSum += e.RawValue;
            inflation += e.VarianceInflation;
            mitigatedSe += e.StandardError;
        }

        double seOfMean = mitigatedSe / runs / Math.Sqrt(runs);
        Assert.True(Math.Abs((mitigatedSum / runs) - clean) < 4 * seOfMean, $"mitigated mean {mitigatedSum / runs} vs ideal {clean}");
        Assert.True(Math.Abs((rawSum / runs) - noisy) < 4 * seOfMean, $"raw mean {rawSum / runs} vs noisy {noisy}");
        Assert.InRange(inflation / runs, 1.05, 1.6);
    }

    [Fact]
    public void ZStringMitigationFromCounts_InvertsTheConfusionExactly_OnTheExpectedCounts()
    {
        // Feed counts proportional to the noisy distribution: the mitigated value is the readout-free ⟨Z0 Z2⟩ (to the count rounding).
        var c = Noisy();
        var sim = new DensityMatrixSimulator(c, Readout);
        var ws = sim.CreateWorkspace(false);
        var p = new double[8];
        sim.Probabilities(Array.Empty<double>(), ReadOnlySpan<double>.Empty, p, ws);
        var counts = p.Select(v => (int)Math.Round(v * 1e8)).ToArray();
        var estimate = ReadoutMitigation.ZStringExpectation(Readout, 0b101, counts);
        var ideal = new DensityMatrixSimulator(c);
        double clean = ideal.Evaluate(Array.Empty<double>(), PauliSum.Parse("Z0 Z2"), ideal.CreateWorkspace(false));
        Assert.Equal(clean, estimate.Value, 6);
        Assert.Equal(sim.Evaluate(Array.Empty<double>(), PauliSum.Parse("Z0 Z2"), ws), estimate.RawValue, 6);
        Assert.Equal(1 / Math.Pow(1 - 0.02 - 0.07, 2) / Math.Pow(1 - 0.01 - 0.10, 2), ReadoutMitigation.VarianceInflationBound(Readout, 0b101), 12);
    }

    [Fact]
    public void ExactInversion_OfNoisySubsetExpectations_RecoversTheIdealString()
    {
        var c = Noisy();
        var noisy = new DensityMatrixSimulator(c, Readout);
        var ws = noisy.CreateWorkspace(false);
        // ⟨Z̃_T⟩ for T ⊆ {0, 1}: I, Z0, Z1, Z0 Z1.
        var subsets = new[] { "1", "Z0", "Z1", "Z0 Z1" }.Select(o => noisy.Evaluate(Array.Empty<double>(), PauliSum.Parse(o), ws)).ToArray();
        var ideal = new DensityMatrixSimulator(c);
        Assert.Equal(ideal.Evaluate(Array.Empty<double>(), PauliSum.Parse("Z0 Z1"), ideal.CreateWorkspace(false)),
            ReadoutMitigation.InvertZString(Readout, 0b11, subsets), 13);
    }

    [Fact]
    public void BadReadoutInput_IsRefusedClearly()
    {
        Assert.Equal("probability1Given0", Assert.Throws<ArgumentException>(() => new ReadoutError(new[] { 1.2 }, new[] { 0.0 })).ParamName);
        Assert.Equal("probability0Given1", Assert.Throws<ArgumentException>(() => new ReadoutError(new[] { 0.6 }, new[] { 0.5 })).ParamName);
        Assert.Equal("probability0Given1", Assert.Throws<ArgumentException>(() => new ReadoutError(new[] { 0.1, 0.1 }, new[] { 0.0 })).ParamName);
        Assert.Equal("probability1Given0", Assert.Throws<ArgumentException>(() => new ReadoutError(new[] { double.NaN }, new[] { 0.0 })).ParamName);
        Assert.Equal("readout", Assert.Throws<ArgumentException>(() => new DensityMatrixSimulator(new Circuit(2), ReadoutError.Uniform(3, 0.1, 0.1))).ParamName);
        Assert.Throws<InvalidOperationException>(() =>
        {
            var sim = new DensityMatrixSimulator(new Circuit(1));
            sim.EvaluateWithShotsMitigated(Array.Empty<double>(), ReadOnlySpan<double>.Empty, new ShotEstimator(PauliSum.Z(0), 1), 10, new SeededRandom(1), sim.CreateWorkspace(false));
        });
    }
}
