using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>With a caller-supplied workspace no noisy evaluation allocates; batches equal row-by-row calls.</summary>
public class NoiseAllocationAndBatchTests
{
    [Fact]
    public void EveryEngineCall_WithAWorkspace_AllocatesNothingAfterWarmUp()
    {
        var rng = new SeededRandom(61);
        var c = NoiseTestData.RandomNoisyCircuit(rng, 4, 30);
        c.ResetError(1, 0.4, 0.3);   // a restored channel: the checkpoint path too
        var readout = ReadoutError.Uniform(4, 0.02, 0.05);
        var dm = new DensityMatrixSimulator(c, readout);
        var tiny = new DensityMatrixSimulator(NoiseTestData.RandomNoisyCircuit(rng, 1, 10));
        var recompute = new DensityMatrixSimulator(c, readout, new DensityMatrixOptions { CheckpointMemory = 0 });
        var ws = dm.CreateWorkspace();
        var wsTiny = tiny.CreateWorkspace();
        var wsRe = recompute.CreateWorkspace();
        var w = TestData.RandomVector(rng, c.WeightCount, -2, 2);
        var wTiny = TestData.RandomVector(rng, tiny.WeightCount, -2, 2);
        var x = new[] { 0.3, -0.8 };
        var g = new double[c.WeightCount];
        var gTiny = new double[tiny.WeightCount];
        var observable = PauliSum.Parse("0.5 Z0 Z1 - 0.7 X2 + 0.2 Y1 X3 + 0.1");
        var z0 = PauliSum.Z(0);
        var estimator = new ShotEstimator(observable, 4);
        var p = new double[16];
        var outcomes = new int[50];
        var shotRandom = new SeededRandom(2);
        var tr = new TrajectorySimulator(c, readout);
        var tws = tr.CreateWorkspace();
        var se = new double[c.WeightCount];
        var calls = new (string Name, Action Call)[]
        {
            ("Evaluate", () => dm.Evaluate(w, x, observable, ws)),
            ("EvaluateWithGradient", () => dm.EvaluateWithGradient(w, x, observable, g, ws)),
            ("EvaluateWithGradient (recompute)", () => recompute.EvaluateWithGradient(w, x, observable, g, wsRe)),
            ("EvaluateWithGradient (one qubit, padded kernels)", () => tiny.EvaluateWithGradient(wTiny, x, z0, gTiny, wsTiny)),
            ("ParameterShiftGradient", () => dm.ParameterShiftGradient(w, x, observable, g, ws)),
            ("FiniteDifferenceGradient", () => dm.FiniteDifferenceGradient(w, x, observable, g, ws)),
            ("Probabilities", () => dm.Probabilities(w, x, p, ws)),
            ("Sample", () => dm.Sample(w, x, shotRandom, outcomes, ws)),
            ("EvaluateWithShots", () => dm.EvaluateWithShots(w, x, estimator, 200, shotRandom, ws)),
            ("EvaluateWithShotsMitigated", () => dm.EvaluateWithShotsMitigated(w, x, estimator, 200, shotRandom, ws)),
            ("ParameterShiftGradientWithShots", () => dm.ParameterShiftGradientWithShots(w, x, estimator, 20, shotRandom, g, ws)),
            ("Trajectory Estimate", () => tr.Estimate(w, x, observable, 5, 3, tws)),
            ("Trajectory EvaluateWithShots", () => tr.EvaluateWithShots(w, x, estimator, 20, shotRandom, tws)),
            ("Trajectory EvaluateWithShotsMitigated", () => tr.EvaluateWithShotsMitigated(w, x, estimator, 20, shotRandom, tws)),
            ("Trajectory ParameterShiftGradientWithShots", () => tr.ParameterShiftGradientWithShots(w, x, estimator, 8, shotRandom, g, tws)),
            ("Trajectory EstimateGradient", () => tr.EstimateGradient(w, x, observable, 2, 3, g, se, tws)),
        };

        AllocationAssert.NoneAllocate(calls);
    }

    [Fact]
    public void Batches_OnTwoWorkers_EqualRowByRowCalls_BitForBit()
    {
        var c = new Circuit(3).AngleEmbedding(3, Rotation.Y).StronglyEntanglingLayers(2);
        var noisy = new NoiseModel().AfterEach(NoiseChannel.Depolarizing(0.02)).AfterEach(NoiseChannel.AmplitudeDamping(0.05), GateKind.CNOT)
            .ApplyTo(c);
        var sim = new DensityMatrixSimulator(noisy);
        var rng = new SeededRandom(62);
        var w = TestData.RandomVector(rng, sim.WeightCount, -2, 2);
        int rows = 7;
        var inputs = TestData.RandomVector(rng, rows * 3, -1, 1);
        var observable = PauliSum.Parse("Z0 - 0.5 X1");
        var results = new double[rows];
        var gradients = new double[rows * sim.WeightCount];
        var batch = sim.CreateBatchWorkspace(workers: 2);
        sim.EvaluateBatchWithGradient(w, inputs, 3, observable, results, gradients, batch);
        var values = new double[rows];
        sim.EvaluateBatch(w, inputs, 3, observable, values, batch);
        var ws = sim.CreateWorkspace();
        var g = new double[sim.WeightCount];
        for (int r = 0; r < rows; r++)
        {
            double expected = sim.EvaluateWithGradient(w, inputs.AsSpan(r * 3, 3), observable, g, ws);
            Assert.Equal(expected, results[r]);
            Assert.Equal(expected, values[r]);
            Assert.Equal(g, gradients.AsSpan(r * sim.WeightCount, sim.WeightCount).ToArray());
        }
    }

    [Fact]
    public void DensityMatrixBeyondTheEngine_IsRefusedBeforeAllocating()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DensityMatrixSimulator(new Circuit(16)));
        Assert.Contains("TrajectorySimulator", e.Message, StringComparison.Ordinal);
        Assert.Equal("qubits", e.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DensityMatrix(16));
        // 30 qubits fit a circuit but not a density matrix: refused with the size it would need.
        var big = Assert.Throws<ArgumentOutOfRangeException>(() => new DensityMatrixSimulator(new Circuit(30).H(0)));
        Assert.Contains("GiB", big.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkspaceOfAnotherSimulator_OrBadSpans_AreRefused()
    {
        var a = new DensityMatrixSimulator(new Circuit(2).RY(0, new Circuit(2).Weight()));
        var b = new DensityMatrixSimulator(new Circuit(2));
        Assert.Equal("workspace", Assert.Throws<ArgumentException>(() => a.Evaluate(new double[1], PauliSum.Z(0), b.CreateWorkspace())).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => a.Evaluate(new double[2], PauliSum.Z(0), a.CreateWorkspace())).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => a.Evaluate(new[] { double.NaN }, PauliSum.Z(0), a.CreateWorkspace())).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => a.EvaluateWithGradient(new double[1], PauliSum.Z(0), new double[2], a.CreateWorkspace())).ParamName);
        Assert.Equal("observable", Assert.Throws<ArgumentException>(() => a.Evaluate(new double[1], PauliSum.Z(3), a.CreateWorkspace())).ParamName);
    }
}
