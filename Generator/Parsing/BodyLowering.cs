using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Lowers a checked <c>[Circuit]</c> body's operation tree into a <see cref="BodyModel"/>: the compiler's resolved
/// meaning (conversions, overloads, constants, argument order, local identities) written down as plain values. The
/// walk follows exactly the nodes <see cref="BodyRunner"/> evaluates, one node each, so the runner's step count and
/// problem locations stay what they were when it ran the operation tree itself.
/// </summary>
internal sealed class BodyLowering
{
    private readonly List<BodyNode> _nodes = new();
    private readonly List<int> _children = new();
    private readonly List<BodyTypeSpec> _types = new();
    private readonly Dictionary<BodyTypeSpec, int> _typeIds = new();
    private readonly Dictionary<ILocalSymbol, int> _slots = new(SymbolEqualityComparer.Default);
    private readonly List<int> _localTypes = new();
    private readonly List<IOperation>? _operations;
    private readonly CancellationToken _cancellationToken;

    private BodyLowering(List<IOperation>? operations, CancellationToken cancellationToken)
    {
        _operations = operations;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The model of <paramref name="body"/>. With <paramref name="operations"/>, node i's operation is added at index i
    /// (the analyzers turn the runner's node numbers back into source locations that way).
    /// </summary>
    public static BodyModel Lower(IOperation body, List<IOperation>? operations, CancellationToken cancellationToken)
    {
        var lowering = new BodyLowering(operations, cancellationToken);
        int root = lowering.Statement(body);
        return new BodyModel(lowering._nodes.ToImmutableArray(), lowering._children.ToImmutableArray(), lowering._types.ToImmutableArray(),
            lowering._localTypes.ToImmutableArray(), root);
    }

    private int Add(IOperation op, BodyNodeKind kind, List<int>? children = null, int a = 0, int b = 0, int c = 0, double number = 0, string? text = null)
    {
        int start = _children.Count;
        if (children is not null)
        {
            _children.AddRange(children);
        }

        _nodes.Add(new BodyNode(kind, a, b, c, start, children?.Count ?? 0, number, text));
        _operations?.Add(op);
        return _nodes.Count - 1;
    }

    private int Add(IOperation op, BodyNodeKind kind, int child, int a = 0, int b = 0, int c = 0, string? text = null) =>
        Add(op, kind, new List<int> { child }, a, b, c, text: text);

    private int Statement(IOperation op)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        switch (op)
        {
            case IBlockOperation block:
                var statements = new List<int>(block.Operations.Length);
                foreach (var statement in block.Operations)
                {
                    statements.Add(Statement(statement));
                }

                return Add(op, BodyNodeKind.Block, statements);
            case IVariableDeclarationGroupOperation group:
                var declarators = new List<int>();
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (declarator.Initializer is { } initializer)
                        {
                            declarators.Add(Add(declarator, BodyNodeKind.Declare, Expression(initializer.Value), a: Slot(declarator.Symbol)));
                        }
                    }
                }

                return Add(op, BodyNodeKind.Declarations, declarators);
            case IExpressionStatementOperation expression:
                return Add(op, BodyNodeKind.ExpressionStatement, Expression(expression.Operation));
            case IForLoopOperation loop:
                var parts = new List<int>();
                foreach (var before in loop.Before)
                {
                    parts.Add(Statement(before));
                }

                if (loop.Condition is { } condition)
                {
                    parts.Add(Expression(condition));
                }

                foreach (var increment in loop.AtLoopBottom)
                {
                    parts.Add(Statement(increment));
                }

                parts.Add(Statement(loop.Body));
                return Add(op, BodyNodeKind.For, parts, a: loop.Before.Length, b: loop.Condition is null ? 0 : 1, c: loop.AtLoopBottom.Length);
            case IForEachLoopOperation loop:
                var collection = Expression(SkipImplicitConversions(loop.Collection));
                var target = Place(loop.LoopControlVariable);
                return Add(op, BodyNodeKind.ForEach, new List<int> { collection, target, Statement(loop.Body) });
            case IConditionalOperation branch:
                var branches = new List<int> { Expression(branch.Condition), Statement(branch.WhenTrue) };
                if (branch.WhenFalse is { } otherwise)
                {
                    branches.Add(Statement(otherwise));
                }

