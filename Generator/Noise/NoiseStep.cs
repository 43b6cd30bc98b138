using System;
using System.Linq;
using System.Threading;
using NegLR.Generator.Model;
using NegLR.Generator.Parsing;

namespace NegLR.Generator.Noise;

/// <summary>
/// The pipeline step between building an ansatz and emitting it, for noisy ansätze only: validates the declaration
/// with the analyzers' shared rules, resolves and parses the device profile among the AdditionalFiles, builds the
/// noise model on the circuit exactly as generated code will at run time, and records what the emitter needs. Any
/// problem becomes the stub's message (the analyzers report it at the attribute); nothing is thrown into the compiler.
/// An ideal spec passes through unchanged.
/// </summary>
internal static class NoiseStep
{
    public static AnsatzSpec Apply(AnsatzSpec spec, ProjectProfiles profiles, CancellationToken cancellationToken)
    {
        if (spec.Noise is not { } noise || spec.Failure is not null || spec.Omitted is not null)
        {
            return spec;
        }

        try
        {
            return Resolve(spec, noise, profiles, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception e)
        {
            return spec with { Failure = "its noise could not be applied (" + e.GetType().Name + ": " + FirstLine(e.Message) + ")." };
        }
    }

    private static AnsatzSpec Resolve(AnsatzSpec spec, NoiseSpec noise, ProjectProfiles profiles, CancellationToken ct)
    {
        var declaration = noise.Declaration;
        if (spec.Qubits > MaxQubits)
        {
            return spec with
            {
                Failure = $"a noisy ansatz runs on the density matrix, which holds at most {MaxQubits} qubits; this one has {spec.Qubits}. " +
                          "Use TrajectorySimulator on CreateCircuit() with a NoiseModel for larger registers.",
            };
        }

        if (declaration.Channels.Any(c => !c.Bound) || declaration.Readouts.Any(r => !r.Bound))
        {
            return spec with { Failure = "an argument of a noise attribute is not a constant." };
        }

        var problems = NoiseValidation.Validate(declaration, spec.Qubits);
        if (problems.Count > 0)
        {
            return spec with { Failure = "its noise declaration is invalid: " + problems[0].Message };
        }

        ct.ThrowIfCancellationRequested();
        var circuit = Rebuild(spec, noise);
        string? text = null;
        DeviceProfile? profile = null;
        if (declaration.Profile is { } declared)
        {
            var resolution = NoiseProfiles.Resolve(declared, profiles.Paths, profiles.ProjectDirectory);
            if (resolution.Problem is { } missing)
            {
                return spec with { Failure = missing.Message };
            }

            text = profiles.Files[resolution.Index].Text;
            profile = NoiseProfiles.Parse(declared, text, out var malformed);
            if (profile is null)
            {
                return spec with { Failure = malformed?.Message ?? "the device profile could not be read." };
            }

            var checks = NoiseProfiles.Check(declared, profile, spec.Qubits, circuit);
            if (checks.Count > 0)
            {
                return spec with { Failure = checks[0].Message };
            }
        }

        ct.ThrowIfCancellationRequested();
        var model = NoiseModelBuilder.Build(declaration, circuit, profile);
        var noisy = model.ApplyTo(circuit);
        return spec with
        {
            Noise = noise with { ProfileText = text, Channels = noisy.Channels.Count, HasReadout = model.Readout is not null, Resolved = true },
        };
    }

    /// <summary>The density matrix's limit (DensityMatrix.MaxQubits, which is not linked into the generator).</summary>
    internal const int MaxQubits = 15;

    /// <summary>The circuit with the body's channels where the body wrote them (a channel at position p follows gate p − 1).</summary>
    internal static Circuit Rebuild(AnsatzSpec spec, NoiseSpec noise)
    {
        var circuit = new Circuit(spec.Qubits);
        int c = 0;
        var channels = noise.BodyChannels;
        for (int g = 0; g < spec.Gates.Count; g++)
        {
            for (; c < channels.Count && channels[c].Position <= g; c++)
            {
                circuit.Channel(channels[c].Channel, channels[c].Qubits.ToArray());
            }

            var gate = spec.Gates[g];
            circuit.Append(gate.Kind, gate.Qubits, gate.Angles, gate.PauliWord);
        }

        for (; c < channels.Count; c++)
        {
            circuit.Channel(channels[c].Channel, channels[c].Qubits.ToArray());
        }

        return circuit;
    }

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }
}
