using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Optimizers;

/// <summary>
/// Reads a type's optimizer attributes into the Roslyn-free form <see cref="ScheduleValidation"/> checks. Shared by the
/// generator and (linked) by the analyzers, so both see the same declaration.
/// </summary>
internal static class OptimizerAttributeReader
{
    /// <summary>The optimizer attributes of <paramref name="type"/> (all partial declarations), in declaration order.</summary>
    public static List<DeclaredAttribute> Read(INamedTypeSymbol type) => Read(type.GetAttributes());

    /// <summary>The optimizer attributes among <paramref name="attributes"/>; indices refer to this array.</summary>
    public static List<DeclaredAttribute> Read(System.Collections.Immutable.ImmutableArray<AttributeData> attributes)
    {
        var list = new List<DeclaredAttribute>();
        for (int i = 0; i < attributes.Length; i++)
        {
            string? name = OptimizerAttributes.ShortName(attributes[i].AttributeClass?.ToDisplayString());
            if (name is null)
            {
                continue;
            }

            var arguments = new List<KeyValuePair<string, object?>>();
            foreach (var pair in attributes[i].NamedArguments)
            {
                // An argument the compiler could not bind (a type error) has no value; validation reports it as not a constant.
                object? value = pair.Value.Kind is TypedConstantKind.Error or TypedConstantKind.Array ? null : pair.Value.Value;
                arguments.Add(new KeyValuePair<string, object?>(pair.Key, value));
            }

            list.Add(new DeclaredAttribute(name, i, arguments));
        }

        return list;
    }
}
