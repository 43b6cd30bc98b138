using System;
using System.Collections.Generic;

namespace NegLR.Generator.Parsing;

// Calls: the Circuit parameter's methods through the dispatch table, and pure Math and Angle functions.
internal sealed partial class BodyRunner
{
    /// <summary>A Math function or an Angle member, by the key the lowering wrote.</summary>
    private static Func<BodyValue[], BodyValue>? PureFunction(string key) =>
        key.StartsWith("Math.", StringComparison.Ordinal) ? MathFunctions.Find(key.Substring(5))
        : key.StartsWith("Angle.", StringComparison.Ordinal) ? AngleMembers.Find(key.Substring(6))
        : null;

    private BodyValue CallPure(int n)
    {
        var node = Node(n);
        // An Angle instance method gets its receiver first, then the arguments.
        int offset = node.A;
        var arguments = new BodyValue[node.B + offset];
        int first = 0;
        if (offset == 1)
        {
            arguments[0] = Evaluate(Child(n, 0));
            first = 1;
        }

        EvaluateArguments(n, first, arguments, offset);
        return CallPure(n, node.Text ?? throw Unexpected(n), arguments);
    }

    /// <summary>Calls a Math function or an Angle operator; what it throws, the body would throw at run time.</summary>
    private BodyValue CallPure(int at, string key, BodyValue[] arguments)
    {
        var function = PureFunction(key) ?? throw Unexpected(at);
        bool isAngle = key.StartsWith("Angle.", StringComparison.Ordinal);
        try
        {
            return function(arguments);
        }
        catch (ArgumentException exception)
        {
            // Angle rejects NaN and infinite values with a message of its own; Math's messages are the runtime's.
            throw Fail(at, isAngle ? ExceptionText.Clean(exception) : WouldThrow(at, ExceptionText.Clean(exception)));
        }
        catch (DivideByZeroException exception) when (isAngle)
        {
            // Angle / 0, with Angle's own message.
            throw Fail(at, exception.Message);
        }
        catch (ArithmeticException exception)
        {
            throw Fail(at, exception);
        }
    }

    private BodyValue CallCircuit(int n)
    {
        var node = Node(n);
        if (_failedCalls.Contains(n))
        {
            // Reported on an earlier iteration; the result is already void, so the rest of the run only looks for other problems.
            return Fallback(node);
        }

        var method = CircuitMethods.Find(node.Text!, node.A) ?? throw Unexpected(n);

        // The receiver first: in c.H(0).CNOT(0, 1) it is the call that records H.
        var circuit = Evaluate(Child(n, 0)).AsCircuit();
        var arguments = new BodyValue[node.A];
        EvaluateArguments(n, 1, arguments, 0);
        if (method.PredictGates is { } predict && circuit.Gates.Count + predict(circuit, arguments) > _gateBudget)
        {
            throw GateBudgetExceeded(n);
        }

        BodyValue result;
        try
        {
            result = method.Invoke(circuit, arguments);
        }
        catch (ArgumentException exception)
        {
            // The circuit's own check (qubit out of range, same qubit twice, NaN angle): an independent problem, so keep going.
            _failedCalls.Add(n);
            var (at, site) = ArgumentSite(n, arguments, exception);
            _problems.Add(new RunProblem(BodyProblemKind.InvalidGateArgument, ExceptionText.Clean(exception), at, site, Detail(method, exception)));
            return Fallback(node);
        }

        if (circuit.Gates.Count > _gateBudget)
        {
            throw GateBudgetExceeded(n);
        }

        // Remember the call behind each new gate and weight.
        if (circuit.Gates.Count > _sites.Gates.Count)
        {
            _sites.RecordGates(circuit.Gates.Count, n);
        }
        else if (result.Type == BodyType.Angle && result.AsAngle() is { Source: AngleSource.Weight } weight)
        {
            _sites.RecordWeight(weight.Index, n);
        }

        return result;
    }

    /// <summary>Which circuit fact an argument exception is, for the analyzers' separate diagnostics.</summary>
    private static BodyProblemDetail Detail(CircuitMethod method, ArgumentException exception)
    {
        if (method.Name is "Weight" or "Input" || exception.ParamName == "firstInput")
        {
            return exception is ArgumentOutOfRangeException ? BodyProblemDetail.NegativeIndex : BodyProblemDetail.None;
        }

        // The circuit's messages: "CNOT acts on qubit 7, but this circuit has qubits 0 to 3." and "CNOT names qubit 3 twice; …".
        if (exception is ArgumentOutOfRangeException && exception.Message.Contains(" acts on qubit "))
        {
            return BodyProblemDetail.QubitOutOfRange;
        }

        return exception is not ArgumentOutOfRangeException && exception.Message.Contains(" twice;")
            ? BodyProblemDetail.RepeatedQubit
            : BodyProblemDetail.None;
    }

    /// <summary>What a failed call returns so the run can go on: the circuit, or a zero angle for Weight/Input.</summary>
    private BodyValue Fallback(in BodyNode call) => call.C == 1 ? BodyValue.Of(Angle.Constant(0)) : BodyValue.Of(_circuit);

    /// <summary>Evaluates the call's argument children from <paramref name="first"/> on, in source order, into their parameters' slots.</summary>
    private void EvaluateArguments(int call, int first, BodyValue[] slots, int offset)
    {
        var node = Node(call);
        for (int i = first; i < node.ChildCount; i++)
        {
            int argument = Child(call, i);
            slots[Node(argument).A + offset] = Evaluate(Child(argument, 0));
        }
    }

    /// <summary>
    /// The argument a circuit's <see cref="ArgumentException"/> is about: among the arguments for the parameter it names
    /// (or all, if it names none), the one or the array element holding the out-of-range value; else that argument;
    /// else the call.
    /// </summary>
    private (int Node, RunProblemSite Site) ArgumentSite(int call, BodyValue[] values, ArgumentException exception)
    {
        var all = new List<int>();
        var named = new List<int>();
        for (int i = 1; i < Node(call).ChildCount; i++)
        {
            int argument = Child(call, i);
            all.Add(argument);
            if (Node(argument).Text == exception.ParamName)
            {
                named.Add(argument);
            }
        }

        var candidates = named.Count > 0 ? named : all;
        if (exception is ArgumentOutOfRangeException { ActualValue: int actual })
        {
            foreach (int argument in candidates)
            {
                var value = values[Node(argument).A];
                bool written = Node(argument).B == 0;
                if (written && value.Type == BodyType.Int && value.AsInt() == actual)
                {
                    return (argument, RunProblemSite.Node);
                }

                // c.MultiRZ(θ, 0, 9) or c.MultiRZ(θ, new[] { 0, 9 }): point at the 9.
                int creation = SkipImplicitConversions(Child(argument, 0));
                if (value.Type == BodyType.Array && Node(creation) is { Kind: BodyNodeKind.ArrayCreation, B: 0 } initializer)
                {
                    var elements = value.AsArray();
                    for (int i = 0; i < elements.Length && i < initializer.ChildCount; i++)
                    {
                        if (elements[i].Type == BodyType.Int && elements[i].AsInt() == actual)
                        {
                            return (Child(creation, i), RunProblemSite.Node);
                        }
                    }
                }
            }
        }

        foreach (int argument in named)
        {
            if (Node(argument).B == 0)
            {
                return (argument, RunProblemSite.Node);
            }
        }

        return (call, RunProblemSite.CallSite);
    }

    private int SkipImplicitConversions(int n)
    {
        while (Node(n) is { Kind: BodyNodeKind.Conversion, C: 1 })
        {
            n = Child(n, 0);
        }

        return n;
    }
}
