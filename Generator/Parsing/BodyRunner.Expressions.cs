using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

// Expressions: constants, locals, arithmetic, conversions, arrays, tuples and assignments.
internal sealed partial class BodyRunner
{
    private BodyValue Evaluate(IOperation op)
    {
        Step(op);
        var constant = op.ConstantValue;
        if (constant.HasValue)
        {
            return Constant(op, constant.Value);
        }

        switch (op.Kind)
        {
            case OperationKind.LocalReference:
                return Load(new Place(Slot(op, ((ILocalReferenceOperation)op).Local)));
            case OperationKind.ParameterReference:
                // The checker let through only the Circuit parameter.
                return BodyValue.Of(_circuit);
            case OperationKind.FieldReference:
                var field = (IFieldReferenceOperation)op;
                return Evaluate(field.Instance!).AsTuple()[TupleIndex(field.Field)];
            case OperationKind.PropertyReference:
                return Property((IPropertyReferenceOperation)op);
            case OperationKind.Invocation:
                return Invoke((IInvocationOperation)op);
            case OperationKind.Binary:
                return Binary((IBinaryOperation)op);
            case OperationKind.Unary:
                var unary = (IUnaryOperation)op;
                var operand = Evaluate(unary.Operand);
                return unary.OperatorMethod is { } method
                    ? CallPure(op, method, new[] { operand })
                    : Unary(op, unary.OperatorKind, operand, unary.IsChecked);
            case OperationKind.Conversion:
                var conversion = (IConversionOperation)op;
                return Convert(op, Evaluate(conversion.Operand), conversion.Type, conversion.IsChecked);
            case OperationKind.Conditional:
                var conditional = (IConditionalOperation)op;
                return Evaluate(Evaluate(conditional.Condition).AsBool() ? conditional.WhenTrue : conditional.WhenFalse!);
            case OperationKind.ArrayCreation:
                return ArrayCreation((IArrayCreationOperation)op);
            case OperationKind.ArrayElementReference:
                return Load(Resolve(op));
            case OperationKind.Tuple:
                var elements = ((ITupleOperation)op).Elements;
                var values = new BodyValue[elements.Length];
                for (int i = 0; i < values.Length; i++)
                {
                    values[i] = Evaluate(elements[i]);
                }

                return BodyValue.TupleOf(values);
            case OperationKind.SimpleAssignment:
                var assignment = (ISimpleAssignmentOperation)op;
                var place = Resolve(assignment.Target);
                return Assign(op, place, Evaluate(assignment.Value));
            case OperationKind.CompoundAssignment:
                return CompoundAssignment((ICompoundAssignmentOperation)op);
            case OperationKind.Increment:
            case OperationKind.Decrement:
                return Increment((IIncrementOrDecrementOperation)op);
            case OperationKind.DeconstructionAssignment:
                // C# evaluates the targets (array indices) before the value, then assigns element by element.
                var deconstruction = (IDeconstructionAssignmentOperation)op;
                var targets = Resolve(deconstruction.Target);
                var tuple = Evaluate(deconstruction.Value);
                Assign(op, targets, tuple);
                return tuple;
            case OperationKind.DefaultValue:
                return BodyArithmetic.DefaultOf(op.Type);
            default:
                throw Unexpected(op);
        }
    }

    private static BodyValue Constant(IOperation op, object? value) => value switch
    {
        int i => BodyValue.Of(i),
        double d => BodyValue.Of(d),
        bool b => BodyValue.Of(b),
        string s => BodyValue.Of(s),
        null => BodyValue.Of((string?)null),
        _ => throw Unexpected(op),
    };

    private BodyValue Property(IPropertyReferenceOperation property)
    {
        var instance = Evaluate(property.Instance!);
        if (instance.Type == BodyType.Array)
        {
            return BodyValue.Of(instance.AsArray().Length);
        }

        if (!_calls.TryGetValue(property, out var call))
        {
            call = new CallSite(CircuitMethods.FindProperty(property.Property) ?? throw Unexpected(property));
            _calls.Add(property, call);
        }

        var circuit = instance.AsCircuit();
        var read = (CircuitProperty)call.Target;
        if (read.ScansGates)
        {
            Steps(property, circuit.Gates.Count);
        }

        return BodyValue.Of(read.Read(circuit));
    }

