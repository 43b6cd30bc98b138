using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

// Expressions: constants, locals, the circuit parameter, arithmetic, conversions, arrays, tuples, assignments and the
// calls the dispatch tables know. Anything else is reported where it is written and not looked into, so one unsupported
// construct is one problem.
internal sealed partial class BodyChecker
{
    private void Expression(IOperation op)
    {
        if (!Enter(op))
        {
            return;
        }

        if (op.ConstantValue.HasValue)
        {
            // Literals, const fields and locals, enum members, Math.PI, folded constant expressions: the compiler already knows them.
            Constant(op);
            _depth--;
            return;
        }

        switch (op)
        {
            case ILocalReferenceOperation:
                // Its type was checked where it was declared.
                break;
            case IParameterReferenceOperation parameter:
                if (!SymbolEqualityComparer.Default.Equals(parameter.Parameter, _circuitParameter))
                {
                    NonConstant(op, $"parameter '{parameter.Parameter.Name}'", "use a const value");
                }

                break;
            case IFieldReferenceOperation { Field.ContainingType.IsTupleType: true, Instance: { } tuple }:
                Expression(tuple);
                break;
            case IFieldReferenceOperation field:
                NonConstant(op, $"field '{Name(field.Field)}'", field.Type is IArrayTypeSymbol
                    ? "declare the array as a local, such as var wires = new[] { 0, 1 }"
                    : "declare it 'const' or use a literal");
                break;
            case IPropertyReferenceOperation property:
                Property(property);
                break;
            case IInvocationOperation invocation:
                Invocation(invocation);
                break;
            case IObjectCreationOperation creation:
                Unknown(op, $"constructor 'new {creation.Type?.ToDisplayString() ?? "?"}(…)'");
                break;
            case IBinaryOperation binary:
                Binary(binary);
                break;
            case IUnaryOperation unary:
                Unary(unary);
                break;
            case IConversionOperation conversion:
                Conversion(conversion);
                break;
            case IConditionalOperation conditional when conditional.WhenFalse is { } whenFalse:
                Expression(conditional.Condition);
                Expression(conditional.WhenTrue);
                Expression(whenFalse);
                break;
            case IArrayCreationOperation creation:
                ArrayCreation(creation);
                break;
            case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                Expression(element.ArrayReference);
                Expression(element.Indices[0]);
                break;
            case ITupleOperation tuple:
                if (BodyTypes.Classify(tuple.Type) != BodyType.Tuple)
                {
                    UnsupportedType(op);
                    break;
                }

                foreach (var element in tuple.Elements)
                {
                    Expression(element);
                }

                break;
            case ISimpleAssignmentOperation { IsRef: false } assignment:
                Target(assignment.Target);
                Expression(assignment.Value);
                break;
            case ICompoundAssignmentOperation compound:
                if (compound.OperatorMethod is { } compoundMethod && AngleMembers.Find(compoundMethod) is null)
                {
                    Unsupported(op);
                    break;
                }

                Target(compound.Target);
                Expression(compound.Value);
                break;
            case IIncrementOrDecrementOperation { OperatorMethod: null } increment
                when BodyTypes.Classify(increment.Target.Type) is BodyType.Int or BodyType.Double:
                Target(increment.Target);
                break;
            case IDeconstructionAssignmentOperation deconstruction when BodyTypes.Classify(deconstruction.Value.Type) == BodyType.Tuple:
                Target(deconstruction.Target);
                Expression(deconstruction.Value);
                break;
            case IDefaultValueOperation when BodyTypes.Classify(op.Type) is BodyType.Angle or BodyType.Tuple:
                break;
            default:
                Unsupported(op);
                break;
        }

        _depth--;
    }

    private void Constant(IOperation op)
    {
        var type = BodyTypes.Classify(op.Type);
        bool known = op.ConstantValue.Value switch
        {
            int => type == BodyType.Int,
            double => type == BodyType.Double,
            bool => type == BodyType.Bool,
            string => type == BodyType.String,
            // null only as a string (a Pauli word the circuit then rejects): arrays and the circuit are never null.
            null => type == BodyType.String,
            _ => false,
        };

        if (!known)
        {
            UnsupportedType(op);
        }
    }

