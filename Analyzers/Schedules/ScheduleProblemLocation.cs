using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NegLR.Generator.Optimizers;

namespace NegLR.Analyzers.Schedules;

/// <summary>
/// Where a <see cref="ScheduleProblem"/> is reported: the argument at fault as written (<c>LearningRate = 0</c>), else
/// the attribute's name (<c>Adam</c>) — for a problem of the attribute as a whole, or an argument that was not written.
/// </summary>
internal static class ScheduleProblemLocation
{
    public static Location Find(ScheduleProblem problem, ImmutableArray<AttributeData> attributes, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // AttributeIndex is the problem's attribute's position in the very array the reader was given.
        if (problem.AttributeIndex >= 0 && problem.AttributeIndex < attributes.Length
            && attributes[problem.AttributeIndex].ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax attribute)
        {
            if (problem.Argument is { } name && Argument(attribute, name) is { } argument)
            {
                return argument.GetLocation();
            }

            return attribute.Name.GetLocation();
        }

        // No syntax for the attribute (not expected for a type declared in source): the type itself.
        return type.Locations.Length > 0 ? type.Locations[0] : Location.None;
    }

    /// <summary>
    /// The argument that sets <paramref name="name"/>: a named argument (<c>Name = value</c>), or a constructor argument
    /// named after the property (<c>name: value</c>), should an attribute ever take one. The first wins; writing one
    /// twice is already a compiler error.
    /// </summary>
    private static AttributeArgumentSyntax? Argument(AttributeSyntax attribute, string name)
    {
        if (attribute.ArgumentList is not { } list)
        {
            return null;
        }

        foreach (var argument in list.Arguments)
        {
            if (argument.NameEquals is { } equals && equals.Name.Identifier.ValueText == name)
            {
                return argument;
            }

            if (argument.NameColon is { } colon && string.Equals(colon.Name.Identifier.ValueText, name, StringComparison.OrdinalIgnoreCase))
            {
                return argument;
            }
        }

        return null;
    }
}
