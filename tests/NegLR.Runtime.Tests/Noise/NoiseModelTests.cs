using System;
using System.Linq;

namespace NegLR.Tests.Noise;

/// <summary>Noise models attach channels by rule, as Qiskit's NoiseModel and PennyLane's add_noise do.</summary>
public class NoiseModelTests
{
    private static Circuit Ladder() => new Circuit(3).RY(0, 0.1).RZ(1, 0.2).CNOT(0, 1).CNOT(1, 0).RX(2, 0.3).CNOT(1, 2).H(1);

    [Fact]
    public void AfterEach_KindOnAllQubits_PutsOneQubitChannelsOnEveryQubitOfTheGate_AndPairChannelsOnPairs()
    {
        var model = new NoiseModel()
            .AfterEach(NoiseChannel.Depolarizing(0.01), GateKind.RY, GateKind.RZ)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.02), GateKind.CNOT)
            .AfterEach(NoiseChannel.PhaseDamping(0.1), GateKind.CNOT);
        var noisy = model.ApplyTo(Ladder());
        Assert.Equal(Ladder().Gates, noisy.Gates);
        var placed = noisy.Channels.Select(c => (c.Channel.Kind, string.Join(",", c.Qubits), c.Position)).ToArray();
        Assert.Equal(new[]
        {
            (ChannelKind.Depolarizing, "0", 1), (ChannelKind.Depolarizing, "1", 2),
            (ChannelKind.TwoQubitDepolarizing, "0,1", 3), (ChannelKind.PhaseDamping, "0", 3), (ChannelKind.PhaseDamping, "1", 3),
            (ChannelKind.TwoQubitDepolarizing, "1,0", 4), (ChannelKind.PhaseDamping, "1", 4), (ChannelKind.PhaseDamping, "0", 4),
            (ChannelKind.TwoQubitDepolarizing, "1,2", 6), (ChannelKind.PhaseDamping, "1", 6), (ChannelKind.PhaseDamping, "2", 6),
        }, placed);
    }

    [Fact]
    public void AfterEachOn_GivenQubits_OneQubitChannelsPerListedQubit_PairChannelsOnExactlyThatOrderedPair()
    {
        var model = new NoiseModel()
            .AfterEachOn(NoiseChannel.BitFlip(0.1), GateKind.CNOT, 1)
            .AfterEachOn(NoiseChannel.TwoQubitDepolarizing(0.05), GateKind.CNOT, 0, 1);
        var placed = model.ApplyTo(Ladder()).Channels.Select(c => (c.Channel.Kind, string.Join(",", c.Qubits), c.Position)).ToArray();
        Assert.Equal(new[]
        {
            (ChannelKind.BitFlip, "1", 3), (ChannelKind.TwoQubitDepolarizing, "0,1", 3),   // CNOT(0, 1)
            (ChannelKind.BitFlip, "1", 4),                                                  // CNOT(1, 0): not the pair (0, 1)
            (ChannelKind.BitFlip, "1", 6),                                                  // CNOT(1, 2)
        }, placed);
    }

    [Fact]
    public void AfterGate_OneInstance_AndChannelsAlreadyInTheCircuitStayAfterTheModelsOnes()
    {
        var c = Ladder();
        c = new Circuit(3).RY(0, 0.1).AmplitudeDamping(0, 0.3).RZ(1, 0.2);
        var noisy = new NoiseModel().AfterGate(0, NoiseChannel.Depolarizing(0.2)).AfterGate(1, NoiseChannel.PhaseFlip(0.1), 2).ApplyTo(c);
        Assert.Equal(new[] { "Depolarizing q0 1", "AmplitudeDamping q0 1", "PhaseFlip q2 2" },
            noisy.Channels.Select(p => $"{p.Channel.Kind} q{p.Qubits[0]} {p.Position}"));
    }

    [Fact]
    public void ModelAppliedCircuit_EqualsTheSameChannelsWrittenByHand_BitForBit()
    {
        var byModel = NoiseTestData.NoisyStandardWorkload(3);
        var byHand = new Circuit(3);
        for (int layer = 0; layer < 3; layer++)
        {
            for (int q = 0; q < 3; q++)
            {
                byHand.RY(q, byHand.Weight()).Depolarizing(q, 0.001);
            }

            for (int q = 0; q < 3; q++)
            {
                byHand.RZ(q, byHand.Weight()).Depolarizing(q, 0.001);
            }

            for (int q = 0; q < 2; q++)
            {
                byHand.CNOT(q, q + 1).TwoQubitDepolarizing(q, q + 1, 0.01);
            }
        }

        Assert.Equal(byHand.Gates, byModel.Gates);
        Assert.Equal(byHand.Channels, byModel.Channels);
        var w = NoiseTestData.WorkloadWeights(byHand.WeightCount);
        var a = new DensityMatrixSimulator(byModel);
        var b = new DensityMatrixSimulator(byHand);
        Assert.Equal(b.Evaluate(w, NoiseTestData.Z0Z1, b.CreateWorkspace(false)), a.Evaluate(w, NoiseTestData.Z0Z1, a.CreateWorkspace(false)));
    }

    [Fact]
    public void BadRules_AreRefusedWithTheRuleAndTheReason()
    {
        var e = Assert.Throws<ArgumentException>(() => new NoiseModel().AfterEach(NoiseChannel.TwoQubitDepolarizing(0.1), GateKind.RY));
        Assert.Equal("kinds", e.ParamName);
        Assert.Contains("RY acts on 1", e.Message, StringComparison.Ordinal);
        Assert.Equal("kinds", Assert.Throws<ArgumentException>(() => new NoiseModel().AfterEach(NoiseChannel.TwoQubitDepolarizing(0.1))).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentException>(() => new NoiseModel().AfterEachOn(NoiseChannel.TwoQubitDepolarizing(0.1), GateKind.CNOT, 0)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentException>(() => new NoiseModel().AfterEachOn(NoiseChannel.Depolarizing(0.1), GateKind.RY, 1, 1)).ParamName);
        var m = Assert.Throws<ArgumentException>(() => new NoiseModel().AfterEachOn(NoiseChannel.Depolarizing(0.1), GateKind.RY, 7).ApplyTo(Ladder()));
        Assert.Contains("names qubit 7, but the circuit has qubits 0 to 2", m.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new NoiseModel().AfterGate(40, NoiseChannel.Depolarizing(0.1)).ApplyTo(Ladder()));
        Assert.Throws<ArgumentException>(() => new NoiseModel().AfterGate(2, NoiseChannel.Depolarizing(0.1)).ApplyTo(Ladder()));   // CNOT: name the qubit
        Assert.Throws<ArgumentException>(() => new NoiseModel().WithReadout(ReadoutError.Uniform(4, 0.01, 0.01)).ApplyTo(Ladder()));
    }

    [Fact]
    public void Simulators_TakeTheModelsReadoutError()
    {
        var model = new NoiseModel().AfterEach(NoiseChannel.Depolarizing(0.05)).WithReadout(ReadoutError.Uniform(3, 0.02, 0.04));
        var dm = new DensityMatrixSimulator(Ladder(), model);
        Assert.Equal(model.Readout, dm.Readout);
        Assert.Equal(Ladder().Gates.Count, dm.Circuit.Channels.Count - 3);   // one per qubit of each gate: 4 one-qubit + 3 CNOTs × 2
        var tr = new TrajectorySimulator(Ladder(), model);
        Assert.Equal(model.Readout, tr.Readout);
    }
}