    private BodyValue Binary(IBinaryOperation binary)
    {
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd:
                return BodyValue.Of(Evaluate(binary.LeftOperand).AsBool() && Evaluate(binary.RightOperand).AsBool());
            case BinaryOperatorKind.ConditionalOr:
                return BodyValue.Of(Evaluate(binary.LeftOperand).AsBool() || Evaluate(binary.RightOperand).AsBool());
        }

        var left = Evaluate(binary.LeftOperand);
        var right = Evaluate(binary.RightOperand);
        if (binary.OperatorMethod is { } method && KnownTypes.IsAngle(method.ContainingType))
        {
            return CallPure(binary, method, new[] { left, right });
        }

        // Built-in operators, and string ==/!= (which the compiler binds to string.op_Equality).
        return Binary(binary, binary.OperatorKind, left, right, binary.IsChecked);
    }

    private BodyValue CompoundAssignment(ICompoundAssignmentOperation compound)
    {
        var place = Resolve(compound.Target);
        var current = Load(place);
        var value = Evaluate(compound.Value);
        var result = compound.OperatorMethod is { } method
            ? CallPure(compound, method, new[] { current, value })
            : Binary(compound, compound.OperatorKind, current, value, compound.IsChecked);

        // x op= y is x = (T)(x op y): the result goes back through an explicit conversion to the target's type.
        return Assign(compound, place, result, compound.IsChecked);
    }

    private BodyValue Increment(IIncrementOrDecrementOperation increment)
    {
        var place = Resolve(increment.Target);
        var old = Load(place);
        var one = old.Type == BodyType.Int ? BodyValue.Of(1) : BodyValue.Of(1.0);
        var op = increment.Kind == OperationKind.Increment ? BinaryOperatorKind.Add : BinaryOperatorKind.Subtract;
        var updated = Binary(increment, op, old, one, increment.IsChecked);
        Assign(increment, place, updated);
        return increment.IsPostfix ? old : updated;
    }

    private BodyValue ArrayCreation(IArrayCreationOperation creation)
    {
        var elementType = ((IArrayTypeSymbol)creation.Type!).ElementType;
        if (creation.Initializer is { } initializer)
        {
            var elements = new BodyValue[initializer.ElementValues.Length];
            for (int i = 0; i < elements.Length; i++)
            {
                elements[i] = Evaluate(initializer.ElementValues[i]);
            }

            return BodyValue.ArrayOf(elements);
        }

        int length = Evaluate(creation.DimensionSizes[0]).AsInt();
        if (length < 0)
        {
            throw Fail(creation, $"'{UnsupportedConstructs.Snippet(creation.Syntax)}' would throw at run time: an array cannot have a negative length " +
                $"({length.ToString(CultureInfo.InvariantCulture)}).");
        }

        // Filling the array is work like any other: a huge 'new int[n]' runs out of budget instead of memory.
        Steps(creation, length);
        var zeros = new BodyValue[length];
        var zero = BodyArithmetic.DefaultOf(elementType);
        for (int i = 0; i < length; i++)
        {
            zeros[i] = zero;
        }

        return BodyValue.ArrayOf(zeros);
    }

    private BodyValue Convert(IOperation at, BodyValue value, ITypeSymbol? type, bool isChecked)
    {
        try
        {
            return BodyArithmetic.Convert(value, type, isChecked);
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

    private static BodyValue Binary(IOperation at, BinaryOperatorKind op, BodyValue left, BodyValue right, bool isChecked)
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

    private static BodyValue Unary(IOperation at, UnaryOperatorKind op, BodyValue operand, bool isChecked)
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

    /// <summary>The position of a tuple element: <c>Item2</c>, or a named element such as <c>V</c>, which is <c>Item2</c> underneath.</summary>
    private static int TupleIndex(IFieldSymbol field)
    {
        string name = (field.CorrespondingTupleField ?? field).Name;
        return name.StartsWith("Item", System.StringComparison.Ordinal)
               && int.TryParse(name.Substring(4), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1
            ? n - 1
            : throw new System.InvalidOperationException($"The circuit reader cannot find tuple element '{field.Name}'.");
    }
}
