using System;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>The adjoint gradient through channels against parameter shift and finite differences.</summary>
public class DensityMatrixGradientTests
{
    private static readonly PauliSum Observable = PauliSum.Parse("0.8 Z0 Z1 - 0.5 X1 + 0.3 Y0 + 0.2");

    [Theory]
    [InlineData(1, 21ul)]
    [InlineData(2, 22ul)]
    [InlineData(3, 23ul)]
    [InlineData(4, 24ul)]
    public void RandomNoisyCircuits_AdjointEqualsParameterShiftAndFiniteDifferences(int qubits, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var observable = qubits == 1 ? PauliSum.Parse("0.8 Z0 - 0.5 X0 + 0.3 Y0") : Observable;
        for (int trial = 0; trial < 3; trial++)
        {
            var c = NoiseTestData.RandomNoisyCircuit(rng, qubits, 24);
            var readout = trial == 2 ? new ReadoutError(RandomProbabilities(rng, qubits), RandomProbabilities(rng, qubits)) : null;
            AssertGradientsAgree(c, readout, observable, rng, $"trial {trial}");
        }
    }

    [Fact]
    public void StrongNoise_IsRestoredFromCheckpoints_AndTheAdjointStillEqualsParameterShift()
    {
        var rng = new SeededRandom(31);
        var c = new Circuit(3);
        for (int layer = 0; layer < 4; layer++)
        {
            for (int q = 0; q < 3; q++)
            {
                c.RY(q, c.Weight()).Depolarizing(q, 0.45).RZ(q, c.Weight()).AmplitudeDamping(q, 0.6);
            }

            c.CNOT(0, 1).TwoQubitDepolarizing(0, 1, 0.5).CRX(1, 2, c.Weight()).PhaseDamping(2, 0.8);
        }

        var simulator = new DensityMatrixSimulator(c);
        Assert.True(simulator.RestoredChannelCount > 5, $"only {simulator.RestoredChannelCount} channels restored");
        AssertGradientsAgree(c, null, Observable, rng, "strong noise");
    }

    [Fact]
    public void NonInvertibleChannels_ResetFullDampingFullDepolarizing_AdjointEqualsParameterShift()
    {
        var rng = new SeededRandom(32);
        var c = new Circuit(3);
        c.RY(0, c.Weight()).RX(1, c.Weight()).CNOT(0, 1).RY(2, c.Weight());
        c.ResetError(2, 1, 0);                 // reset to |0⟩: every Bloch component but the population forgotten
        c.RX(2, c.Weight()).CNOT(1, 2).RZ(1, c.Weight());
        c.AmplitudeDamping(0, 1);              // full damping
        c.RY(0, c.Weight()).CNOT(0, 2).RX(0, c.Weight());
        c.Depolarizing(1, 0.75);               // fully depolarizing: the transfer matrix has rank 1
        c.RY(1, c.Weight()).CNOT(1, 0).RZ(0, c.Weight()).RY(2, c.Weight());
        var simulator = new DensityMatrixSimulator(c);
        Assert.Equal(3, simulator.RestoredChannelCount);
        AssertGradientsAgree(c, null, Observable, rng, "non-invertible");
    }

    [Fact]
    public void CheckpointMemory_StoredRecomputedOrNone_GivesBitIdenticalGradients()
    {
        var rng = new SeededRandom(33);
        var c = new Circuit(3);
        for (int layer = 0; layer < 5; layer++)
        {
            for (int q = 0; q < 3; q++)
            {
                c.RY(q, c.Weight()).ResetError(q, 0.3, 0.2).RZ(q, c.Weight());
            }

            c.CNOT(layer % 3, (layer + 1) % 3);
        }

        var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
        double[] Gradient(long memory)
        {
            var simulator = new DensityMatrixSimulator(c, options: new DensityMatrixOptions { CheckpointMemory = memory });
            var g = new double[simulator.WeightCount];
            simulator.EvaluateWithGradient(w, Observable, g, simulator.CreateWorkspace());
            return g;
        }

        var all = Gradient(DensityMatrixSimulator.DefaultCheckpointMemory);
        Assert.Equal(all, Gradient(0));                                        // every channel recomputed from |0⟩
        Assert.Equal(all, Gradient(4 * DensityMatrix.BytesFor(3)));           // every 4th stored, the rest recomputed
        var sim = new DensityMatrixSimulator(c);
        var ps = new double[c.WeightCount];
        sim.ParameterShiftGradient(w, ReadOnlySpan<double>.Empty, Observable, ps, sim.CreateWorkspace());
        AssertClose(ps, all, 1e-12, "checkpoints vs parameter shift");
    }

    [Fact]
    public void AmplificationBudgetOfOne_RestoresEveryContractingChannel_AndChangesNothingBeyondRounding()
    {
        var rng = new SeededRandom(34);
        var c = NoiseTestData.NoisyStandardWorkload(4, p1: 0.05, p2: 0.1);
        var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
        var loose = new DensityMatrixSimulator(c);
        var strict = new DensityMatrixSimulator(c, options: new DensityMatrixOptions { MaxUncomputeAmplification = 1 });
        Assert.Equal(c.Channels.Count, strict.RestoredChannelCount);
        var g1 = new double[c.WeightCount];
        var g2 = new double[c.WeightCount];
        loose.EvaluateWithGradient(w, NoiseTestData.Z0Z1, g1, loose.CreateWorkspace());
        strict.EvaluateWithGradient(w, NoiseTestData.Z0Z1, g2, strict.CreateWorkspace());
        AssertClose(g2, g1, 1e-13, "budget 1 vs default");
    }

    [Fact]
    public void NoisyStandardWorkload_AdjointEqualsParameterShift()
    {
        var c = NoiseTestData.NoisyStandardWorkload(4);
        AssertGradientsAgree(c, null, NoiseTestData.Z0Z1, new SeededRandom(35), "workload");
    }

    private static void AssertGradientsAgree(Circuit c, ReadoutError? readout, PauliSum observable, SeededRandom rng, string label)
    {
        var simulator = new DensityMatrixSimulator(c, readout);
        var ws = simulator.CreateWorkspace();
        var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
        var x = new[] { 0.4, -1.1 };
        var adjoint = new double[c.WeightCount];
        var shift = new double[c.WeightCount];
        var difference = new double[c.WeightCount];
        double v1 = simulator.EvaluateWithGradient(w, x, observable, adjoint, ws);
        double v2 = simulator.ParameterShiftGradient(w, x, observable, shift, ws);
        double v3 = simulator.FiniteDifferenceGradient(w, x, observable, difference, ws);
        Assert.Equal(v2, v1, 12);
        Assert.Equal(v2, v3, 12);
        Assert.Equal(v2, simulator.Evaluate(w, x, observable, ws), 12);
        AssertClose(shift, adjoint, 1e-11, label + ": adjoint vs parameter shift");
        AssertClose(shift, difference, 1e-7, label + ": finite differences vs parameter shift");
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance, string label)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"{label}: weight {i}: expected {expected[i]:R}, got {actual[i]:R} (difference {Math.Abs(expected[i] - actual[i]):G3})");
        }
    }

    private static double[] RandomProbabilities(SeededRandom rng, int qubits) =>
        Enumerable.Range(0, qubits).Select(_ => rng.NextDouble(0, 0.1)).ToArray();
}
