using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NegLR.Generator.Parsing;

/// <summary>
/// The messages for C# constructs outside the circuit subset, in one place (as ComputeSharp keeps its forbidden
/// constructs in one file), each naming the construct in the user's words and, where there is one, the fix.
/// </summary>
internal static class UnsupportedConstructs
{
    /// <summary>What a [Circuit] body may contain, appended to messages that have no better hint.</summary>
    public const string Subset =
        "a [Circuit] body may use 'for' loops with constant bounds, 'foreach' over local arrays, 'if' on known values, " +
        "int/double/bool/Angle locals, const values, Math functions and calls on the Circuit parameter";

    private const string LoopHint = "use a 'for' loop with constant bounds";

    private static readonly Dictionary<SyntaxKind, string> Messages = new()
    {
        [SyntaxKind.WhileStatement] = Say("'while' loops are", LoopHint),
        [SyntaxKind.DoStatement] = Say("'do' loops are", LoopHint),
        [SyntaxKind.GotoStatement] = Say("'goto' is", "use 'for' loops with 'break' and 'continue'"),
        [SyntaxKind.GotoCaseStatement] = Say("'goto case' is", "use 'if'/'else'"),
        [SyntaxKind.GotoDefaultStatement] = Say("'goto default' is", "use 'if'/'else'"),
        [SyntaxKind.LabeledStatement] = Say("labels are", "use 'for' loops with 'break' and 'continue'"),
        [SyntaxKind.TryStatement] = Say("'try' statements are", "invalid gate arguments are reported at compile time instead"),
        [SyntaxKind.ThrowStatement] = Say("'throw' is", "invalid gate arguments are reported at compile time instead"),
        [SyntaxKind.ThrowExpression] = Say("'throw' is", "invalid gate arguments are reported at compile time instead"),
        [SyntaxKind.SwitchStatement] = Say("'switch' statements are", "use 'if'/'else'"),
        [SyntaxKind.SwitchExpression] = Say("'switch' expressions are", "use '?:' or 'if'/'else'"),
        [SyntaxKind.LocalFunctionStatement] = Say("local functions are", "write the gates inline or use a template such as c.StronglyEntanglingLayers"),
        [SyntaxKind.ParenthesizedLambdaExpression] = Say("lambdas are", "write the gates inline"),
        [SyntaxKind.SimpleLambdaExpression] = Say("lambdas are", "write the gates inline"),
        [SyntaxKind.AnonymousMethodExpression] = Say("anonymous methods are", "write the gates inline"),
        [SyntaxKind.QueryExpression] = Say("LINQ queries are", LoopHint),
        [SyntaxKind.InterpolatedStringExpression] = Say("string interpolation is", "strings may only be constant Pauli words for PauliRot"),
        [SyntaxKind.AwaitExpression] = Say("'await' is", "a circuit is recorded synchronously"),
        [SyntaxKind.UnsafeStatement] = Say("'unsafe' code is", null),
        [SyntaxKind.FixedStatement] = Say("'fixed' statements are", null),
        [SyntaxKind.StackAllocArrayCreationExpression] = Say("'stackalloc' is", "use 'new[] { ... }'"),
        [SyntaxKind.LockStatement] = Say("'lock' statements are", null),
        [SyntaxKind.UsingStatement] = Say("'using' statements are", null),
        [SyntaxKind.YieldReturnStatement] = Say("'yield' is", null),
        [SyntaxKind.YieldBreakStatement] = Say("'yield' is", null),
        [SyntaxKind.IsExpression] = Say("'is' tests are", "use 'if' on known values"),
        [SyntaxKind.IsPatternExpression] = Say("patterns are", "use 'if' on known values"),
        [SyntaxKind.AsExpression] = Say("'as' is", null),
        [SyntaxKind.ConditionalAccessExpression] = Say("'?.' is", null),
        [SyntaxKind.CoalesceExpression] = Say("'??' is", null),
        [SyntaxKind.CoalesceAssignmentExpression] = Say("'??=' is", null),
        [SyntaxKind.TypeOfExpression] = Say("'typeof' is", null),
        [SyntaxKind.RefExpression] = Say("'ref' is", null),
        [SyntaxKind.RangeExpression] = Say("ranges are", "index arrays with an int"),
        [SyntaxKind.IndexExpression] = Say("'^' indices are", "index arrays with an int"),
        [SyntaxKind.AddressOfExpression] = Say("pointers are", null),
        [SyntaxKind.PointerIndirectionExpression] = Say("pointers are", null),
        [SyntaxKind.PointerMemberAccessExpression] = Say("pointers are", null),
        [SyntaxKind.CollectionExpression] = Say("collection expressions are", "use 'new[] { ... }'"),
        [SyntaxKind.WithExpression] = Say("'with' expressions are", null),
        [SyntaxKind.AnonymousObjectCreationExpression] = Say("anonymous types are", "use a tuple"),
    };

    /// <summary>The message for <paramref name="node"/>, an unsupported construct.</summary>
    public static string Describe(SyntaxNode node)
    {
        // A statement's expression (an `is` inside an `if`) is found by the operation walk; the statement kinds here
        // name the whole construct the user wrote.
        if (Messages.TryGetValue(node.Kind(), out var message))
        {
            return message;
        }

        return $"'{Snippet(node)}' is not supported: {Subset}.";
    }

    /// <summary>The message for a value of an unsupported type such as <c>long</c> or <c>List&lt;int&gt;</c>.</summary>
    public static string UnsupportedType(ITypeSymbol? type) =>
        $"Values of type '{type?.ToDisplayString() ?? "unknown"}' are not supported in a [Circuit] body; use int, double, bool, Angle, " +
        "arrays of them or tuples such as (int, int).";

    /// <summary>The first line of <paramref name="node"/>'s text, shortened, to quote it in a message.</summary>
    public static string Snippet(SyntaxNode node)
    {
        const int MaxLength = 60;
        string text = node.ToString();
        int newline = text.IndexOfAny(new[] { '\r', '\n' });
        if (newline >= 0)
        {
            text = text.Substring(0, newline).TrimEnd() + " …";
        }

        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength) + "…";
    }

    private static string Say(string construct, string? hint) =>
        hint is null
            ? $"{Capitalize(construct)} not supported in a [Circuit] body: {Subset}."
            : $"{Capitalize(construct)} not supported in a [Circuit] body; {hint}.";

    private static string Capitalize(string s) => s.Length > 0 && s[0] != '\'' ? char.ToUpperInvariant(s[0]) + s.Substring(1) : s;
}
