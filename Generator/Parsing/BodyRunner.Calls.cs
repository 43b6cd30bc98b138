using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NegLR.Generator.Parsing;

// Calls: the Circuit parameter's methods through the dispatch table, and pure Math and Angle functions.
internal sealed partial class BodyRunner
{
    private BodyValue Invoke(IInvocationOperation invocation)
    {
        if (!_calls.TryGetValue(invocation, out var call))
        {
            var method = invocation.TargetMethod;
            call = new CallSite((object?)CircuitMethods.Find(method)
                     ?? (object?)MathFunctions.Find(method)
                     ?? AngleMembers.Find(method)
                     ?? throw Unexpected(invocation));
            _calls.Add(invocation, call);
        }

        var target = call.Target;
        if (target is CircuitMethod circuitMethod)
        {
            return CallCircuit(invocation, call, circuitMethod);
        }

        // A pure function: an Angle instance method gets its receiver first, then the arguments.
        int offset = invocation.Instance is null ? 0 : 1;
        var arguments = new BodyValue[invocation.TargetMethod.Parameters.Length + offset];
        if (invocation.Instance is { } instance)
        {
            arguments[0] = Evaluate(instance);
        }

        EvaluateArguments(invocation, call, arguments, offset);
        return CallPure(invocation, (Func<BodyValue[], BodyValue>)target, arguments, KnownTypes.IsAngle(invocation.TargetMethod.ContainingType));
    }

    /// <summary>Calls a Math function or an Angle operator; what it throws, the body would throw at run time.</summary>
    private BodyValue CallPure(IOperation at, IMethodSymbol method, BodyValue[] arguments)
    {
        if (!_calls.TryGetValue(at, out var call))
        {
            call = new CallSite(MathFunctions.Find(method) ?? AngleMembers.Find(method) ?? throw Unexpected(at));
            _calls.Add(at, call);
        }

        return CallPure(at, (Func<BodyValue[], BodyValue>)call.Target, arguments, KnownTypes.IsAngle(method.ContainingType));
    }

    private static BodyValue CallPure(IOperation at, Func<BodyValue[], BodyValue> function, BodyValue[] arguments, bool isAngle)
    {
        try
        {
            return function(arguments);
        }
        catch (ArgumentException exception)
        {
            // Angle rejects NaN and infinite values with a message of its own; Math's messages are the runtime's.
            throw Fail(at, isAngle
                ? ExceptionText.Clean(exception)
                : $"'{UnsupportedConstructs.Snippet(at.Syntax)}' would throw at run time: {ExceptionText.Clean(exception)}");
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

    private BodyValue CallCircuit(IInvocationOperation invocation, CallSite call, CircuitMethod method)
    {
        if (call.Failed)
        {
            // Reported on an earlier iteration; the result is already void, so the rest of the run only looks for other problems.
            return Fallback(invocation);
        }

        // The receiver first: in c.H(0).CNOT(0, 1) it is the call that records H.
        var circuit = Evaluate(invocation.Instance!).AsCircuit();
        var arguments = new BodyValue[method.Parameters.Length];
        EvaluateArguments(invocation, call, arguments, 0);
        if (method.PredictGates is { } predict && circuit.Gates.Count + predict(circuit, arguments) > _gateBudget)
        {
            throw GateBudgetExceeded(invocation);
        }

        BodyValue result;
        try
        {
            result = method.Invoke(circuit, arguments);
        }
        catch (ArgumentException exception)
        {
            // The circuit's own check (qubit out of range, same qubit twice, NaN angle): an independent problem, so keep going.
            call.Failed = true;
            _problems.Add(new BodyProblem(BodyProblemKind.InvalidGateArgument, ExceptionText.Clean(exception),
                ArgumentLocation(invocation, arguments, exception), Detail(method, exception)));
            return Fallback(invocation);
        }

        if (circuit.Gates.Count > _gateBudget)
        {
            throw GateBudgetExceeded(invocation);
        }

        RecordSites(invocation, call, circuit, result);
        return result;
    }

    /// <summary>Remembers the call behind each new gate and weight (one location per call site, made once).</summary>
    private void RecordSites(IInvocationOperation invocation, CallSite call, Circuit circuit, BodyValue result)
    {
        if (circuit.Gates.Count > _sites.Gates.Count)
        {
            _sites.RecordGates(circuit.Gates.Count, call.Location ??= BodyLocations.CallSite(invocation));
        }
        else if (result.Type == BodyType.Angle && result.AsAngle() is { Source: AngleSource.Weight } weight)
        {
            _sites.RecordWeight(weight.Index, call.Location ??= BodyLocations.CallSite(invocation));
        }
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
    private BodyValue Fallback(IInvocationOperation invocation) =>
        BodyTypes.Classify(invocation.TargetMethod.ReturnType) == BodyType.Angle ? BodyValue.Of(Angle.Constant(0)) : BodyValue.Of(_circuit);

    /// <summary>Evaluates arguments in source order (named arguments may be reordered) into their parameters' slots.</summary>
    private void EvaluateArguments(IInvocationOperation invocation, CallSite call, BodyValue[] slots, int offset)
    {
        var values = call.ArgumentValues;
        var ordinals = call.ArgumentSlots;
        if (values is null || ordinals is null)
        {
            var arguments = invocation.Arguments;
            values = new IOperation[arguments.Length];
            ordinals = new int[arguments.Length];
            for (int i = 0; i < arguments.Length; i++)
            {
                values[i] = arguments[i].Value;
                ordinals[i] = arguments[i].Parameter!.Ordinal;
            }

            (call.ArgumentValues, call.ArgumentSlots) = (values, ordinals);
        }

        for (int i = 0; i < values.Length; i++)
        {
            slots[ordinals[i] + offset] = Evaluate(values[i]);
        }
    }

    /// <summary>
    /// The argument a circuit's <see cref="ArgumentException"/> is about: among the arguments for the parameter it names
    /// (or all, if it names none), the one or the array element holding the out-of-range value; else that argument;
    /// else the call.
    /// </summary>
    private static Location ArgumentLocation(IInvocationOperation invocation, BodyValue[] values, ArgumentException exception)
    {
        var named = invocation.Arguments.Where(a => a.Parameter?.Name == exception.ParamName).ToList();
        var candidates = named.Count > 0 ? named : invocation.Arguments.ToList();
        if (exception is ArgumentOutOfRangeException { ActualValue: int actual })
        {
            foreach (var argument in candidates)
            {
                var value = values[argument.Parameter!.Ordinal];
                if (!argument.IsImplicit && value.Type == BodyType.Int && value.AsInt() == actual)
                {
                    return argument.Syntax.GetLocation();
                }

                // c.MultiRZ(θ, 0, 9) or c.MultiRZ(θ, new[] { 0, 9 }): point at the 9.
                if (value.Type == BodyType.Array && SkipImplicitConversions(argument.Value) is IArrayCreationOperation { Initializer: { } initializer })
                {
                    var elements = value.AsArray();
                    for (int i = 0; i < elements.Length && i < initializer.ElementValues.Length; i++)
                    {
                        if (elements[i].Type == BodyType.Int && elements[i].AsInt() == actual)
                        {
                            return initializer.ElementValues[i].Syntax.GetLocation();
                        }
                    }
                }
            }
        }

        return named.FirstOrDefault(a => !a.IsImplicit) is { } written ? written.Syntax.GetLocation() : BodyLocations.CallSite(invocation);
    }
}
