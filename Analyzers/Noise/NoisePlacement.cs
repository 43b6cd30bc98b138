using System;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using NegLR.Analyzers.Infrastructure;
using NegLR.Analyzers.Trainability;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Noise;

/// <summary>
/// The channels the runtime would place in a circuit for a declared noise model: the device profile's after each gate
/// (<see cref="DeviceProfile.ChannelsFor"/>, gate by gate — the runtime's per-gate rules, without its rule-by-gate
/// scan), then the attributes' rules (<see cref="NoiseModelBuilder"/> applied as the runtime applies them), plus any
/// channel the circuit records itself. Null when the declaration or profile has a problem (the NLR06xx rules report it).
/// </summary>
internal static class NoisePlacement
{
    /// <summary>The placed channels of <paramref name="ansatz"/>'s noise on <paramref name="circuit"/>, or null.</summary>
    public static List<PlacedChannel>? Place(AnsatzDeclaration ansatz, Circuit circuit, AnalyzerSettings settings, CancellationToken cancellationToken)
    {
        var noise = ansatz.Noise;
        if (noise.IsEmpty && !circuit.HasChannels)
        {
            return null;
        }

        if (NoiseValidation.Validate(noise, ansatz.Qubits).Count > 0 || noise.Channels.Any(c => !c.Bound) || noise.Readouts.Any(r => !r.Bound))
        {
            return null;
        }

        DeviceProfile? profile = null;
        int[]? layout = null;
        if (noise.Profile is { } declared)
        {
            profile = ProfileFiles.Load(declared, settings, cancellationToken, out var problem);
            if (profile is null || problem is not null || NoiseProfiles.Check(declared, profile, circuit.Qubits, circuit).Count > 0)
            {
                return null;
            }

            layout = declared.LayoutSet ? declared.Layout.Items.ToArray() : Enumerable.Range(0, circuit.Qubits).ToArray();
        }

        try
        {
            var placed = new List<PlacedChannel>();
            if (profile is not null)
            {
                for (int g = 0; g < circuit.Gates.Count; g++)
                {
                    var gate = circuit.Gates[g];
                    var device = gate.Qubits.Select(q => layout![q]).ToArray();
                    if (profile.Find(gate.Kind, device) is { } calibration)
                    {
                        foreach (var (channel, qubits) in profile.ChannelsFor(calibration, device, gate.Qubits))
                        {
                            placed.Add(new PlacedChannel(g + 1, channel, qubits.ToImmutableArray()));
                        }
                    }
                }
            }

            var model = NoiseModelBuilder.Build(noise with { Profile = null }, circuit, null);
            var noisy = model.Rules.IsEmpty ? circuit : model.ApplyTo(circuit);
            foreach (var c in noisy.Channels)
            {
                placed.Add(new PlacedChannel(c.Position, c.Channel, c.Qubits));
            }

            return placed;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
