using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NegLR;

/// <summary>
/// Writes one <see cref="Circuit"/> as an OpenQASM 2.0 or 3 program. Every NegLR gate becomes a library gate that
/// equals it, or an exact decomposition into library gates; only OpenQASM 2's missing global phase is not exact.
/// </summary>
/// <remarks>
/// <para>
/// OpenQASM 3 (stdgates.inc) writes the gates with their textbook phases, so the program's state equals NegLR's
/// exactly: RZ → <c>rz</c> (= e^{−iθZ/2} there), SX → <c>sx</c>, U3 → <c>U</c>, PhaseShift → <c>p</c>, Rot(φ, θ, ω) →
/// <c>rz(φ); ry(θ); rz(ω)</c>; RXX, RYY, RZZ and ISWAP become gates the program defines (<c>rxx</c>, <c>ryy</c>,
/// <c>rzz</c>, <c>iswap</c>) from CNOTs and exact rotations; MultiRZ and PauliRot are written as basis changes
/// (<c>h</c> for X, <c>rx(pi/2)</c> for Y), a CNOT ladder and one <c>rz</c>; a PauliRot whose word is all I is the
/// global phase <c>gphase(−θ/2)</c>.
/// </para>
/// <para>
/// OpenQASM 2.0 (qelib1.inc, read as Qiskit reads it: U = U3) has no global phase, and its <c>rz</c> is the phase gate
/// u1 = e^{iθ/2}·RZ(θ). The program therefore prepares e^{iα}·ψ, where ψ is NegLR's state and α adds up, over the
/// gates: SX → <c>sx</c> (= RX(π/2)): −π/4; RZ(θ) → <c>rz(θ)</c>: +θ/2; Rot(φ, θ, ω) → <c>u3(θ, ω, φ)</c>: +(φ+ω)/2;
/// RXX(θ) → qelib1's <c>rxx(θ)</c>: −θ/2; RZZ(θ) → qelib1's <c>rzz(θ)</c>, RYY(θ) → a defined <c>ryy(θ)</c>,
/// MultiRZ(θ) and PauliRot(θ) (each through one <c>rz(θ)</c>, or nothing for an all-I word): +θ/2. Every other gate is
/// exact. α is written in a comment; probabilities, expectation values and gradients do not depend on it.
/// </para>
/// </remarks>
internal sealed class QasmExporter
{
    private readonly Circuit _circuit;
    private readonly QasmVersion _version;
    private readonly IReadOnlyList<double>? _weights;
    private readonly IReadOnlyList<double>? _inputs;
    private readonly QasmExportOptions _options;
    private readonly StringBuilder _body = new();
    private readonly string _q;
    private double _globalPhase;

    public QasmExporter(Circuit circuit, QasmVersion version, IReadOnlyList<double>? weights, IReadOnlyList<double>? inputs, QasmExportOptions options)
    {
        _circuit = circuit;
        _version = version;
        _weights = weights;
        _inputs = inputs;
        _options = options;
        _q = options.QubitRegister;
    }

    private bool V3 => _version == QasmVersion.OpenQasm3;

    /// <summary>The names the exporter gives weight k and data input k when they stay OpenQASM 3 inputs.</summary>
    public static string WeightName(int k) => "w_" + k.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc cref="WeightName"/>
    public static string InputName(int k) => "x_" + k.ToString(CultureInfo.InvariantCulture);

