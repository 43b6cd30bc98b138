using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// A parameter expression: numbers, constants such as <c>pi</c>, gate parameters, OpenQASM 3 <c>input</c> variables,
/// <c>+ - * /</c>, a power (<c>^</c> in OpenQASM 2, <c>**</c> in 3), unary minus and the functions of the language.
/// It evaluates to a <see cref="QasmValue"/>: a number, or an affine form of one input; every intermediate value must be
/// finite.
/// </summary>
/// <remarks>
/// A node keeps offsets into the program text, not its own copy of the text: a left-deep chain <c>1+1+…+1</c> of n terms
/// would otherwise hold n nested substrings, O(n²) characters. <see cref="Text"/> is cut out only for an error message.
/// </remarks>
internal abstract class QasmExpression
{
    private readonly string _source;
    private readonly int _start;
    private readonly int _end;

    protected QasmExpression(QasmPosition position, string source, int start, int end, int depth = 1, int size = 1)
    {
        Position = position;
        _source = source;
        _start = start;
        _end = end;
        Depth = depth;
        Size = size;
    }

    /// <summary>Levels of the tree below and including this node (evaluation recurses this deep).</summary>
    public int Depth { get; }

    /// <summary>Nodes in the tree (the work of one evaluation, for the import's expansion budget).</summary>
    public int Size { get; }

    /// <summary>Where the expression's operator (or its only token) is, for error messages.</summary>
    public QasmPosition Position { get; }

    /// <summary>The expression as written, quoted in error messages.</summary>
    public string Text => _source.Substring(_start, _end - _start);

    /// <summary>The value in <paramref name="environment"/>.</summary>
    public QasmValue Evaluate(in QasmEnvironment environment)
    {
        var value = Compute(environment);
        if (!value.IsFinite)
        {
            double bad = double.IsFinite(value.Scale) ? value.Offset : value.Scale;
            throw QasmException.At(
                Position,
                $"the expression '{Text}' is not a finite number (it evaluates to {bad.ToString(CultureInfo.InvariantCulture)}){QasmCallSite.Describe(environment.Site)}");
        }

        return value;
    }

    protected abstract QasmValue Compute(in QasmEnvironment environment);

    /// <summary>The error for an operation NegLR cannot express as an angle <c>a·v + b</c> of one variable.</summary>
    protected QasmException NotAffine(string what, in QasmEnvironment environment) =>
        QasmException.At(
            Position,
            $"the expression '{Text}' {what}: a NegLR angle is an affine form a*v + b of one input (a weight or a data input), "
            + $"so inputs may only be added, subtracted, negated, and multiplied or divided by numbers{QasmCallSite.Describe(environment.Site)}");
}

/// <summary>A literal number or a constant such as <c>pi</c>.</summary>
internal sealed class QasmNumberExpression(QasmPosition position, string source, int start, int end, double value)
    : QasmExpression(position, source, start, end)
{
    protected override QasmValue Compute(in QasmEnvironment environment) => QasmValue.Constant(value);
}

/// <summary>A reference to parameter number <c>index</c> of the enclosing gate definition.</summary>
internal sealed class QasmParameterExpression(QasmPosition position, string source, int start, int end, int index)
    : QasmExpression(position, source, start, end)
{
    protected override QasmValue Compute(in QasmEnvironment environment) => environment.Parameters[index];
}

/// <summary>A reference to OpenQASM 3 <c>input</c> number <c>index</c> (in declaration order).</summary>
internal sealed class QasmInputExpression(QasmPosition position, string source, int start, int end, int index)
    : QasmExpression(position, source, start, end)
{
    protected override QasmValue Compute(in QasmEnvironment environment) => environment.Inputs[index];
}

/// <summary>Unary minus.</summary>
internal sealed class QasmNegateExpression(QasmPosition position, string source, int start, int end, QasmExpression operand)
    : QasmExpression(position, source, start, end, operand.Depth + 1, operand.Size + 1)
{
    protected override QasmValue Compute(in QasmEnvironment environment)
    {
        var v = operand.Evaluate(environment);
        return v with { Scale = -v.Scale, Offset = -v.Offset };
    }
}

