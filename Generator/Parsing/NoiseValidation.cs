using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NegLR.Generator.Model;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Checks a <see cref="NoiseDeclaration"/> against the runtime's rules, without Roslyn: the channels' parameters with
/// the very <see cref="NoiseChannel"/> factories the runtime uses (so the messages are theirs), the gate selection as
/// <see cref="NoiseModel"/> checks it, qubits against the declared register, the readout error as
/// <see cref="ReadoutError"/> checks it, and the profile's layout size. The profile file itself is checked by
/// <see cref="NoiseProfiles"/>. A declaration with no problem builds with <see cref="NoiseModelBuilder"/>.
/// </summary>
internal static class NoiseValidation
{
    /// <summary>
    /// The problems of <paramref name="declaration"/> on a register of <paramref name="qubits"/> qubits (qubit ranges are
    /// not checked when the count is itself out of range: that is the declaration's own error). Unbound attributes are skipped.
    /// </summary>
    public static List<NoiseProblem> Validate(NoiseDeclaration declaration, int qubits)
    {
        var problems = new List<NoiseProblem>();
        bool knownRegister = qubits >= 1 && qubits <= Circuit.MaxQubits;
        foreach (var channel in declaration.Channels)
        {
            if (channel.Bound)
            {
                CheckChannel(channel, knownRegister ? qubits : -1, problems);
            }
        }

        foreach (var readout in declaration.Readouts)
        {
            if (readout.Bound)
            {
                CheckReadout(readout, knownRegister ? qubits : -1, problems);
            }
        }

        if (declaration.Profile is { } profile)
        {
            CheckProfileDeclaration(profile, knownRegister ? qubits : -1, problems);
        }

        return problems;
    }

    /// <summary>
    /// The runtime channel of a declared channel attribute, or the first problem with its parameters (the factory's own
    /// message, at the argument the factory names).
    /// </summary>
    public static NoiseChannel? TryCreateChannel(DeclaredChannel channel, out NoiseProblem? problem)
    {
        problem = null;
        try
        {
            return NoiseModelBuilder.CreateChannel(channel.Kind, channel.Parameters);
        }
        catch (ArgumentException e)
        {
            var (argument, kind) = ParameterArgument(channel.Kind, e.ParamName);
            problem = new NoiseProblem(kind, channel.AttributeIndex, argument,
                "[" + channel.AttributeName + "]: " + FirstLine(e.Message));
            return null;
        }
    }

    private static void CheckChannel(DeclaredChannel channel, int qubits, List<NoiseProblem> problems)
    {
        if (TryCreateChannel(channel, out var parameterProblem) is null && parameterProblem is not null)
        {
            problems.Add(parameterProblem);
        }

        string name = "[" + channel.AttributeName + "]";
        bool twoQubit = channel.ChannelQubits == 2;
        if (!Enum.IsDefined(typeof(DeclaredNoiseAfter), channel.After))
        {
            problems.Add(new NoiseProblem(NoiseProblemKind.GatesNotFollowable, channel.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.After),
                Invariant($"{name}: After = {(int)channel.After} is not a NoiseAfter value; use NoiseAfter.AllGates, SingleQubitGates or TwoQubitGates.")));
        }
        else if (twoQubit && !channel.GatesSet && channel.After == DeclaredNoiseAfter.SingleQubitGates)
        {
            problems.Add(new NoiseProblem(NoiseProblemKind.TwoQubitChannelAfterSingleQubitGates, channel.AttributeIndex,
                NoiseArgument.Property(NoiseAttributeNames.After),
                $"{name} is a two-qubit channel, so it cannot follow one-qubit gates; use After = NoiseAfter.TwoQubitGates (or leave After out), or a one-qubit channel such as [Depolarizing] after one-qubit gates."));
        }

        if (channel.GatesSet)
        {
            CheckGates(channel, name, twoQubit, problems);
        }