                return Add(op, BodyNodeKind.If, branches);
            case ILabeledOperation labeled:
                // A label alone is harmless (the checker reports the 'goto' that would use it).
                return labeled.Operation is { } inner ? Statement(inner) : Add(op, BodyNodeKind.Empty);
            case IBranchOperation branchOp:
                return Add(op, branchOp.BranchKind == BranchKind.Break ? BodyNodeKind.Break : BodyNodeKind.Continue);
            case IReturnOperation:
                return Add(op, BodyNodeKind.Return);
            case IEmptyOperation:
                return Add(op, BodyNodeKind.Empty);
            default:
                return Invalid(op);
        }
    }

    private int Expression(IOperation op)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (op.ConstantValue.HasValue)
        {
            return Constant(op, op.ConstantValue.Value);
        }

        switch (op)
        {
            case ILocalReferenceOperation local:
                return Add(op, BodyNodeKind.Local, a: Slot(local.Local));
            case IParameterReferenceOperation:
                // The checker let through only the Circuit parameter.
                return Add(op, BodyNodeKind.CircuitParameter);
            case IFieldReferenceOperation { Instance: { } tuple } field:
                return Add(op, BodyNodeKind.TupleElement, Expression(tuple), a: TupleIndex(field.Field));
            case IPropertyReferenceOperation { Instance: { } instance } property:
                return instance.Type is IArrayTypeSymbol
                    ? Add(op, BodyNodeKind.ArrayLength, Expression(instance))
                    : Add(op, BodyNodeKind.CircuitProperty, Expression(instance), text: property.Property.Name);
            case IInvocationOperation invocation:
                return Invocation(invocation);
            case IBinaryOperation binary:
                var left = Expression(binary.LeftOperand);
                var right = Expression(binary.RightOperand);
                if (binary.OperatorMethod is { } method && KnownTypes.IsAngle(method.ContainingType))
                {
                    return PureCall(op, method, receiver: null, new List<int> { Argument(binary.LeftOperand, left, 0), Argument(binary.RightOperand, right, 1) });
                }

                return Add(op, BodyNodeKind.Binary, new List<int> { left, right }, a: (int)binary.OperatorKind, b: Flag(binary.IsChecked));
            case IUnaryOperation unary:
                var operand = Expression(unary.Operand);
                return unary.OperatorMethod is { } unaryMethod
                    ? PureCall(op, unaryMethod, receiver: null, new List<int> { Argument(unary.Operand, operand, 0) })
                    : Add(op, BodyNodeKind.Unary, operand, a: (int)unary.OperatorKind, b: Flag(unary.IsChecked));
            case IConversionOperation conversion:
                return Add(op, BodyNodeKind.Conversion, Expression(conversion.Operand), a: TypeId(conversion.Type), b: Flag(conversion.IsChecked),
                    c: Flag(conversion.IsImplicit));
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return Add(op, BodyNodeKind.Conditional,
                    new List<int> { Expression(conditional.Condition), Expression(conditional.WhenTrue), Expression(whenFalse) });
            case IArrayCreationOperation creation:
                int elementType = TypeId(((IArrayTypeSymbol)creation.Type!).ElementType);
                if (creation.Initializer is { } initializer)
                {
                    var elements = new List<int>(initializer.ElementValues.Length);
                    foreach (var element in initializer.ElementValues)
                    {
                        elements.Add(Expression(element));
                    }

                    return Add(op, BodyNodeKind.ArrayCreation, elements, a: elementType);
                }

                return Add(op, BodyNodeKind.ArrayCreation, Expression(creation.DimensionSizes[0]), a: elementType, b: 1);
            case IArrayElementReferenceOperation element:
                return Add(op, BodyNodeKind.ArrayElement, new List<int> { Expression(element.ArrayReference), Expression(element.Indices[0]) });
            case ITupleOperation tupleOp:
                var items = new List<int>(tupleOp.Elements.Length);
                foreach (var item in tupleOp.Elements)
                {
                    items.Add(Expression(item));
                }

                return Add(op, BodyNodeKind.Tuple, items);
            case ISimpleAssignmentOperation assignment:
                // C# resolves the target (array and index) before it evaluates the value.
                var place = Place(assignment.Target);
                return Add(op, BodyNodeKind.Assign, new List<int> { place, Expression(assignment.Value) });
            case ICompoundAssignmentOperation compound:
                var compoundPlace = Place(compound.Target);
                string? key = compound.OperatorMethod is { } compoundMethod ? PureKey(compoundMethod) : null;
                return Add(op, BodyNodeKind.CompoundAssign, new List<int> { compoundPlace, Expression(compound.Value) },
                    a: (int)compound.OperatorKind, b: Flag(compound.IsChecked), text: key);
            case IIncrementOrDecrementOperation increment:
                return Add(op, BodyNodeKind.Increment, Place(increment.Target),
                    a: Flag(increment.Kind == OperationKind.Increment), b: Flag(increment.IsPostfix), c: Flag(increment.IsChecked));
            case IDeconstructionAssignmentOperation deconstruction:
                // C# evaluates the targets (array indices) before the value, then assigns element by element.
                var targets = Place(deconstruction.Target);
                return Add(op, BodyNodeKind.Deconstruct, new List<int> { targets, Expression(deconstruction.Value) });
            case IDefaultValueOperation:
                return Add(op, BodyNodeKind.Default, a: TypeId(op.Type));
            default:
                return Invalid(op);
        }
    }

    private int Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        if (CircuitMethods.Find(method) is { } circuitMethod)
        {
            // The receiver first: in c.H(0).CNOT(0, 1) it is the call that records H.
            var children = new List<int> { Expression(invocation.Instance!) };
            Arguments(invocation.Arguments, children);
            return Add(invocation, BodyNodeKind.CircuitCall, children, a: circuitMethod.Parameters.Length,
                c: Flag(BodyTypes.Classify(method.ReturnType) == BodyType.Angle), text: method.Name);
        }

        var pure = new List<int>();
        int? receiver = invocation.Instance is { } instance ? Expression(instance) : null;
        Arguments(invocation.Arguments, pure);
        return PureCall(invocation, method, receiver, pure);
    }

    /// <summary>Arguments in source order (named ones may be reordered), each with the parameter it fills.</summary>
    private void Arguments(ImmutableArray<IArgumentOperation> arguments, List<int> into)
    {
        foreach (var argument in arguments)
        {
            int value = Expression(argument.Value);
            into.Add(Add(argument, BodyNodeKind.Argument, value, a: argument.Parameter!.Ordinal, b: Flag(argument.IsImplicit),
                text: argument.Parameter.Name));
        }
    }

    private int Argument(IOperation value, int node, int ordinal) => Add(value, BodyNodeKind.Argument, node, a: ordinal, b: 1);

    private int PureCall(IOperation op, IMethodSymbol method, int? receiver, List<int> arguments)
    {
        var children = new List<int>();
        if (receiver is { } r)
        {
            children.Add(r);
        }

        children.AddRange(arguments);
        return Add(op, BodyNodeKind.PureCall, children, a: Flag(receiver is not null), b: method.Parameters.Length, text: PureKey(method));
    }

    /// <summary>The key <see cref="BodyRunner"/> finds a Math function or Angle member by (null for anything else: the runner fails on it).</summary>
    private static string? PureKey(IMethodSymbol method) =>
        MathFunctions.Key(method) is { } math ? "Math." + math
        : AngleMembers.Key(method) is { } angle ? "Angle." + angle
        : null;

    private int Place(IOperation target)
    {
        switch (target)
        {
            case IVariableDeclaratorOperation declarator:
                return Add(target, BodyNodeKind.LocalPlace, a: Slot(declarator.Symbol));
            case ILocalReferenceOperation local:
                return Add(target, BodyNodeKind.LocalPlace, a: Slot(local.Local));
            case IArrayElementReferenceOperation element:
                return Add(target, BodyNodeKind.ElementPlace, new List<int> { Expression(element.ArrayReference), Expression(element.Indices[0]) },
                    a: TypeId(element.Type));
            case IDeclarationExpressionOperation declaration:
                return Place(declaration.Expression);
            case ITupleOperation tuple:
                var parts = new List<int>(tuple.Elements.Length);
                foreach (var element in tuple.Elements)
                {
                    parts.Add(Place(element));
                }

                return Add(target, BodyNodeKind.TuplePlace, parts);
            case IDiscardOperation:
                return Add(target, BodyNodeKind.DiscardPlace);
            default:
                return Invalid(target);
        }
    }

    private int Constant(IOperation op, object? value) => value switch
    {
        int i => Add(op, BodyNodeKind.Constant, a: (int)BodyConstantKind.Int, b: i),
        double d => Add(op, BodyNodeKind.Constant, a: (int)BodyConstantKind.Double, number: d),
        bool b => Add(op, BodyNodeKind.Constant, a: (int)BodyConstantKind.Bool, b: b ? 1 : 0),
        string s => Add(op, BodyNodeKind.Constant, a: (int)BodyConstantKind.String, text: s),
        null => Add(op, BodyNodeKind.Constant, a: (int)BodyConstantKind.Null),
        _ => Invalid(op),
    };

    private int Invalid(IOperation op) => Add(op, BodyNodeKind.Invalid, text: op.Kind.ToString());

    private int Slot(ILocalSymbol local)
    {
        if (!_slots.TryGetValue(local, out int slot))
        {
            slot = _localTypes.Count;
            _slots.Add(local, slot);
            _localTypes.Add(TypeId(local.Type));
        }

        return slot;
    }

    private int TypeId(ITypeSymbol? type)
    {
        var kind = BodyTypes.Classify(type);
        var elements = ImmutableArray<int>.Empty;
        if (kind == BodyType.Array && type is IArrayTypeSymbol array)
        {
            elements = ImmutableArray.Create(TypeId(array.ElementType));
        }
        else if (kind == BodyType.Tuple && type is INamedTypeSymbol tuple)
        {
            var builder = ImmutableArray.CreateBuilder<int>(tuple.TupleElements.Length);
            foreach (var element in tuple.TupleElements)
            {
                builder.Add(TypeId(element.Type));
            }

            elements = builder.MoveToImmutable();
        }

        var spec = new BodyTypeSpec(kind, elements);
        if (!_typeIds.TryGetValue(spec, out int id))
        {
            id = _types.Count;
            _types.Add(spec);
            _typeIds.Add(spec, id);
        }

        return id;
    }

    private static int Flag(bool value) => value ? 1 : 0;

    private static IOperation SkipImplicitConversions(IOperation op)
    {
        while (op is IConversionOperation { IsImplicit: true } conversion)
        {
            op = conversion.Operand;
        }

        return op;
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
