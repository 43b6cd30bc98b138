using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Analyzers.Declarations;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// What about an <c>[Ansatz]</c> type itself keeps the generator from completing it: type parameters (its own or a
/// containing type's), a kind that cannot hold the generated members (ref struct, static class), user members named
/// like generated ones, and a C# version older than the generated code is written in. Read from symbols and the user's
/// own declarations only.
/// </summary>
internal sealed class TypeShape
{
    private TypeShape(Location? typeParameters, string? genericType, Location? kindModifier, string? kind,
        ImmutableArray<(ISymbol Member, string Use)> clashes, ImmutableArray<(ISymbol Member, string Use)> noisyClashes,
        LanguageVersion languageVersion)
    {
        TypeParameters = typeParameters;
        GenericType = genericType;
        KindModifier = kindModifier;
        Kind = kind;
        Clashes = clashes;
        NoisyClashes = noisyClashes;
        LanguageVersion = languageVersion;
    }

    /// <summary>Nothing known about the type (a declaration whose read failed).</summary>
    public static TypeShape None { get; } = new(null, null, null, null, ImmutableArray<(ISymbol, string)>.Empty,
        ImmutableArray<(ISymbol, string)>.Empty, LanguageVersion.Latest);

    /// <summary>The type parameter list of the ansatz or of the innermost generic type containing it.</summary>
    public Location? TypeParameters { get; }

    /// <summary>The name of the generic type (the ansatz or a containing type).</summary>
    public string? GenericType { get; }

    /// <summary>The modifier that makes the type unusable (<c>ref</c> of a ref struct, <c>static</c> of a static class).</summary>
    public Location? KindModifier { get; }

    /// <summary>"ref struct" or "static class"; null when the kind is fine.</summary>
    public string? Kind { get; }

    /// <summary>User members whose names the generated code needs, with what it needs them for.</summary>
    public ImmutableArray<(ISymbol Member, string Use)> Clashes { get; }

    /// <summary>
    /// User members named like the members only a noisy ansatz gets: clashes when the ansatz declares noise or its body
    /// writes channels (the analyzers report them once they know which).
    /// </summary>
    public ImmutableArray<(ISymbol Member, string Use)> NoisyClashes { get; }

    /// <summary>The C# version the declaring file is compiled with.</summary>
    public LanguageVersion LanguageVersion { get; }

    public static TypeShape Read(INamedTypeSymbol type, KnownSymbols known, int observables, SyntaxTree? declaringTree,
        CancellationToken cancellationToken)
    {
        Location? typeParameters = null;
        string? generic = null;
        for (var t = type; t is not null && typeParameters is null; t = t.ContainingType)
        {
            if (t.TypeParameters.Length == 0)
            {
                continue;
            }

            generic = t.Name;
            foreach (var reference in t.DeclaringSyntaxReferences)
            {
                if (!GeneratedMembers.IsGenerated(reference.SyntaxTree)
                    && reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax { TypeParameterList: { } list })
                {
                    typeParameters = list.GetLocation();
                    break;
                }
            }

            typeParameters ??= t.Locations.Length > 0 ? t.Locations[0] : Location.None;
        }

        string? kind = type.IsRefLikeType ? "ref struct" : type.IsStatic ? "static class" : null;
        Location? modifier = null;
        if (kind is not null)
        {
            var keyword = type.IsRefLikeType ? SyntaxKind.RefKeyword : SyntaxKind.StaticKeyword;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!GeneratedMembers.IsGenerated(reference.SyntaxTree) && reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
                {
                    foreach (var token in declaration.Modifiers)
                    {
                        if (token.IsKind(keyword))
                        {
                            modifier = token.GetLocation();
                            break;
                        }
                    }
                }

                if (modifier is not null)
                {
                    break;
                }
            }

            modifier ??= type.Locations.Length > 0 ? type.Locations[0] : Location.None;
        }

        var version = declaringTree?.Options is CSharpParseOptions parse ? parse.LanguageVersion : LanguageVersion.Latest;
        var (clashes, noisyClashes) = FindClashes(type, known, observables);
        return new TypeShape(typeParameters, generic, modifier, kind, clashes, noisyClashes, version);
    }

    private static (ImmutableArray<(ISymbol, string)> Clashes, ImmutableArray<(ISymbol, string)> Noisy) FindClashes(INamedTypeSymbol type,
        KnownSymbols known, int observables)
    {
        ImmutableArray<(ISymbol, string)>.Builder? clashes = null;
        ImmutableArray<(ISymbol, string)>.Builder? noisy = null;
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member is IMethodSymbol { AssociatedSymbol: not null } || member.Locations.Length == 0 || GeneratedMembers.IsGenerated(member.Locations[0].SourceTree)
                || !member.Locations[0].IsInSource)
            {
                continue;
            }

            string? use = ImplementsAnsatz(member, known)
                ? "an IAnsatz member the NegLR generator implements on every ansatz"
                : GeneratedMembers.Use(member.Name, observables, known.AnsatzInterfaceMembers);
            if (use is not null)
            {
                (clashes ??= ImmutableArray.CreateBuilder<(ISymbol, string)>()).Add((member, use));
            }
            else if (GeneratedMembers.NoisyUse(member.Name) is { } noisyUse)
            {
                (noisy ??= ImmutableArray.CreateBuilder<(ISymbol, string)>()).Add((member, noisyUse));
            }
        }

        return (clashes?.ToImmutable() ?? ImmutableArray<(ISymbol, string)>.Empty, noisy?.ToImmutable() ?? ImmutableArray<(ISymbol, string)>.Empty);
    }

    /// <summary>An explicit implementation of an <c>IAnsatz</c> member, which the generated part writes too.</summary>
    private static bool ImplementsAnsatz(ISymbol member, KnownSymbols known)
    {
        if (known.AnsatzInterface is not { } ansatz)
        {
            return false;
        }

        var implemented = member switch
        {
            IMethodSymbol m => m.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol p => p.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        foreach (var target in implemented)
        {
            if (SymbolEqualityComparer.Default.Equals(target.ContainingType, ansatz))
            {
                return true;
            }
        }

        return false;
    }
}
