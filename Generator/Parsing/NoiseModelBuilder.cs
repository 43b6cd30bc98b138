using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Generator.Model;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Turns a valid <see cref="NoiseDeclaration"/> into the runtime's <see cref="NoiseModel"/>, exactly as the attributes
/// are documented: the device profile's model first (<see cref="DeviceProfile.NoiseModelFor"/>), then one rule per channel
/// attribute in written order, then the readout errors (a later attribute overrides an earlier one, and the profile's,
/// on the qubits it names). <c>Model.ApplyTo(circuit)</c> then places the channels as the runtime engines will.
/// </summary>
internal static class NoiseModelBuilder
{
    /// <summary>The runtime channel for a declared kind and its parameters in the factory's order.</summary>
    /// <exception cref="ArgumentException">A parameter the factory refuses (its message and parameter name).</exception>
    public static NoiseChannel CreateChannel(ChannelKind kind, EquatableArray<double> p) => kind switch
    {
        ChannelKind.Depolarizing => NoiseChannel.Depolarizing(p[0]),
        ChannelKind.BitFlip => NoiseChannel.BitFlip(p[0]),
        ChannelKind.PhaseFlip => NoiseChannel.PhaseFlip(p[0]),
        ChannelKind.BitPhaseFlip => NoiseChannel.BitPhaseFlip(p[0]),
        ChannelKind.PauliChannel => NoiseChannel.PauliChannel(p[0], p[1], p[2]),
        ChannelKind.AmplitudeDamping => NoiseChannel.AmplitudeDamping(p[0]),
        ChannelKind.GeneralizedAmplitudeDamping => NoiseChannel.GeneralizedAmplitudeDamping(p[0], p[1]),
        ChannelKind.PhaseDamping => NoiseChannel.PhaseDamping(p[0]),
        ChannelKind.ThermalRelaxation => NoiseChannel.ThermalRelaxation(p[0], p[1], p[2], p[3]),
        ChannelKind.ResetError => NoiseChannel.ResetError(p[0], p[1]),
        ChannelKind.TwoQubitDepolarizing => NoiseChannel.TwoQubitDepolarizing(p[0]),
        _ => throw new ArgumentException(kind + " has no attribute.", nameof(kind)),
    };

    /// <summary>
    /// The gate kinds a declared channel follows: <c>Gates</c> when given; else by <c>After</c> — every gate (empty: the
    /// runtime's "every kind") or, for a two-qubit channel, every two-qubit kind; or the one- or two-qubit kinds.
    /// </summary>
    public static IReadOnlyList<GateKind> KindsFollowed(DeclaredChannel channel)
    {
        if (channel.GatesSet)
        {
            return channel.Gates.Select(g => (GateKind)g).Distinct().ToArray();
        }

        return channel.After switch
        {
            DeclaredNoiseAfter.SingleQubitGates => NoiseModel.SingleQubitGates,
            DeclaredNoiseAfter.TwoQubitGates => NoiseModel.TwoQubitGates,
            _ => channel.ChannelQubits == 2 ? NoiseModel.TwoQubitGates : Array.Empty<GateKind>(),
        };
    }

    /// <summary>
    /// The noise model of <paramref name="declaration"/> for <paramref name="circuit"/>, with <paramref name="profile"/>
    /// (the parsed file of its <c>[DeviceProfile]</c>, or null when there is none).
    /// </summary>
    /// <exception cref="ArgumentException">The declaration has a problem <see cref="NoiseValidation"/> or <see cref="NoiseProfiles"/>
    /// reports (validate first), or an attribute did not bind.</exception>
    public static NoiseModel Build(NoiseDeclaration declaration, Circuit circuit, DeviceProfile? profile)
    {
        Guard.NotNull(declaration, nameof(declaration));
        Guard.NotNull(circuit, nameof(circuit));
        var model = new NoiseModel();
        if (declaration.Profile is { } declared)
        {
            if (profile is null)
            {
                throw new ArgumentException("The declaration names a device profile; pass the parsed profile.", nameof(profile));
            }

            model = profile.NoiseModelFor(circuit, declared.LayoutSet ? declared.Layout.Items : null);
        }

        foreach (var channel in declaration.Channels)
        {
            if (!channel.Bound)
            {
                throw new ArgumentException("[" + channel.AttributeName + "] has an argument that did not bind.", nameof(declaration));
            }

            var runtime = CreateChannel(channel.Kind, channel.Parameters);
            var kinds = KindsFollowed(channel);
            if (channel.QubitsSet)
            {
                // The runtime's qubit rule takes one kind at a time; a gate matches at most one of these rules, so the
                // channels land exactly where one rule over all the kinds would put them.
                var each = kinds.Count > 0 ? kinds : AllKinds();
                foreach (var kind in each)
                {
                    model = model.AfterEachOn(runtime, kind, channel.Qubits.Items.ToArray());
                }
            }
            else
            {
                model = model.AfterEach(runtime, kinds);
            }
        }

        if (declaration.Readouts.Count > 0)
        {
            var readout = model.Readout ?? ReadoutError.None(circuit.Qubits);
            foreach (var declaredReadout in declaration.Readouts)
            {
                if (!declaredReadout.Bound)
                {
                    throw new ArgumentException("[ReadoutError] has an argument that did not bind.", nameof(declaration));
                }

                var qubits = declaredReadout.QubitsSet ? declaredReadout.Qubits.Items : Enumerable.Range(0, circuit.Qubits);
                foreach (int q in qubits)
                {
                    readout = readout.With(q, declaredReadout.Probability1Given0, declaredReadout.Probability0Given1);
                }
            }

            model = model.WithReadout(readout);
        }

        return model;
    }

    private static GateKind[] AllKinds()
    {
        var all = new GateKind[(int)GateKind.CSWAP + 1];
        for (int k = 0; k < all.Length; k++)
        {
            all[k] = (GateKind)k;
        }

        return all;
    }
}
