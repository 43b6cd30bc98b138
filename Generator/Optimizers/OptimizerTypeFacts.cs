using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NegLR.Generator.Optimizers;

/// <summary>
/// What <see cref="ScheduleValidation.ValidateType"/> needs to know about the type carrying an optimizer declaration.
/// Shared by the generator and (linked) by the analyzers, so both judge the same type the same way and name it alike
/// in their messages.
/// </summary>
internal static class OptimizerTypeFacts
{
    /// <summary>The type as users write it, containing types first and with type parameter lists: <c>Outer.Cycler&lt;T&gt;</c>.</summary>
    public static string DisplayName(INamedTypeSymbol type)
    {
        string name = Name(type);
        for (var t = type.ContainingType; t is not null; t = t.ContainingType)
        {
            name = Name(t) + "." + name;
        }

        return name;
    }

    /// <summary>One type's name with its type parameter list, e.g. <c>Cycler&lt;T&gt;</c>.</summary>
    public static string Name(INamedTypeSymbol type) =>
        type.TypeParameters.Length == 0 ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(p => p.Name)) + ">";

    public static OptimizerTypeShape Shape(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRefLikeType ? OptimizerTypeShape.RefStruct : OptimizerTypeShape.Struct,
        _ => type.IsStatic ? OptimizerTypeShape.StaticClass : OptimizerTypeShape.Class,
    };

    /// <summary>Whether every declaration of the type and of each containing type has the <c>partial</c> modifier.</summary>
    public static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            foreach (var reference in t.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration &&
                    !declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
