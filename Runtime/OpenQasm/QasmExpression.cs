using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// A parameter expression (OpenQASM 2.0 <c>exp</c>): numbers, <c>pi</c>, gate parameters, <c>+ - * / ^</c>, unary minus
/// and <c>sin cos tan exp ln sqrt</c>. It evaluates to a double; every intermediate value must be finite.
/// </summary>
internal abstract class QasmExpression
{
    protected QasmExpression(QasmPosition position, string text, int depth = 1)
    {
        Position = position;
        Text = text;
        Depth = depth;
    }

    /// <summary>Levels of the tree below and including this node (evaluation recurses this deep).</summary>
    public int Depth { get; }

    /// <summary>Where the expression's operator (or its only token) is, for error messages.</summary>
    public QasmPosition Position { get; }

    /// <summary>The expression as written, quoted in error messages.</summary>
    public string Text { get; }

    /// <summary>The value, given the values of the enclosing gate's parameters (empty outside a gate body).</summary>
    /// <param name="parameters">Values of the enclosing gate's parameters, by declaration index.</param>
    /// <param name="site">Set when evaluating inside a gate body: the application being expanded (for messages).</param>
    public double Evaluate(ReadOnlySpan<double> parameters, QasmCallSite? site)
    {
        double value = Compute(parameters, site);
        if (!double.IsFinite(value))
        {
            throw QasmException.At(
                Position,
                $"the expression '{Text}' is not a finite number (it evaluates to {value.ToString(CultureInfo.InvariantCulture)}){QasmCallSite.Describe(site)}");
        }

        return value;
    }

    protected abstract double Compute(ReadOnlySpan<double> parameters, QasmCallSite? site);
}

/// <summary>A literal number or <c>pi</c>.</summary>
internal sealed class QasmNumberExpression(QasmPosition position, string text, double value) : QasmExpression(position, text)
{
    protected override double Compute(ReadOnlySpan<double> parameters, QasmCallSite? site) => value;
}

/// <summary>A reference to parameter number <c>index</c> of the enclosing gate definition.</summary>
internal sealed class QasmParameterExpression(QasmPosition position, string name, int index) : QasmExpression(position, name)
{
    protected override double Compute(ReadOnlySpan<double> parameters, QasmCallSite? site) => parameters[index];
}

/// <summary>Unary minus.</summary>
internal sealed class QasmNegateExpression(QasmPosition position, string text, QasmExpression operand)
    : QasmExpression(position, text, operand.Depth + 1)
{
    protected override double Compute(ReadOnlySpan<double> parameters, QasmCallSite? site) => -operand.Evaluate(parameters, site);
}

/// <summary>A binary operation <c>+ - * / ^</c>.</summary>
internal sealed class QasmBinaryExpression(QasmPosition position, string text, char op, QasmExpression left, QasmExpression right)
    : QasmExpression(position, text, Math.Max(left.Depth, right.Depth) + 1)
{
    protected override double Compute(ReadOnlySpan<double> parameters, QasmCallSite? site)
    {
        double a = left.Evaluate(parameters, site);
        double b = right.Evaluate(parameters, site);
        switch (op)
        {
            case '+': return a + b;
            case '-': return a - b;
            case '*': return a * b;
            case '^': return Math.Pow(a, b);
            default:
                // IEEE division by zero gives ±∞ or NaN silently; name the actual mistake instead.
                if (b == 0)
                {
                    throw QasmException.At(
                        Position, $"division by zero in '{Text}': the divisor '{right.Text}' is 0{QasmCallSite.Describe(site)}");
                }

                return a / b;
        }
    }
}

/// <summary>One of the unary functions <c>sin cos tan exp ln sqrt</c>.</summary>
internal sealed class QasmFunctionExpression(QasmPosition position, string text, string function, QasmExpression argument)
    : QasmExpression(position, text, argument.Depth + 1)
{
    /// <summary>The functions OpenQASM 2.0 defines.</summary>
    public static bool IsFunction(string name) => name is "sin" or "cos" or "tan" or "exp" or "ln" or "sqrt";

    protected override double Compute(ReadOnlySpan<double> parameters, QasmCallSite? site)
    {
        double x = argument.Evaluate(parameters, site);
        return function switch
        {
            "sin" => Math.Sin(x),
            "cos" => Math.Cos(x),
            "tan" => Math.Tan(x),
            "exp" => Math.Exp(x),
            "ln" => Math.Log(x),
            _ => Math.Sqrt(x),
        };
    }
}

/// <summary>The top-level gate application being expanded, named in errors raised inside a gate body.</summary>
internal sealed class QasmCallSite(string gate, QasmPosition position)
{
    public string Gate { get; } = gate;

    public QasmPosition Position { get; } = position;

    /// <summary>A message suffix such as <c> (while expanding gate 'g' applied at line 9, column 1)</c>, or empty.</summary>
    public static string Describe(QasmCallSite? site) =>
        site is null ? string.Empty : $" (while expanding gate '{site.Gate}' applied at {site.Position})";
}
