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
using NegLR.Analyzers.Declarations;
using NegLR.Generator;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// Reads <c>[Ansatz]</c> types into <see cref="AnsatzDeclaration"/>s, once per compilation: the rule families share
/// one read of the type (attributes, shape, template) and one run of its [Circuit] body, so adding a family costs no
/// second read. The type is read from its symbol, the body from the method's syntax with the semantic model its
/// analysis callback brings; nothing here waits for or reads the generator's own partial part.
/// </summary>
internal static class AnsatzReader
{
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<INamedTypeSymbol, Entry>> Cache = new();

    private static long _typeReads;
    private static long _bodyReads;

    /// <summary>Type reads so far in this process (for the tests that check the families share them).</summary>
    public static long TypeReads => Interlocked.Read(ref _typeReads);

    /// <summary>Body reads so far in this process (for the tests that check the families share them).</summary>
    public static long BodyReads => Interlocked.Read(ref _bodyReads);

    /// <summary>The declaration of <paramref name="type"/> (without its body), read on first request in this compilation.</summary>
    public static AnsatzDeclaration Get(Compilation compilation, KnownSymbols known, INamedTypeSymbol type, AttributeData ansatz,
        CancellationToken cancellationToken)
    {
        var entry = EntryFor(compilation, type);
        if (Volatile.Read(ref entry.Declaration) is { } cached)
        {
            return cached;
        }

        // The families' callbacks for one type run concurrently: the first reads, the others wait for its answer rather
        // than reading again. A cancelled read stores nothing, so the next family reads with its own token.
        lock (entry)
        {
            if (entry.Declaration is { } read)
            {
                return read;
            }

            read = Read(known, type, ansatz, cancellationToken);
            Interlocked.Increment(ref _typeReads);
            Volatile.Write(ref entry.Declaration, read);
            return read;
        }
    }

    /// <summary>
    /// <paramref name="declaration"/> with the body of its compiled [Circuit] method (<paramref name="method"/>, which
    /// must be <see cref="AnsatzDeclaration.CompiledCircuitMethod"/>) read, on first request in this compilation.
    /// </summary>
    public static AnsatzDeclaration GetWithBody(Compilation compilation, AnsatzDeclaration declaration, CircuitMethodSyntax method,
        CancellationToken cancellationToken)
    {
        var entry = EntryFor(compilation, declaration.Type);
        if (Volatile.Read(ref entry.WithBody) is { } cached)
        {
            return cached;
        }

        lock (entry.BodyLock)
        {
            if (entry.WithBody is { } read)
            {
                return read;
            }

            read = ReadBody(declaration, method, cancellationToken);
            Interlocked.Increment(ref _bodyReads);
            Volatile.Write(ref entry.WithBody, read);
            return read;
        }
    }

    private static Entry EntryFor(Compilation compilation, INamedTypeSymbol type)
    {
        var perCompilation = Cache.GetValue(compilation, static _ => new ConcurrentDictionary<INamedTypeSymbol, Entry>(SymbolEqualityComparer.Default));
        return perCompilation.GetOrAdd(type, static _ => new Entry());
    }

    private sealed class Entry
    {
        public readonly object BodyLock = new();
        public AnsatzDeclaration? Declaration;
        public AnsatzDeclaration? WithBody;
    }

