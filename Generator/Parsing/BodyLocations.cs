using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace NegLR.Generator.Parsing;

/// <summary>Where problems are reported, chosen so an editor squiggle covers what the user has to change and no more.</summary>
internal static class BodyLocations
{
    /// <summary>
    /// A call from its method name to its closing parenthesis: in a fluent chain <c>c.H(0).CNOT(0, 9)</c> the invocation
    /// spans the whole chain, but only <c>CNOT(0, 9)</c> failed.
    /// </summary>
    public static Location CallSite(IOperation call)
    {
        if (call.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            return Location.Create(invocation.SyntaxTree, TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }

        return call.Syntax.GetLocation();
    }

    /// <summary>A loop's header, <c>for (int i = 0; i &lt; n; i++)</c>, rather than the loop with its whole body.</summary>
    public static Location LoopHeader(IOperation loop) => loop.Syntax switch
    {
        ForStatementSyntax f => Location.Create(f.SyntaxTree, TextSpan.FromBounds(f.ForKeyword.SpanStart, f.CloseParenToken.Span.End)),
        CommonForEachStatementSyntax e => Location.Create(e.SyntaxTree, TextSpan.FromBounds(e.ForEachKeyword.SpanStart, e.CloseParenToken.Span.End)),
        _ => loop.Syntax.GetLocation(),
    };

    /// <summary>The source location of an argument, or of the call when the argument is not written (a default or params array).</summary>
    public static Location Argument(IArgumentOperation argument, IOperation call) =>
        argument.IsImplicit ? CallSite(call) : argument.Syntax.GetLocation();
}
