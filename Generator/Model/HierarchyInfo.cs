using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NegLR.Generator.Model;

/// <summary>
/// One type declaration to reopen: its keyword (<c>struct</c>, <c>record class</c>, …), its name as written in C#
/// (keywords escaped: <c>@event</c>), and its part of a hint name (arity included, so <c>G`1</c> and <c>G</c> differ).
/// </summary>
internal sealed record TypeInfo(string Keyword, string Name, string? HintPart = null) : System.IEquatable<TypeInfo>;

/// <summary>
/// Where a partial type lives: its namespace and the chain of containing types, outermost first, so the emitter can
/// reopen nested partial types without holding a symbol.
/// </summary>
internal sealed record HierarchyInfo(string Namespace, EquatableArray<TypeInfo> Types)
{
    /// <summary>The innermost type's name with its containing types, e.g. <c>Outer.Inner</c> (for messages).</summary>
    public string DisplayName => string.Join(".", Types.Select(t => t.Name.TrimStart('@')));

    /// <summary>
    /// A hint name unique per type: namespace parts joined by '.', types by '+' (as in metadata names), so namespace
    /// <c>A</c> with type <c>B</c> and type <c>A</c> with nested <c>B</c> differ; characters a file name cannot hold become '_'.
    /// </summary>
    public string HintName => Sanitize((Namespace.Length == 0 ? "" : Namespace.Replace("@", "") + ".") + string.Join("+", Types.Select(t => t.HintPart ?? t.Name)));

    public static HierarchyInfo From(INamedTypeSymbol type)
    {
        var types = new List<TypeInfo>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            string hint = t.Arity == 0 ? t.Name : t.Name + "`" + t.Arity.ToString(CultureInfo.InvariantCulture);
            types.Insert(0, new TypeInfo(Keyword(t), Escape(t.Name), hint));
        }

        var parts = new List<string>();
        for (var n = type.ContainingNamespace; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
        {
            parts.Insert(0, Escape(n.Name));
        }

        return new HierarchyInfo(string.Join(".", parts), types.ToEquatableArray());
    }

    /// <summary><paramref name="name"/> as C# source: a keyword gets an '@' (<c>@class</c>).</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) is SyntaxKind.RecordKeyword
            ? "@" + name
            : name;

    private static string Sanitize(string hint)
    {
        var sb = new StringBuilder(hint.Length);
        bool replaced = false;
        foreach (char c in hint)
        {
            bool keep = (c is >= 'a' and <= 'z') || (c is >= 'A' and <= 'Z') || (c is >= '0' and <= '9') || c is '_' or '.' or '+' or '`';
            sb.Append(keep ? c : '_');
            replaced |= !keep;
        }

        if (replaced)
        {
            // Names that differ only in characters replaced above must still get different files.
            uint hash = 2166136261;
            foreach (char c in hint)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            sb.Append('_').Append(hash.ToString("x8", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
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