    private static AnsatzDeclaration Read(KnownSymbols known, INamedTypeSymbol type, AttributeData ansatz, CancellationToken cancellationToken)
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
            // The generator's own methods carry no [Circuit]: they are skipped by location, not asked for their attributes.
            var methods = type.GetMembers().OfType<IMethodSymbol>()
                .Where(m => m.Locations.Length > 0 && !GeneratedMembers.IsGenerated(m.Locations[0].SourceTree) && known.IsCircuitMethod(m))
                .ToImmutableArray();
            var observables = type.GetAttributes()
                .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.ObservableAttribute))
                .Select(a => ObservableDeclaration.Read(a, cancellationToken))
                .ToImmutableArray();
            var declaringTree = attribute?.SyntaxTree ?? (type.Locations.Length > 0 ? type.Locations[0].SourceTree : null);
            var shape = TypeShape.Read(type, known, observables.Length, declaringTree, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();

            long templateGates = 0;
            Circuit? circuit = null;
            if (template != AnsatzTemplate.None && methods.IsEmpty && layers >= 1 && qubits >= 1 && qubits <= Circuit.MaxQubits
                && Enum.IsDefined(typeof(AnsatzTemplate), template))
            {
                // Counted before it is built: every template records the same gates per layer, so one layer tells what
                // Layers = 100000 would cost, and a template beyond the gate budget is never expanded (NLR0010 says so).
                templateGates = TemplateGates(template, qubits, layers);
                if (templateGates <= CircuitBodyReader.DefaultGateBudget)
                {
                    circuit = Templates.Build(template, qubits, layers);
                }
            }

            var noise = NoiseDeclarationReader.Read(type.GetAttributes(), cancellationToken);
            return new AnsatzDeclaration(type, attribute, qubits, qubitsArgument, template, templateArgument, layers, layersArgument,
                nonPartial, methods, observables, shape, templateGates, circuit, null, noise);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            return Failed(type, attribute, qubits, qubitsArgument, template, templateArgument, layers, layersArgument, exception);
        }
    }

    /// <summary>The gates <paramref name="layers"/> layers of <paramref name="template"/> record: layers × the gates of one layer.</summary>
    public static long TemplateGates(AnsatzTemplate template, int qubits, int layers) =>
        (long)layers * Templates.Build(template, qubits, 1).Gates.Count;

    /// <summary>The most layers of <paramref name="template"/> on <paramref name="qubits"/> qubits within the gate budget.</summary>
    public static int MaxTemplateLayers(AnsatzTemplate template, int qubits)
    {
        int perLayer = Templates.Build(template, qubits, 1).Gates.Count;
        return perLayer == 0 ? int.MaxValue : CircuitBodyReader.DefaultGateBudget / perLayer;
    }

    private static AnsatzDeclaration ReadBody(AnsatzDeclaration declaration, CircuitMethodSyntax method, CancellationToken cancellationToken)
    {
        if (declaration.Failure is not null)
        {
            return declaration;
        }

        try
        {
            // With a qubit count out of range (its own error) the body is still checked for constructs, on the widest register.
            // The compiler's errors are asked for only when something looks wrong: a clean body is not bound twice.
            int registers = declaration.QubitsInRange ? declaration.Qubits : Circuit.MaxQubits;
            var body = CircuitBodyReader.Read(method.Syntax, method.Model, registers, cancellationToken, checkCompilerErrors: false);
            if (!body.Succeeded || method.Syntax.ContainsDiagnostics)
            {
                body = CircuitBodyReader.Read(method.Syntax, method.Model, registers, cancellationToken);
            }

            return declaration.WithBody(method.Syntax, body);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            var d = declaration;
            return Failed(d.Type, d.Attribute, d.Qubits, d.QubitsArgument, d.Template, d.TemplateArgument, d.Layers, d.LayersArgument, exception);
        }
    }

    private static AnsatzDeclaration Failed(INamedTypeSymbol type, AttributeSyntax? attribute, int qubits, AttributeArgumentSyntax? qubitsArgument,
        AnsatzTemplate template, AttributeArgumentSyntax? templateArgument, int layers, AttributeArgumentSyntax? layersArgument, Exception exception) =>
        new(type, attribute, qubits, qubitsArgument, template, templateArgument, layers, layersArgument,
            ImmutableArray<(SyntaxToken, string)>.Empty, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<ObservableDeclaration>.Empty,
            TypeShape.None, 0, null, exception.GetType().Name + ": " + exception.Message);

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
    private KnownSymbols(INamedTypeSymbol ansatz, INamedTypeSymbol circuit, INamedTypeSymbol observable, INamedTypeSymbol? ansatzInterface)
    {
        AnsatzAttribute = ansatz;
        CircuitAttribute = circuit;
        ObservableAttribute = observable;
        AnsatzInterface = ansatzInterface;
        AnsatzInterfaceMembers = ansatzInterface is null
            ? ImmutableHashSet<string>.Empty
            : ansatzInterface.GetMembers().Where(m => !m.IsImplicitlyDeclared).Select(m => m.Name).ToImmutableHashSet(StringComparer.Ordinal);
    }

    public INamedTypeSymbol AnsatzAttribute { get; }

    public INamedTypeSymbol CircuitAttribute { get; }

    public INamedTypeSymbol ObservableAttribute { get; }

    /// <summary><c>NegLR.IAnsatz</c>, which every generated ansatz implements (null with an older NegLR).</summary>
    public INamedTypeSymbol? AnsatzInterface { get; }

    /// <summary>The names of <see cref="AnsatzInterface"/>'s members: the generated code declares each of them.</summary>
    public ImmutableHashSet<string> AnsatzInterfaceMembers { get; }

    /// <summary>The NegLR attribute types of <paramref name="compilation"/>, looked up once per compilation for every family.</summary>
    public static KnownSymbols? Create(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new Box(Find(c))).Value;

    private static readonly ConditionalWeakTable<Compilation, Box> PerCompilation = new();

    private static KnownSymbols? Find(Compilation compilation) =>
        compilation.GetTypeByMetadataName("NegLR.AnsatzAttribute") is { } ansatz
        && compilation.GetTypeByMetadataName("NegLR.CircuitAttribute") is { } circuit
        && compilation.GetTypeByMetadataName("NegLR.ObservableAttribute") is { } observable
            ? new KnownSymbols(ansatz, circuit, observable, compilation.GetTypeByMetadataName("NegLR.IAnsatz"))
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
