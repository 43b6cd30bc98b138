using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Noise;

/// <summary>
/// NLR06xx: the noise declared on an [Ansatz] type — each channel's parameters (checked by the runtime's channel
/// factories), the gates and qubits it follows, the readout errors, and the device profile (found among the
/// AdditionalFiles, parsed with the runtime's parser, checked against the register, the layout and the circuit's
/// gates). Every problem is reported at the attribute argument it comes from. The declaration is read by the
/// generator's shared reader (<see cref="NoiseDeclarationReader"/>), once per type with the rest of the declaration.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoiseDeclarationAnalyzer : AnsatzAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = With(
        DiagnosticDescriptors.NoiseProbabilityOutOfRange,
        DiagnosticDescriptors.RelaxationTimesInvalid,
        DiagnosticDescriptors.TwoQubitNoiseAfterOneQubitGates,
        DiagnosticDescriptors.NoiseGatesNotFollowable,
        DiagnosticDescriptors.NoiseQubitOutOfRange,
        DiagnosticDescriptors.ReadoutProbabilityOutOfRange,
        DiagnosticDescriptors.ReadoutQubitOutOfRange,
        DiagnosticDescriptors.DeviceProfileMissing,
        DiagnosticDescriptors.DeviceProfileAmbiguous,
        DiagnosticDescriptors.DeviceProfileMalformed,
        DiagnosticDescriptors.DeviceProfileLacksQubits,
        DiagnosticDescriptors.DeviceLayoutInvalid,
        DiagnosticDescriptors.NoiseWithoutCircuit);

    /// <summary>The descriptor of each problem kind.</summary>
    internal static DiagnosticDescriptor DescriptorOf(NoiseProblemKind kind) => kind switch
    {
        NoiseProblemKind.ProbabilityOutOfRange => DiagnosticDescriptors.NoiseProbabilityOutOfRange,
        NoiseProblemKind.InvalidRelaxationTimes => DiagnosticDescriptors.RelaxationTimesInvalid,
        NoiseProblemKind.TwoQubitChannelAfterSingleQubitGates => DiagnosticDescriptors.TwoQubitNoiseAfterOneQubitGates,
        NoiseProblemKind.GatesNotFollowable => DiagnosticDescriptors.NoiseGatesNotFollowable,
        NoiseProblemKind.QubitOutOfRange => DiagnosticDescriptors.NoiseQubitOutOfRange,
        NoiseProblemKind.ReadoutProbabilityOutOfRange => DiagnosticDescriptors.ReadoutProbabilityOutOfRange,
        NoiseProblemKind.ReadoutQubitOutOfRange => DiagnosticDescriptors.ReadoutQubitOutOfRange,
        NoiseProblemKind.ProfileMissing => DiagnosticDescriptors.DeviceProfileMissing,
        NoiseProblemKind.ProfileAmbiguous => DiagnosticDescriptors.DeviceProfileAmbiguous,
        NoiseProblemKind.ProfileMalformed => DiagnosticDescriptors.DeviceProfileMalformed,
        NoiseProblemKind.ProfileLacksQubits => DiagnosticDescriptors.DeviceProfileLacksQubits,
        _ => DiagnosticDescriptors.DeviceLayoutInvalid,
    };

    /// <inheritdoc/>
    private protected override void AnalyzeType(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        var noise = ansatz.Noise;
        if (noise.IsEmpty)
        {
            return;
        }

        var attributes = ansatz.Type.GetAttributes();
        if (ansatz.Template == AnsatzTemplate.None && ansatz.CircuitMethods.IsEmpty)
        {
            foreach (int index in Indices(noise))
            {
                if (NoiseLocations.Attribute(attributes, index, cancellationToken) is { } attribute)
                {
                    sink.Report(DiagnosticDescriptors.NoiseWithoutCircuit, attribute.GetLocation(),
                        $"'{ansatz.Type.Name}' has no circuit (no Template and no [Circuit] method), so this noise applies to nothing; declare the circuit (NLR0003) or remove the noise attributes");
                }
            }

            return;
        }

        var problems = NoiseValidation.Validate(noise, ansatz.Qubits);
        if (noise.Profile is { } declared && ProfileProblems(ansatz, declared, settings, null, cancellationToken) is { } profileProblems)
        {
            problems.AddRange(profileProblems);
        }

        Report(problems, attributes, sink, null, cancellationToken);
    }

    /// <inheritdoc/>
    private protected override void AnalyzeBody(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        // With the body's circuit, the one check the declaration alone cannot make: a gate the profile does not calibrate.
        if (ansatz.Noise.Profile is not { } declared || ansatz.Circuit is not { } circuit
            || ProfileProblems(ansatz, declared, settings, null, cancellationToken) is not { Count: 0 })
        {
            return;
        }

        var withGates = ProfileProblems(ansatz, declared, settings, circuit, cancellationToken);
        if (withGates is { Count: > 0 })
        {
            Report(withGates, ansatz.Type.GetAttributes(), sink, ansatz.CircuitSyntax, cancellationToken);
        }
    }

    /// <summary>
    /// The profile's problems (resolution, parse, register and layout; with <paramref name="circuit"/>, calibrations),
    /// or null when the declaration's own layout or path is wrong (validation reports that) and the profile is not checked.
    /// </summary>
    private static List<NoiseProblem>? ProfileProblems(AnsatzDeclaration ansatz, DeclaredProfile declared, AnalyzerSettings settings, Circuit? circuit,
        CancellationToken cancellationToken)
    {
        if (!ansatz.QubitsInRange)
        {
            return null;
        }

        var profile = ProfileFiles.Load(declared, settings, cancellationToken, out var problem);
        if (problem is not null)
        {
            return new List<NoiseProblem> { problem };
        }

        return profile is null ? null : NoiseProfiles.Check(declared, profile, ansatz.Qubits, circuit);
    }

    private static void Report(List<NoiseProblem> problems, ImmutableArray<AttributeData> attributes, DiagnosticSink sink,
        Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax? body, CancellationToken cancellationToken)
    {
        foreach (var problem in problems)
        {
            if (NoiseLocations.Attribute(attributes, problem.AttributeIndex, cancellationToken) is not { } attribute)
            {
                continue;
            }

            // A calibration found missing from the body is reported where the attribute is when it is in the body's
            // file, else at the [Circuit] method: each file reports only what lies in it.
            var location = body is not null && attribute.SyntaxTree != body.SyntaxTree
                ? body.Identifier.GetLocation()
                : NoiseLocations.Of(attribute, problem.Argument);
            sink.Report(DescriptorOf(problem.Kind), location, problem.Message);
        }
    }

    private static IEnumerable<int> Indices(NoiseDeclaration noise)
    {
        foreach (var c in noise.Channels)
        {
            yield return c.AttributeIndex;
        }

        foreach (var r in noise.Readouts)
        {
            yield return r.AttributeIndex;
        }

        if (noise.Profile is { } p)
        {
            yield return p.AttributeIndex;
        }
    }
}
