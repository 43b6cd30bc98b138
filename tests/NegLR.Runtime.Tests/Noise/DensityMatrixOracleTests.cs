using System;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>The density-matrix engine against the dense Kraus oracle and the published noisy-workload values.</summary>
public class DensityMatrixOracleTests
{
    [Theory]
    // PEERS.md / REFERENCE.md: QuEST, Qulacs and an independent dense Kraus reference agree to 1e-15 [P✓].
    [InlineData(2, 0.680891985984417)]
    [InlineData(4, 0.0925623352789334)]
    public void NoisyStandardWorkload_MatchesThePublishedValue(int qubits, double expected)
    {
        var circuit = NoiseTestData.NoisyStandardWorkload(qubits);
        var simulator = new DensityMatrixSimulator(circuit);
        var ws = simulator.CreateWorkspace(forGradients: false);
        double value = simulator.Evaluate(NoiseTestData.WorkloadWeights(simulator.WeightCount), NoiseTestData.Z0Z1, ws);
        Assert.Equal(expected, value, 13);
    }

    [Theory]
    // The same circuits without noise give the ideal values (docs/performance.md and PEERS.md).
    [InlineData(2, 0.701520811425881)]
    [InlineData(4, 0.101245759661362)]
    public void StandardWorkloadWithoutChannels_MatchesTheIdealValue(int qubits, double expected)
    {
        var simulator = new DensityMatrixSimulator(new Circuit(qubits).HardwareEfficient(layers: qubits));
        double value = simulator.Evaluate(NoiseTestData.WorkloadWeights(simulator.WeightCount), NoiseTestData.Z0Z1, simulator.CreateWorkspace(false));
        Assert.Equal(expected, value, 13);
    }

    [Fact]
    public void NoisyStandardWorkload_AtFourQubits_MatchesTheOracleMatrix()
    {
        var circuit = NoiseTestData.NoisyStandardWorkload(4);
        var weights = NoiseTestData.WorkloadWeights(circuit.WeightCount);
        var simulator = new DensityMatrixSimulator(circuit);
        var state = simulator.Prepare(weights, ReadOnlySpan<double>.Empty, simulator.CreateWorkspace(false));
        var oracle = new DenseNoiseOracle(4).Run(circuit, weights, ReadOnlySpan<double>.Empty);
        Assert.True(NoiseTestData.MaxDifference(state.ToMatrix(), oracle) < 1e-14);
    }

    /// <summary>
    /// Every channel kind on every qubit (every ordered pair for two-qubit channels) of 1 to 4 qubits, between random
    /// layers of rotations and CNOTs: the engine's density matrix equals the oracle's entry by entry.
    /// </summary>
    [Fact]
    public void EveryChannel_OnEveryQubitPosition_UpToFourQubits_MatchesTheDenseKrausOracle()
    {
        var rng = new SeededRandom(11);
        var channels = NoiseTestData.EveryChannel(rng);
        var failures = new System.Collections.Generic.List<string>();
        for (int n = 1; n <= 4; n++)
        {
            var oracle = new DenseNoiseOracle(n);
            foreach (var channel in channels.Where(ch => ch.Qubits <= n))
            {
                foreach (var qubits in TestData.OrderedTuples(n, channel.Qubits))
                {
                    var c = new Circuit(n);
                    Scramble(c, n, rng);
                    c.Channel(channel, qubits);
                    Scramble(c, n, rng);
                    var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
                    var simulator = new DensityMatrixSimulator(c);
                    var state = simulator.Prepare(w, ReadOnlySpan<double>.Empty, simulator.CreateWorkspace(false));
                    double diff = NoiseTestData.MaxDifference(state.ToMatrix(), oracle.Run(c, w, ReadOnlySpan<double>.Empty));
                    if (!(diff < 1e-13))
                    {
                        failures.Add($"{channel} on [{string.Join(",", qubits)}] of {n}: {diff:G3}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Random circuits of every gate kind with channels of every kind interleaved (fusion in every shape).</summary>
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 4)]
    [InlineData(5, 5)]
    public void RandomNoisyCircuits_MatchTheDenseKrausOracle(int qubits, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var oracle = new DenseNoiseOracle(qubits);
        var observable = PauliSum.Parse("0.7 Z0 - 0.4 X0 + 0.25");
        for (int trial = 0; trial < 4; trial++)
        {
            var c = NoiseTestData.RandomNoisyCircuit(rng, qubits, 30);
            var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
            var x = new[] { 0.4, -1.1 };
            var simulator = new DensityMatrixSimulator(c);
            var ws = simulator.CreateWorkspace(false);
            var state = simulator.Prepare(w, x, ws);
            var rho = oracle.Run(c, w, x);
            Assert.True(NoiseTestData.MaxDifference(state.ToMatrix(), rho) < 1e-12, $"trial {trial}: {c.Gates.Count} gates, {c.Channels.Count} channels");
            Assert.Equal(oracle.Expectation(rho, observable), simulator.Evaluate(w, x, observable, ws), 12);
        }
    }

    private static void Scramble(Circuit c, int n, SeededRandom rng)
    {
        for (int q = 0; q < n; q++)
        {
            c.RY(q, c.Weight()).RZ(q, c.Weight());
        }

        for (int q = 0; q + 1 < n; q++)
        {
            c.CNOT(q, q + 1);
        }

        if (n > 1 && rng.NextInt(2) == 0)
        {
            c.CNOT(n - 1, 0);
        }

        for (int q = 0; q < n; q++)
        {
            c.RX(q, c.Weight());
        }
    }
}
