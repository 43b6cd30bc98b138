using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Model;
using NegLR.Generator.Parsing;
using NegLR.Generator.Pipeline;

namespace NegLR.Generator;

public sealed partial class NegLRGenerator
{
    /// <summary>
    /// The pipeline's first step, which the compiler runs for every [Ansatz] declaration on every compilation (each
    /// keystroke in an IDE): reads the declaration into an <see cref="AnsatzDeclaration"/>. It reads attributes and
    /// syntax and looks a few names up; the one expensive part, lowering the [Circuit] body, comes from
    /// <see cref="BodyCache"/> unless the body's file changed. Nothing here runs the body.
    /// </summary>
    internal static class Parser
    {
        /// <summary>The declaration, or null for a second [Ansatz] part of the same type (the first one speaks for it).</summary>
        public static AnsatzDeclaration? Parse(GeneratorAttributeSyntaxContext context, GeneratorCounters? counters, CancellationToken cancellationToken) =>
            Parse((INamedTypeSymbol)context.TargetSymbol, context.TargetNode, context.Attributes[0], context.SemanticModel, counters, cancellationToken);

        /// <summary>The same, from its parts (the harness's profile calls it without a generator driver).</summary>
        internal static AnsatzDeclaration? Parse(INamedTypeSymbol type, SyntaxNode target, AttributeData attribute, SemanticModel model,
            GeneratorCounters? counters, CancellationToken cancellationToken)
        {
            if (!IsFirstAnsatzPart(type, target, cancellationToken))
            {
                // [Ansatz] twice (a compiler error): one file, from the first, so hint names stay unique.
                return null;
            }

            var hierarchy = HierarchyInfo.From(type);
            int qubits = NamedInt(attribute, "Qubits", 0);
            var template = (AnsatzTemplate)NamedInt(attribute, "Template", 0);
            int layers = NamedInt(attribute, "Layers", 1);
            var observables = ReadObservables(type);
            var declaration = new AnsatzDeclaration(hierarchy, qubits, template, layers, observables, null, null, null, null,
                global::NegLR.Generator.Noise.NoiseInputs.Read(type, cancellationToken),
                global::NegLR.Generator.Noise.NoiseInputs.NoisyMemberClash(type));
            try
            {
                return Read(target, model, type, declaration, counters, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Never throw into the compiler: the analyzers report the cause; the stub explains it at run time.
                return declaration with { Failure = "internal error while reading the declaration (" + ex.GetType().Name + ")." };
            }
        }

        private static AnsatzDeclaration Read(SyntaxNode target, SemanticModel model, INamedTypeSymbol type, AnsatzDeclaration declaration,
            GeneratorCounters? counters, CancellationToken ct)
        {
            if (Omitted(target, type, declaration) is { } omitted)
            {
                return declaration with { Omitted = omitted };
            }

            if (!IsPartialEverywhere(type, ct))
            {
                return declaration with { Failure = $"{declaration.Hierarchy.DisplayName} (and every type containing it) must be declared partial." };
            }

            if (declaration.Qubits < 1 || declaration.Qubits > Circuit.MaxQubits)
            {
                return declaration with { Failure = $"Qubits = {Int(declaration.Qubits)} is outside 1 to {Int(Circuit.MaxQubits)}." };
            }

            if (declaration.Observables.Count == 0)
            {
                return declaration with { Failure = "it declares no [Observable(\"...\")] cost." };
            }

            var methods = CircuitMethods(type, model, counters, ct);
            if (declaration.Template != AnsatzTemplate.None)
            {
                return methods.Count > 0
                    ? declaration with { Failure = "it names a Template and also has a [Circuit] method; keep one." }
                    : declaration;
            }

            if (methods.Count != 1)
            {
                return declaration with { Failure = methods.Count == 0 ? "it has no [Circuit] method and no Template." : "it has more than one [Circuit] method." };
            }

            var (name, method) = methods[0];
            return declaration with { BuildMethod = HierarchyInfo.Escape(name), Body = method.Model, Failure = method.Failure };
        }

        /// <summary>
        /// Why no code at all can be generated for this declaration, or null. Each is a declaration the analyzers reject
        /// with their own diagnostic; generated code (even a stub) would only add compiler errors inside a generated file.
        /// </summary>
        internal static string? Omitted(SyntaxNode target, INamedTypeSymbol type, AnsatzDeclaration declaration)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType)
                {
                    return "a generic type (or one inside a generic type) cannot be an ansatz.";
                }
            }

            if (type.IsRefLikeType)
            {
                return "a ref struct cannot implement IAnsatz.";
            }

            if (type.IsStatic)
            {
                return "a static class cannot implement IAnsatz.";
            }

