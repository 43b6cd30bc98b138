using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Parsing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NegLR.Generator.Pipeline;

/// <summary>
/// What a <c>[Circuit]</c> method means that is not written inside it: what each name it uses (other than its own
/// locals and parameter) resolves to, with constant values; the source members it reaches through a dot; the
/// references, global usings and overflow-checking default. The same method node means the same thing exactly when
/// all of these still hold.
/// </summary>
/// <remarks>
/// Checking must cost far less than binding the body again, so each name is checked the cheapest sound way:
/// <list type="bullet">
/// <item>a name no source file declares (<c>Circuit</c>, <c>Math</c>, <c>Rotation</c>) can only mean a referenced
/// symbol reached through this file's usings: it holds while no source declaration of it appears and the references
/// and global usings are the same (one declaration-table query);</item>
/// <item>a member of the method's own type declared in the method's own file (<c>const int Layers = 3;</c>) cannot be
/// shadowed from another file, and a literal initializer cannot change without this file changing: nothing to check;</item>
/// <item>anything else is looked up again in the method's scope, where a local of the body cannot shadow it (a use
/// that resolved to an outside symbol was not shadowed at its own position either).</item>
/// </list>
/// </remarks>
internal sealed class BodyDependencies
{
    private static readonly ConditionalWeakTable<Compilation, string> GlobalUsingsOf = new();

    // Whether source declares a name, asked once per compilation and name: the ansätze of a project share most names.
    private static readonly ConditionalWeakTable<Compilation, ConcurrentDictionary<string, bool>> DeclaredNames = new();

    private readonly bool _checkOverflow;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly string _globalUsings;
    private readonly string[] _undeclaredNames;
    private readonly (string Name, string Meaning)[] _names;
    private readonly (string Id, string Meaning)[] _members;
    private readonly (string Container, string Name, string Meaning)[] _unresolvedMembers;

    private BodyDependencies(Compilation compilation, string[] undeclared, (string, string)[] names, (string, string)[] members,
        (string, string, string)[] unresolvedMembers)
    {
        _checkOverflow = CheckOverflow(compilation);
        _references = compilation.ExternalReferences;
        _globalUsings = GlobalUsings(compilation);
        _undeclaredNames = undeclared;
        _names = names;
        _members = members;
        _unresolvedMembers = unresolvedMembers;
    }

    /// <summary>Records what <paramref name="method"/> (attributes included) depends on, in <paramref name="model"/>'s compilation.</summary>
    public static BodyDependencies Collect(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        var undeclared = new HashSet<string>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        var unresolved = new Dictionary<(string, string), string>();
        int position = Position(method);

        // A body too deep to read is a syntax-only verdict: asking the compiler about names inside it would bind the body,
        // and the compiler's own walk over thousands of nested blocks can exhaust the stack (a crash, not an error). Only the
        // method's attributes are recorded then.
        var nodes = CircuitBodyReader.TooDeep(method, cancellationToken) is null
            ? method.DescendantNodes()
            : method.AttributeLists.SelectMany(list => list.DescendantNodes());
        foreach (var node in nodes)
        {
            if (node is not SimpleNameSyntax name || name.Parent is NameColonSyntax or NameEqualsSyntax)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            string text = name.Identifier.ValueText;
            if (name.Parent is AttributeSyntax)
            {
                // [Circuit] binds CircuitAttribute first: a new declaration of either name could change it.
                Name(text + "Attribute");
                Name(text);
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol;
            if (IsMemberName(name, out var receiver))
            {
                if (symbol is null)
                {
                    // Not found as a member: an extension method added elsewhere could change that.
                    if (model.GetTypeInfo(receiver, cancellationToken).Type is { } container && DocumentationCommentId.CreateDeclarationId(container) is { } id)
                    {
                        unresolved[(id, text)] = Meaning(LookupMember(model, position, container, text));
                    }
                }
                else if (symbol.Locations.Any(l => l.IsInSource) && !IsInside(symbol, method)
                         && DocumentationCommentId.CreateDeclarationId(symbol.OriginalDefinition) is { } id)
                {
                    members[id] = Meaning(new[] { symbol.OriginalDefinition });
                }

                continue;
            }

            if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol
                || symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction }
                || (symbol is not null && IsInside(symbol, method))
                || (symbol is not null && IsStableOwnMember(symbol, method)))
            {
                continue;
            }

            Name(text);
        }

        void Name(string text)
        {
            if (!IsDeclared(compilation, text, cancellationToken))
            {
                undeclared.Add(text);
            }
            else if (!names.ContainsKey(text))
            {
                names.Add(text, Meaning(model.LookupSymbols(position, name: text)));
            }
        }