        if (channel.QubitsSet)
        {
            CheckQubits(channel.Qubits, qubits, channel.AttributeIndex, NoiseProblemKind.QubitOutOfRange, name, problems);
            if (twoQubit && channel.Qubits.Count != 2)
            {
                problems.Add(new NoiseProblem(NoiseProblemKind.QubitOutOfRange, channel.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Qubits),
                    Invariant($"{name} follows a gate on an ordered pair of qubits, but Qubits lists {channel.Qubits.Count}; list exactly two (e.g. Qubits = new[] {{ 0, 1 }}), or leave Qubits out for every pair.")));
            }
        }
    }

    private static void CheckGates(DeclaredChannel channel, string name, bool twoQubit, List<NoiseProblem> problems)
    {
        if (channel.Gates.Count == 0)
        {
            problems.Add(new NoiseProblem(NoiseProblemKind.GatesNotFollowable, channel.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Gates),
                $"{name}: Gates is empty, so the channel would follow no gate; list the gate kinds it follows, or leave Gates out to follow the gates After selects."));
            return;
        }

        for (int i = 0; i < channel.Gates.Count; i++)
        {
            int raw = channel.Gates[i];
            if (raw < (int)GateKind.I || raw > (int)GateKind.CSWAP)
            {
                problems.Add(new NoiseProblem(NoiseProblemKind.GatesNotFollowable, channel.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Gates, i),
                    Invariant($"{name}: Gates[{i}] = {raw} is not a GateKind; name a gate kind such as GateKind.RY or GateKind.CNOT.")));
                continue;
            }

            var kind = (GateKind)raw;
            int arity = GateInfo.Of(kind).Qubits;
            if (twoQubit && arity != 2)
            {
                string acts = arity < 0 ? "any number of qubits" : arity == 1 ? "one qubit" : Invariant($"{arity} qubits");
                problems.Add(new NoiseProblem(NoiseProblemKind.GatesNotFollowable, channel.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Gates, i),
                    $"{name} is a two-qubit channel, so it can only follow gates on two qubits, but {kind} acts on {acts}; list two-qubit kinds (GateKind.CNOT, CZ, …) or use a one-qubit channel for {kind}."));
            }
        }
    }

    private static void CheckReadout(DeclaredReadout readout, int qubits, List<NoiseProblem> problems)
    {
        double p10 = readout.Probability1Given0, p01 = readout.Probability0Given1;
        bool ok = true;
        if (!(p10 >= 0 && p10 <= 1))
        {
            ok = false;
            problems.Add(new NoiseProblem(NoiseProblemKind.ReadoutProbabilityOutOfRange, readout.AttributeIndex,
                NoiseArgument.Constructor(NoiseAttributeNames.ReadoutParameters[0], 0),
                Invariant($"[ReadoutError]: probability1Given0 = {p10:R} is not a probability; P(read 1 | state 0) lies between 0 and 1.")));
        }

        if (!(p01 >= 0 && p01 <= 1))
        {
            ok = false;
            problems.Add(new NoiseProblem(NoiseProblemKind.ReadoutProbabilityOutOfRange, readout.AttributeIndex,
                NoiseArgument.Constructor(NoiseAttributeNames.ReadoutParameters[1], 1),
                Invariant($"[ReadoutError]: probability0Given1 = {p01:R} is not a probability; P(read 0 | state 1) lies between 0 and 1.")));
        }

        if (ok && p10 + p01 >= 1)
        {
            problems.Add(new NoiseProblem(NoiseProblemKind.ReadoutProbabilityOutOfRange, readout.AttributeIndex,
                NoiseArgument.Constructor(NoiseAttributeNames.ReadoutParameters[1], 1),
                Invariant($"[ReadoutError]: P(1|0) = {p10:R} and P(0|1) = {p01:R} add up to 1 or more, so the readout says nothing about the state (or reads it inverted); check the calibration data (both are usually a few percent).")));
        }

        if (readout.QubitsSet)
        {
            CheckQubits(readout.Qubits, qubits, readout.AttributeIndex, NoiseProblemKind.ReadoutQubitOutOfRange, "[ReadoutError]", problems);
        }
    }

    private static void CheckProfileDeclaration(DeclaredProfile profile, int qubits, List<NoiseProblem> problems)
    {
        if (profile.Path is null || profile.Path.Trim().Length == 0)
        {
            problems.Add(new NoiseProblem(NoiseProblemKind.ProfileMissing, profile.AttributeIndex, NoiseArgument.Constructor("path", 0),
                "[DeviceProfile] names no file; give the profile's path relative to the project (or its file name) and list it as <AdditionalFiles Include=\"…\" /> in the project."));
        }

        if (!profile.LayoutSet)
        {
            return;
        }

        if (qubits > 0 && profile.Layout.Count != qubits)
        {
            problems.Add(new NoiseProblem(NoiseProblemKind.LayoutWrongSize, profile.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Layout),
                Invariant($"[DeviceProfile]: the layout maps {profile.Layout.Count} qubit{(profile.Layout.Count == 1 ? "" : "s")}, but the ansatz has {qubits}; give one device qubit per circuit qubit (Layout[i] is where circuit qubit i runs).")));
        }

        for (int i = 0; i < profile.Layout.Count; i++)
        {
            int d = profile.Layout[i];
            if (d < 0)
            {
                problems.Add(new NoiseProblem(NoiseProblemKind.LayoutWrongSize, profile.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Layout, i),
                    Invariant($"[DeviceProfile]: Layout[{i}] = {d} is not a device qubit; device qubits are numbered from 0.")));
            }
            else if (IndexOf(profile.Layout, d) != i)
            {
                problems.Add(new NoiseProblem(NoiseProblemKind.LayoutWrongSize, profile.AttributeIndex, NoiseArgument.Property(NoiseAttributeNames.Layout, i),
                    Invariant($"[DeviceProfile]: Layout[{i}] names device qubit {d} a second time; circuit qubits need distinct device qubits.")));
            }
        }
    }

    private static void CheckQubits(EquatableArray<int> list, int qubits, int attributeIndex, NoiseProblemKind kind, string name, List<NoiseProblem> problems)
    {
        if (list.Count == 0)
        {
            problems.Add(new NoiseProblem(kind, attributeIndex, NoiseArgument.Property(NoiseAttributeNames.Qubits),
                $"{name}: Qubits is empty, so it would apply to no qubit; list the qubits, or leave Qubits out for every qubit."));
            return;
        }

        for (int i = 0; i < list.Count; i++)
        {
            int q = list[i];
            if (q < 0 || (qubits > 0 && q >= qubits))
            {
                problems.Add(new NoiseProblem(kind, attributeIndex, NoiseArgument.Property(NoiseAttributeNames.Qubits, i),
                    qubits > 0
                        ? Invariant($"{name}: Qubits[{i}] = {q}, but the ansatz has qubits 0 to {qubits - 1}; name one of those.")
                        : Invariant($"{name}: Qubits[{i}] = {q} is not a qubit; qubits are numbered from 0.")));
            }
            else if (IndexOf(list, q) != i)
            {
                problems.Add(new NoiseProblem(kind, attributeIndex, NoiseArgument.Property(NoiseAttributeNames.Qubits, i),
                    Invariant($"{name}: Qubits[{i}] names qubit {q} a second time; list each qubit once.")));
            }
        }
    }

    /// <summary>The attribute argument a factory parameter comes from, and whether it is a probability or a time.</summary>
    private static (NoiseArgument Argument, NoiseProblemKind Kind) ParameterArgument(ChannelKind kind, string? factoryParameter)
    {
        var names = NoiseAttributeNames.ConstructorParameters(kind);
        if (kind == ChannelKind.ThermalRelaxation)
        {
            switch (factoryParameter)
            {
                case "t1": return (NoiseArgument.Constructor("t1", 0), NoiseProblemKind.InvalidRelaxationTimes);
                case "t2": return (NoiseArgument.Constructor("t2", 1), NoiseProblemKind.InvalidRelaxationTimes);
                case "time": return (NoiseArgument.Constructor("gateTime", 2), NoiseProblemKind.InvalidRelaxationTimes);
                case "excitedPopulation": return (NoiseArgument.Property(NoiseAttributeNames.ExcitedPopulation), NoiseProblemKind.ProbabilityOutOfRange);
            }
        }

        int position = factoryParameter is null ? -1 : names.IndexOf(factoryParameter);
        return (position >= 0 ? NoiseArgument.Constructor(names[position], position) : NoiseArgument.Attribute, NoiseProblemKind.ProbabilityOutOfRange);
    }

    /// <summary>The exception's message without the " (Parameter 'p')" the runtime appends on its own line.</summary>
    internal static string FirstLine(string message)
    {
        int end = message.IndexOf('\n');
        string line = end < 0 ? message : message.Substring(0, end).TrimEnd('\r');
        int parameter = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? line : line.Substring(0, parameter);
    }

    private static int IndexOf(EquatableArray<int> list, int value)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
