using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// One <c>[Observable("…")]</c> of an ansatz: its text, where it is written, and its terms as the Runtime's own parser
/// reads them (linked source), merged as <c>PauliSum</c> merges them.
/// </summary>
internal sealed class ObservableDeclaration
{
    private ObservableDeclaration(string text, AttributeSyntax? attribute, ExpressionSyntax? argument, StringLiteralMap? map,
        IReadOnlyList<ObservableTerm>? terms, PauliParseError? error)
    {
        Text = text;
        Attribute = attribute;
        Argument = argument;
        Map = map;
        Terms = terms;
        Error = error;
    }

    public string Text { get; }

    public AttributeSyntax? Attribute { get; }

    /// <summary>The expression that gives the text (a literal, usually).</summary>
    public ExpressionSyntax? Argument { get; }

    /// <summary>Maps text positions to source; null when the attribute has no source (metadata).</summary>
    public StringLiteralMap? Map { get; }

    /// <summary>The merged non-identity terms, in first-written order; null when the text does not parse.</summary>
    public IReadOnlyList<ObservableTerm>? Terms { get; }

    public PauliParseError? Error { get; }

    /// <summary>Where a diagnostic about the whole observable goes: the text's expression, else the attribute.</summary>
    public Location Location => Map?.Whole ?? Attribute?.GetLocation() ?? Location.None;

    /// <summary>Reads the observable of <paramref name="data"/>.</summary>
    public static ObservableDeclaration Read(AttributeData data, System.Threading.CancellationToken cancellationToken)
    {
        string text = data.ConstructorArguments.Length == 1 ? data.ConstructorArguments[0].Value as string ?? "" : "";
        var attribute = data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var argument = attribute?.ArgumentList?.Arguments.Count > 0 && attribute.ArgumentList.Arguments[0].NameEquals is null
            ? attribute.ArgumentList.Arguments[0].Expression
            : null;
        var map = argument is null ? null : StringLiteralMap.Create(argument, text);
        var parsed = PauliSumParser.ParseTerms(text, out var error);
        return new ObservableDeclaration(text, attribute, argument, map, parsed is null ? null : Merge(parsed), error);
    }

    /// <summary>
    /// Like terms summed, identity and cancelled terms dropped, first-written order kept: term k here is
    /// <c>PauliSum.Terms[k]</c> at run time (the generator's ObservableTerms does the same).
    /// </summary>
    private static List<ObservableTerm> Merge(List<(double Coefficient, int XMask, int ZMask)> parsed)
    {
        var order = new List<(int X, int Z)>();
        var sums = new Dictionary<(int X, int Z), double>();
        foreach (var (coefficient, x, z) in parsed)
        {
            if ((x | z) == 0)
            {
                continue;
            }

            if (sums.TryGetValue((x, z), out double sum))
            {
                sums[(x, z)] = sum + coefficient;
            }
            else
            {
                sums[(x, z)] = coefficient;
                order.Add((x, z));
            }
        }

        var terms = new List<ObservableTerm>(order.Count);
        foreach (var key in order)
        {
            if (sums[key] != 0)
            {
                terms.Add(new ObservableTerm(sums[key], key.X, key.Z));
            }
        }

        return terms;
    }
}

/// <summary>A term c·P of an observable, P in symplectic form (bit q of X for X or Y on q, of Z for Z or Y).</summary>
internal readonly struct ObservableTerm
{
    public ObservableTerm(double coefficient, int x, int z)
    {
        Coefficient = coefficient;
        X = x;
        Z = z;
    }

    public double Coefficient { get; }

    public int X { get; }

    public int Z { get; }

    public int Support => X | Z;

    public int Locality => Guard.PopCount(Support);

    /// <summary>Sparse text such as <c>Z0 Z1</c> (no coefficient).</summary>
    public string Label
    {
        get
        {
            var parts = new List<string>();
            for (int q = 0; q < 31; q++)
            {
                bool hasX = ((X >> q) & 1) != 0, hasZ = ((Z >> q) & 1) != 0;
                if (hasX || hasZ)
                {
                    parts.Add((hasX ? (hasZ ? "Y" : "X") : "Z") + q.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return string.Join(" ", parts);
        }
    }
}