    private void Property(IPropertyReferenceOperation property)
    {
        var symbol = property.Property;
        if (property.Instance is { } instance && property.Arguments.IsEmpty)
        {
            if ((symbol.Name == "Length" && instance.Type is IArrayTypeSymbol) || CircuitMethods.FindProperty(symbol) is not null)
            {
                Expression(instance);
                return;
            }

            if (KnownTypes.IsCircuit(symbol.ContainingType))
            {
                Report(BodyProblemKind.UnsupportedConstruct,
                    $"'Circuit.{symbol.Name}' is not supported in a [Circuit] body; only Qubits, WeightCount, InputCount, Depth and " +
                    "MultiQubitGateCount can be read.", property.Syntax.GetLocation());
                return;
            }
        }

        NonConstant(property, $"property '{Name(symbol)}'", "use a const value or a literal");
    }

    private void Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (KnownTypes.IsCircuit(method.ContainingType) && CircuitMethods.Find(method) is null)
        {
            Report(BodyProblemKind.UnsupportedConstruct,
                $"'Circuit.{method.Name}' is not supported in a [Circuit] body; record gates with the gate methods (c.H, c.RY, c.CNOT, …) and templates.",
                BodyLocations.CallSite(invocation));
            return;
        }

        if (method.MethodKind == MethodKind.LocalFunction)
        {
            // The local function's declaration is already reported; its calls would only repeat that.
            return;
        }

        if (CircuitMethods.Find(method) is null && MathFunctions.Find(method) is null && AngleMembers.Find(method) is null)
        {
            Unknown(invocation, $"method '{Name(method)}'");
            return;
        }

        if (invocation.Instance is { } instance)
        {
            Expression(instance);
        }

