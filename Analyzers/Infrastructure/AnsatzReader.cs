using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// Reads an <c>[Ansatz]</c> type into an <see cref="AnsatzDeclaration"/>, once per compilation: the five rule families
/// share one read (and one run of the [Circuit] body), so adding a family costs no second read.
/// </summary>
internal static class AnsatzReader
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, Entry>> Cache = new();

    /// <summary>The declaration of <paramref name="type"/>, read on first request in this compilation.</summary>
    public static AnsatzDeclaration Get(Compilation compilation, KnownSymbols known, INamedTypeSymbol type, AttributeData ansatz,
        CircuitMethodSyntax? circuitMethod, CancellationToken cancellationToken)
    {
        var perCompilation = Cache.GetValue(compilation, static _ => new ConcurrentDictionary<INamedTypeSymbol, Entry>(SymbolEqualityComparer.Default));
        var entry = perCompilation.GetOrAdd(type, static _ => new Entry());
        if (Volatile.Read(ref entry.Declaration) is { } cached)
        {
            return cached;
        }

        // The families' end actions for one type run concurrently: the first reads, the others wait for its answer
        // rather than reading again. A cancelled read stores nothing, so the next family reads with its own token.
        lock (entry)
        {
            if (entry.Declaration is { } read)
            {
                return read;
            }

            read = Read(known, type, ansatz, circuitMethod, cancellationToken);
            Volatile.Write(ref entry.Declaration, read);
            return read;
        }
    }

    private sealed class Entry
    {
        public AnsatzDeclaration? Declaration;
    }

    private static AnsatzDeclaration Read(KnownSymbols known, INamedTypeSymbol type, AttributeData ansatz, CircuitMethodSyntax? circuitMethod,
        CancellationToken cancellationToken)
    {
        var attribute = ansatz.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        int qubits = NamedInt(ansatz, "Qubits", 0);
        var template = (AnsatzTemplate)NamedInt(ansatz, "Template", 0);
        int layers = NamedInt(ansatz, "Layers", 1);
        var qubitsArgument = Argument(attribute, "Qubits");
        var templateArgument = Argument(attribute, "Template");
        var layersArgument = Argument(attribute, "Layers");
        try
        {
            var nonPartial = NonPartial(type, cancellationToken);
            var methods = type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.CircuitAttribute)))
                .ToImmutableArray();
            var observables = type.GetAttributes()
                .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.ObservableAttribute))
                .Select(a => ObservableDeclaration.Read(a, cancellationToken))
                .ToImmutableArray();
            cancellationToken.ThrowIfCancellationRequested();

            MethodDeclarationSyntax? syntax = null;
            BodyReadResult? body = null;
            Circuit? circuit = null;
            bool qubitsInRange = qubits >= 1 && qubits <= Circuit.MaxQubits;
            if (template == AnsatzTemplate.None && methods.Length == 1 && circuitMethod is { } method
                && SymbolEqualityComparer.Default.Equals(method.Symbol, methods[0]))
            {
                syntax = method.Syntax;

                // With a qubit count out of range (its own error) the body is still checked for constructs, on the widest register.
                // The compiler's errors are asked for only when something looks wrong: a clean body is not bound twice.
                int registers = qubitsInRange ? qubits : Circuit.MaxQubits;
                body = CircuitBodyReader.Read(syntax, method.Model, registers, cancellationToken, checkCompilerErrors: false);
                if (!body.Succeeded || syntax.ContainsDiagnostics)
                {
                    body = CircuitBodyReader.Read(syntax, method.Model, registers, cancellationToken);
                }

                circuit = qubitsInRange ? body.Circuit : null;
            }
            else if (template != AnsatzTemplate.None && methods.IsEmpty && layers >= 1 && qubitsInRange
                     && Enum.IsDefined(typeof(AnsatzTemplate), template)
                     && Templates.GateCount(template, qubits, layers) <= CircuitBodyReader.DefaultGateBudget)
            {
                circuit = Templates.Build(template, qubits, layers);
            }

            return new AnsatzDeclaration(type, attribute, qubits, qubitsArgument, template, templateArgument, layers, layersArgument,
                nonPartial, methods, observables, syntax, body, circuit, null);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return new AnsatzDeclaration(type, attribute, qubits, qubitsArgument, template, templateArgument, layers, layersArgument,
                ImmutableArray<(SyntaxToken, string)>.Empty, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ObservableDeclaration>.Empty,
                null, null, null, exception.GetType().Name + ": " + exception.Message);
        }
    }

    private static ImmutableArray<(SyntaxToken, string)> NonPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<(SyntaxToken, string)>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            foreach (var reference in t.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                {
                    result.Add((declaration.Identifier, t.Name));
                }
            }
        }

        return result.ToImmutable();
    }

    private static AttributeArgumentSyntax? Argument(AttributeSyntax? attribute, string name) =>
        attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

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

/// <summary>A [Circuit] method's declaration with the semantic model its analysis callback came with.</summary>
internal sealed class CircuitMethodSyntax
{
    public CircuitMethodSyntax(IMethodSymbol symbol, MethodDeclarationSyntax syntax, SemanticModel model)
    {
        Symbol = symbol;
        Syntax = syntax;
        Model = model;
    }

    public IMethodSymbol Symbol { get; }

    public MethodDeclarationSyntax Syntax { get; }

    public SemanticModel Model { get; }
}

/// <summary>The NegLR attribute types of a compilation; null when it does not reference NegLR.</summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(INamedTypeSymbol ansatz, INamedTypeSymbol circuit, INamedTypeSymbol observable)
    {
        AnsatzAttribute = ansatz;
        CircuitAttribute = circuit;
        ObservableAttribute = observable;
    }

    public INamedTypeSymbol AnsatzAttribute { get; }

    public INamedTypeSymbol CircuitAttribute { get; }

    public INamedTypeSymbol ObservableAttribute { get; }

    /// <summary>The NegLR attribute types of <paramref name="compilation"/>, looked up once per compilation for every family.</summary>
    public static KnownSymbols? Create(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new Box(Find(c))).Value;

    private static readonly ConditionalWeakTable<Compilation, Box> PerCompilation = new();

    private static KnownSymbols? Find(Compilation compilation) =>
        compilation.GetTypeByMetadataName("NegLR.AnsatzAttribute") is { } ansatz
        && compilation.GetTypeByMetadataName("NegLR.CircuitAttribute") is { } circuit
        && compilation.GetTypeByMetadataName("NegLR.ObservableAttribute") is { } observable
            ? new KnownSymbols(ansatz, circuit, observable)
            : null;

    private sealed class Box
    {
        public Box(KnownSymbols? value) => Value = value;

        public KnownSymbols? Value { get; }
    }

    /// <summary>The [Ansatz] attribute on <paramref name="type"/>, if any.</summary>
    public AttributeData? AnsatzOf(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, AnsatzAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    public bool IsCircuitMethod(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, CircuitAttribute))
            {
                return true;
            }
        }

        return false;
    }
}