/// <summary>A binary operation <c>+ - * /</c> or a power (<c>^</c>, written <c>**</c> in OpenQASM 3).</summary>
internal sealed class QasmBinaryExpression(
    QasmPosition position, string source, int start, int end, char op, QasmExpression left, QasmExpression right)
    : QasmExpression(position, source, start, end, Math.Max(left.Depth, right.Depth) + 1, left.Size + right.Size + 1)
{
    protected override QasmValue Compute(in QasmEnvironment environment)
    {
        var a = left.Evaluate(environment);
        var b = right.Evaluate(environment);
        switch (op)
        {
            case '+':
            case '-':
            {
                double sign = op == '+' ? 1 : -1;
                if (b.IsConstant)
                {
                    return a with { Offset = a.Offset + (sign * b.Offset) };
                }

                if (a.IsConstant)
                {
                    return b with { Scale = sign * b.Scale, Offset = a.Offset + (sign * b.Offset) };
                }

                if (!a.SameVariable(b))
                {
                    throw NotAffine("combines two different inputs", environment);
                }

                return a with { Scale = a.Scale + (sign * b.Scale), Offset = a.Offset + (sign * b.Offset) };
            }

            case '*':
                if (a.IsConstant)
                {
                    return b with { Scale = b.Scale * a.Offset, Offset = b.Offset * a.Offset };
                }

                if (b.IsConstant)
                {
                    return a with { Scale = a.Scale * b.Offset, Offset = a.Offset * b.Offset };
                }

                throw NotAffine("multiplies two terms that both depend on inputs", environment);
            case '/':
                if (!b.IsConstant)
                {
                    throw NotAffine("divides by a term that depends on an input", environment);
                }

                // IEEE division by zero gives ±∞ or NaN silently; name the actual mistake instead.
                if (b.Offset == 0)
                {
                    throw QasmException.At(
                        Position, $"division by zero in '{Text}': the divisor '{right.Text}' is 0{QasmCallSite.Describe(environment.Site)}");
                }

                return a with { Scale = a.Scale / b.Offset, Offset = a.Offset / b.Offset };
            default:
                if (!a.IsConstant || !b.IsConstant)
                {
                    throw NotAffine("raises to a power with a term that depends on an input", environment);
                }

                return QasmValue.Constant(Math.Pow(a.Offset, b.Offset));
        }
    }
}

/// <summary>One of the unary functions (<c>sin cos tan exp ln sqrt</c>; OpenQASM 3 adds <c>arcsin arccos arctan log</c>).</summary>
internal sealed class QasmFunctionExpression(
    QasmPosition position, string source, int start, int end, string function, QasmExpression argument)
    : QasmExpression(position, source, start, end, argument.Depth + 1, argument.Size + 1)
{
    /// <summary>The functions OpenQASM 2.0 defines.</summary>
    public static bool IsFunction2(string name) => name is "sin" or "cos" or "tan" or "exp" or "ln" or "sqrt";

    /// <summary>The real functions of OpenQASM 3 that NegLR evaluates (<c>log</c> is the natural logarithm there).</summary>
    public static bool IsFunction3(string name) =>
        name is "sin" or "cos" or "tan" or "arcsin" or "arccos" or "arctan" or "exp" or "log" or "sqrt";

    protected override QasmValue Compute(in QasmEnvironment environment)
    {
        var v = argument.Evaluate(environment);
        if (!v.IsConstant)
        {
            throw NotAffine($"applies {function} to a term that depends on an input", environment);
        }

        double x = v.Offset;
        return QasmValue.Constant(function switch
        {
            "sin" => Math.Sin(x),
            "cos" => Math.Cos(x),
            "tan" => Math.Tan(x),
            "arcsin" => Math.Asin(x),
            "arccos" => Math.Acos(x),
            "arctan" => Math.Atan(x),
            "exp" => Math.Exp(x),
            "ln" or "log" => Math.Log(x),
            _ => Math.Sqrt(x),
        });
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
