// Compiled into the Runtime and, as linked source, into the Generator and Analyzers (netstandard2.0), so a [Circuit]
// body that records c.Depolarizing(q, p) is read at compile time by this very code.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace NegLR;

// Noise channels recorded in the circuit. They live in their own list, each with its position among the gates, so
// Gates — and the state-vector interpreter, the generator and the analyzers that read it — see the ideal circuit
// exactly as before; the density-matrix and trajectory engines read both lists.
partial class Circuit
{
    private List<ChannelPlacement>? _channels;

    /// <summary>The recorded noise channels, in order; each knows its position among <see cref="Gates"/>.</summary>
    public IReadOnlyList<ChannelPlacement> Channels => (IReadOnlyList<ChannelPlacement>?)_channels ?? Array.Empty<ChannelPlacement>();

    /// <summary>True when the circuit records at least one noise channel.</summary>
    public bool HasChannels => _channels is { Count: > 0 };

    /// <summary>
    /// Appends <paramref name="channel"/> on <paramref name="qubits"/> (one per qubit the channel acts on, distinct) after
    /// the gates recorded so far.
    /// </summary>
    /// <exception cref="ArgumentException">The number of qubits differs from the channel's, a qubit repeats.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A qubit is outside the circuit.</exception>
    public Circuit Channel(NoiseChannel channel, params int[] qubits)
    {
        Guard.NotNull(channel, nameof(channel));
        Guard.NotNull(qubits, nameof(qubits));
        if (qubits.Length != channel.Qubits)
        {
            throw new ArgumentException(
                $"{channel} acts on {channel.Qubits} qubit(s), but {qubits.Length} were given.", nameof(qubits));
        }

        return AddChannel(channel, ImmutableArray.Create(qubits), nameof(qubits));
    }

    /// <summary>Depolarizing channel (1 − p)ρ + p/3 (XρX + YρY + ZρZ) on <paramref name="qubit"/>; see <see cref="NoiseChannel.Depolarizing"/>.</summary>
    public Circuit Depolarizing(int qubit, double p) => AddChannel(NoiseChannel.Depolarizing(p), qubit);

    /// <summary>Bit flip (1 − p)ρ + p XρX on <paramref name="qubit"/>.</summary>
    public Circuit BitFlip(int qubit, double p) => AddChannel(NoiseChannel.BitFlip(p), qubit);

    /// <summary>Phase flip (1 − p)ρ + p ZρZ on <paramref name="qubit"/>.</summary>
    public Circuit PhaseFlip(int qubit, double p) => AddChannel(NoiseChannel.PhaseFlip(p), qubit);

    /// <summary>Bit-phase flip (1 − p)ρ + p YρY on <paramref name="qubit"/>.</summary>
    public Circuit BitPhaseFlip(int qubit, double p) => AddChannel(NoiseChannel.BitPhaseFlip(p), qubit);

    /// <summary>Pauli channel with probabilities <paramref name="pX"/>, <paramref name="pY"/>, <paramref name="pZ"/> on <paramref name="qubit"/>.</summary>
    public Circuit PauliChannel(int qubit, double pX, double pY, double pZ) => AddChannel(NoiseChannel.PauliChannel(pX, pY, pZ), qubit);

    /// <summary>Amplitude damping with probability <paramref name="gamma"/> on <paramref name="qubit"/>.</summary>
    public Circuit AmplitudeDamping(int qubit, double gamma) => AddChannel(NoiseChannel.AmplitudeDamping(gamma), qubit);

    /// <summary>
    /// Generalized amplitude damping towards diag(1 − p_e, p_e) on <paramref name="qubit"/> (p_e is Qiskit's
    /// excited_state_population, 1 − PennyLane's p).
    /// </summary>
    public Circuit GeneralizedAmplitudeDamping(int qubit, double gamma, double excitedPopulation) =>
        AddChannel(NoiseChannel.GeneralizedAmplitudeDamping(gamma, excitedPopulation), qubit);

    /// <summary>Phase damping with probability <paramref name="gamma"/> on <paramref name="qubit"/>.</summary>
    public Circuit PhaseDamping(int qubit, double gamma) => AddChannel(NoiseChannel.PhaseDamping(gamma), qubit);

    /// <summary>Thermal relaxation (T1, T2 ≤ 2·T1, gate time, excited population) on <paramref name="qubit"/>; Qiskit's argument order.</summary>
    public Circuit ThermalRelaxation(int qubit, double t1, double t2, double time, double excitedPopulation = 0) =>
        AddChannel(NoiseChannel.ThermalRelaxation(t1, t2, time, excitedPopulation), qubit);

