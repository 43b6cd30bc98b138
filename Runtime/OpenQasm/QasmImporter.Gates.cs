using System;
using System.Globalization;
using System.Runtime.InteropServices;

namespace NegLR;

// Gate definitions and applications: name resolution, arity, register broadcasting, the terminal-measurement rule,
// the expansion budget, and expansion of composite gates down to native ones.
internal sealed partial class QasmImporter
{
    // Guards against hostile or runaway programs: definitions may nest deeply (each level is a stack frame) or double in
    // size at every level (see QasmImportOptions.MaxGates).
    private const int MaxExpansionDepth = 1_000;

    private void DefineGate(QasmGateDeclaration declaration)
    {
        if (_gates.TryGetValue(declaration.Name.Text, out var existing))
        {
            throw QasmException.At(
                declaration.Name.Position, $"gate '{declaration.Name.Text}' is already defined {existing.DescribeOrigin()}");
        }

        var definition = QasmGateDefinition.Define(declaration, QasmGateOrigin.User, ResolveGate);
        _gates.Add(definition.Name, definition);
    }

    private QasmGateDefinition ResolveGate(QasmName name)
    {
        if (_gates.TryGetValue(name.Text, out var gate))
        {
            return gate;
        }

        bool defined = _version == QasmVersion.OpenQasm3 ? Stdgates.Defines(name.Text) : Qelib1.Defines(name.Text);
        string hint = _version == QasmVersion.OpenQasm2 && Qelib1.IsUnsupported(name.Text)
            ? $" (NegLR does not import {Qelib1.FileName}'s '{name.Text}': its definition there is not the gate its name promises; define it with 'gate {name.Text} ...' instead)"
            : !_libraryIncluded && defined
                ? $" ('{name.Text}' is defined in {LibraryFile}: add 'include \"{LibraryFile}\";' after the header)"
                : string.Empty;
        throw QasmException.At(name.Position, $"unknown gate '{name.Text}'{hint}");
    }

    /// <summary>
    /// Applies a top-level gate statement. Whole-register arguments broadcast: <c>cx q, r;</c> applies <c>cx q[i], r[i]</c>
    /// for every i (the registers must have equal sizes), and a single qubit argument is reused for every i.
    /// </summary>
    private void Apply(QasmGateCall call)
    {
        var gate = ResolveGate(call.Gate);
        QasmGateDefinition.CheckArity(gate, call);
        var values = new QasmValue[call.Parameters.Count];
        var environment = new QasmEnvironment(ReadOnlySpan<QasmValue>.Empty, CollectionsMarshal.AsSpan(_inputValues), site: null);
        long parameterWork = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = call.Parameters[i].Evaluate(environment);
            parameterWork += call.Parameters[i].Size;
        }

        var operands = new Operand[call.Arguments.Count];
        int instances = 1;
        int sizedBy = -1;
        for (int i = 0; i < operands.Length; i++)
        {
            operands[i] = ResolveQuantum(call.Arguments[i]);
            if (!operands[i].IsWholeRegister)
            {
                continue;
            }

            if (sizedBy >= 0 && operands[i].Size != instances)
            {
                throw QasmException.At(
                    call.Arguments[i].Position,
                    FormattableString.Invariant(
                        $"cannot broadcast gate '{gate.Name}' over registers of different sizes: '{call.Arguments[sizedBy]}' has {instances} qubits, '{call.Arguments[i]}' has {operands[i].Size}"));
            }

            sizedBy = i;
            instances = operands[i].Size;
        }

