using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>The kinds of value a <c>[Circuit]</c> body may hold; every other C# type is outside the subset.</summary>
internal enum BodyType
{
    Unsupported,
    Int,
    Double,
    Bool,
    Angle,
    String,
    Circuit,
    Array,
    Tuple,
}

/// <summary>Maps C# types to <see cref="BodyType"/>.</summary>
internal static class BodyTypes
{
    /// <summary>
    /// <c>int</c> (and enums over <c>int</c>, e.g. <c>Rotation</c>), <c>double</c>, <c>bool</c>, <c>Angle</c>, <c>string</c>,
    /// <c>Circuit</c>, one-dimensional arrays of scalars or tuples, and tuples of scalars.
    /// </summary>
    public static BodyType Classify(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return BodyType.Unsupported;
            case IArrayTypeSymbol array:
                return array.IsSZArray && IsElement(Classify(array.ElementType)) ? BodyType.Array : BodyType.Unsupported;
            case INamedTypeSymbol { IsTupleType: true } tuple:
                foreach (var element in tuple.TupleElements)
                {
                    if (!IsElement(Classify(element.Type)))
                    {
                        return BodyType.Unsupported;
                    }
                }

                return BodyType.Tuple;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Int32:
                return BodyType.Int;
            case SpecialType.System_Double:
                return BodyType.Double;
            case SpecialType.System_Boolean:
                return BodyType.Bool;
            case SpecialType.System_String:
                return BodyType.String;
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType.SpecialType: SpecialType.System_Int32 })
        {
            // Enums (Rotation.X) are held as their int value, as the CLR does.
            return BodyType.Int;
        }

        if (KnownTypes.IsAngle(type))
        {
            return BodyType.Angle;
        }

        return KnownTypes.IsCircuit(type) ? BodyType.Circuit : BodyType.Unsupported;
    }

    /// <summary>What arrays and tuples may hold: numbers, flags, angles and tuples of them (edge lists such as <c>(int, int)[]</c>).</summary>
    private static bool IsElement(BodyType type) =>
        type is BodyType.Int or BodyType.Double or BodyType.Bool or BodyType.Angle or BodyType.Tuple;
}
