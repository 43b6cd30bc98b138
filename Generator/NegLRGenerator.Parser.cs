using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Model;
using NegLR.Generator.Parsing;

namespace NegLR.Generator;

public sealed partial class NegLRGenerator
{
    /// <summary>Reads one [Ansatz] declaration into an <see cref="AnsatzSpec"/>; any problem becomes <c>Failure</c>.</summary>
    internal static class Parser
    {
        public static AnsatzSpec Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            var hierarchy = HierarchyInfo.From(type);
            var attribute = context.Attributes[0];
            int qubits = NamedInt(attribute, "Qubits", 0);
            var template = (AnsatzTemplate)NamedInt(attribute, "Template", 0);
            int layers = NamedInt(attribute, "Layers", 1);
            var observables = ReadObservables(type);

            try
            {
                return Build(context, type, hierarchy, qubits, template, layers, observables, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Never throw into the compiler: the analyzers report the cause; the stub explains it at run time.
                return Failed(hierarchy, qubits, template, layers, observables, null, "internal error while reading the declaration (" + ex.GetType().Name + ").");
            }
        }

        private static AnsatzSpec Build(GeneratorAttributeSyntaxContext context, INamedTypeSymbol type, HierarchyInfo hierarchy, int qubits,
            AnsatzTemplate template, int layers, EquatableArray<ObservableSpec> observables, CancellationToken ct)
        {
            if (!IsPartialEverywhere(type, ct))
            {
                return Failed(hierarchy, qubits, template, layers, observables, null, $"{hierarchy.DisplayName} (and every type containing it) must be declared partial.");
            }

            if (qubits < 1 || qubits > Circuit.MaxQubits)
            {
                return Failed(hierarchy, qubits, template, layers, observables, null, $"Qubits = {qubits} is outside 1 to {Circuit.MaxQubits}.");
            }

            if (observables.Count == 0)
            {
                return Failed(hierarchy, qubits, template, layers, observables, null, "it declares no [Observable(\"...\")] cost.");
            }

            var methods = type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == CircuitAttributeName))
                .ToList();

            Circuit circuit;
            string? buildMethod = null;
            if (template != AnsatzTemplate.None)
            {
                if (methods.Count > 0)
                {
                    return Failed(hierarchy, qubits, template, layers, observables, null, "it names a Template and also has a [Circuit] method; keep one.");
                }

                if (layers < 1)
                {
                    return Failed(hierarchy, qubits, template, layers, observables, null, $"Layers = {layers}; a template needs at least one layer.");
                }

                circuit = Templates.Build(template, qubits, layers);
            }
            else
            {
                if (methods.Count != 1)
                {
                    return Failed(hierarchy, qubits, template, layers, observables, null,
                        methods.Count == 0 ? "it has no [Circuit] method and no Template." : "it has more than one [Circuit] method.");
                }

                var method = methods[0];
                buildMethod = method.Name;
                if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(ct) is not MethodDeclarationSyntax syntax)
                {
                    return Failed(hierarchy, qubits, template, layers, observables, buildMethod, "its [Circuit] method has no body to read.");
                }

                var model = context.SemanticModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
                var result = CircuitBodyReader.Read(syntax, model, qubits, ct);
                if (!result.Succeeded || result.Circuit is null)
                {
                    var first = result.Problems.FirstOrDefault();
                    return Failed(hierarchy, qubits, template, layers, observables, buildMethod,
                        first is null ? "its [Circuit] body could not be read." : first.Message);
                }

                circuit = result.Circuit;
            }

            ct.ThrowIfCancellationRequested();
            var cones = new List<LightConeSpec>();
            for (int i = 0; i < observables.Count; i++)
            {
                var terms = ObservableTerms.Read(observables[i], qubits, out string? problem);
                if (terms is null)
                {
                    return Failed(hierarchy, qubits, template, layers, observables, buildMethod, problem!);
                }

                if (i == 0)
                {
                    foreach (var (label, support) in terms)
                    {
                        var (mask, weights) = circuit.BackwardLightCone(support);
                        cones.Add(new LightConeSpec(label, mask, weights.ToEquatableArray()));
                    }
                }
            }

            return new AnsatzSpec(hierarchy, qubits, circuit.Gates.ToEquatableArray(), circuit.WeightCount, circuit.InputCount,
                circuit.Depth, circuit.Draw(), buildMethod, template, layers, observables, circuit.EntanglingDepth,
                cones.ToEquatableArray(), null);
        }

        private static AnsatzSpec Failed(HierarchyInfo hierarchy, int qubits, AnsatzTemplate template, int layers,
            EquatableArray<ObservableSpec> observables, string? buildMethod, string reason) =>
            new(hierarchy, qubits, EquatableArray<Gate>.Empty, 0, 0, 0, "", buildMethod, template, layers, observables, 0,
                EquatableArray<LightConeSpec>.Empty, reason);

        private static EquatableArray<ObservableSpec> ReadObservables(INamedTypeSymbol type)
        {
            var list = new List<ObservableSpec>();
            foreach (var a in type.GetAttributes())
            {
                if (a.AttributeClass?.ToDisplayString() != ObservableAttributeName || a.ConstructorArguments.Length != 1)
                {
                    continue;
                }

                string text = a.ConstructorArguments[0].Value as string ?? "";
                string? name = a.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value.Value as string;
                list.Add(new ObservableSpec(name ?? (list.Count == 0 ? "Cost" : "Observable" + list.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), text));
            }

            return list.ToEquatableArray();
        }

        private static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken ct)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(ct) is TypeDeclarationSyntax decl &&
                        !decl.Modifiers.Any(m => m.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.PartialKeyword)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static int NamedInt(AttributeData attribute, string name, int fallback)
        {
            foreach (var pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is int value)
                {
                    return value;
                }
            }

            return fallback;
        }
    }
}
