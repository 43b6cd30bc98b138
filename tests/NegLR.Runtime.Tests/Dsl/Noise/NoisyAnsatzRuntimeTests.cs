using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Tests.Noise;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Dsl.Noise;

/// <summary>
/// The runtime generated noisy ansätze call: its light-cone segments give the whole-circuit density-matrix engine's
/// values and adjoint gradients to 1e-10 on random noisy circuits of every gate and channel kind, its trajectories are
/// the trajectory engine's bit for bit, and no call allocates once the workspace is warm.
/// </summary>
public class NoisyAnsatzRuntimeTests
{
    private static readonly string[] Observables =
    {
        "Z0", "Z0 Z1", "0.5 X1 - 0.25 Y0 Z2 + 0.1", "Z{last}", "0.7 Z0 + 0.3 X{last}", "Y0 X{last} - 0.2 Z{last}",
    };

    public static IEnumerable<object[]> Cases() =>
        from qubits in new[] { 1, 2, 3, 4, 6 }
        from seed in new[] { 1, 2 }
        select new object[] { qubits, seed };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LightConeSegments_EqualTheWholeCircuitEngine_ValuesAndAdjointGradients(int qubits, int seed)
    {
        var rng = new SeededRandom((ulong)(100 * qubits + seed));
        var channels = NoiseTestData.EveryChannel(rng);
        foreach (var text in Observables)
        {
            if (qubits == 1 && text.StartsWith("Y0 X", StringComparison.Ordinal))
            {
                continue;
            }

            var observable = PauliSum.Parse(text.Replace("{last}", (qubits - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (observable.MinQubits > qubits)
            {
                continue;
            }

            var circuit = NoiseTestData.RandomNoisyCircuit(rng, qubits, 6 * qubits, channels);
            var readout = rng.NextInt(2) == 0 ? null : ReadoutError.Uniform(qubits, 0.03, 0.06).With(0, 0.01, 0.02);
            var runtime = new NoisyAnsatzRuntime("Random", circuit, readout, observable);
            var engine = new DensityMatrixSimulator(circuit, readout);
            var w = TestData.RandomVector(rng, circuit.WeightCount, -2, 2);
            var x = new[] { 0.4, -0.9 };
            var ws = runtime.CreateWorkspace();
            var ews = engine.CreateWorkspace();
            double expected = engine.Evaluate(w, x, observable, ews);
            Assert.Equal(expected, runtime.Evaluate(w, x, ws), 10);

            var g = new double[circuit.WeightCount];
            var eg = new double[circuit.WeightCount];
            Assert.Equal(expected, engine.EvaluateWithGradient(w, x, observable, eg, ews), 10);
            Assert.Equal(expected, runtime.EvaluateWithGradient(w, x, g, ws), 10);
            for (int i = 0; i < g.Length; i++)
            {
                Assert.True(Math.Abs(g[i] - eg[i]) < 1e-10, $"{text} on {qubits} qubits: ∂/∂w{i} = {g[i]} against the engine's {eg[i]}");
            }

            // Again on the same workspace (state left by the gradient must not leak into the next call).
            Assert.Equal(expected, runtime.Evaluate(w, x, ws), 10);
        }
    }

    [Fact]
    public void NoisyStandardWorkload_GivesThePublishedValue_AndCutsTheLightCone()
    {
        var circuit = NoiseTestData.NoisyStandardWorkload(4);
        var runtime = new NoisyAnsatzRuntime("Hea", circuit, null, NoiseTestData.Z0Z1);
        var w = NoiseTestData.WorkloadWeights(circuit.WeightCount);
        Assert.Equal(0.0925623352789334, runtime.Evaluate(w, ReadOnlySpan<double>.Empty, runtime.CreateWorkspace()), 13);
        Assert.True(runtime.UsesLightCone);
        Assert.True(runtime.OperationsOutsideLightCone > 0);

        var eight = new NoisyAnsatzRuntime("Hea8", NoiseTestData.NoisyStandardWorkload(8), null, NoiseTestData.Z0Z1);
        var w8 = NoiseTestData.WorkloadWeights(eight.WeightCount);
        var engine = eight.DensityMatrix;
        double expected = engine.Evaluate(w8, NoiseTestData.Z0Z1, engine.CreateWorkspace(forGradients: false));
        var ws = eight.CreateWorkspace();
        Assert.Equal(expected, eight.Evaluate(w8, ReadOnlySpan<double>.Empty, ws), 12);
        var g = new double[eight.WeightCount];
        var ps = new double[eight.WeightCount];
        eight.EvaluateWithGradient(w8, ReadOnlySpan<double>.Empty, g, ws);
        eight.ParameterShiftGradient(w8, ReadOnlySpan<double>.Empty, ps, ws);
        Assert.True(g.Zip(ps).Max(t => Math.Abs(t.First - t.Second)) < 1e-10);
    }

    [Fact]
    public void QubitPrefixes_WithChannelsThatHaveNoInverse_GiveTheEnginesValueAndGradient()
    {
        // Each qubit's prefix (before its first two-qubit gate) mixes rotations of weights and inputs, a fixed gate and
        // channels the engine must restore from checkpoints (full reset, full damping): the prefix's tape needs none.
        var c = new Circuit(3);
        c.RY(0, c.Weight()).ResetError(0, 1, 0).RX(0, c.Weight()).H(0).Depolarizing(0, 0.05).RZ(0, c.Input(0));
        c.RX(1, 2.0 * c.Weight()).AmplitudeDamping(1, 1).RY(1, c.Weight()).PhaseDamping(1, 0.3).Depolarizing(1, 0.02);
        c.RY(2, c.Weight()).Depolarizing(2, 0.01);
        c.CNOT(0, 1).TwoQubitDepolarizing(0, 1, 0.02).CNOT(1, 2).RY(1, c.Weight()).Depolarizing(1, 0.01);
        var cost = PauliSum.Parse("Z0 Z1 + 0.5 X1 Z2 - 0.3 Y0");
        var runtime = new NoisyAnsatzRuntime("Prefixes", c, ReadoutError.Uniform(3, 0.02, 0.03), cost);
        Assert.True(runtime.UsesLightCone);
        var engine = runtime.DensityMatrix;
        Assert.True(engine.RestoredChannelCount >= 2);
        var w = new[] { 0.4, -1.1, 0.7, 0.2, 1.3, -0.6 };
        var x = new[] { 0.9 };
        var ws = runtime.CreateWorkspace();
        var ews = engine.CreateWorkspace();
        double expected = engine.Evaluate(w, x, cost, ews);
        Assert.Equal(expected, runtime.Evaluate(w, x, ws), 12);
        var g = new double[w.Length];
        var eg = new double[w.Length];
        var ps = new double[w.Length];
        Assert.Equal(expected, runtime.EvaluateWithGradient(w, x, g, ws), 12);
        engine.EvaluateWithGradient(w, x, cost, eg, ews);
        runtime.ParameterShiftGradient(w, x, ps, ws);
        for (int i = 0; i < w.Length; i++)
        {
            Assert.True(Math.Abs(g[i] - eg[i]) < 1e-12, $"∂/∂w{i}: {g[i]} against the engine's {eg[i]}");
            Assert.True(Math.Abs(g[i] - ps[i]) < 1e-12, $"∂/∂w{i}: {g[i]} against parameter shift's {ps[i]}");
        }
    }

    [Fact]
    public void OperationsOutsideTheCone_AreDropped_AndAQubitWithNoOperationsStillMeasures()
    {
        var c = new Circuit(4);
        c.RY(3, c.Weight()).Depolarizing(3, 0.1).CNOT(3, 2).AmplitudeDamping(2, 0.2);   // never reaches qubits 0, 1
        c.RX(1, c.Weight()).BitFlip(1, 0.05);
        var runtime = new NoisyAnsatzRuntime("Split", c, ReadoutError.Uniform(4, 0.02, 0.04), PauliSum.Parse("Z0 Z1 + 0.5 X1"));
        Assert.Equal(4, runtime.OperationsOutsideLightCone);
        var w = new[] { 0.3, 1.1 };
        var ws = runtime.CreateWorkspace();
        var engine = runtime.DensityMatrix;
        Assert.Equal(engine.Evaluate(w, runtime.Cost, engine.CreateWorkspace()), runtime.Evaluate(w, ReadOnlySpan<double>.Empty, ws), 12);
        var g = new double[2];
        runtime.EvaluateWithGradient(w, ReadOnlySpan<double>.Empty, g, ws);
        Assert.Equal(0, g[0]);
        var eg = new double[2];
        engine.EvaluateWithGradient(w, runtime.Cost, eg, engine.CreateWorkspace());
        Assert.Equal(eg[1], g[1], 12);
    }

    [Fact]
    public void Trajectories_AreTheTrajectoryEngines_BitForBit()
    {
        var rng = new SeededRandom(7);
        var c = NoiseTestData.RandomNoisyCircuit(rng, 3, 20);
        var readout = ReadoutError.Uniform(3, 0.02, 0.05);
        var cost = PauliSum.Parse("Z0 Z2 - 0.3 X1");
        var runtime = new NoisyAnsatzRuntime("T", c, readout, cost);
        var engine = new TrajectorySimulator(c, readout);
        var w = TestData.RandomVector(rng, c.WeightCount, -2, 2);
        var x = new[] { 0.2, 0.5 };
        var ours = runtime.EstimateWithTrajectories(w, x, 40, 99, runtime.CreateWorkspace());
        var theirs = engine.Estimate(w, x, cost, 40, 99, engine.CreateWorkspace());
        Assert.Equal(theirs.Value, ours.Value);
        Assert.Equal(theirs.StandardError, ours.StandardError);
    }

    [Fact]
    public void EveryCall_WithAWarmWorkspace_AllocatesNothing()
    {
        var rng = new SeededRandom(61);
        var c = NoiseTestData.RandomNoisyCircuit(rng, 4, 30);
        c.ResetError(1, 0.4, 0.3);   // a restored channel: checkpoints inside a segment
        var runtime = new NoisyAnsatzRuntime("Alloc", c, ReadoutError.Uniform(4, 0.02, 0.05), PauliSum.Parse("Z0 Z1 - 0.5 X2"));
        var hea = new NoisyAnsatzRuntime("Hea", NoiseTestData.NoisyStandardWorkload(6), null, NoiseTestData.Z0Z1);
        var ws = runtime.CreateWorkspace();
        var hws = hea.CreateWorkspace();
        var w = TestData.RandomVector(rng, c.WeightCount, -2, 2);
        var hw = NoiseTestData.WorkloadWeights(hea.WeightCount);
        var x = new[] { 0.3, -0.8 };
        var g = new double[c.WeightCount];
        var hg = new double[hea.WeightCount];
        var se = new double[c.WeightCount];
        var p = new double[16];
        var random = new SeededRandom(3);
        var calls = new (string Name, Action Call)[]
        {
            ("Evaluate", () => runtime.Evaluate(w, x, ws)),
            ("EvaluateWithGradient", () => runtime.EvaluateWithGradient(w, x, g, ws)),
            ("Evaluate (HEA 6)", () => hea.Evaluate(hw, ReadOnlySpan<double>.Empty, hws)),
            ("EvaluateWithGradient (HEA 6)", () => hea.EvaluateWithGradient(hw, ReadOnlySpan<double>.Empty, hg, hws)),
            ("ParameterShiftGradient", () => runtime.ParameterShiftGradient(w, x, g, ws)),
            ("Probabilities", () => runtime.Probabilities(w, x, p, ws)),
            ("EvaluateWithShots", () => runtime.EvaluateWithShots(w, x, 100, random, ws)),
            ("EvaluateWithShotsMitigated", () => runtime.EvaluateWithShotsMitigated(w, x, 100, random, ws)),
            ("EstimateWithTrajectories", () => runtime.EstimateWithTrajectories(w, x, 4, 5, ws)),
            ("EstimateGradientWithTrajectories", () => runtime.EstimateGradientWithTrajectories(w, x, 2, 5, g, se, ws)),
        };

        AllocationAssert.NoneAllocate(calls);
    }

    [Fact]
    public void BadCalls_NameTheProblem()
    {
        var c = NoiseTestData.NoisyStandardWorkload(2);
        var runtime = new NoisyAnsatzRuntime("Hea2", c, null, NoiseTestData.Z0Z1);
        var other = new NoisyAnsatzRuntime("Other", c, null, NoiseTestData.Z0Z1);
        var ws = runtime.CreateWorkspace();
        var w = new double[runtime.WeightCount];
        var e = Assert.Throws<ArgumentException>(() => runtime.Evaluate(new double[3], ReadOnlySpan<double>.Empty, ws));
        Assert.Equal("weights", e.ParamName);
        Assert.Contains("Hea2", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => runtime.Evaluate(w, ReadOnlySpan<double>.Empty, other.CreateWorkspace()));
        Assert.Equal("workspace", e.ParamName);
        e = Assert.Throws<ArgumentException>(() => runtime.EvaluateWithGradient(w, ReadOnlySpan<double>.Empty, new double[1], ws));
        Assert.Equal("gradient", e.ParamName);
        w[0] = double.NaN;
        Assert.Throws<ArgumentException>(() => runtime.Evaluate(w, ReadOnlySpan<double>.Empty, ws));
        Assert.Throws<ArgumentException>(() => new NoisyAnsatzRuntime("Wide", c, null, PauliSum.Parse("Z5")));
    }

    [Fact]
    public void AnAngleThatOverflows_IsAnErrorNamingTheGate_OnTheLightConePath()
    {
        // Finite weights, but scale · w overflows: the plan's one angle batch must report it as the engine does.
        var c = new Circuit(2);
        c.RY(0, c.Weight() * 1e300).RY(1, c.Weight()).CNOT(0, 1).RZ(0, c.Weight()).RY(1, c.Weight());
        var noisy = new NoiseModel().AfterEach(NoiseChannel.Depolarizing(0.01), GateKind.RY, GateKind.RZ).ApplyTo(c);
        var runtime = new NoisyAnsatzRuntime("Overflow", noisy, null, NoiseTestData.Z0Z1);
        Assert.True(runtime.UsesLightCone);
        var ws = runtime.CreateWorkspace();
        var w = new[] { 1e10, 0.2, 0.3, 0.4 };
        foreach (var call in new Action[]
                 {
                     () => runtime.Evaluate(w, ReadOnlySpan<double>.Empty, ws),
                     () => runtime.EvaluateWithGradient(w, ReadOnlySpan<double>.Empty, new double[4], ws),
                 })
        {
            var e = Assert.Throws<ArgumentException>(call);
            Assert.Equal("weights", e.ParamName);
            Assert.Contains("finite", e.Message, StringComparison.Ordinal);
        }

        w[0] = 0.1;
        Assert.True(double.IsFinite(runtime.Evaluate(w, ReadOnlySpan<double>.Empty, ws)));
    }
}
