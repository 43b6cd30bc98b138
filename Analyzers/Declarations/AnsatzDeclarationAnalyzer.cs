using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Declarations;

/// <summary>
/// NLR00xx: the declaration itself — partial, qubit count, one circuit (method or template, a template's layers within
/// the gate budget), the [Circuit] signature, the observables (parse errors pointed at the offending characters inside
/// the string), and what keeps the generator from completing the type: type parameters, a ref struct or static class,
/// a member named like a generated one, a C# version older than the generated code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AnsatzDeclarationAnalyzer : AnsatzAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = With(
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.QubitCountOutOfRange,
        DiagnosticDescriptors.MissingCircuit,
        DiagnosticDescriptors.SeveralCircuits,
        DiagnosticDescriptors.InvalidCircuitSignature,
        DiagnosticDescriptors.ObservableDoesNotParse,
        DiagnosticDescriptors.ObservableQubitOutOfRange,
        DiagnosticDescriptors.MissingObservable,
        DiagnosticDescriptors.TemplateAndCircuit,
        DiagnosticDescriptors.TemplateLayersOutOfRange,
        DiagnosticDescriptors.GenericAnsatz,
        DiagnosticDescriptors.AnsatzTypeKind,
        DiagnosticDescriptors.GeneratedMemberClash,
        DiagnosticDescriptors.LanguageVersionTooLow);

    /// <inheritdoc/>
    private protected override bool ReportsReaderFailure => true;

    /// <inheritdoc/>
    private protected override void AnalyzeType(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        string name = ansatz.Type.Name;
        foreach (var (identifier, typeName) in ansatz.NonPartial)
        {
            string containing = typeName == name ? "" : $", because it contains the [Ansatz] type '{name}'";
            sink.Report(DiagnosticDescriptors.NotPartial, identifier.GetLocation(), typeName, containing);
        }

        Shape(ansatz, sink);
        if (!ansatz.QubitsInRange)
        {
            string message = ansatz.QubitsArgument is null
                ? "[Ansatz] needs the number of qubits: write [Ansatz(Qubits = n)] with n from 1 to 30"
                : $"Qubits = {Int(ansatz.Qubits)} is outside 1 to {Int(Circuit.MaxQubits)}";
            sink.Report(DiagnosticDescriptors.QubitCountOutOfRange, ansatz.QubitsLocation, message);
        }

        Circuits(ansatz, sink);
        Observables(ansatz, sink, cancellationToken);
    }

    /// <inheritdoc/>
    private protected override void AnalyzeBody(AnsatzDeclaration ansatz, AnalyzerSettings settings, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        foreach (var problem in ansatz.Body!.Problems)
        {
            if (problem.Kind == BodyProblemKind.InvalidSignature)
            {
                sink.Report(DiagnosticDescriptors.InvalidCircuitSignature, problem.Location, problem.Message);
            }
        }

        // Channels written in the body make the ansatz noisy even with no noise attribute (declared noise was handled
        // with the type).
        if (ansatz.Noise.IsEmpty && ansatz.Circuit is { HasChannels: true })
        {
            NoisyClashes(ansatz, sink);
        }
    }

    /// <summary>NLR0011–NLR0014: what about the type keeps the generator from completing it.</summary>
    private static void Shape(AnsatzDeclaration ansatz, DiagnosticSink sink)
    {
        var shape = ansatz.Shape;
        string name = ansatz.Type.Name;
        if (shape.TypeParameters is { } typeParameters)
        {
            string message = shape.GenericType == name
                ? $"The [Ansatz] type '{name}' has type parameters, but an ansatz is one circuit compiled into one concrete type; remove the type parameters"
                : $"The [Ansatz] type '{name}' is nested in the generic type '{shape.GenericType}', so it has that type's parameters too; move it out of the generic type";
            sink.Report(DiagnosticDescriptors.GenericAnsatz, typeParameters, message + " (no code is generated for it)");
        }

        if (shape.Kind is { } kind)
        {
            string why = kind == "ref struct"
                ? "a ref struct cannot be a type argument, so it could not be trained (Trainer<T>) or batched; declare it a plain 'partial struct'"
                : "a static class cannot implement IAnsatz or be a type argument; remove 'static'";
            sink.Report(DiagnosticDescriptors.AnsatzTypeKind, shape.KindModifier, name, kind, why + " (no code is generated for it)");
        }

        foreach (var (member, use) in shape.Clashes)
        {
            sink.Report(DiagnosticDescriptors.GeneratedMemberClash, member.Locations[0], Display(member), use);
        }

        if (!ansatz.Noise.IsEmpty)
        {
            NoisyClashes(ansatz, sink);
        }

        if (shape.LanguageVersion < GeneratedMembers.RequiredLanguageVersion)
        {
            sink.Report(DiagnosticDescriptors.LanguageVersionTooLow, ansatz.Attribute?.GetLocation() ?? ansatz.TypeLocation,
                $"This project compiles with {GeneratedMembers.Display(shape.LanguageVersion)}, but the code generated for '{name}' needs " +
                $"{GeneratedMembers.Display(GeneratedMembers.RequiredLanguageVersion)} or later (it implements IAnsatz's static abstract members); " +
                $"set <LangVersion>{GeneratedMembers.RequiredLanguageVersion.ToDisplayString()}</LangVersion> or later in the project file (no code is generated until then)");
        }
    }

    /// <summary>NLR0013 for the names only a noisy ansatz's generated part declares.</summary>
    private static void NoisyClashes(AnsatzDeclaration ansatz, DiagnosticSink sink)
    {
        foreach (var (member, use) in ansatz.Shape.NoisyClashes)
        {
            sink.Report(DiagnosticDescriptors.GeneratedMemberClash, member.Locations[0], Display(member), use);
        }
    }

    private static string Display(ISymbol member) => member.Name.IndexOf('.') >= 0 ? member.Name.Substring(member.Name.LastIndexOf('.') + 1) : member.Name;

    private static void Circuits(AnsatzDeclaration ansatz, DiagnosticSink sink)
    {
        var methods = ansatz.CircuitMethods;
        if (ansatz.Template != AnsatzTemplate.None)
        {
            foreach (var method in methods)
            {
                sink.Report(DiagnosticDescriptors.TemplateAndCircuit, ansatz.TemplateArgument?.GetLocation() ?? ansatz.TypeLocation,
                    method.Locations, ansatz.Type.Name, ansatz.Template, method.Name);
            }

            var layersAt = ansatz.LayersArgument?.GetLocation() ?? ansatz.TemplateArgument?.GetLocation();
            if (ansatz.Layers < 1)
            {
                sink.Report(DiagnosticDescriptors.TemplateLayersOutOfRange, layersAt, $"Layers = {Int(ansatz.Layers)}; a template needs at least one layer");
            }
            else if (ansatz.TemplateGates > CircuitBodyReader.DefaultGateBudget)
            {
                int most = AnsatzReader.MaxTemplateLayers(ansatz.Template, ansatz.Qubits);
                sink.Report(DiagnosticDescriptors.TemplateLayersOutOfRange, layersAt,
                    $"Layers = {Int(ansatz.Layers)} of {ansatz.Template} on {Int(ansatz.Qubits)} qubits would record {Long(ansatz.TemplateGates)} gates, " +
                    $"more than the {Long(CircuitBodyReader.DefaultGateBudget)} the generator unrolls; use at most {Int(most)} layers");
            }

            return;
        }

        if (methods.IsEmpty)
        {
            sink.Report(DiagnosticDescriptors.MissingCircuit, ansatz.TypeLocation, ansatz.Type.Name);
            return;
        }

        if (methods.Length > 1)
        {
            // On every [Circuit] method after the first, where the user removes the attribute or the method.
            for (int i = 1; i < methods.Length; i++)
            {
                sink.Report(DiagnosticDescriptors.SeveralCircuits, methods[i].Locations.Length > 0 ? methods[i].Locations[0] : ansatz.TypeLocation,
                    ansatz.Type.Name, Int(methods.Length));
            }
        }
    }

    private static void Observables(AnsatzDeclaration ansatz, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (ansatz.Observables.IsEmpty)
        {
            sink.Report(DiagnosticDescriptors.MissingObservable, ansatz.TypeLocation, ansatz.Type.Name);
            return;
        }

        foreach (var observable in ansatz.Observables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (observable.Error is { } error)
            {
                sink.Report(DiagnosticDescriptors.ObservableDoesNotParse, ErrorLocation(observable, error),
                    Printable.Of($"{error.Description} (at character {Int(error.Position)} of \"{observable.Text}\")"));
                continue;
            }

            if (!ansatz.QubitsInRange || observable.Terms is null)
            {
                continue;
            }

            int outside = 0;
            foreach (var term in observable.Terms)
            {
                outside |= term.Support >> ansatz.Qubits << ansatz.Qubits;
            }

            if (outside == 0)
            {
                continue;
            }

            foreach (var (start, end, qubit) in Operators(observable.Text))
            {
                if (((outside >> qubit) & 1) != 0)
                {
                    var location = observable.Map?.Locate(start, end) ?? observable.Location;
                    sink.Report(DiagnosticDescriptors.ObservableQubitOutOfRange, location,
                        Printable.Of(observable.Text.Substring(start, end - start)), Int(qubit), ansatz.Type.Name, Int(ansatz.Qubits - 1));
                }
            }
        }
    }

    /// <summary>The offending characters: the token at the error's position (a Pauli operator, a number), else one character.</summary>
    private static Location ErrorLocation(ObservableDeclaration observable, PauliParseError error)
    {
        if (observable.Map is not { } map)
        {
            return observable.Location;
        }

        string text = observable.Text;
        int start = error.Position;
        if (start >= text.Length)
        {
            // The text ended too early ("Z0 + Z"): point at what is unfinished, the last character.
            return text.Length == 0 ? map.Whole : map.Locate(text.Length - 1, text.Length);
        }

        int end = start + 1;
        if (char.IsLetter(text[start]))
        {
            while (end < text.Length && char.IsLetter(text[end]))
            {
                end++;
            }

            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }
        }
        else if (char.IsDigit(text[start]) || text[start] == '.')
        {
            while (end < text.Length && (char.IsDigit(text[end]) || text[end] == '.'))
            {
                end++;
            }
        }

        return map.Locate(start, end);
    }

    /// <summary>Each X, Y or Z operator of a parsed text, as (start, end, qubit).</summary>
    private static IEnumerable<(int Start, int End, int Qubit)> Operators(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = char.ToUpperInvariant(text[i]);
            if (c is not ('X' or 'Y' or 'Z') || i + 1 >= text.Length || !char.IsDigit(text[i + 1]))
            {
                continue;
            }

            int j = i + 1;
            long qubit = 0;
            while (j < text.Length && char.IsDigit(text[j]))
            {
                qubit = Math.Min((qubit * 10) + (text[j] - '0'), int.MaxValue);
                j++;
            }

            if (qubit < 31)
            {
                yield return (i, j, (int)qubit);
            }

            i = j - 1;
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Long(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
