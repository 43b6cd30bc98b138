using System;
using System.Collections.Generic;
using System.Linq;

namespace NegLR;

/// <summary>Where a gate definition comes from (it decides messages and whether body angles may become weights).</summary>
internal enum QasmGateOrigin
{
    /// <summary>OpenQASM's own <c>U</c> and <c>CX</c>.</summary>
    BuiltIn,

    /// <summary>A gate of the built-in <c>qelib1.inc</c>.</summary>
    Qelib1,

    /// <summary>A <c>gate</c> or <c>opaque</c> declaration in the program.</summary>
    User,
}

/// <summary>Appends the NegLR gates that implement one application of a native gate.</summary>
internal delegate void QasmNativeEmitter(QasmGateSink sink, ReadOnlySpan<Angle> angles, ReadOnlySpan<int> qubits);

/// <summary>One gate application inside a definition's body, resolved to its gate and to slots of the enclosing gate's qubits.</summary>
internal sealed record QasmBodyOperation(QasmGateDefinition Gate, IReadOnlyList<QasmExpression> Parameters, int[] QubitSlots);

/// <summary>
/// A gate the program can apply: native (emitted straight as NegLR gates), composite (a body of earlier gates) or
/// opaque (declared without a body, so it cannot be simulated).
/// </summary>
internal sealed class QasmGateDefinition
{
    private QasmGateDefinition(string name, int parameters, int qubits, QasmGateOrigin origin, QasmPosition declaredAt)
    {
        Name = name;
        ParameterCount = parameters;
        QubitCount = qubits;
        Origin = origin;
        DeclaredAt = declaredAt;
    }

    public string Name { get; }

    public int ParameterCount { get; }

    public int QubitCount { get; }

    public QasmGateOrigin Origin { get; }

    /// <summary>Where a user gate is declared (meaningless for the built-in ones).</summary>
    public QasmPosition DeclaredAt { get; }

    /// <summary>Set for native gates.</summary>
    public QasmNativeEmitter? Native { get; private init; }

    /// <summary>Set for composite gates.</summary>
    public IReadOnlyList<QasmBodyOperation>? Body { get; private init; }

    /// <summary>False when the parameters are not rotation angles (<c>u0</c>'s idle duration), so never weights.</summary>
    public bool ParametersAreAngles { get; private init; } = true;

    public bool IsOpaque => Native is null && Body is null;

    /// <summary>Where the definition comes from, for "already defined …" messages.</summary>
    public string DescribeOrigin() => Origin switch
    {
        QasmGateOrigin.BuiltIn => "(it is built into OpenQASM)",
        QasmGateOrigin.Qelib1 => "(in qelib1.inc)",
        _ => "at " + DeclaredAt,
    };

    public static QasmGateDefinition CreateNative(
        string name, int parameters, int qubits, QasmGateOrigin origin, QasmNativeEmitter emit, bool parametersAreAngles = true) =>
        new(name, parameters, qubits, origin, default) { Native = emit, ParametersAreAngles = parametersAreAngles };

    /// <summary>
    /// Checks a <c>gate</c> or <c>opaque</c> declaration and resolves its body against the gates defined so far.
    /// </summary>
    /// <param name="declaration">The parsed declaration.</param>
    /// <param name="origin">Who declares it.</param>
    /// <param name="resolve">Finds a gate by name, throwing a <see cref="QasmException"/> for an unknown one.</param>
    public static QasmGateDefinition Define(QasmGateDeclaration declaration, QasmGateOrigin origin, Func<QasmName, QasmGateDefinition> resolve)
    {
        string gate = declaration.Name.Text;
        RequireDistinct(declaration.Parameters, "parameter", gate);
        RequireDistinct(declaration.Qubits, "qubit argument", gate);
        foreach (var q in declaration.Qubits)
        {
            if (declaration.Parameters.Any(p => p.Text == q.Text))
            {
                throw QasmException.At(q.Position, $"'{q.Text}' names both a parameter and a qubit argument of gate '{gate}'");
            }
        }

        var definition = new QasmGateDefinition(gate, declaration.Parameters.Count, declaration.Qubits.Count, origin, declaration.Position);
        if (declaration.Body is null)
        {
            return definition;
        }

        var body = new List<QasmBodyOperation>();
        foreach (var statement in declaration.Body)
        {
            if (statement is QasmBarrier barrier)
            {
                // A barrier only orders gates for hardware compilers; check its names, then drop it.
                foreach (var a in barrier.Arguments)
                {
                    Slot(declaration, a);
                }

                continue;
            }

            var call = (QasmGateCall)statement;
            var target = resolve(call.Gate);
            CheckArity(target, call);
            int[] slots = new int[call.Arguments.Count];
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i] = Slot(declaration, call.Arguments[i]);
                if (Array.IndexOf(slots, slots[i], 0, i) >= 0)
                {
                    throw QasmException.At(
                        call.Arguments[i].Position,
                        $"gate '{target.Name}' is given qubit argument '{call.Arguments[i].Register.Text}' twice; a gate's qubits must all differ");
                }
            }

            body.Add(new QasmBodyOperation(target, call.Parameters, slots));
        }

        return new QasmGateDefinition(gate, definition.ParameterCount, definition.QubitCount, origin, declaration.Position) { Body = body };
    }

    /// <summary>Throws unless <paramref name="call"/> passes as many parameters and qubits as <paramref name="gate"/> takes.</summary>
    public static void CheckArity(QasmGateDefinition gate, QasmGateCall call)
    {
        if (call.Parameters.Count != gate.ParameterCount)
        {
            throw QasmException.At(
                call.Gate.Position,
                $"gate '{gate.Name}' takes {Count(gate.ParameterCount, "parameter")}, but {Count(call.Parameters.Count, "was", "were")} given");
        }

        if (call.Arguments.Count != gate.QubitCount)
        {
            throw QasmException.At(
                call.Gate.Position,
                $"gate '{gate.Name}' acts on {Count(gate.QubitCount, "qubit")}, but {Count(call.Arguments.Count, "qubit argument was", "qubit arguments were")} given");
        }
    }

    private static string Count(int n, string noun) => Count(n, noun, noun + "s");

    private static string Count(int n, string singular, string plural) =>
        FormattableString.Invariant($"{n} {(n == 1 ? singular : plural)}");

    private static int Slot(QasmGateDeclaration declaration, QasmArgument argument)
    {
        for (int i = 0; i < declaration.Qubits.Count; i++)
        {
            if (declaration.Qubits[i].Text == argument.Register.Text)
            {
                return i;
            }
        }

        throw QasmException.At(
            argument.Position,
            $"unknown qubit argument '{argument.Register.Text}' in the body of gate '{declaration.Name.Text}' "
            + $"(its qubit arguments are {string.Join(", ", declaration.Qubits.Select(q => q.Text))})");
    }

    private static void RequireDistinct(IReadOnlyList<QasmName> names, string kind, string gate)
    {
        for (int i = 0; i < names.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (names[j].Text == names[i].Text)
                {
                    throw QasmException.At(names[i].Position, $"{kind} '{names[i].Text}' of gate '{gate}' is declared twice");
                }
            }
        }
    }
}
