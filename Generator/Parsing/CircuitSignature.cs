using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NegLR.Generator.Parsing;

/// <summary>Checks that a <c>[Circuit]</c> method is <c>static void Name(Circuit c)</c> with a body.</summary>
internal static class CircuitSignature
{
    private const string Expected = "a [Circuit] method must be 'static void Name(Circuit c)'";

    /// <summary>The method's Circuit parameter, or <see langword="null"/> after adding the problems that rule it out.</summary>
    public static IParameterSymbol? Check(MethodDeclarationSyntax syntax, IMethodSymbol method, List<BodyProblem> problems)
    {
        int before = problems.Count;
        var name = syntax.Identifier.GetLocation();
        if (!method.IsStatic)
        {
            Add(problems, $"'{method.Name}' is not static; {Expected}.", name);
        }

        if (!method.ReturnsVoid)
        {
            Add(problems, $"'{method.Name}' returns a value; {Expected}.", name);
        }

        if (method.IsGenericMethod)
        {
            Add(problems, $"'{method.Name}' is generic; {Expected}.", name);
        }

        if (method.IsAsync)
        {
            Add(problems, $"'{method.Name}' is async; {Expected}.", name);
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            Add(problems, $"'{method.Name}' has no body to read; {Expected}.", name);
        }

        var parameters = syntax.ParameterList.GetLocation();
        if (method.Parameters.Length != 1)
        {
            Add(problems, $"'{method.Name}' takes {method.Parameters.Length} parameters; {Expected}.", parameters);
        }
        else if (method.Parameters[0] is var parameter
                 && (!KnownTypes.IsCircuit(parameter.Type) || parameter.RefKind != RefKind.None || parameter.IsParams))
        {
            Add(problems, $"'{method.Name}' takes '{parameter.ToDisplayString()}'; {Expected}, with a plain NegLR.Circuit parameter.", parameters);
        }

        return problems.Count == before ? method.Parameters[0] : null;
    }

    private static void Add(List<BodyProblem> problems, string message, Location location) =>
        problems.Add(new BodyProblem(BodyProblemKind.InvalidSignature, message, location));
}