        CheckBudget(gate, call, instances, parameterWork);
        var site = new QasmCallSite(gate.Name, call.Gate.Position);
        int[] qubits = new int[operands.Length];
        for (int k = 0; k < instances; k++)
        {
            for (int i = 0; i < qubits.Length; i++)
            {
                qubits[i] = operands[i].Offset + (operands[i].IsWholeRegister ? k : 0);
                CheckQubit(gate, call, qubits, i);
            }

            foreach (int q in qubits)
            {
                _touchedAt[q] ??= call.Gate.Position;
            }

            Expand(gate, values, qubits, userCode: true, site);
        }
    }

    /// <summary>
    /// Refuses an application before expanding it when its nesting, its gate count or its work would pass the limits:
    /// each definition knows its own expanded size, so an expansion bomb costs nothing to reject.
    /// </summary>
    private void CheckBudget(QasmGateDefinition gate, QasmGateCall call, int instances, long parameterWork)
    {
        if (gate.NestingDepth > MaxExpansionDepth)
        {
            throw QasmException.At(
                call.Gate.Position,
                FormattableString.Invariant($"gate '{gate.Name}': gate definitions are nested more than {MaxExpansionDepth} levels deep (it has {gate.NestingDepth})"));
        }

        long gates = QasmGateDefinition.SaturatingMultiply(instances, gate.ExpandedGates);
        long limit = _options.MaxGates;
        if (gates > limit - _sink.Count)
        {
            throw QasmException.At(
                call.Gate.Position,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"applying gate '{gate.Name}' here expands to {Describe(gates)} gates, which with the {_sink.Count:N0} before it is more than the import limit of {limit:N0} gates (QasmImportOptions.MaxGates; raise it with new QasmImportOptions {{ MaxGates = ... }} if the program is meant to be this large)"));
        }

        long work = QasmGateDefinition.SaturatingAdd(QasmGateDefinition.SaturatingMultiply(instances, gate.ExpansionWork), parameterWork);
        long workLimit = WorkLimit;
        if (work > workLimit - _work)
        {
            throw QasmException.At(
                call.Gate.Position,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"applying gate '{gate.Name}' here takes {Describe(work)} expansion steps (gate applications and expression evaluations), which with the {_work:N0} before it is more than the import limit of {workLimit:N0} ({WorkPerGate} per gate of QasmImportOptions.MaxGates; raise MaxGates to allow more)"));
        }

        _work += work;
    }

    private static string Describe(long count) =>
        count == long.MaxValue ? "more than 9.2E+18" : count.ToString("N0", CultureInfo.InvariantCulture);

    private void CheckQubit(QasmGateDefinition gate, QasmGateCall call, int[] qubits, int i)
    {
        int q = qubits[i];
        int first = Array.IndexOf(qubits, q, 0, i);
        if (first >= 0)
        {
            throw QasmException.At(
                call.Arguments[i].Position,
                FormattableString.Invariant(
                    $"gate '{gate.Name}' would act on qubit {DescribeQubit(q)} twice (arguments {first + 1} and {i + 1}); a gate's qubits must all differ"));
        }

        if (_measuredAt[q] is QasmPosition measured)
        {
            throw QasmException.At(
                call.Arguments[i].Position,
                $"mid-circuit measurement is not supported: {DescribeQubit(q)} was measured at {measured}, and gate '{gate.Name}' acts on it afterwards");
        }
    }

    /// <summary>
    /// Emits one application of <paramref name="gate"/>. A native gate's parameters become fresh weights when
    /// <see cref="QasmImportOptions.AnglesAsWeights"/> is set and the application comes from the user's program (top level
    /// or a user gate body); the library's own inner constants stay constants. The budget was checked by the caller.
    /// </summary>
    private void Expand(QasmGateDefinition gate, QasmValue[] values, ReadOnlySpan<int> qubits, bool userCode, QasmCallSite site)
    {
        if (gate.Native is { } emit)
        {
            bool weights = userCode && _options.AnglesAsWeights && gate.ParametersAreAngles;
            var angles = new Angle[values.Length];
            for (int i = 0; i < angles.Length; i++)
            {
                // With AnglesAsWeights the program has no inputs (refused at their declaration), so values are numbers.
                angles[i] = weights ? NewWeight(values[i].Offset) : values[i].ToAngle();
            }

            emit(_sink, angles, qubits);
            return;
        }

        if (gate.Body is not { } body)
        {
            string via = site.Gate == gate.Name ? string.Empty : $" (it is used by gate '{site.Gate}')";
            throw QasmException.At(site.Position, $"opaque gate '{gate.Name}' has no definition, so it cannot be simulated{via}");
        }

        bool inner = userCode && gate.Origin == QasmGateOrigin.User;
        var environment = new QasmEnvironment(values, ReadOnlySpan<QasmValue>.Empty, site);
        foreach (var op in body)
        {
            var v = new QasmValue[op.Parameters.Count];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = op.Parameters[i].Evaluate(environment);
            }

            int[] q = new int[op.QubitSlots.Length];
            for (int i = 0; i < q.Length; i++)
            {
                q[i] = qubits[op.QubitSlots[i]];
            }

            Expand(op.Gate, v, q, inner, site);
        }
    }

    private Angle NewWeight(double value)
    {
        var angle = Angle.OfWeight(_initialWeights.Count);
        _initialWeights.Add(value);
        return angle;
    }
}
