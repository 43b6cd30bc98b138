// Plain C# that builds for netstandard2.0 too (only APIs both targets have): the generator can later link it to turn
// declared noise into channels with exactly the runtime's rules.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace NegLR;

/// <summary>
/// Attaches noise channels to a circuit by rule, as Qiskit's <c>NoiseModel</c> (<c>add_all_qubit_quantum_error</c>,
/// <c>add_quantum_error</c>) and PennyLane's <c>qml.add_noise</c> do: after every gate of a kind, on given qubits or all,
/// or after one gate instance; plus the readout error a device adds when measuring. Immutable: every method returns a
/// new model, so one model can be shared by threads and used for many circuits.
/// </summary>
/// <remarks>
/// <see cref="ApplyTo"/> returns a copy of the circuit with the channels inserted right after the gates they follow
/// (several matching rules apply in the order they were added; channels the circuit records itself stay after them).
/// The gates are untouched, so the ideal path is the same circuit with its channels ignored.
/// </remarks>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class NoiseModel : IEquatable<NoiseModel>
{
    /// <summary>Every gate kind that acts on one qubit.</summary>
    public static IReadOnlyList<GateKind> SingleQubitGates { get; } = AllKinds().Where(k => GateInfo.Of(k).Qubits == 1).ToArray();

    /// <summary>Every gate kind that acts on exactly two qubits.</summary>
    public static IReadOnlyList<GateKind> TwoQubitGates { get; } = AllKinds().Where(k => GateInfo.Of(k).Qubits == 2).ToArray();

    /// <summary>A model without noise.</summary>
    public NoiseModel()
        : this(ImmutableArray<NoiseRule>.Empty, null)
    {
    }

    private NoiseModel(ImmutableArray<NoiseRule> rules, ReadoutError? readout)
    {
        Rules = rules;
        Readout = readout;
    }

    /// <summary>The rules, in the order they apply.</summary>
    public ImmutableArray<NoiseRule> Rules { get; }

    /// <summary>The readout error, or null for perfect readout.</summary>
    public ReadoutError? Readout { get; }

    /// <summary>True when the model adds no channel and no readout error.</summary>
    public bool IsEmpty => Rules.IsEmpty && (Readout is null || Readout.IsNone);

    /// <summary>
    /// <paramref name="channel"/> after every gate of <paramref name="kinds"/> (every gate when none are given) on all
    /// qubits: a one-qubit channel on each of the gate's qubits, a two-qubit channel on a two-qubit gate's qubits.
    /// </summary>
    /// <exception cref="ArgumentException">A two-qubit channel after a kind that does not act on exactly two qubits.</exception>
    public NoiseModel AfterEach(NoiseChannel channel, params GateKind[] kinds) => AfterEach(channel, (IEnumerable<GateKind>)kinds);

    /// <inheritdoc cref="AfterEach(NoiseChannel, GateKind[])"/>
    public NoiseModel AfterEach(NoiseChannel channel, IEnumerable<GateKind> kinds)
    {
        var list = CheckKinds(channel, kinds);
        return Add(new NoiseRule(channel, NoiseRuleTarget.AllQubits, list, ImmutableArray<int>.Empty, -1));
    }

    /// <summary>
    /// <paramref name="channel"/> after every gate of <paramref name="kind"/> on <paramref name="qubits"/>: a one-qubit
    /// channel follows each listed qubit the gate acts on; a two-qubit channel follows the gate when its qubits are
    /// exactly the listed pair in that order (Qiskit's <c>add_quantum_error(error, "cx", [0, 1])</c>).
    /// </summary>
    /// <exception cref="ArgumentException">No qubits, a negative or repeated one, or a pair whose size differs from a two-qubit channel's.</exception>
    public NoiseModel AfterEachOn(NoiseChannel channel, GateKind kind, params int[] qubits)
    {
        var list = CheckKinds(channel, new[] { kind });
        Guard.NotNull(qubits, nameof(qubits));
        if (qubits.Length == 0 || (channel.Qubits == 2 && qubits.Length != 2))
        {
            throw new ArgumentException(channel.Qubits == 2
                ? $"A two-qubit channel follows a gate on an ordered pair of qubits, but {qubits.Length} were given."
                : "Name at least one qubit (or use AfterEach for all of them).", nameof(qubits));
        }

        CheckQubits(qubits, nameof(qubits));
        return Add(new NoiseRule(channel, NoiseRuleTarget.Qubits, list, ImmutableArray.Create(qubits), -1));
    }

    /// <summary>
    /// <paramref name="channel"/> after the gate at <paramref name="gateIndex"/> in <see cref="Circuit.Gates"/>, on
    /// <paramref name="qubits"/> (default: the gate's qubits, when their number matches the channel's).
    /// </summary>
    public NoiseModel AfterGate(int gateIndex, NoiseChannel channel, params int[] qubits)
    {
        Guard.NotNull(channel, nameof(channel));
        Guard.NotNull(qubits, nameof(qubits));
        if (gateIndex < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(gateIndex), gateIndex, "A gate index is 0 or more.");
        }

        if (qubits.Length != 0 && qubits.Length != channel.Qubits)
        {
            throw new ArgumentException($"{channel} acts on {channel.Qubits} qubit(s), but {qubits.Length} were given.", nameof(qubits));
        }

        CheckQubits(qubits, nameof(qubits));
        return Add(new NoiseRule(channel, NoiseRuleTarget.GateInstance, ImmutableArray<GateKind>.Empty, ImmutableArray.Create(qubits), gateIndex));
    }

    /// <summary>The same model with <paramref name="readout"/> as its readout error (null removes it).</summary>
    public NoiseModel WithReadout(ReadoutError? readout) => new(Rules, readout);

    /// <summary>This model's rules followed by <paramref name="other"/>'s; the other's readout error wins when it has one.</summary>
    public NoiseModel Then(NoiseModel other)
    {
        Guard.NotNull(other, nameof(other));
        return new NoiseModel(Rules.AddRange(other.Rules), other.Readout ?? Readout);
    }

    /// <summary>
    /// A copy of <paramref name="circuit"/> with this model's channels inserted after the gates they follow. The
    /// readout error is not part of the circuit: pass the model (or <see cref="Readout"/>) to the engine.
    /// </summary>
    /// <exception cref="ArgumentException">A rule names a qubit or gate the circuit lacks, or the readout error covers a
    /// different number of qubits.</exception>
    public Circuit ApplyTo(Circuit circuit)
    {
        Guard.NotNull(circuit, nameof(circuit));
        Validate(circuit);
        var afterGate = new List<(NoiseChannel, ImmutableArray<int>)>?[circuit.Gates.Count];
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            var gate = circuit.Gates[g];
            foreach (var rule in Rules)
            {
                AddMatches(rule, g, gate, ref afterGate[g]);
            }
        }

        return circuit.WithChannelsAfterGates(afterGate);
    }

    /// <summary>
    /// Throws the error <see cref="ApplyTo"/> would throw for <paramref name="circuit"/>: a rule naming a qubit or a gate
    /// the circuit lacks, or a readout error for another number of qubits.
    /// </summary>
    public void Validate(Circuit circuit)
    {
        Guard.NotNull(circuit, nameof(circuit));
        foreach (var rule in Rules)
        {
            foreach (int q in rule.Qubits)
            {
                if (q >= circuit.Qubits)
                {
                    throw new ArgumentException(
                        $"The noise rule \"{rule}\" names qubit {q}, but the circuit has qubits 0 to {circuit.Qubits - 1}.", nameof(circuit));
                }
            }

            if (rule.Target == NoiseRuleTarget.GateInstance)
            {
                if (rule.GateIndex >= circuit.Gates.Count)
                {
                    throw new ArgumentException(
                        $"The noise rule \"{rule}\" follows gate {rule.GateIndex}, but the circuit has {circuit.Gates.Count} gates.", nameof(circuit));
                }

                var gate = circuit.Gates[rule.GateIndex];
                if (rule.Qubits.IsEmpty && gate.Qubits.Length != rule.Channel.Qubits)
                {
                    throw new ArgumentException(
                        $"The noise rule \"{rule}\" follows {gate}, which acts on {gate.Qubits.Length} qubit(s), but the channel acts on {rule.Channel.Qubits}; name its qubits.",
                        nameof(circuit));
                }
            }
        }

        if (Readout is not null && Readout.Qubits != circuit.Qubits)
        {
            throw new ArgumentException(
                $"The readout error covers {Readout.Qubits} qubits, but the circuit has {circuit.Qubits}.", nameof(circuit));
        }
    }

    /// <inheritdoc/>
    public bool Equals(NoiseModel? other) =>
        other is not null && Rules.SequenceEqual(other.Rules) && Equals(Readout, other.Readout);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NoiseModel);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int hash = Readout?.GetHashCode() ?? 0;
        foreach (var r in Rules)
        {
            hash = Guard.Combine(hash, r.GetHashCode());
        }

        return hash;
    }

    /// <summary>One rule per line, then the readout error.</summary>
    public override string ToString() =>
        Rules.IsEmpty && Readout is null ? "NoiseModel(no noise)"
            : string.Join("\n", Rules.Select(r => r.ToString()).Concat(Readout is null ? Enumerable.Empty<string>() : new[] { Readout.ToString() }));

    private static void AddMatches(NoiseRule rule, int index, Gate gate, ref List<(NoiseChannel, ImmutableArray<int>)>? list)
    {
        var channel = rule.Channel;
        switch (rule.Target)
        {
            case NoiseRuleTarget.GateInstance:
                if (rule.GateIndex == index)
                {
                    (list ??= new()).Add((channel, rule.Qubits.IsEmpty ? gate.Qubits : rule.Qubits));
                }

                return;
            case NoiseRuleTarget.AllQubits when rule.Selects(gate.Kind):
                if (channel.Qubits == 1)
                {
                    foreach (int q in gate.Qubits)
                    {
                        (list ??= new()).Add((channel, ImmutableArray.Create(q)));
                    }
                }
                else if (gate.Qubits.Length == 2)
                {
                    (list ??= new()).Add((channel, gate.Qubits));
                }

                return;
            case NoiseRuleTarget.Qubits when rule.Selects(gate.Kind):
                if (channel.Qubits == 1)
                {
                    foreach (int q in gate.Qubits)
                    {
                        if (rule.Qubits.Contains(q))
                        {
                            (list ??= new()).Add((channel, ImmutableArray.Create(q)));
                        }
                    }
                }
                else if (gate.Qubits.SequenceEqual(rule.Qubits))
                {
                    (list ??= new()).Add((channel, gate.Qubits));
                }

                return;
        }
    }

    private NoiseModel Add(NoiseRule rule) => new(Rules.Add(rule), Readout);

    private static ImmutableArray<GateKind> CheckKinds(NoiseChannel channel, IEnumerable<GateKind> kinds)
    {
        Guard.NotNull(channel, nameof(channel));
        Guard.NotNull(kinds, nameof(kinds));
        var list = kinds.Distinct().ToImmutableArray();
        foreach (var kind in list)
        {
            if ((int)kind < 0 || (int)kind > (int)GateKind.CSWAP)
            {
                throw new ArgumentException($"{kind} is not a gate kind.", nameof(kinds));
            }

            if (channel.Qubits == 2 && GateInfo.Of(kind).Qubits != 2)
            {
                throw new ArgumentException(
                    $"{channel} is a two-qubit channel, so it can only follow gates on two qubits, but {kind} acts on {(GateInfo.Of(kind).Qubits < 0 ? "any number of" : GateInfo.Of(kind).Qubits.ToString(CultureInfo.InvariantCulture))}.",
                    nameof(kinds));
            }
        }

        if (channel.Qubits == 2 && list.IsEmpty)
        {
            throw new ArgumentException($"{channel} is a two-qubit channel: name the two-qubit gate kinds it follows (e.g. NoiseModel.TwoQubitGates).", nameof(kinds));
        }

        return list;
    }

    private static void CheckQubits(int[] qubits, string paramName)
    {
        for (int i = 0; i < qubits.Length; i++)
        {
            if (qubits[i] < 0)
            {
                throw new ArgumentOutOfRangeException(paramName, qubits[i], "A qubit index is 0 or more.");
            }

            for (int j = 0; j < i; j++)
            {
                if (qubits[j] == qubits[i])
                {
                    throw new ArgumentException($"Qubit {qubits[i]} is named twice.", paramName);
                }
            }
        }
    }

    private static IEnumerable<GateKind> AllKinds()
    {
        for (var k = GateKind.I; k <= GateKind.CSWAP; k++)
        {
            yield return k;
        }
    }
}
