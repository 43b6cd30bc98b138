using System;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

/// <summary>
/// C#'s built-in operators and conversions on <c>int</c>, <c>double</c> and <c>bool</c>, computed the way the same body
/// computes them at run time: int arithmetic wraps unless the context is <c>checked</c>, int division truncates,
/// an int mixed with a double is promoted, and operations C# throws on throw here too (caught by the reader).
/// </summary>
internal static class BodyArithmetic
{
    /// <summary>Applies a built-in binary operator (not <c>&amp;&amp;</c>/<c>||</c>, which short-circuit in the runner).</summary>
    public static BodyValue Binary(BinaryOperatorKind op, BodyValue left, BodyValue right, bool isChecked)
    {
        if (left.Type == BodyType.Int && right.Type == BodyType.Int)
        {
            return Int(op, left.AsInt(), right.AsInt(), isChecked);
        }

        if (IsNumber(left) && IsNumber(right))
        {
            return Double(op, left.AsDouble(), right.AsDouble());
        }

        if (left.Type == BodyType.Bool && right.Type == BodyType.Bool)
        {
            return Bool(op, left.AsBool(), right.AsBool());
        }

        if (left.Type == BodyType.String && right.Type == BodyType.String && op is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals)
        {
            return BodyValue.Of(string.Equals(left.AsString(), right.AsString(), StringComparison.Ordinal) == (op == BinaryOperatorKind.Equals));
        }

        throw Unexpected(op.ToString(), left, right);
    }

    /// <summary>Applies a built-in unary operator.</summary>
    public static BodyValue Unary(UnaryOperatorKind op, BodyValue operand, bool isChecked)
    {
        switch (operand.Type, op)
        {
            case (BodyType.Int, UnaryOperatorKind.Plus):
            case (BodyType.Double, UnaryOperatorKind.Plus):
                return operand;
            case (BodyType.Int, UnaryOperatorKind.Minus):
                return BodyValue.Of(isChecked ? checked(-operand.AsInt()) : unchecked(-operand.AsInt()));
            case (BodyType.Int, UnaryOperatorKind.BitwiseNegation):
                return BodyValue.Of(~operand.AsInt());
            case (BodyType.Double, UnaryOperatorKind.Minus):
                return BodyValue.Of(-operand.AsDouble());
            case (BodyType.Bool, UnaryOperatorKind.Not):
                return BodyValue.Of(!operand.AsBool());
            default:
                throw Unexpected(op.ToString(), operand, BodyValue.None);
        }
    }

    /// <summary>Converts a value to type <paramref name="target"/> of <paramref name="model"/> as an implicit or explicit C# conversion does.</summary>
    public static BodyValue Convert(BodyModel model, BodyValue value, int target, bool isChecked)
    {
        var type = model.Types[target];
        switch (type.Kind)
        {
            case BodyType.Int:
                return value.Type == BodyType.Double ? BodyValue.Of(ToInt(value.AsDouble(), isChecked)) : BodyValue.Of(value.AsInt());
            case BodyType.Double:
                return BodyValue.Of(value.AsDouble());
            case BodyType.Angle:
                // double → Angle is Angle's implicit operator, i.e. Angle.Constant, which rejects NaN and infinities.
                return BodyValue.Of(value.AsAngle());
            case BodyType.Tuple:
                // Tuple conversions convert element-wise: (int, int) → (double, double).
                var elements = value.AsTuple();
                if (elements.Length != type.Elements.Length)
                {
                    throw Unexpected("tuple conversion", value, BodyValue.None);
                }

                var converted = new BodyValue[elements.Length];
                for (int i = 0; i < converted.Length; i++)
                {
                    converted[i] = Convert(model, elements[i], type.Elements[i], isChecked);
                }

                return BodyValue.TupleOf(converted);
            case BodyType.Bool or BodyType.String or BodyType.Circuit or BodyType.Array:
                // Identity up to tuple element names or nullability: nothing to change.
                return value;
            default:
                throw Unexpected("conversion to " + type.Kind, value, BodyValue.None);
        }
    }

    /// <summary>The value C# gives <c>default(T)</c> for type <paramref name="type"/> of <paramref name="model"/>, e.g. for the elements of <c>new int[n]</c>.</summary>
    public static BodyValue DefaultOf(BodyModel model, int type)
    {
        var spec = model.Types[type];
        switch (spec.Kind)
        {
            case BodyType.Int:
                return BodyValue.Of(0);
            case BodyType.Double:
                return BodyValue.Of(0.0);
            case BodyType.Bool:
                return BodyValue.Of(false);
            case BodyType.Angle:
                return BodyValue.Of(default(Angle));
            case BodyType.Tuple:
                var elements = new BodyValue[spec.Elements.Length];
                for (int i = 0; i < elements.Length; i++)
                {
                    elements[i] = DefaultOf(model, spec.Elements[i]);
                }

                return BodyValue.TupleOf(elements);
            default:
                throw new InvalidOperationException($"The circuit reader has no default value for {spec.Kind}.");
        }
    }

