using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// Everything the analyzers know about one <c>[Ansatz]</c> type, read once per compilation and shared by every rule
/// family: the attribute's values and where they are written, the type's shape, the [Circuit] methods, the observables,
/// and the circuit — the template's, read with the type, or the body's, read with the [Circuit] method
/// (<see cref="WithBody"/>). Only symbols and the user's own syntax are read: never a generated file.
/// </summary>
internal sealed class AnsatzDeclaration
{
    public AnsatzDeclaration(INamedTypeSymbol type, AttributeSyntax? attribute, int qubits, AttributeArgumentSyntax? qubitsArgument,
        AnsatzTemplate template, AttributeArgumentSyntax? templateArgument, int layers, AttributeArgumentSyntax? layersArgument,
        ImmutableArray<(SyntaxToken Identifier, string TypeName)> nonPartial, ImmutableArray<IMethodSymbol> circuitMethods,
        ImmutableArray<ObservableDeclaration> observables, TypeShape shape, long templateGates, Circuit? circuit, string? failure,
        NoiseDeclaration? noise = null)
    {
        Noise = noise ?? NoiseDeclaration.None;
        Type = type;
        Attribute = attribute;
        Qubits = qubits;
        QubitsArgument = qubitsArgument;
        Template = template;
        TemplateArgument = templateArgument;
        Layers = layers;
        LayersArgument = layersArgument;
        NonPartial = nonPartial;
        CircuitMethods = circuitMethods;
        Observables = observables;
        Shape = shape;
        TemplateGates = templateGates;
        Circuit = circuit;
        Failure = failure;
    }

    private AnsatzDeclaration(AnsatzDeclaration type, MethodDeclarationSyntax circuitSyntax, BodyReadResult body, Circuit? circuit)
        : this(type.Type, type.Attribute, type.Qubits, type.QubitsArgument, type.Template, type.TemplateArgument, type.Layers,
            type.LayersArgument, type.NonPartial, type.CircuitMethods, type.Observables, type.Shape, 0, circuit, type.Failure, type.Noise)
    {
        CircuitSyntax = circuitSyntax;
        Body = body;
    }

    public INamedTypeSymbol Type { get; }

    /// <summary>The <c>[Ansatz(...)]</c> attribute as written.</summary>
    public AttributeSyntax? Attribute { get; }

    public int Qubits { get; }

    public AttributeArgumentSyntax? QubitsArgument { get; }

    public AnsatzTemplate Template { get; }

    public AttributeArgumentSyntax? TemplateArgument { get; }

    public int Layers { get; }

    public AttributeArgumentSyntax? LayersArgument { get; }

    /// <summary>Declarations (of the type or a type containing it) written without <c>partial</c>.</summary>
    public ImmutableArray<(SyntaxToken Identifier, string TypeName)> NonPartial { get; }

    public ImmutableArray<IMethodSymbol> CircuitMethods { get; }

    public ImmutableArray<ObservableDeclaration> Observables { get; }

    /// <summary>What about the type itself keeps the generator from completing it (generic, ref struct, a name it needs, …).</summary>
    public TypeShape Shape { get; }

    /// <summary>
    /// For a template: the gates its layers would record (counted from one layer, never by building them all); 0 when
    /// the template was not counted. Above the gate budget the template is not built and <see cref="Circuit"/> is null.
    /// </summary>
    public long TemplateGates { get; }

    /// <summary>The one [Circuit] method's declaration, on the declaration read with its body.</summary>
    public MethodDeclarationSyntax? CircuitSyntax { get; }

    /// <summary>What the reader made of the [Circuit] body, on the declaration read with its body.</summary>
    public BodyReadResult? Body { get; }

    /// <summary>The recorded circuit (template or body); null when the declaration or body has an error.</summary>
    public Circuit? Circuit { get; }

    /// <summary>
    /// The noise declared on the type (channel, readout and profile attributes), read by the generator's shared reader;
    /// attribute indices refer to <c>Type.GetAttributes()</c>. <see cref="NoiseDeclaration.None"/> for an ideal ansatz.
    /// </summary>
    public NoiseDeclaration Noise { get; }

    /// <summary>Set when reading the declaration threw: the analyzers report it once and analyse nothing else.</summary>
    public string? Failure { get; }

    /// <summary>The [Circuit] method whose body the generator compiles: exactly one, and no template.</summary>
    public IMethodSymbol? CompiledCircuitMethod => Template == AnsatzTemplate.None && CircuitMethods.Length == 1 ? CircuitMethods[0] : null;

    /// <summary>This declaration with the [Circuit] body read (the body's circuit when the qubit count allows one).</summary>
    public AnsatzDeclaration WithBody(MethodDeclarationSyntax syntax, BodyReadResult body) =>
        new(this, syntax, body, QubitsInRange ? body.Circuit : null);

    public bool QubitsInRange => Qubits >= 1 && Qubits <= Circuit.MaxQubits;

    /// <summary>The observables, all parsed and in range: the facts and trainability rules need them so.</summary>
    public bool ObservablesValid
    {
        get
        {
            if (Observables.IsEmpty)
            {
                return false;
            }

            foreach (var observable in Observables)
            {
                if (observable.Terms is null)
                {
                    return false;
                }

                foreach (var term in observable.Terms)
                {
                    if (QubitsInRange && (term.Support >> Qubits) != 0)
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }

    /// <summary>Where a diagnostic about the whole ansatz goes: the type's name in its first written declaration.</summary>
    public Location TypeLocation => Type.Locations.Length > 0 ? Type.Locations[0] : Location.None;

    /// <summary>Where a diagnostic about the qubit count goes: <c>Qubits = n</c>, else the attribute.</summary>
    public Location QubitsLocation => QubitsArgument?.GetLocation() ?? Attribute?.GetLocation() ?? TypeLocation;

    /// <summary>Where the circuit is described: the [Circuit] method's name, or <c>Template = …</c>.</summary>
    public Location CircuitLocation => CircuitSyntax?.Identifier.GetLocation() ?? TemplateArgument?.GetLocation() ?? TypeLocation;

    /// <summary>The location of the call that recorded gate <paramref name="gate"/> (the template argument for a template).</summary>
    public Location GateSite(int gate) =>
        Body is { GateSites: { IsEmpty: false } sites } && gate < sites.Length ? sites[gate] : _circuitSite ??= CircuitLocation;

    private Location? _circuitSite;

    private List<(Location Site, List<int> Gates)>? _gatesBySite;

    /// <summary>Gate indices grouped by the call that recorded them, in order of first gate (computed once; read-only).</summary>
    public List<(Location Site, List<int> Gates)> GatesBySite()
    {
        return _gatesBySite ??= Group();
    }

    private List<(Location Site, List<int> Gates)> Group()
    {
        var groups = new List<(Location, List<int>)>();

        // The reader shares one Location per call site, so identity is enough (and cheaper than comparing spans).
        var index = new Dictionary<Location, int>(ReferenceComparer.Instance);
        if (Circuit is null)
        {
            return groups;
        }

        for (int g = 0; g < Circuit.Gates.Count; g++)
        {
            var site = GateSite(g);
            if (!index.TryGetValue(site, out int i))
            {
                i = groups.Count;
                index.Add(site, i);
                groups.Add((site, new List<int>()));
            }

            groups[i].Item2.Add(g);
        }

        return groups;
    }

    private sealed class ReferenceComparer : IEqualityComparer<Location>
    {
        public static readonly ReferenceComparer Instance = new();

        public bool Equals(Location? x, Location? y) => ReferenceEquals(x, y);

        public int GetHashCode(Location obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }
}
