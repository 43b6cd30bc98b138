using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

/// <summary>
/// Walks a <c>[Circuit]</c> body's operation tree once, before anything runs, and reports every construct outside the
/// subset, every value not known at compile time and every unknown call. Checking the tree rather than the execution
/// means a problem inside a loop is reported once, dead code is checked too, and the runner can trust every node it meets.
/// This file checks statements; <c>BodyChecker.Expressions.cs</c> checks expressions.
/// </summary>
internal sealed partial class BodyChecker
{
    // Deep enough for any real body; the runner recurses along the same tree, so this also bounds its stack.
    private const int MaxNesting = 200;

    private readonly IParameterSymbol _circuitParameter;
    private readonly List<BodyProblem> _problems;
    private readonly CancellationToken _cancellationToken;
    private int _depth;
    private bool _tooDeepReported;

    // While a loop condition or foreach collection is checked: the first unknown value in it is reported once, as the loop's problem.
    private IOperation? _loopBound;
    private bool _loopBoundReported;

    private BodyChecker(IParameterSymbol circuitParameter, List<BodyProblem> problems, CancellationToken cancellationToken)
    {
        _circuitParameter = circuitParameter;
        _problems = problems;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Adds a problem to <paramref name="problems"/> for everything in <paramref name="body"/> the runner could not run.</summary>
    public static void Check(IOperation body, IParameterSymbol circuitParameter, List<BodyProblem> problems, CancellationToken cancellationToken) =>
        new BodyChecker(circuitParameter, problems, cancellationToken).Statement(body);

    private void Statement(IOperation op)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (!Enter(op))
        {
            return;
        }

        switch (op)
        {
            case IBlockOperation when (op.Syntax as UnsafeStatementSyntax ?? op.Syntax.Parent as UnsafeStatementSyntax) is { } unsafeBlock:
                // The operation tree shows an unsafe block as a plain block; only the syntax says 'unsafe'.
                Report(BodyProblemKind.UnsupportedConstruct, UnsupportedConstructs.Describe(unsafeBlock), unsafeBlock.GetLocation());
                break;
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    Statement(statement);
                }

                break;
            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        Declarator(declarator);
                    }
                }

                break;
            case IExpressionStatementOperation expression:
                Expression(expression.Operation);
                break;
            case IForLoopOperation loop:
                foreach (var before in loop.Before)
                {
                    Statement(before);
                }

                LoopBound(loop.Condition);
                foreach (var increment in loop.AtLoopBottom)
                {
                    Statement(increment);
                }

                Statement(loop.Body);
                break;
            case IForEachLoopOperation { IsAsynchronous: false } loop:
                ForEach(loop);
                break;
            case IConditionalOperation branch:
                Expression(branch.Condition);
                Statement(branch.WhenTrue);
                if (branch.WhenFalse is { } otherwise)
                {
                    Statement(otherwise);
                }

                break;
            case ILabeledOperation labeled:
                // A label alone is harmless; the 'goto' that would use it is what gets reported.
                if (labeled.Operation is { } inner)
                {
                    Statement(inner);
                }

                break;
            case IBranchOperation { BranchKind: BranchKind.Break or BranchKind.Continue }:
            case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: null }:
            case IEmptyOperation:
                break;
            default:
                Unsupported(op);
                break;
        }

        _depth--;
    }

    private void Declarator(IVariableDeclaratorOperation declarator)
    {
        var local = declarator.Symbol;
        if (local.IsRef)
        {
            Report(BodyProblemKind.UnsupportedConstruct, "'ref' locals are not supported in a [Circuit] body; use an ordinary local.",
                declarator.Syntax.GetLocation());
        }
        else if (BodyTypes.Classify(local.Type) == BodyType.Unsupported)
        {
            // `var f = q => q + 1;` or `var r = new Random();`: the initializer is the real problem; say that, not its type.
            int before = _problems.Count;
            var value = declarator.Initializer?.Value;
            while (value is IConversionOperation conversion && SymbolEqualityComparer.Default.Equals(conversion.Type, local.Type))
            {
                // `object o = 1;`: the boxing is the declaration's type problem, not a separate one.
                value = conversion.Operand;
            }

            if (value is { ConstantValue.HasValue: false })
            {
                Expression(value);
            }

            if (_problems.Count == before)
            {
                Report(BodyProblemKind.UnsupportedConstruct, UnsupportedConstructs.UnsupportedType(local.Type), declarator.Syntax.GetLocation());
            }
        }
        else if (declarator.Initializer is { } initializer)
        {
            Expression(initializer.Value);
        }
    }

    private void ForEach(IForEachLoopOperation loop)
    {
        // Only arrays: their length is known, so the loop is as bounded as a constant 'for'.
        var collection = loop.Collection;
        while (collection is IConversionOperation { IsImplicit: true } conversion)
        {
            collection = conversion.Operand;
        }

        if (BodyTypes.Classify(collection.Type) != BodyType.Array && collection.Type is not null
            && collection is not (IFieldReferenceOperation or IPropertyReferenceOperation or IInvocationOperation))
        {
            Report(BodyProblemKind.UnsupportedConstruct,
                $"'foreach' over '{collection.Type.ToDisplayString()}' is not supported in a [Circuit] body; loop over a local array such as new[] {{ 0, 1, 2 }}.",
                collection.Syntax.GetLocation());
            return;
        }

        LoopBound(collection);
        Target(loop.LoopControlVariable);
        Statement(loop.Body);
    }

    private void LoopBound(IOperation? bound)
    {
        if (bound is null)
        {
            // for (;;) is bounded by 'break' or by the step budget.
            return;
        }

        var (outer, outerReported) = (_loopBound, _loopBoundReported);
        (_loopBound, _loopBoundReported) = (bound, false);
        Expression(bound);
        (_loopBound, _loopBoundReported) = (outer, outerReported);
    }

    private bool Enter(IOperation op)
    {
        if (++_depth <= MaxNesting)
        {
            return true;
        }

        _depth--;
        if (!_tooDeepReported)
        {
            _tooDeepReported = true;
            Report(BodyProblemKind.UnsupportedConstruct,
                $"This code is nested more than {MaxNesting} levels deep, which a [Circuit] body does not support; split it into simpler statements.",
                op.Syntax.GetLocation());
        }

        return false;
    }

    private void Unsupported(IOperation op) =>
        Report(BodyProblemKind.UnsupportedConstruct, UnsupportedConstructs.Describe(op.Syntax), op.Syntax.GetLocation());

    private void Report(BodyProblemKind kind, string message, Location location) =>
        _problems.Add(new BodyProblem(kind, message, location));
}
