using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Recognises the types a <c>[Circuit]</c> body talks to by name: the user's compilation references the Runtime's
/// <c>NegLR.Circuit</c>, not the generator's linked copy, so symbols are matched by namespace and name.
/// </summary>
internal static class KnownTypes
{
    public static bool IsCircuit(ITypeSymbol? type) => IsNegLR(type, "Circuit");

    public static bool IsAngle(ITypeSymbol? type) => IsNegLR(type, "Angle");

    public static bool IsRotation(ITypeSymbol? type) => IsNegLR(type, "Rotation");

    public static bool IsMath(ITypeSymbol? type) => IsTopLevel(type, "System", "Math");

    public static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    private static bool IsNegLR(ITypeSymbol? type, string name) => IsTopLevel(type, "NegLR", name);

    private static bool IsTopLevel(ITypeSymbol? type, string ns, string name) =>
        type is INamedTypeSymbol { Arity: 0, ContainingType: null } named
        && named.Name == name
        && named.ContainingNamespace is { Name: var n, ContainingNamespace.IsGlobalNamespace: true }
        && n == ns;
}