    /// <summary>
    /// (int)d. Unchecked, .NET 9 and later saturate and map NaN to 0 (the run time a body runs on); doing it by hand
    /// keeps the compile-time value the same when the compiler itself runs on .NET Framework.
    /// </summary>
    public static int ToInt(double d, bool isChecked)
    {
        double truncated = Math.Truncate(d);
        bool inRange = truncated >= int.MinValue && truncated <= int.MaxValue;
        if (isChecked && !inRange)
        {
            throw new OverflowException("Arithmetic operation resulted in an overflow.");
        }

        if (double.IsNaN(d))
        {
            return 0;
        }

        return inRange ? (int)truncated : d > 0 ? int.MaxValue : int.MinValue;
    }

    private static bool IsNumber(BodyValue v) => v.Type is BodyType.Int or BodyType.Double;

    private static BodyValue Int(BinaryOperatorKind op, int a, int b, bool isChecked)
    {
        switch (op)
        {
            case BinaryOperatorKind.Add:
                return BodyValue.Of(isChecked ? checked(a + b) : unchecked(a + b));
            case BinaryOperatorKind.Subtract:
                return BodyValue.Of(isChecked ? checked(a - b) : unchecked(a - b));
            case BinaryOperatorKind.Multiply:
                return BodyValue.Of(isChecked ? checked(a * b) : unchecked(a * b));
            case BinaryOperatorKind.Divide:
                // Throws DivideByZeroException, and OverflowException for int.MinValue / -1, exactly as at run time.
                return BodyValue.Of(a / b);
            case BinaryOperatorKind.Remainder:
                return BodyValue.Of(a % b);
            case BinaryOperatorKind.LeftShift:
                return BodyValue.Of(a << b);
            case BinaryOperatorKind.RightShift:
                return BodyValue.Of(a >> b);
            case BinaryOperatorKind.UnsignedRightShift:
                return BodyValue.Of(unchecked((int)((uint)a >> b)));
            case BinaryOperatorKind.And:
                return BodyValue.Of(a & b);
            case BinaryOperatorKind.Or:
                return BodyValue.Of(a | b);
            case BinaryOperatorKind.ExclusiveOr:
                return BodyValue.Of(a ^ b);
            case BinaryOperatorKind.Equals:
                return BodyValue.Of(a == b);
            case BinaryOperatorKind.NotEquals:
                return BodyValue.Of(a != b);
            case BinaryOperatorKind.LessThan:
                return BodyValue.Of(a < b);
            case BinaryOperatorKind.LessThanOrEqual:
                return BodyValue.Of(a <= b);
            case BinaryOperatorKind.GreaterThan:
                return BodyValue.Of(a > b);
            case BinaryOperatorKind.GreaterThanOrEqual:
                return BodyValue.Of(a >= b);
            default:
                throw Unexpected(op.ToString(), BodyValue.Of(a), BodyValue.Of(b));
        }
    }

    private static BodyValue Double(BinaryOperatorKind op, double a, double b)
    {
        switch (op)
        {
            case BinaryOperatorKind.Add:
                return BodyValue.Of(a + b);
            case BinaryOperatorKind.Subtract:
                return BodyValue.Of(a - b);
            case BinaryOperatorKind.Multiply:
                return BodyValue.Of(a * b);
            case BinaryOperatorKind.Divide:
                return BodyValue.Of(a / b);
            case BinaryOperatorKind.Remainder:
                return BodyValue.Of(a % b);

            // IEEE comparisons: every comparison with NaN is false except !=, which CompareTo would get wrong.
            case BinaryOperatorKind.Equals:
                return BodyValue.Of(a == b);
            case BinaryOperatorKind.NotEquals:
                return BodyValue.Of(a != b);
            case BinaryOperatorKind.LessThan:
                return BodyValue.Of(a < b);
            case BinaryOperatorKind.LessThanOrEqual:
                return BodyValue.Of(a <= b);
            case BinaryOperatorKind.GreaterThan:
                return BodyValue.Of(a > b);
            case BinaryOperatorKind.GreaterThanOrEqual:
                return BodyValue.Of(a >= b);
            default:
                throw Unexpected(op.ToString(), BodyValue.Of(a), BodyValue.Of(b));
        }
    }

    private static BodyValue Bool(BinaryOperatorKind op, bool a, bool b) => op switch
    {
        BinaryOperatorKind.And => BodyValue.Of(a & b),
        BinaryOperatorKind.Or => BodyValue.Of(a | b),
        BinaryOperatorKind.ExclusiveOr => BodyValue.Of(a ^ b),
        BinaryOperatorKind.Equals => BodyValue.Of(a == b),
        BinaryOperatorKind.NotEquals => BodyValue.Of(a != b),
        _ => throw Unexpected(op.ToString(), BodyValue.Of(a), BodyValue.Of(b)),
    };

    private static InvalidOperationException Unexpected(string op, BodyValue a, BodyValue b) =>
        new($"The circuit reader cannot apply {op} to {a} and {b}.");
}
