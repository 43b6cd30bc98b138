using System.Globalization;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

// Expressions: constants, locals, arithmetic, conversions, arrays, tuples and assignments.
internal sealed partial class BodyRunner
{
    private BodyValue Evaluate(int n)
    {
        Step(n);
        var node = Node(n);
        switch (node.Kind)
        {
            case BodyNodeKind.Constant:
                return (BodyConstantKind)node.A switch
                {
                    BodyConstantKind.Int => BodyValue.Of(node.B),
                    BodyConstantKind.Double => BodyValue.Of(node.Number),
                    BodyConstantKind.Bool => BodyValue.Of(node.B != 0),
                    BodyConstantKind.String => BodyValue.Of(node.Text),
                    _ => BodyValue.Of((string?)null),
                };
            case BodyNodeKind.Local:
                return Load(new Place(node.A));
            case BodyNodeKind.CircuitParameter:
                return BodyValue.Of(_circuit);
            case BodyNodeKind.TupleElement:
                return Evaluate(Child(n, 0)).AsTuple()[node.A];
            case BodyNodeKind.ArrayLength:
                return BodyValue.Of(Evaluate(Child(n, 0)).AsArray().Length);
            case BodyNodeKind.CircuitProperty:
                return Property(n);
            case BodyNodeKind.CircuitCall:
                return CallCircuit(n);
            case BodyNodeKind.PureCall:
                return CallPure(n);
            case BodyNodeKind.Binary:
                return Binary(n);
            case BodyNodeKind.Unary:
                return Unary(n, (UnaryOperatorKind)node.A, Evaluate(Child(n, 0)), node.B != 0);
            case BodyNodeKind.Conversion:
                return Convert(n, Evaluate(Child(n, 0)), node.A, node.B != 0);
            case BodyNodeKind.Conditional:
                return Evaluate(Evaluate(Child(n, 0)).AsBool() ? Child(n, 1) : Child(n, 2));
            case BodyNodeKind.ArrayCreation:
                return ArrayCreation(n);
            case BodyNodeKind.ArrayElement:
                return Load(Element(n));
            case BodyNodeKind.Tuple:
                var values = new BodyValue[node.ChildCount];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Evaluate(Child(n, i));
                }

                return BodyValue.TupleOf(values);
            case BodyNodeKind.Assign:
                var place = Resolve(Child(n, 0));
                return Assign(n, place, Evaluate(Child(n, 1)));
            case BodyNodeKind.CompoundAssign:
                return CompoundAssignment(n);
            case BodyNodeKind.Increment:
                return Increment(n);
            case BodyNodeKind.Deconstruct:
                // C# evaluates the targets (array indices) before the value, then assigns element by element.
                var targets = Resolve(Child(n, 0));
                var tuple = Evaluate(Child(n, 1));
                Assign(n, targets, tuple);
                return tuple;
            case BodyNodeKind.Default:
                return BodyArithmetic.DefaultOf(_model, node.A);
            default:
                throw Unexpected(n);
        }
    }

    private BodyValue Property(int n)
    {
        var circuit = Evaluate(Child(n, 0)).AsCircuit();
        var read = CircuitMethods.FindProperty(Node(n).Text!) ?? throw Unexpected(n);
        if (read.ScansGates)
        {
            Steps(n, circuit.Gates.Count);
        }

        return BodyValue.Of(read.Read(circuit));
    }

    private BodyValue Binary(int n)
    {
        var node = Node(n);
        var op = (BinaryOperatorKind)node.A;
        switch (op)
        {
            case BinaryOperatorKind.ConditionalAnd:
                return BodyValue.Of(Evaluate(Child(n, 0)).AsBool() && Evaluate(Child(n, 1)).AsBool());
            case BinaryOperatorKind.ConditionalOr:
                return BodyValue.Of(Evaluate(Child(n, 0)).AsBool() || Evaluate(Child(n, 1)).AsBool());
        }

        var left = Evaluate(Child(n, 0));
        var right = Evaluate(Child(n, 1));

        // Built-in operators, and string ==/!= (which the compiler binds to string.op_Equality).
        return Binary(n, op, left, right, node.B != 0);
    }

    private BodyValue CompoundAssignment(int n)
    {
        var node = Node(n);
        var place = Resolve(Child(n, 0));
        var current = Load(place);
        var value = Evaluate(Child(n, 1));
        var result = node.Text is { } key
            ? CallPure(n, key, new[] { current, value })
            : Binary(n, (BinaryOperatorKind)node.A, current, value, node.B != 0);

        // x op= y is x = (T)(x op y): the result goes back through an explicit conversion to the target's type.
        return Assign(n, place, result, node.B != 0);
    }

    private BodyValue Increment(int n)
    {
        var node = Node(n);
        var place = Resolve(Child(n, 0));
        var old = Load(place);
        var one = old.Type == BodyType.Int ? BodyValue.Of(1) : BodyValue.Of(1.0);
        var op = node.A == 1 ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
        var updated = Binary(n, op, old, one, node.C != 0);
        Assign(n, place, updated);
        return node.B == 1 ? old : updated;
    }

    private BodyValue ArrayCreation(int n)
    {
        var node = Node(n);
        if (node.B == 0)
        {
            var elements = new BodyValue[node.ChildCount];
            for (int i = 0; i < elements.Length; i++)
            {
                elements[i] = Evaluate(Child(n, i));
            }

            return BodyValue.ArrayOf(elements);
        }

        int length = Evaluate(Child(n, 0)).AsInt();
        if (length < 0)
        {
            throw Fail(n, WouldThrow(n, $"an array cannot have a negative length ({length.ToString(CultureInfo.InvariantCulture)})") + ".");
        }

        // Filling the array is work like any other: a huge 'new int[n]' runs out of budget instead of memory.
        Steps(n, length);
        var zeros = new BodyValue[length];
        var zero = BodyArithmetic.DefaultOf(_model, node.A);
        for (int i = 0; i < length; i++)
        {
            zeros[i] = zero;
        }

        return BodyValue.ArrayOf(zeros);
    }

    private BodyValue Convert(int at, BodyValue value, int type, bool isChecked)
    {
        try
        {
            return BodyArithmetic.Convert(_model, value, type, isChecked);
        }
        catch (System.ArgumentException exception)
        {
            // A NaN or infinite number becoming an Angle: Angle.Constant's own message.
            throw Fail(at, ExceptionText.Clean(exception));
        }
        catch (System.ArithmeticException exception)
        {
            throw Fail(at, exception);
        }
    }

    private BodyValue Binary(int at, BinaryOperatorKind op, BodyValue left, BodyValue right, bool isChecked)
    {
        try
        {
            return BodyArithmetic.Binary(op, left, right, isChecked);
        }
        catch (System.ArithmeticException exception)
        {
            // Division by zero, int.MinValue / -1, checked overflow: the body would throw here at run time.
            throw Fail(at, exception);
        }
    }

    private BodyValue Unary(int at, UnaryOperatorKind op, BodyValue operand, bool isChecked)
    {
        try
        {
            return BodyArithmetic.Unary(op, operand, isChecked);
        }
        catch (System.ArithmeticException exception)
        {
            throw Fail(at, exception);
        }
    }
}