    /// <summary>Reset to |0⟩ with probability <paramref name="p0"/> and to |1⟩ with probability <paramref name="p1"/> on <paramref name="qubit"/>.</summary>
    public Circuit ResetError(int qubit, double p0, double p1) => AddChannel(NoiseChannel.ResetError(p0, p1), qubit);

    /// <summary>Two-qubit depolarizing channel (1 − p)ρ + p/15 Σ (P⊗Q)ρ(P⊗Q) on qubits <paramref name="a"/>, <paramref name="b"/>.</summary>
    public Circuit TwoQubitDepolarizing(int a, int b, double p) =>
        AddChannel(NoiseChannel.TwoQubitDepolarizing(p), ImmutableArray.Create(a, b), "b");

    /// <summary>
    /// Two-qubit Pauli channel on <paramref name="a"/> (first letter) and <paramref name="b"/> (second letter) with the 15
    /// probabilities of <see cref="NoiseChannel.TwoQubitPauliWords"/>.
    /// </summary>
    public Circuit TwoQubitPauliChannel(int a, int b, double[] probabilities) =>
        AddChannel(NoiseChannel.TwoQubitPauliChannel(probabilities), ImmutableArray.Create(a, b), "b");

    /// <summary>A copy of this circuit with the same gates and no channels: the ideal circuit.</summary>
    public Circuit WithoutChannels()
    {
        var copy = new Circuit(Qubits);
        foreach (var g in _gates)
        {
            copy.Append(g.Kind, g.Qubits, g.Angles, g.PauliWord);
        }

        copy.WeightCount = WeightCount;
        copy.InputCount = InputCount;
        return copy;
    }

    /// <summary>
    /// A copy with extra channels right after gates: <paramref name="afterGate"/>[g] lists the channels (and their qubits) to
    /// insert after gate g, in order; channels this circuit already records keep their places, after the inserted ones.
    /// The noise model's way of attaching channels by rule.
    /// </summary>
    internal Circuit WithChannelsAfterGates(IReadOnlyList<IReadOnlyList<(NoiseChannel Channel, ImmutableArray<int> Qubits)>?> afterGate)
    {
        var copy = new Circuit(Qubits);
        var channels = Channels;
        int c = 0;
        for (int g = 0; g < _gates.Count; g++)
        {
            for (; c < channels.Count && channels[c].Position == g; c++)
            {
                copy.AddChannel(channels[c].Channel, channels[c].Qubits, "circuit");
            }

            var gate = _gates[g];
            copy.Append(gate.Kind, gate.Qubits, gate.Angles, gate.PauliWord);
            var extra = afterGate[g];
            if (extra is not null)
            {
                foreach (var (channel, qubits) in extra)
                {
                    copy.AddChannel(channel, qubits, "model");
                }
            }
        }

        for (; c < channels.Count; c++)
        {
            copy.AddChannel(channels[c].Channel, channels[c].Qubits, "circuit");
        }

        copy.WeightCount = WeightCount;
        copy.InputCount = InputCount;
        return copy;
    }

    /// <summary>Appends <paramref name="other"/>'s gates and channels, interleaved as they were recorded.</summary>
    private void AppendOperationsOf(Circuit other)
    {
        // Counts taken first, so appending a circuit to itself doubles it instead of running forever.
        int gateCount = other._gates.Count, channelCount = other.Channels.Count;
        int c = 0;
        var channels = other.Channels;
        for (int g = 0; g < gateCount; g++)
        {
            for (; c < channelCount && channels[c].Position == g; c++)
            {
                AddChannel(channels[c].Channel, channels[c].Qubits, nameof(other));
            }

            var gate = other._gates[g];
            Append(gate.Kind, gate.Qubits, gate.Angles, gate.PauliWord);
        }

        for (; c < channelCount; c++)
        {
            AddChannel(channels[c].Channel, channels[c].Qubits, nameof(other));
        }
    }

    private Circuit AddChannel(NoiseChannel channel, int qubit) => AddChannel(channel, ImmutableArray.Create(qubit), nameof(qubit));

    private Circuit AddChannel(NoiseChannel channel, ImmutableArray<int> qubits, string paramName)
    {
        for (int i = 0; i < qubits.Length; i++)
        {
            int q = qubits[i];
            if (q < 0 || q >= Qubits)
            {
                throw new ArgumentOutOfRangeException(
                    paramName, q, $"{channel.Kind} acts on qubit {q}, but this circuit has qubits 0 to {Qubits - 1}.");
            }

            for (int j = 0; j < i; j++)
            {
                if (qubits[j] == q)
                {
                    throw new ArgumentException($"{channel.Kind} names qubit {q} twice; a channel's qubits must all differ.", paramName);
                }
            }
        }

        _channels ??= new List<ChannelPlacement>();
        _channels.Add(new ChannelPlacement(channel, qubits, _gates.Count));
        return this;
    }
}
