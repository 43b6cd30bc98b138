using System;

namespace NegLR;

// Parameter expressions. Precedence, loosest first: + -, * /, unary minus, ^ (right-associative), so -2^2 = -4 and
// 2^-1 = 0.5 as in the OpenQASM 2.0 grammar and ordinary mathematics.
internal sealed partial class QasmParser
{
    // Parsing and evaluation recurse once per level; the cap turns a hostile "((((…" or "1+1+…+1" into a QasmException
    // instead of a stack overflow, far above anything a real program writes.
    private const int MaxExpressionDepth = 500;

    private int _expressionNesting;

    private QasmExpression ParseExpression(QasmScope? scope)
    {
        int start = _current.Offset;
        var left = ParseProduct(scope);
        while (_current.Kind is QasmTokenKind.Plus or QasmTokenKind.Minus)
        {
            var op = Advance();
            var right = ParseProduct(scope);
            left = Binary(op, start, left, right);
        }

        return left;
    }

    private QasmExpression ParseProduct(QasmScope? scope)
    {
        int start = _current.Offset;
        var left = ParseUnary(scope);
        while (_current.Kind is QasmTokenKind.Star or QasmTokenKind.Slash)
        {
            var op = Advance();
            var right = ParseUnary(scope);
            left = Binary(op, start, left, right);
        }

        return left;
    }

    private QasmExpression ParseUnary(QasmScope? scope)
    {
        if (++_expressionNesting > MaxExpressionDepth)
        {
            throw TooDeep(_current.Position);
        }

        try
        {
            int start = _current.Offset;
            if (_current.Kind != QasmTokenKind.Minus)
            {
                return ParsePower(scope);
            }

            var op = Advance();
            var operand = ParseUnary(scope);
            return new QasmNegateExpression(op.Position, Slice(start), operand);
        }
        finally
        {
            _expressionNesting--;
        }
    }

    private static QasmException TooDeep(QasmPosition position) =>
        QasmException.At(position, FormattableString.Invariant($"the expression is nested more than {MaxExpressionDepth} levels deep"));

    /// <summary>Builds a binary node, refusing trees deeper than <see cref="MaxExpressionDepth"/> (long + or * chains).</summary>
    private QasmBinaryExpression Binary(QasmToken op, int start, QasmExpression left, QasmExpression right)
    {
        var node = new QasmBinaryExpression(op.Position, Slice(start), op.Text[0], left, right);
        if (node.Depth > MaxExpressionDepth)
        {
            throw TooDeep(op.Position);
        }

        return node;
    }

    private QasmExpression ParsePower(QasmScope? scope)
    {
        int start = _current.Offset;
        var power = ParsePrimary(scope);
        if (_current.Kind != QasmTokenKind.Caret)
        {
            return power;
        }

        var op = Advance();
        var exponent = ParseUnary(scope);
        return Binary(op, start, power, exponent);
    }

    private QasmExpression ParsePrimary(QasmScope? scope)
    {
        int start = _current.Offset;
        var token = _current;
        switch (token.Kind)
        {
            case QasmTokenKind.Integer:
            case QasmTokenKind.Real:
                Advance();
                return new QasmNumberExpression(token.Position, token.Text, token.Number);
            case QasmTokenKind.LeftParen:
            {
                Advance();
                var inner = ParseExpression(scope);
                Expect(QasmTokenKind.RightParen, "')'");
                return inner;
            }

            case QasmTokenKind.Identifier:
                Advance();
                if (token.Text == "pi")
                {
                    return new QasmNumberExpression(token.Position, "pi", Math.PI);
                }

                if (QasmFunctionExpression.IsFunction(token.Text))
                {
                    Expect(QasmTokenKind.LeftParen, "'('");
                    var argument = ParseExpression(scope);
                    Expect(QasmTokenKind.RightParen, "')'");
                    return new QasmFunctionExpression(token.Position, Slice(start), token.Text, argument);
                }

                if (scope is not null)
                {
                    for (int i = 0; i < scope.Parameters.Count; i++)
                    {
                        if (scope.Parameters[i].Text == token.Text)
                        {
                            return new QasmParameterExpression(token.Position, token.Text, i);
                        }
                    }
                }

                throw QasmException.At(token.Position, UnknownIdentifier(token.Text, scope));
            default:
                throw Missing("an expression (a number, pi, a parameter, a function call or '(')");
        }
    }

    private static string UnknownIdentifier(string name, QasmScope? scope)
    {
        if (scope is null)
        {
            return $"unknown identifier '{name}' in an expression: outside a gate definition an angle may only use numbers, pi, "
                + "+ - * / ^ and the functions sin, cos, tan, exp, ln, sqrt";
        }

        string parameters = scope.Parameters.Count == 0
            ? "has no parameters"
            : "has parameters " + string.Join(", ", System.Linq.Enumerable.Select(scope.Parameters, p => p.Text));
        return $"unknown identifier '{name}' in an expression: gate '{scope.Gate}' {parameters}";
    }
}
