using System;
using System.Collections.Generic;

namespace NegLR;

// Parameter expressions. Precedence, loosest first: + -, * /, unary minus, power (right-associative: ^ in OpenQASM 2,
// ** in 3), so -2^2 = -4 and 2^-1 = 0.5 as in both grammars and ordinary mathematics.
internal sealed partial class QasmParser
{
    // Parsing and evaluation recurse once per level; the cap turns a hostile "((((…" or "1+1+…+1" into a QasmException
    // instead of a stack overflow, far above anything a real program writes.
    private const int MaxExpressionDepth = 500;

    // OpenQASM 3 input names → declaration index (top-level expressions may use them).
    private readonly Dictionary<string, int> _inputs = new(StringComparer.Ordinal);

    private int _expressionNesting;

    private QasmTokenKind PowerToken => IsVersion3 ? QasmTokenKind.DoubleStar : QasmTokenKind.Caret;

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
            return new QasmNegateExpression(op.Position, _source, start, _previous.End, operand);
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
        char symbol = op.Kind == PowerToken ? '^' : op.Text[0];
        var node = new QasmBinaryExpression(op.Position, _source, start, _previous.End, symbol, left, right);
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
        if (_current.Kind != PowerToken)
        {
            if (IsVersion3 && _current.Kind == QasmTokenKind.Caret)
            {
                throw QasmException.At(
                    _current.Position, "'^' is bitwise XOR in OpenQASM 3, which angles do not have: write a power as '**'");
            }

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
                return new QasmNumberExpression(token.Position, _source, token.Offset, token.End, token.Number);
            case QasmTokenKind.LeftParen:
            {
                Advance();
                var inner = ParseExpression(scope);
                Expect(QasmTokenKind.RightParen, "')'");
                return inner;
            }

            case QasmTokenKind.Identifier:
                Advance();
                if (Constant(token.Text) is double constant)
                {
                    return new QasmNumberExpression(token.Position, _source, token.Offset, token.End, constant);
                }

                if (IsVersion3 ? QasmFunctionExpression.IsFunction3(token.Text) : QasmFunctionExpression.IsFunction2(token.Text))
                {
                    Expect(QasmTokenKind.LeftParen, "'('");
                    var argument = ParseExpression(scope);
                    Expect(QasmTokenKind.RightParen, "')'");
                    return new QasmFunctionExpression(token.Position, _source, start, _previous.End, token.Text, argument);
                }

                if (scope is not null && scope.Index.TryGetValue(token.Text, out int parameter))
                {
                    return new QasmParameterExpression(token.Position, _source, token.Offset, token.End, parameter);
                }

                if (scope is null && _inputs.TryGetValue(token.Text, out int input))
                {
                    return new QasmInputExpression(token.Position, _source, token.Offset, token.End, input);
                }

                throw QasmException.At(token.Position, UnknownIdentifier(token.Text, scope));
            default:
                throw Missing("an expression (a number, pi, a parameter, a function call or '(')");
        }
    }

    /// <summary>The built-in constants: <c>pi</c>, and in OpenQASM 3 also <c>π</c>, <c>tau</c>/<c>τ</c>, <c>euler</c>/<c>ℇ</c>.</summary>
    private double? Constant(string name) => name switch
    {
        "pi" => Math.PI,
        "π" when IsVersion3 => Math.PI,
        "tau" or "τ" when IsVersion3 => Math.Tau,
        "euler" or "ℇ" when IsVersion3 => Math.E,
        _ => null,
    };

    private string UnknownIdentifier(string name, QasmScope? scope)
    {
        string functions = IsVersion3
            ? "the constants pi, tau and euler, + - * / ** and the functions sin, cos, tan, arcsin, arccos, arctan, exp, log, sqrt"
            : "pi, + - * / ^ and the functions sin, cos, tan, exp, ln, sqrt";
        if (scope is null)
        {
            return IsVersion3
                ? $"unknown identifier '{name}' in an expression: outside a gate definition an angle may use numbers, declared 'input' angles, {functions}"
                : $"unknown identifier '{name}' in an expression: outside a gate definition an angle may only use numbers, {functions}";
        }

        string parameters = scope.Parameters.Count == 0
            ? "has no parameters"
            : "has parameters " + QasmGateDefinition.ListNames(scope.Parameters);
        return $"unknown identifier '{name}' in an expression: gate '{scope.Gate}' {parameters}";
    }
}
