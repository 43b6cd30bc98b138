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

    private Completion Execute(int n)
    {
        Step(n);
        var node = Node(n);
        switch (node.Kind)
        {
            case BodyNodeKind.Block:
                for (int i = 0; i < node.ChildCount; i++)
                {
                    var completion = Execute(Child(n, i));
                    if (completion != Completion.Normal)
                    {
                        return completion;
                    }
                }

                return Completion.Normal;
            case BodyNodeKind.Declarations:
                for (int i = 0; i < node.ChildCount; i++)
                {
                    int declarator = Child(n, i);
                    Assign(declarator, new Place(Node(declarator).A), Evaluate(Child(declarator, 0)));
                }

                return Completion.Normal;
            case BodyNodeKind.ExpressionStatement:
                Evaluate(Child(n, 0));
                return Completion.Normal;
            case BodyNodeKind.For:
                return For(n);
            case BodyNodeKind.ForEach:
                return ForEach(n);
            case BodyNodeKind.If:
                if (Evaluate(Child(n, 0)).AsBool())
                {
                    return Execute(Child(n, 1));
                }

                return node.ChildCount > 2 ? Execute(Child(n, 2)) : Completion.Normal;
            case BodyNodeKind.Break:
                return Completion.Break;
            case BodyNodeKind.Continue:
                return Completion.Continue;
            case BodyNodeKind.Return:
                return Completion.Return;
            case BodyNodeKind.Empty:
                return Completion.Normal;
            default:
                throw Unexpected(n);
        }
    }

    private Completion For(int n)
    {
        var node = Node(n);
        int before = node.A, hasCondition = node.B, atBottom = node.C;
        for (int i = 0; i < before; i++)
        {
            Execute(Child(n, i));
        }

        int condition = hasCondition == 1 ? Child(n, before) : -1;
        int bottom = before + hasCondition;
        int body = Child(n, bottom + atBottom);
        int outer = _loop;
        _loop = n;
        try
        {
            while (true)
            {
                // One step per iteration, so even an empty body exhausts the budget: for (;;) { } ends.
                Step(n);
                if (condition >= 0 && !Evaluate(condition).AsBool())
                {
                    return Completion.Normal;
                }

                var completion = Execute(body);
                if (completion == Completion.Break)
                {
                    return Completion.Normal;
                }

                if (completion == Completion.Return)
                {
                    return Completion.Return;
                }

                for (int i = 0; i < atBottom; i++)
                {
                    Execute(Child(n, bottom + i));
                }
            }
        }
        finally
        {
            _loop = outer;
        }
    }

    private Completion ForEach(int n)
    {
        var elements = Evaluate(Child(n, 0)).AsArray();
        int target = Child(n, 1), body = Child(n, 2);
        int outer = _loop;
        _loop = n;
        try
        {
            // An array's length is fixed, as C#'s foreach over an array reads it once; elements are read as the loop reaches them.
            for (int i = 0; i < elements.Length; i++)
            {
                Step(n);
                Assign(target, Resolve(target), elements[i]);
                var completion = Execute(body);
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
}
