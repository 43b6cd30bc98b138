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

    /// <summary>A gate of OpenQASM 3's built-in <c>stdgates.inc</c>.</summary>
    Stdgates,
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

    /// <summary>
    /// At most how many NegLR gates one application emits, saturating at <see cref="long.MaxValue"/>: known before
    /// anything is expanded, so the importer can refuse an expansion bomb up front.
    /// </summary>
    public long ExpandedGates { get; private init; }

    /// <summary>
    /// The steps one application takes: every gate application visited while expanding, plus every expression node
    /// evaluated on the way (a body of empty gates emits nothing, but still costs time). Saturating.
    /// </summary>
    public long ExpansionWork { get; private init; }

    /// <summary>Levels of gate definitions below this one (0 for native and opaque gates): the expansion's recursion depth.</summary>
    public int NestingDepth { get; private init; }

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
        QasmGateOrigin.Stdgates => "(in stdgates.inc)",
        _ => "at " + DeclaredAt,
    };

    public static QasmGateDefinition CreateNative(
        string name, int parameters, int qubits, QasmGateOrigin origin, QasmNativeEmitter emit, bool parametersAreAngles = true)
    {
        // Count what the emitter appends by running it once on placeholder angles and qubits.
        var dryRun = new QasmGateSink();
        var angles = new Angle[parameters];
        var slots = new int[qubits];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = i;
        }

        emit(dryRun, angles, slots);
        return new(name, parameters, qubits, origin, default)
        {
            Native = emit,
            ParametersAreAngles = parametersAreAngles,
            ExpandedGates = dryRun.Count,
            ExpansionWork = Math.Max(1, dryRun.Count),
        };
    }

    /// <summary>
    /// Checks a <c>gate</c> or <c>opaque</c> declaration and resolves its body against the gates defined so far.
    /// </summary>
    /// <param name="declaration">The parsed declaration.</param>
    /// <param name="origin">Who declares it.</param>
    /// <param name="resolve">Finds a gate by name, throwing a <see cref="QasmException"/> for an unknown one.</param>
    public static QasmGateDefinition Define(QasmGateDeclaration declaration, QasmGateOrigin origin, Func<QasmName, QasmGateDefinition> resolve)
    {
        string gate = declaration.Name.Text;

        // Hash lookups throughout: a declaration with tens of thousands of parameters or qubits must stay linear.
        var parameters = IndexDistinct(declaration.Parameters, "parameter", gate);
        var qubits = IndexDistinct(declaration.Qubits, "qubit argument", gate);
        foreach (var q in declaration.Qubits)
        {
            if (parameters.ContainsKey(q.Text))
            {
                throw QasmException.At(q.Position, $"'{q.Text}' names both a parameter and a qubit argument of gate '{gate}'");
            }
        }

        if (declaration.Body is null)
        {
            return new QasmGateDefinition(gate, declaration.Parameters.Count, declaration.Qubits.Count, origin, declaration.Position)
            {
                ExpansionWork = 1,
            };
        }

        var body = new List<QasmBodyOperation>();
        long gates = 0;
        long work = 1;
        int depth = 0;
        bool[] used = new bool[declaration.Qubits.Count];
        foreach (var statement in declaration.Body)
        {
            if (statement is QasmBarrier barrier)
            {
                // A barrier only orders gates for hardware compilers; check its names, then drop it.
                foreach (var a in barrier.Arguments)
                {
                    Slot(declaration, qubits, a);
                }

                continue;
            }

            var call = (QasmGateCall)statement;
            var target = resolve(call.Gate);
            CheckArity(target, call);
            int[] slots = new int[call.Arguments.Count];
            try
            {
                for (int i = 0; i < slots.Length; i++)
                {
                    slots[i] = Slot(declaration, qubits, call.Arguments[i]);
                    if (used[slots[i]])
                    {
                        throw QasmException.At(
                            call.Arguments[i].Position,
                            $"gate '{target.Name}' is given qubit argument '{call.Arguments[i].Register.Text}' twice; a gate's qubits must all differ");
                    }

                    used[slots[i]] = true;
                }
            }
            finally
            {
                foreach (int slot in slots)
                {
                    used[slot] = false;
                }
            }

            body.Add(new QasmBodyOperation(target, call.Parameters, slots));
            gates = SaturatingAdd(gates, target.ExpandedGates);
            work = SaturatingAdd(work, target.ExpansionWork);
            foreach (var p in call.Parameters)
            {
                work = SaturatingAdd(work, p.Size);
            }

            depth = Math.Max(depth, target.NestingDepth + 1);
        }

        return new QasmGateDefinition(gate, declaration.Parameters.Count, declaration.Qubits.Count, origin, declaration.Position)
        {
            Body = body,
            ExpandedGates = gates,
            ExpansionWork = work,
            NestingDepth = depth,
        };
    }

    /// <summary>a + b for non-negative counts, stopping at <see cref="long.MaxValue"/> instead of overflowing.</summary>
    public static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>a · b for non-negative counts, stopping at <see cref="long.MaxValue"/> instead of overflowing.</summary>
    public static long SaturatingMultiply(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

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

    private static int Slot(QasmGateDeclaration declaration, Dictionary<string, int> qubits, QasmArgument argument)
    {
        if (qubits.TryGetValue(argument.Register.Text, out int slot))
        {
            return slot;
        }

        throw QasmException.At(
            argument.Position,
            $"unknown qubit argument '{argument.Register.Text}' in the body of gate '{declaration.Name.Text}' "
            + $"(its qubit arguments are {ListNames(declaration.Qubits)})");
    }

    /// <summary>Names joined by commas, the first ten only when there are more (messages stay readable).</summary>
    public static string ListNames(IReadOnlyList<QasmName> names)
    {
        const int Shown = 10;
        string list = string.Join(", ", names.Take(Shown).Select(n => n.Text));
        return names.Count <= Shown ? list : FormattableString.Invariant($"{list}, ... ({names.Count} in all)");
    }

    /// <summary>Name → position, throwing at the first name declared twice.</summary>
    private static Dictionary<string, int> IndexDistinct(IReadOnlyList<QasmName> names, string kind, string gate)
    {
        var index = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (!index.TryAdd(names[i].Text, i))
            {
                throw QasmException.At(names[i].Position, $"{kind} '{names[i].Text}' of gate '{gate}' is declared twice");
            }
        }

        return index;
    }
}