    public string Write()
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gate in _circuit.Gates)
        {
            Emit(gate, used);
        }

        var text = new StringBuilder();
        text.Append(V3 ? "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n" : "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n");
        text.Append(CultureInfo.InvariantCulture, $"// Exported by NegLR: {_circuit.Qubits} qubits, {_circuit.Gates.Count} gates; qubit k of the circuit is {_q}[k].\n");
        if (!V3)
        {
            double alpha = Math.IEEERemainder(_globalPhase, 2 * Math.PI);
            if (alpha != 0)
            {
                text.Append("// Global phase: this program prepares e^(i*alpha) times the circuit's state, alpha = ")
                    .Append(Number(alpha))
                    .Append(" (OpenQASM 2 has no global phase).\n");
            }
        }

        if (_weights is null)
        {
            for (int k = 0; k < _circuit.WeightCount; k++)
            {
                text.Append("input float[64] ").Append(WeightName(k)).Append(";\n");
            }
        }

        if (_inputs is null)
        {
            for (int k = 0; k < _circuit.InputCount; k++)
            {
                text.Append("input float[64] ").Append(InputName(k)).Append(";\n");
            }
        }

        foreach (string name in DefinitionOrder)
        {
            if (used.Contains(name))
            {
                text.Append(Definition(name)).Append('\n');
            }
        }

        string n = _circuit.Qubits.ToString(CultureInfo.InvariantCulture);
        string c = _options.ClassicalRegister;
        text.Append(V3 ? $"qubit[{n}] {_q};\n" : $"qreg {_q}[{n}];\n");
        if (_options.MeasureAll)
        {
            text.Append(V3 ? $"bit[{n}] {c};\n" : $"creg {c}[{n}];\n");
        }

        text.Append(_body);
        if (_options.MeasureAll)
        {
            text.Append(V3 ? $"{c} = measure {_q};\n" : $"measure {_q} -> {c};\n");
        }

        return text.ToString();
    }

    // The gates a program may define, in the order they are written.
    private static readonly string[] DefinitionOrder = { "iswap", "rxx", "ryy", "rzz" };

    /// <summary>
    /// The text of a gate the program defines. Each body uses only library gates that are exact in the version at hand
    /// (in OpenQASM 2, qelib1's rz is the phase gate, which the global phase accounts for).
    /// </summary>
    private static string Definition(string name) => name switch
    {
        // S⊗S · (H on a) · CX(a,b) · CX(b,a) · (H on b) = iSWAP exactly.
        "iswap" => "gate iswap a, b { s a; s b; h a; cx a, b; cx b, a; h b; }",
        // H⊗H maps Z⊗Z to X⊗X; RX(π/2)⊗RX(π/2) maps it to Y⊗Y (RX(π/2)† Z RX(π/2) = Y).
        "rxx" => "gate rxx(theta) a, b { h a; h b; cx a, b; rz(theta) b; cx a, b; h a; h b; }",
        "ryy" => "gate ryy(theta) a, b { rx(pi/2) a; rx(pi/2) b; cx a, b; rz(theta) b; cx a, b; rx(-pi/2) a; rx(-pi/2) b; }",
        _ => "gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }",
    };

    private void Emit(Gate gate, HashSet<string> used)
    {
        var q = gate.Qubits;
        var a = gate.Angles;
        switch (gate.Kind)
        {
            case GateKind.I: Line("id", q[0]); break;
            case GateKind.X: Line("x", q[0]); break;
            case GateKind.Y: Line("y", q[0]); break;
            case GateKind.Z: Line("z", q[0]); break;
            case GateKind.H: Line("h", q[0]); break;
            case GateKind.S: Line("s", q[0]); break;
            case GateKind.Sdg: Line("sdg", q[0]); break;
            case GateKind.T: Line("t", q[0]); break;
            case GateKind.Tdg: Line("tdg", q[0]); break;
            case GateKind.SX:
                Line("sx", q[0]);
                Phase(-Math.PI / 4);
                break;
            case GateKind.RX: Line("rx", a[0], q[0]); break;
            case GateKind.RY: Line("ry", a[0], q[0]); break;
            case GateKind.RZ:
                Line("rz", a[0], q[0]);
                Phase(Value(a[0]) / 2);
                break;
            case GateKind.PhaseShift: Line(V3 ? "p" : "u1", a[0], q[0]); break;
            case GateKind.Rot:
                if (V3)
                {
                    Line("rz", a[0], q[0]);
                    Line("ry", a[1], q[0]);
                    Line("rz", a[2], q[0]);
                }
                else
                {
                    // RZ(ω)·RY(θ)·RZ(φ) = e^{−i(φ+ω)/2}·U3(θ, ω, φ).
                    Line("u3", new[] { a[1], a[2], a[0] }, q[0]);
                    Phase((Value(a[0]) + Value(a[2])) / 2);
                }

                break;
            case GateKind.U3: Line(V3 ? "U" : "u3", new[] { a[0], a[1], a[2] }, q[0]); break;
            case GateKind.CNOT: Line("cx", q[0], q[1]); break;
            case GateKind.CY: Line("cy", q[0], q[1]); break;
            case GateKind.CZ: Line("cz", q[0], q[1]); break;
            case GateKind.SWAP: Line("swap", q[0], q[1]); break;
            case GateKind.ISWAP:
                used.Add("iswap");
                Line("iswap", q[0], q[1]);
                break;
            case GateKind.CRX: Line("crx", a[0], q[0], q[1]); break;
            case GateKind.CRY: Line("cry", a[0], q[0], q[1]); break;
            case GateKind.CRZ: Line("crz", a[0], q[0], q[1]); break;
            case GateKind.CPhase: Line(V3 ? "cp" : "cu1", a[0], q[0], q[1]); break;
            case GateKind.RXX:
                // OpenQASM 3 defines rxx here; OpenQASM 2 uses qelib1's, which is e^{−iθ/2}·RXX(θ).
                if (V3)
                {
                    used.Add("rxx");
                }

                Line("rxx", a[0], q[0], q[1]);
                Phase(-Value(a[0]) / 2);
                break;
            case GateKind.RYY:
                used.Add("ryy");
                Line("ryy", a[0], q[0], q[1]);
                Phase(Value(a[0]) / 2);
                break;
            case GateKind.RZZ:
                // qelib1's rzz is cx; u1(θ); cx = e^{iθ/2}·RZZ(θ).
                if (V3)
                {
                    used.Add("rzz");
                }

                Line("rzz", a[0], q[0], q[1]);
                Phase(Value(a[0]) / 2);
                break;
            case GateKind.MultiRZ:
                ParityRotation(a[0], q.AsSpan());
                break;
            case GateKind.PauliRot:
                PauliRotation(a[0], gate.PauliWord!, q.AsSpan());
                break;
            case GateKind.Toffoli: Line("ccx", q[0], q[1], q[2]); break;
            case GateKind.CSWAP: Line("cswap", q[0], q[1], q[2]); break;
            default:
                throw new InvalidOperationException($"The OpenQASM exporter has no rule for gate {gate.Kind}.");
        }
    }

    /// <summary>exp(−iθ Z⊗…⊗Z/2): a CNOT ladder gathers the parity on the last qubit, rz(θ) there, and the ladder undone.</summary>
    private void ParityRotation(Angle theta, ReadOnlySpan<int> qubits)
    {
        for (int k = 0; k + 1 < qubits.Length; k++)
        {
            Line("cx", qubits[k], qubits[k + 1]);
        }

        Line("rz", theta, qubits[^1]);
        for (int k = qubits.Length - 2; k >= 0; k--)
        {
            Line("cx", qubits[k], qubits[k + 1]);
        }

        Phase(Value(theta) / 2);
    }

    /// <summary>exp(−iθP/2): each X or Y turned into Z (H, RX(π/2)), the parity rotation, and the turns undone.</summary>
    private void PauliRotation(Angle theta, string word, ReadOnlySpan<int> qubits)
    {
        var active = new List<int>();
        for (int k = 0; k < word.Length; k++)
        {
            if (word[k] != 'I')
            {
                active.Add(k);
            }
        }

        if (active.Count == 0)
        {
            // exp(−iθI/2) = e^{−iθ/2}: a global phase, which OpenQASM 2 cannot write.
            if (V3)
            {
                _body.Append("gphase(").Append(Format(theta * -0.5)).Append(");\n");
            }
            else
            {
                Phase(Value(theta) / 2);
            }

            return;
        }

        ChangeBasis(word, qubits, active, undo: false);
        var targets = new int[active.Count];
        for (int i = 0; i < targets.Length; i++)
        {
            targets[i] = qubits[active[i]];
        }

        ParityRotation(theta, targets);
        ChangeBasis(word, qubits, active, undo: true);
    }

    private void ChangeBasis(string word, ReadOnlySpan<int> qubits, List<int> active, bool undo)
    {
        foreach (int k in active)
        {
            if (word[k] == 'X')
            {
                Line("h", qubits[k]);
            }
            else if (word[k] == 'Y')
            {
                Line("rx", undo ? -Math.PI / 2 : Math.PI / 2, qubits[k]);
            }
        }
    }

    private void Phase(double alpha) => _globalPhase += alpha;

    /// <summary>An angle's value with the bound weights and inputs (only needed, and only called, for OpenQASM 2).</summary>
    private double Value(Angle angle)
    {
        if (V3)
        {
            return 0;
        }

        return angle.Source switch
        {
            AngleSource.Weight => (angle.Scale * _weights![angle.Index]) + angle.Offset,
            AngleSource.Input => (angle.Scale * _inputs![angle.Index]) + angle.Offset,
            _ => angle.Offset,
        };
    }

    private void Line(string name, params int[] qubits) => Line(name, Array.Empty<Angle>(), qubits);

    private void Line(string name, Angle angle, params int[] qubits) => Line(name, new[] { angle }, qubits);

    private void Line(string name, Angle[] angles, params int[] qubits)
    {
        _body.Append(name);
        if (angles.Length > 0)
        {
            _body.Append('(');
            for (int i = 0; i < angles.Length; i++)
            {
                _body.Append(i == 0 ? string.Empty : ", ").Append(Format(angles[i]));
            }

            _body.Append(')');
        }

        for (int i = 0; i < qubits.Length; i++)
        {
            _body.Append(i == 0 ? " " : ", ").Append(_q).Append('[').Append(qubits[i].ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        _body.Append(";\n");
    }

    /// <summary>
    /// An angle as OpenQASM text. A bound weight or input becomes the number <c>Scale · value + Offset</c>, computed as
    /// the interpreter computes it; an unbound one the affine expression <c>Scale*w_k + Offset</c>, which the importer
    /// reads back into the same two doubles.
    /// </summary>
    private string Format(Angle angle)
    {
        IReadOnlyList<double>? bound = angle.Source switch
        {
            AngleSource.Weight => _weights,
            AngleSource.Input => _inputs,
            _ => null,
        };
        if (angle.Source == AngleSource.Constant)
        {
            return Number(angle.Offset);
        }

        if (bound is not null)
        {
            return Number((angle.Scale * bound[angle.Index]) + angle.Offset);
        }

        string variable = angle.Source == AngleSource.Weight ? WeightName(angle.Index) : InputName(angle.Index);
        string text = angle.Scale == 1 ? variable : angle.Scale == -1 ? "-" + variable : Number(angle.Scale) + "*" + variable;
        if (angle.Offset > 0)
        {
            text += " + " + Number(angle.Offset);
        }
        else if (angle.Offset < 0)
        {
            text += " - " + Number(-angle.Offset);
        }

        return text;
    }

    /// <summary>
    /// A double as OpenQASM text that parses back to the same double: a multiple k·π/d (|k| ≤ 64, d ≤ 16) when the
    /// importer's evaluation of that text gives exactly these bits, else the shortest round-trip decimal with a '.'
    /// before any exponent (OpenQASM 2's real literals need one).
    /// </summary>
    internal static string Number(double value)
    {
        if (value == 0)
        {
            return "0";
        }

        foreach (int d in PiDenominators)
        {
            double k = Math.Round(value * d / Math.PI);
            if (k == 0 || Math.Abs(k) > 64 || (k * Math.PI) / d != value)
            {
                continue;
            }

            string numerator = k switch
            {
                1 => "pi",
                -1 => "-pi",
                _ => k.ToString("R", CultureInfo.InvariantCulture) + "*pi",
            };
            return d == 1 ? numerator : numerator + "/" + d.ToString(CultureInfo.InvariantCulture);
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0 && !text.Contains('.', StringComparison.Ordinal))
        {
            text = text[..e] + ".0" + text[e..];
        }

        return text;
    }

    private static readonly int[] PiDenominators = { 1, 2, 3, 4, 6, 8, 12, 16 };
}