        foreach (var argument in invocation.Arguments)
        {
            Expression(argument.Value);
        }
    }

    private void Binary(IBinaryOperation binary)
    {
        if (BodyTypes.Classify(binary.Type) == BodyType.String)
        {
            Report(BodyProblemKind.UnsupportedConstruct,
                "Building strings is not supported in a [Circuit] body; a Pauli word must be a constant such as \"XYZ\".",
                binary.Syntax.GetLocation());
            return;
        }

        bool known = binary.OperatorMethod is { } method
            ? AngleMembers.Find(method) is not null
              || (KnownTypes.IsString(method.ContainingType) && method.Name is "op_Equality" or "op_Inequality")
            : (IsArithmetic(binary.LeftOperand.Type) && IsArithmetic(binary.RightOperand.Type))
              || (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
                  && KnownTypes.IsString(binary.LeftOperand.Type) && KnownTypes.IsString(binary.RightOperand.Type));
        if (!known)
        {
            // Reference comparisons (c == null), operators of other types.
            Unsupported(binary);
            return;
        }

        Expression(binary.LeftOperand);
        Expression(binary.RightOperand);
    }

    private void Unary(IUnaryOperation unary)
    {
        bool known = unary.OperatorMethod is { } method
            ? AngleMembers.Find(method) is not null
            : unary.OperatorKind is UnaryOperatorKind.Plus or UnaryOperatorKind.Minus or UnaryOperatorKind.BitwiseNegation or UnaryOperatorKind.Not
              && IsArithmetic(unary.Operand.Type);
        if (!known)
        {
            // ^1 (an Index), operator true/false, operators of other types.
            Unsupported(unary);
            return;
        }

        Expression(unary.Operand);
    }

    /// <summary>Types C#'s built-in operators work on here: int (and int enums), double and bool.</summary>
    private static bool IsArithmetic(ITypeSymbol? type) => BodyTypes.Classify(type) is BodyType.Int or BodyType.Double or BodyType.Bool;

    private void Conversion(IConversionOperation conversion)
    {
        if (BodyTypes.Classify(conversion.Type) == BodyType.Unsupported)
        {
            UnsupportedType(conversion);
            return;
        }

        if (conversion.OperatorMethod is { } method
            && !(KnownTypes.IsAngle(method.ContainingType) && method.Name == "op_Implicit"
                 && method.Parameters.Length == 1 && method.Parameters[0].Type.SpecialType == SpecialType.System_Double))
        {
            Unsupported(conversion);
            return;
        }

        Expression(conversion.Operand);
    }

    private void ArrayCreation(IArrayCreationOperation creation)
    {
        if (BodyTypes.Classify(creation.Type) != BodyType.Array)
        {
            UnsupportedType(creation);
            return;
        }

        foreach (var size in creation.DimensionSizes)
        {
            Expression(size);
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var element in initializer.ElementValues)
            {
                Expression(element);
            }
        }
    }

    /// <summary>Checks what an assignment, <c>++</c>, deconstruction or <c>foreach</c> writes to: locals and array elements only.</summary>
    private void Target(IOperation target)
    {
        switch (target)
        {
            case IVariableDeclaratorOperation declarator:
                Declarator(declarator);
                break;
            case ILocalReferenceOperation local when local.Local.IsRef:
                Report(BodyProblemKind.UnsupportedConstruct, "'ref' locals are not supported in a [Circuit] body; use an ordinary local.",
                    target.Syntax.GetLocation());
                break;
            case ILocalReferenceOperation local:
                if (BodyTypes.Classify(local.Local.Type) == BodyType.Unsupported)
                {
                    // Declared inside a deconstruction, where no declarator was checked.
                    Report(BodyProblemKind.UnsupportedConstruct, UnsupportedConstructs.UnsupportedType(local.Local.Type), target.Syntax.GetLocation());
                }

                break;
            case IArrayElementReferenceOperation:
                Expression(target);
                break;
            case IDeclarationExpressionOperation declaration:
                Target(declaration.Expression);
                break;
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Target(element);
                }

                break;
            case IDiscardOperation:
                break;
            case IFieldReferenceOperation field:
                Report(BodyProblemKind.UnsupportedConstruct,
                    $"Assigning to field '{field.Field.Name}' is not supported in a [Circuit] body; use a local variable.", target.Syntax.GetLocation());
                break;
            case IPropertyReferenceOperation property:
                Report(BodyProblemKind.UnsupportedConstruct,
                    $"Assigning to property '{property.Property.Name}' is not supported in a [Circuit] body; use a local variable.", target.Syntax.GetLocation());
                break;
            case IParameterReferenceOperation:
                Report(BodyProblemKind.UnsupportedConstruct,
                    "Assigning to the Circuit parameter is not supported in a [Circuit] body; call its methods instead.", target.Syntax.GetLocation());
                break;
            default:
                Unsupported(target);
                break;
        }
    }

    /// <summary>A value the compiler cannot know; inside a loop bound it is the loop's problem, reported once at the bound.</summary>
    private void NonConstant(IOperation op, string what, string hint)
    {
        if (_loopBound is { } bound)
        {
            LoopBoundProblem(bound, what);
            return;
        }

        Report(BodyProblemKind.NonConstantValue,
            $"The value of {what} is not known at compile time, so a [Circuit] body cannot use it; {hint}.", op.Syntax.GetLocation());
    }

    /// <summary>A call outside the dispatch tables; inside a loop bound it is the loop's problem.</summary>
    private void Unknown(IOperation op, string what)
    {
        if (_loopBound is { } bound)
        {
            LoopBoundProblem(bound, what);
            return;
        }

        Report(BodyProblemKind.UnknownCall,
            $"A [Circuit] body cannot call {what}: only calls on the Circuit parameter and Math functions are allowed.", op.Syntax.GetLocation());
    }

    private void LoopBoundProblem(IOperation bound, string what)
    {
        if (_loopBoundReported)
        {
            return;
        }

        _loopBoundReported = true;
        Report(BodyProblemKind.NonConstantLoopBound,
            $"The loop bound '{UnsupportedConstructs.Snippet(bound.Syntax)}' depends on {what}, which is not known at compile time; " +
            "a loop must end after a number of iterations the compiler can work out (use literals, const values and loop variables).",
            bound.Syntax.GetLocation());
    }

    private void UnsupportedType(IOperation op) =>
        Report(BodyProblemKind.UnsupportedConstruct, UnsupportedConstructs.UnsupportedType(op.Type), op.Syntax.GetLocation());

    private static string Name(ISymbol symbol) => symbol.ContainingType is { } type ? type.Name + "." + symbol.Name : symbol.Name;
}