        return new BodyDependencies(compilation, undeclared.ToArray(), names.Select(p => (p.Key, p.Value)).ToArray(),
            members.Select(p => (p.Key, p.Value)).ToArray(), unresolved.Select(p => (p.Key.Item1, p.Key.Item2, p.Value)).ToArray());
    }

    /// <summary>Whether <paramref name="method"/> still means what it meant when these were recorded, in <paramref name="model"/>'s compilation.</summary>
    public bool StillHold(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        if (CheckOverflow(compilation) != _checkOverflow || compilation.ExternalReferences != _references
            || !string.Equals(GlobalUsings(compilation), _globalUsings, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string name in _undeclaredNames)
        {
            if (IsDeclared(compilation, name, cancellationToken))
            {
                return false;
            }
        }

        int position = Position(method);
        foreach (var (name, meaning) in _names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Meaning(model.LookupSymbols(position, name: name)) != meaning)
            {
                return false;
            }
        }

        foreach (var (id, meaning) in _members)
        {
            var symbol = DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation);
            if (symbol is null || Meaning(new[] { symbol }) != meaning)
            {
                return false;
            }
        }

        foreach (var (containerId, name, meaning) in _unresolvedMembers)
        {
            if (DocumentationCommentId.GetFirstSymbolForDeclarationId(containerId, compilation) is not ITypeSymbol container
                || Meaning(LookupMember(model, position, container, name)) != meaning)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Inside the method's declaration, before its body: the method's own scope, which the body's locals are not part of.</summary>
    private static int Position(MethodDeclarationSyntax method) => method.ParameterList.SpanStart;

    private static bool IsDeclared(Compilation compilation, string name, CancellationToken cancellationToken) =>
        DeclaredNames.GetValue(compilation, static _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal))
            .GetOrAdd(name, n => compilation.ContainsSymbolsWithName(n, SymbolFilter.All, cancellationToken));

    private static bool CheckOverflow(Compilation compilation) => compilation.Options is CSharpCompilationOptions { CheckOverflow: true };

    /// <summary>The text of every global using directive in the compilation (computed once per compilation).</summary>
    private static string GlobalUsings(Compilation compilation) => GlobalUsingsOf.GetValue(compilation, static c =>
    {
        var sb = new StringBuilder();
        foreach (var tree in c.SyntaxTrees)
        {
            if (tree.GetRoot() is CompilationUnitSyntax unit)
            {
                foreach (var directive in unit.Usings)
                {
                    if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                    {
                        sb.Append(directive.ToString()).Append('\n');
                    }
                }
            }
        }

        return sb.ToString();
    });

    private static bool IsMemberName(SimpleNameSyntax name, out ExpressionSyntax receiver)
    {
        switch (name.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Name == name:
                receiver = access.Expression;
                return true;
            case QualifiedNameSyntax qualified when qualified.Right == name:
                receiver = qualified.Left;
                return true;
            default:
                receiver = name;
                return false;
        }
    }

    /// <summary>Declared inside the method itself (a local function, say).</summary>
    private static bool IsInside(ISymbol symbol, MethodDeclarationSyntax method) =>
        symbol.Locations.Length > 0
        && symbol.Locations.All(l => l.IsInSource && l.SourceTree == method.SyntaxTree && method.Span.Contains(l.SourceSpan));

    /// <summary>
    /// A member of the method's own type (or a type around it), declared only in the method's file, and not a constant
    /// computed from other names: no other file can shadow it or change it.
    /// </summary>
    private static bool IsStableOwnMember(ISymbol symbol, MethodDeclarationSyntax method)
    {
        if (symbol.ContainingType is not { } owner || symbol.Locations.Length == 0
            || !symbol.Locations.All(l => l.IsInSource && l.SourceTree == method.SyntaxTree))
        {
            return false;
        }

        bool encloses = false;
        for (var node = method.Parent; node is not null; node = node.Parent)
        {
            if (node is TypeDeclarationSyntax t && t.Identifier.ValueText == owner.Name)
            {
                encloses = true;
                break;
            }
        }

        if (!encloses || symbol is not IFieldSymbol field)
        {
            return encloses && symbol is not IFieldSymbol;
        }

        // A constant whose initializer names nothing (a literal or arithmetic on literals) is fixed by this file alone.
        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
                || value.DescendantNodesAndSelf().Any(n => n is SimpleNameSyntax))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<ISymbol> LookupMember(SemanticModel model, int position, ITypeSymbol container, string name) =>
        model.LookupSymbols(position, container, name, includeReducedExtensionMethods: true);

    /// <summary>A canonical text for a lookup's result: each symbol's identity, where it comes from, and a constant's value.</summary>
    private static string Meaning(IEnumerable<ISymbol> symbols)
    {
        var keys = new List<string>();
        foreach (var symbol in symbols)
        {
            string key = symbol.Kind + ":" + symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "@" + symbol.ContainingAssembly?.Identity.ToString();
            if (symbol is IFieldSymbol { HasConstantValue: true } field)
            {
                key += "=" + Constant(field.ConstantValue);
            }
            else if (symbol is ILocalSymbol { HasConstantValue: true } local)
            {
                key += "=" + Constant(local.ConstantValue);
            }

            keys.Add(key);
        }

        keys.Sort(StringComparer.Ordinal);
        return string.Join("|", keys);
    }

    private static string Constant(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
