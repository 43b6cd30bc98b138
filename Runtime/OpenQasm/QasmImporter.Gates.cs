using System;

namespace NegLR;

// Gate definitions and applications: name resolution, arity, register broadcasting, the terminal-measurement rule,
// and expansion of composite gates down to native ones.
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

        string hint = Qelib1.IsUnsupported(name.Text)
            ? $" (NegLR does not import {Qelib1.FileName}'s '{name.Text}': its definition there is not the gate its name promises; define it with 'gate {name.Text} ...' instead)"
            : !_qelib1Included && Qelib1.Defines(name.Text)
                ? $" ('{name.Text}' is defined in {Qelib1.FileName}: add 'include \"{Qelib1.FileName}\";' after the header)"
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
        double[] values = new double[call.Parameters.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = call.Parameters[i].Evaluate(ReadOnlySpan<double>.Empty, site: null);
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

            Expand(gate, values, qubits, userCode: true, site, depth: 0);
        }
    }

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
    /// or a user gate body); qelib1's own inner constants stay constants.
    /// </summary>
    private void Expand(QasmGateDefinition gate, double[] values, ReadOnlySpan<int> qubits, bool userCode, QasmCallSite site, int depth)
    {
        if (gate.Native is { } emit)
        {
            if (_sink.Count >= _options.MaxGates)
            {
                throw QasmException.At(
                    site.Position, FormattableString.Invariant($"the program expands to more than {_options.MaxGates} gates"));
            }

            bool weights = userCode && _options.AnglesAsWeights && gate.ParametersAreAngles;
            var angles = new Angle[values.Length];
            for (int i = 0; i < angles.Length; i++)
            {
                angles[i] = weights ? NewWeight(values[i]) : Angle.Constant(values[i]);
            }

            emit(_sink, angles, qubits);
            return;
        }

        if (gate.Body is not { } body)
        {
            string via = site.Gate == gate.Name ? string.Empty : $" (it is used by gate '{site.Gate}')";
            throw QasmException.At(site.Position, $"opaque gate '{gate.Name}' has no definition, so it cannot be simulated{via}");
        }

        if (depth >= MaxExpansionDepth)
        {
            throw QasmException.At(
                site.Position, FormattableString.Invariant($"gate definitions are nested more than {MaxExpansionDepth} levels deep"));
        }

        bool inner = userCode && gate.Origin == QasmGateOrigin.User;
        foreach (var op in body)
        {
            double[] v = new double[op.Parameters.Count];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = op.Parameters[i].Evaluate(values, site);
            }

            int[] q = new int[op.QubitSlots.Length];
            for (int i = 0; i < q.Length; i++)
            {
                q[i] = qubits[op.QubitSlots[i]];
            }

            Expand(op.Gate, v, q, inner, site, depth + 1);
        }
    }

    private Angle NewWeight(double value)
    {
        var angle = Angle.OfWeight(_initialWeights.Count);
        _initialWeights.Add(value);
        return angle;
    }
}
