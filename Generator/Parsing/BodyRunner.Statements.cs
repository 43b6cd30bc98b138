using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

// Statements: blocks, declarations, loops, 'if', 'break', 'continue' and 'return'.
internal sealed partial class BodyRunner
{
    private enum Completion
    {
        Normal,
        Break,
        Continue,
        Return,
    }

    private Completion Execute(IOperation op)
    {
        Step(op);
        switch (op.Kind)
        {
            case OperationKind.Block:
                foreach (var statement in ((IBlockOperation)op).Operations)
                {
                    var completion = Execute(statement);
                    if (completion != Completion.Normal)
                    {
                        return completion;
                    }
                }

                return Completion.Normal;
            case OperationKind.VariableDeclarationGroup:
                foreach (var declaration in ((IVariableDeclarationGroupOperation)op).Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        if (declarator.Initializer is { } initializer)
                        {
                            Assign(declarator, new Place(Slot(declarator, declarator.Symbol)), Evaluate(initializer.Value));
                        }
                    }
                }

                return Completion.Normal;
            case OperationKind.ExpressionStatement:
                Evaluate(((IExpressionStatementOperation)op).Operation);
                return Completion.Normal;
            case OperationKind.Loop when op is IForLoopOperation loop:
                return For(loop);
            case OperationKind.Loop when op is IForEachLoopOperation loop:
                return ForEach(loop);
            case OperationKind.Conditional:
                var branch = (IConditionalOperation)op;
                if (Evaluate(branch.Condition).AsBool())
                {
                    return Execute(branch.WhenTrue);
                }

                return branch.WhenFalse is { } otherwise ? Execute(otherwise) : Completion.Normal;
            case OperationKind.Labeled:
                return ((ILabeledOperation)op).Operation is { } inner ? Execute(inner) : Completion.Normal;
            case OperationKind.Branch:
                return ((IBranchOperation)op).BranchKind == BranchKind.Break ? Completion.Break : Completion.Continue;
            case OperationKind.Return:
                return Completion.Return;
            case OperationKind.Empty:
                return Completion.Normal;
            default:
                throw Unexpected(op);
        }
    }

    private Completion For(IForLoopOperation loop)
    {
        foreach (var before in loop.Before)
        {
            Execute(before);
        }

        var outer = _loop;
        _loop = loop;
        try
        {
            while (true)
            {
                // One step per iteration, so even an empty body exhausts the budget: for (;;) { } ends.
                Step(loop);
                if (loop.Condition is { } condition && !Evaluate(condition).AsBool())
                {
                    return Completion.Normal;
                }

                var completion = Execute(loop.Body);
                if (completion == Completion.Break)
                {
                    return Completion.Normal;
                }

                if (completion == Completion.Return)
                {
                    return Completion.Return;
                }

                foreach (var increment in loop.AtLoopBottom)
                {
                    Execute(increment);
                }
            }
        }
        finally
        {
            _loop = outer;
        }
    }

    private Completion ForEach(IForEachLoopOperation loop)
    {
        var elements = Evaluate(SkipImplicitConversions(loop.Collection)).AsArray();
        var outer = _loop;
        _loop = loop;
        try
        {
            // An array's length is fixed, as C#'s foreach over an array reads it once; elements are read as the loop reaches them.
            for (int i = 0; i < elements.Length; i++)
            {
                Step(loop);
                Assign(loop.LoopControlVariable, Resolve(loop.LoopControlVariable), elements[i]);
                var completion = Execute(loop.Body);
                if (completion == Completion.Break)
                {
                    break;
                }

                if (completion == Completion.Return)
                {
                    return Completion.Return;
                }
            }

            return Completion.Normal;
        }
        finally
        {
            _loop = outer;
        }
    }

    private static IOperation SkipImplicitConversions(IOperation op)
    {
        while (op is IConversionOperation { IsImplicit: true } conversion)
        {
            op = conversion.Operand;
        }

        return op;
    }

    // The checker let through only what this runner handles: reaching here is a bug in the reader, reported as such.
    private static InvalidOperationException Unexpected(IOperation op) =>
        new($"The circuit reader cannot run '{UnsupportedConstructs.Snippet(op.Syntax)}' ({op.Kind}).");
}
