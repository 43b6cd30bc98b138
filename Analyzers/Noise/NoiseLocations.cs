using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Parsing;

namespace NegLR.Analyzers.Noise;

/// <summary>
/// Where a <see cref="NoiseProblem"/> is written: the attribute its index names, and in it the argument (positional
/// by position or <c>name:</c>, named by <c>Name =</c>) and, for an array argument, the element
/// (<c>new[] { … }</c>, <c>new int[] { … }</c> or a collection expression <c>[ … ]</c>). Falls back to the argument, then the attribute.
/// </summary>
internal static class NoiseLocations
{
    /// <summary>The attribute as written, or null when it has no syntax (from metadata).</summary>
    public static AttributeSyntax? Attribute(ImmutableArray<AttributeData> attributes, int index, CancellationToken cancellationToken) =>
        index >= 0 && index < attributes.Length
            ? attributes[index].ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax
            : null;

    /// <summary>The span of <paramref name="argument"/> in <paramref name="attribute"/>.</summary>
    public static Location Of(AttributeSyntax attribute, NoiseArgument argument)
    {
        if (argument.Name is null || attribute.ArgumentList is not { } list)
        {
            return attribute.GetLocation();
        }

        AttributeArgumentSyntax? found = null;
        int positional = 0;
        foreach (var candidate in list.Arguments)
        {
            if (candidate.NameEquals is { } equals)
            {
                if (argument.Position < 0 && equals.Name.Identifier.ValueText == argument.Name)
                {
                    found = candidate;
                    break;
                }

                continue;
            }

            if (argument.Position >= 0 && (candidate.NameColon is { } colon
                    ? colon.Name.Identifier.ValueText == argument.Name
                    : positional == argument.Position))
            {
                found = candidate;
                break;
            }

            positional++;
        }

        if (found is null)
        {
            return attribute.GetLocation();
        }

        if (argument.Element >= 0 && Element(found.Expression, argument.Element) is { } element)
        {
            return element.GetLocation();
        }

        return found.GetLocation();
    }

    private static SyntaxNode? Element(ExpressionSyntax expression, int index)
    {
        InitializerExpressionSyntax? initializer = expression switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer,
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
            _ => null,
        };
        if (initializer is not null)
        {
            return index < initializer.Expressions.Count ? initializer.Expressions[index] : null;
        }

        if (expression is CollectionExpressionSyntax collection && index < collection.Elements.Count)
        {
            return collection.Elements[index];
        }

        return null;
    }
}