            if (target.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: var version }
                && (int)version < GeneratedMembers.MinimumLanguageVersion)
            {
                return "the project's LangVersion is older than C# 11, which the generated code needs.";
            }

            var observableNames = declaration.Observables.Select(o => o.Name).ToList();

            // Names first (the declarations already hold them): symbols are made only for a name that could clash.
            foreach (var member in type.MemberNames.Any(n => GeneratedMembers.MayClash(n, observableNames)) ? type.GetMembers() : ImmutableArray<ISymbol>.Empty)
            {
                if (member.IsImplicitlyDeclared || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary })
                {
                    continue;
                }

                var parameters = member is IMethodSymbol method ? method.Parameters.Select(p => p.Type.ToDisplayString()).ToList() : null;
                if (GeneratedMembers.Clashes(member.Name, parameters, observableNames))
                {
                    return $"the member '{member.Name}' has the name of a generated member.";
                }
            }

            foreach (var observable in declaration.Observables)
            {
                if (!SyntaxFacts.IsValidIdentifier(observable.Name) || SyntaxFacts.GetKeywordKind(observable.Name) != SyntaxKind.None)
                {
                    return $"the observable name \"{observable.Name}\" is not a C# identifier.";
                }
            }

            return null;
        }

        /// <summary>
        /// The methods marked [Circuit], by name, as <see cref="BodyCache"/> read them. Only methods that carry attributes are
        /// looked at, and an unedited one is not bound again, so a keystroke elsewhere costs a table lookup per method.
        /// </summary>
        internal static List<(string Name, CircuitMethodInfo Method)> CircuitMethods(INamedTypeSymbol type, SemanticModel targetModel,
            GeneratorCounters? counters, CancellationToken ct)
        {
            var found = new List<(string, CircuitMethodInfo)>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(ct) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                SemanticModel? model = null;
                foreach (var member in declaration.Members)
                {
                    if (member is not MethodDeclarationSyntax { AttributeLists.Count: > 0 } syntax)
                    {
                        continue;
                    }

                    model ??= syntax.SyntaxTree == targetModel.SyntaxTree ? targetModel : targetModel.Compilation.GetSemanticModel(syntax.SyntaxTree);
                    var method = BodyCache.Get(syntax, model, counters, ct);
                    if (method.IsCircuit)
                    {
                        found.Add((syntax.Identifier.ValueText, method));
                    }
                }
            }

            return found;
        }

        /// <summary>
        /// Whether <paramref name="target"/> is the first declaration of the type (in declaration order) that carries
        /// [Ansatz]: a type with the attribute on two parts (a compiler error) still gets one file, not a hint-name clash.
        /// </summary>
        internal static bool IsFirstAnsatzPart(INamedTypeSymbol type, SyntaxNode target, CancellationToken ct)
        {
            if (type.DeclaringSyntaxReferences.Length == 1)
            {
                return true;
            }

            var applications = type.GetAttributes()
                .Where(a => IsNegLRAttribute(a.AttributeClass, "AnsatzAttribute") && a.ApplicationSyntaxReference is not null)
                .Select(a => a.ApplicationSyntaxReference!)
                .ToList();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(ct);
                if (applications.Any(a => a.SyntaxTree == declaration.SyntaxTree && declaration.Span.Contains(a.Span)))
                {
                    return declaration == target;
                }
            }

            return true;
        }

        internal static EquatableArray<ObservableSpec> ReadObservables(INamedTypeSymbol type)
        {
            var list = new List<ObservableSpec>();
            foreach (var a in type.GetAttributes())
            {
                if (!IsNegLRAttribute(a.AttributeClass, "ObservableAttribute") || a.ConstructorArguments.Length != 1)
                {
                    continue;
                }

                string text = a.ConstructorArguments[0].Value as string ?? "";
                string? name = a.NamedArguments.FirstOrDefault(n => n.Key == "Name").Value.Value as string;
                list.Add(new ObservableSpec(name ?? (list.Count == 0 ? "Cost" : "Observable" + Int(list.Count)), text));
            }

            return list.ToEquatableArray();
        }

        internal static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken ct)
        {
            for (var t = type; t is not null; t = t.ContainingType)
            {
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(ct) is TypeDeclarationSyntax decl && !decl.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Whether <paramref name="attribute"/> is <c>NegLR.{name}</c>, compared by name parts: the same test as comparing
        /// <c>ToDisplayString()</c> with the metadata name, without building a string per attribute on every keystroke.
        /// </summary>
        internal static bool IsNegLRAttribute(INamedTypeSymbol? attribute, string name) =>
            attribute is { IsGenericType: false, ContainingType: null, ContainingNamespace: { Name: "NegLR", ContainingNamespace.IsGlobalNamespace: true } }
            && attribute.Name == name;

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

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
