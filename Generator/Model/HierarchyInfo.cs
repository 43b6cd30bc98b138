using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Model;

/// <summary>One type declaration to reopen: its keyword (<c>struct</c>, <c>record class</c>, …) and name.</summary>
internal sealed record TypeInfo(string Keyword, string Name) : System.IEquatable<TypeInfo>;

/// <summary>
/// Where a partial type lives: its namespace and the chain of containing types, outermost first, so the emitter can
/// reopen nested partial types without holding a symbol.
/// </summary>
internal sealed record HierarchyInfo(string Namespace, EquatableArray<TypeInfo> Types)
{
    /// <summary>The innermost type's metadata-style name, e.g. <c>Outer.Inner</c>.</summary>
    public string DisplayName => string.Join(".", System.Linq.Enumerable.Select(Types, t => t.Name));

    /// <summary>A file-name-safe hint, e.g. <c>MyApp.Outer.Inner</c>.</summary>
    public string HintName => (Namespace.Length == 0 ? "" : Namespace + ".") + DisplayName;

    public static HierarchyInfo From(INamedTypeSymbol type)
    {
        var types = new List<TypeInfo>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            types.Insert(0, new TypeInfo(Keyword(t), t.Name));
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        return new HierarchyInfo(ns, types.ToEquatableArray());
    }

    private static string Keyword(INamedTypeSymbol t) => (t.IsRecord, t.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (_, TypeKind.Struct) => "struct",
        (_, TypeKind.Interface) => "interface",
        _ => "class",
    };
}
