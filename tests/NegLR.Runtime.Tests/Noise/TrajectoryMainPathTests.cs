using System;
using System.Linq;

namespace NegLR.Tests.Noise;

/// <summary>
/// Shot calls share the branch most trajectories take (<see cref="TrajectoryMainPath"/>). That is a speed-up only: every
/// estimate, gradient and final state must be the bits of running each trajectory in full, for Pauli and Kraus channels,
/// one- and two-qubit channels, a channel whose likeliest branch is not the identity, readout error and rotated groups.
/// </summary>
public class TrajectoryMainPathTests
{
    public static TheoryData<string> Models() => new() { "depolarizing", "every-channel", "likely-flip", "device", "strong" };

    [Theory]
    [MemberData(nameof(Models))]
    public void Shots_GiveTheBitsOfFullTrajectories(string model)
    {
        var (circuit, noise) = Build(model);
        var shared = new TrajectorySimulator(circuit, noise);
        var full = new TrajectorySimulator(circuit, noise) { ShareMainPath = false };
        var observable = PauliSum.Parse("0.7 Z0 Z1 - 0.4 X1 + 0.3 Y0 Y2 + 0.2 Z2 + 0.1");
        var estimator = new ShotEstimator(observable, circuit.Qubits);
        var weights = NoiseTestData.WorkloadWeights(circuit.WeightCount);
        var sharedWorkspace = shared.CreateWorkspace();
        var fullWorkspace = full.CreateWorkspace();
        for (int call = 0; call < 3; call++)
        {
            // A different point each call: the path must be recomputed, not reused.
            weights[call] += 0.37;
            var a = shared.EvaluateWithShots(weights, ReadOnlySpan<double>.Empty, estimator, 300, new SeededRandom((ulong)call), sharedWorkspace);
            var b = full.EvaluateWithShots(weights, ReadOnlySpan<double>.Empty, estimator, 300, new SeededRandom((ulong)call), fullWorkspace);
            AssertSameBits(b.Value, a.Value);
            AssertSameBits(b.StandardError, a.StandardError);
            Assert.Equal(b.Shots, a.Shots);
            Assert.Equal(fullWorkspace.State.Amplitudes.ToArray(), sharedWorkspace.State.Amplitudes.ToArray());
        }

        if (noise.Readout is not null)
        {
            var a = shared.EvaluateWithShotsMitigated(weights, ReadOnlySpan<double>.Empty, estimator, 200, new SeededRandom(9), sharedWorkspace);
            var b = full.EvaluateWithShotsMitigated(weights, ReadOnlySpan<double>.Empty, estimator, 200, new SeededRandom(9), fullWorkspace);
            AssertSameBits(b.Value, a.Value);
            AssertSameBits(b.RawValue, a.RawValue);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void ShotGradient_GivesTheBitsOfFullTrajectories(string model)
    {
        var (circuit, noise) = Build(model);
        var shared = new TrajectorySimulator(circuit, noise);
        var full = new TrajectorySimulator(circuit, noise) { ShareMainPath = false };
        var estimator = new ShotEstimator(PauliSum.Parse("Z0 Z1 + 0.5 X2"), circuit.Qubits);
        var weights = NoiseTestData.WorkloadWeights(circuit.WeightCount);
        var a = new double[circuit.WeightCount];
        var b = new double[circuit.WeightCount];
        long spentA = shared.ParameterShiftGradientWithShots(weights, ReadOnlySpan<double>.Empty, estimator, 40, new SeededRandom(5), a, shared.CreateWorkspace());
        long spentB = full.ParameterShiftGradientWithShots(weights, ReadOnlySpan<double>.Empty, estimator, 40, new SeededRandom(5), b, full.CreateWorkspace());
        Assert.Equal(spentB, spentA);
        for (int k = 0; k < a.Length; k++)
        {
            AssertSameBits(b[k], a[k]);
        }
    }

    /// <summary>At low noise most shots stay on the shared path, the case the sharing is for; the estimate must still be Tr(ρO).</summary>
    [Fact]
    public void AtLowNoise_TheEstimateMatchesTheDensityMatrix()
    {
        var observable = PauliSum.Parse("Z1 + 0.5 X0");
        var circuit = new NoiseModel()
            .AfterEach(NoiseChannel.Depolarizing(0.01), GateKind.RY)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.02), GateKind.CNOT)
            .ApplyTo(new Circuit(2).RY(0, Angle.OfWeight(0)).CNOT(0, 1));
        var sim = new TrajectorySimulator(circuit);
        var density = new DensityMatrixSimulator(circuit);
        var exact = density.Evaluate(new[] { 0.9 }, ReadOnlySpan<double>.Empty, observable, density.CreateWorkspace());
        var estimate = sim.EvaluateWithShots(new[] { 0.9 }, ReadOnlySpan<double>.Empty, new ShotEstimator(observable, 2), 20_000,
            new SeededRandom(3), sim.CreateWorkspace());
        Assert.True(Math.Abs(estimate.Value - exact) < 4 * estimate.StandardError, $"{estimate} vs exact {exact:R}");
    }

    private static (Circuit Circuit, NoiseModel Noise) Build(string model)
    {
        var circuit = new Circuit(3).HardwareEfficient(layers: 2);
        var readout = ReadoutError.Uniform(3, 0.02, 0.05);
        switch (model)
        {
            case "depolarizing":
                return (circuit, new NoiseModel().AfterEach(NoiseChannel.Depolarizing(0.01), GateKind.RY, GateKind.RZ)
                    .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.05), GateKind.CNOT).WithReadout(readout));
            case "likely-flip":
                // The likeliest branch of a bit flip with p = 0.9 is X: the shared path applies it.
                return (circuit, new NoiseModel().AfterEach(NoiseChannel.BitFlip(0.9), GateKind.RY).AfterEach(NoiseChannel.AmplitudeDamping(0.05), GateKind.CNOT));
            case "device":
                return (circuit, DeviceProfile.Example("ibmq-manila-2024-05-27").NoiseModelFor(circuit));
            case "strong":
                return (circuit, new NoiseModel().AfterEach(NoiseChannel.Depolarizing(0.3), GateKind.RY, GateKind.RZ)
                    .AfterEach(NoiseChannel.ThermalRelaxation(60, 40, 15), GateKind.CNOT).WithReadout(readout));
            default:
            {
                var channels = NoiseTestData.EveryChannel(new SeededRandom(77));
                var noise = new NoiseModel();
                foreach (var channel in channels)
                {
                    noise = channel.Qubits == 1 ? noise.AfterEach(channel, GateKind.RY) : noise.AfterEach(channel, GateKind.CNOT);
                }

                return (circuit, noise.WithReadout(readout));
            }
        }
    }

    private static void AssertSameBits(double expected, double actual) =>
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
}
