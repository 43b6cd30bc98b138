using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using NegLR.Generator.Model;
using NegLR.Generator.Parsing;
using NegLR.Generator.Pipeline;

namespace NegLR.Generator;

public sealed partial class NegLRGenerator
{
    /// <summary>
    /// The pipeline's second step, run only when a declaration changed: runs the lowered [Circuit] body (or expands the
    /// template) on the linked <see cref="Circuit"/> and walks the cost's light cones, giving the
    /// <see cref="AnsatzSpec"/> the emitter writes. Any problem becomes the stub's message.
    /// </summary>
    internal static class Builder
    {
        public static AnsatzSpec Build(AnsatzDeclaration declaration, GeneratorCounters? counters, CancellationToken cancellationToken)
        {
            var spec = new AnsatzSpec(declaration.Hierarchy, declaration.Qubits, EquatableArray<Gate>.Empty, 0, 0, declaration.BuildMethod,
                declaration.Template, declaration.Layers, declaration.Observables, EquatableArray<LightConeSpec>.Empty, declaration.Failure,
                declaration.Omitted);
            if (declaration.Omitted is not null || declaration.Failure is not null)
            {
                return spec;
            }

            counters?.CountBuild();
            try
            {
                return Build(declaration, spec, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                return spec with { Failure = "internal error while building the circuit (" + ex.GetType().Name + ")." };
            }
        }

        private static AnsatzSpec Build(AnsatzDeclaration declaration, AnsatzSpec spec, CancellationToken ct)
        {
            Circuit circuit;
            if (declaration.Template != AnsatzTemplate.None)
            {
                if (!Enum.IsDefined(typeof(AnsatzTemplate), declaration.Template))
                {
                    return spec with { Failure = $"Template = {((int)declaration.Template).ToString(CultureInfo.InvariantCulture)} is not a template NegLR knows." };
                }

                if (declaration.Layers < 1)
                {
                    return spec with { Failure = $"Layers = {declaration.Layers.ToString(CultureInfo.InvariantCulture)}; a template needs at least one layer." };
                }

                // The template's size is known before it runs: a huge layer count is refused, not expanded.
                if (Templates.TryBuild(declaration.Template, declaration.Qubits, declaration.Layers, CircuitBodyReader.DefaultGateBudget, out var problem) is not { } built)
                {
                    return spec with { Failure = problem };
                }

                circuit = built;
            }
            else
            {
                var (run, failure) = CircuitBodyReader.Run(declaration.Body!, declaration.Qubits, ct);
                if (run is null)
                {
                    return spec with { Failure = failure ?? "its [Circuit] body could not be read." };
                }

                circuit = run;
            }

            ct.ThrowIfCancellationRequested();
            var cones = new List<LightConeSpec>();
            for (int i = 0; i < declaration.Observables.Count; i++)
            {
                var terms = ObservableTerms.Read(declaration.Observables[i], declaration.Qubits, out string? problem);
                if (terms is null)
                {
                    return spec with { Failure = problem };
                }

                if (i == 0)
                {
                    foreach (var (label, support) in terms)
                    {
                        ct.ThrowIfCancellationRequested();
                        var (mask, weights) = circuit.BackwardLightCone(support);
                        cones.Add(new LightConeSpec(label, mask, weights.ToEquatableArray()));
                    }
                }
            }

            if ((declaration.Noise is not null || circuit.HasChannels) && declaration.NoisyMemberClash is { } clash)
            {
                return spec with { Failure = $"the member '{clash}' has the name of a member generated for a noisy ansatz; rename it." };
            }

            return spec with
            {
                Gates = circuit.Gates.ToEquatableArray(),
                WeightCount = circuit.WeightCount,
                InputCount = circuit.InputCount,
                CostLightCones = cones.ToEquatableArray(),
                Noise = declaration.Noise is null && !circuit.HasChannels
                    ? null
                    : new global::NegLR.Generator.Noise.NoiseSpec(declaration.Noise ?? NoiseDeclaration.None, circuit.Channels.ToEquatableArray()),
            };
        }
    }
}
