using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Infrastructure;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Declarations;

/// <summary>
/// NLR00xx: the declaration itself — partial, qubit count, one circuit (method or template), the [Circuit] signature
/// and the observables, with parse errors pointed at the offending characters inside the string.
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
        DiagnosticDescriptors.TemplateLayersOutOfRange);

    /// <inheritdoc/>
    private protected override bool ReportsReaderFailure => true;

    /// <inheritdoc/>
    private protected override void Analyze(AnsatzDeclaration ansatz, AnalyzerSettings settings, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        string name = ansatz.Type.Name;
        foreach (var (identifier, typeName) in ansatz.NonPartial)
        {
            string containing = typeName == name ? "" : $", because it contains the [Ansatz] type '{name}'";
            report(Diagnostic.Create(DiagnosticDescriptors.NotPartial, identifier.GetLocation(), typeName, containing));
        }

        if (!ansatz.QubitsInRange)
        {
            string message = ansatz.QubitsArgument is null
                ? "[Ansatz] needs the number of qubits: write [Ansatz(Qubits = n)] with n from 1 to 30"
                : $"Qubits = {Int(ansatz.Qubits)} is outside 1 to {Int(Circuit.MaxQubits)}";
            report(Diagnostic.Create(DiagnosticDescriptors.QubitCountOutOfRange, ansatz.QubitsLocation, message));
        }

        Circuits(ansatz, report);
        Observables(ansatz, report, cancellationToken);
    }

    private static void Circuits(AnsatzDeclaration ansatz, Action<Diagnostic> report)
    {
        var methods = ansatz.CircuitMethods;
        if (ansatz.Template != AnsatzTemplate.None)
        {
            foreach (var method in methods)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.TemplateAndCircuit, ansatz.TemplateArgument?.GetLocation() ?? ansatz.TypeLocation,
                    method.Locations, ansatz.Type.Name, ansatz.Template, method.Name));
            }

            if (ansatz.Layers < 1)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.TemplateLayersOutOfRange, ansatz.LayersArgument?.GetLocation() ?? ansatz.TemplateArgument?.GetLocation(),
                    Int(ansatz.Layers)));
            }

            return;
        }

        if (methods.IsEmpty)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.MissingCircuit, ansatz.TypeLocation, ansatz.Type.Name));
            return;
        }

        if (methods.Length > 1)
        {
            // On every [Circuit] method after the first, where the user removes the attribute or the method.
            for (int i = 1; i < methods.Length; i++)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.SeveralCircuits, methods[i].Locations.Length > 0 ? methods[i].Locations[0] : ansatz.TypeLocation,
                    ansatz.Type.Name, Int(methods.Length)));
            }

            return;
        }

        if (ansatz.Body is { } body)
        {
            foreach (var problem in body.Problems)
            {
                if (problem.Kind == BodyProblemKind.InvalidSignature)
                {
                    report(Diagnostic.Create(DiagnosticDescriptors.InvalidCircuitSignature, problem.Location, problem.Message));
                }
            }
        }
    }

    private static void Observables(AnsatzDeclaration ansatz, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (ansatz.Observables.IsEmpty)
        {
            report(Diagnostic.Create(DiagnosticDescriptors.MissingObservable, ansatz.TypeLocation, ansatz.Type.Name));
            return;
        }

        foreach (var observable in ansatz.Observables)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (observable.Error is { } error)
            {
                report(Diagnostic.Create(DiagnosticDescriptors.ObservableDoesNotParse, ErrorLocation(observable, error),
                    $"{error.Description} (at character {Int(error.Position)} of \"{observable.Text}\")"));
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
                    report(Diagnostic.Create(DiagnosticDescriptors.ObservableQubitOutOfRange, location,
                        observable.Text.Substring(start, end - start), Int(qubit), ansatz.Type.Name, Int(ansatz.Qubits - 1)));
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
}
