using System;
using System.Collections.Generic;

namespace NegLR;

/// <summary>
/// The built-in gates: OpenQASM's <c>U</c> and <c>CX</c>, and every gate of Qiskit's <c>qelib1.inc</c>, each imported so
/// the state equals the one its qelib1 definition prepares, global phase included.
/// </summary>
/// <remarks>
/// <para>
/// <c>U(θ,φ,λ)</c> is NegLR's <see cref="GateKind.U3"/> (Qiskit's reading, under which qelib1's <c>u1(λ) = U(0,0,λ)</c>
/// is diag(1, e^{iλ}); the OpenQASM 2.0 paper's Rz·Ry·Rz form differs by the phase e^{−i(φ+λ)/2}). A gate maps to one
/// NegLR gate only where the two are equal as matrices; otherwise its qelib1 body is emitted gate by gate (still with
/// one trainable angle per parameter, since each emitted angle is an affine form of a single parameter). Checked by
/// the OpenQasm tests against the literal qelib1.inc text expanded down to U and CX.
/// </para>
/// <para>
/// Equal to a NegLR gate: u3, u, U = U3; u2(φ,λ) = U3(π/2,φ,λ); u1, p, and rz (qelib1's rz is u1) = PhaseShift;
/// rx, ry = RX, RY; sx = RX(π/2) and sxdg = RX(−π/2) (NegLR's SX is e^{iπ/4}·RX(π/2)); crx, cry, crz = CRX, CRY, CRZ;
/// cu1, cp = CPhase; cz, cy, swap, ccx, cswap = CZ, CY, SWAP, Toffoli, CSWAP; cu3(θ,φ,λ) = CPhase(λ)·CRY(θ)·CPhase(φ)
/// (controlled U3); cu adds PhaseShift(γ) on the control. Emitted from the qelib1 body: rzz (e^{iθ/2}·RZZ(θ)), rxx
/// (e^{−iθ/2}·RXX(θ)), ch (e^{iπ/4}·CH), csx, rccx, rc3x, c3x. Not imported: c3sqrtx and c4x, whose qelib1.inc bodies
/// are not the gates their names promise (a 3-controlled SX† and no 4-controlled X, respectively).
/// </para>
/// </remarks>
internal static class Qelib1
{
    public const string FileName = "qelib1.inc";

    // Gates without a single NegLR equivalent and without parameters, copied verbatim from qelib1.inc: expanding the
    // text is exact by construction. (Parameterised ones are written out in C# below so each angle stays trainable.)
    // qelib1.inc's c3sqrtx and c4x are left out on purpose: as written there, c3sqrtx is a 3-controlled SX† (not SX, the
    // gate Qiskit exports under that name) and c4x is not a 4-controlled X at all, so importing them literally would
    // silently change what an exported circuit meant. A program may define them itself.
    private const string CompositeSource = """
        gate ch a,b {
        h b; sdg b;
        cx a,b;
        h b; t b;
        cx a,b;
        t b; h b; s b; x b; s a;
        }
        gate csx a,b { h b; cu1(pi/2) a,b; h b; }
        gate rccx a,b,c
        {
          u2(0,pi) c;
          u1(pi/4) c;
          cx b, c;
          u1(-pi/4) c;
          cx a, c;
          u1(pi/4) c;
          cx b, c;
          u1(-pi/4) c;
          u2(0,pi) c;
        }
        gate rc3x a,b,c,d
        {
          u2(0,pi) d;
          u1(pi/4) d;
          cx c,d;
          u1(-pi/4) d;
          u2(0,pi) d;
          cx a,d;
          u1(pi/4) d;
          cx b,d;
          u1(-pi/4) d;
          cx a,d;
          u1(pi/4) d;
          cx b,d;
          u1(-pi/4) d;
          u2(0,pi) d;
          u1(pi/4) d;
          cx c,d;
          u1(-pi/4) d;
          u2(0,pi) d;
        }
        gate c3x a,b,c,d
        {
            h d; cu1(-pi/4) a,d; h d;
            cx a,b;
            h d; cu1(pi/4) b,d; h d;
            cx a,b;
            h d; cu1(-pi/4) b,d; h d;
            cx b,c;
            h d; cu1(pi/4) c,d; h d;
            cx a,c;
            h d; cu1(-pi/4) c,d; h d;
            cx b,c;
            h d; cu1(pi/4) c,d; h d;
            cx a,c;
            h d; cu1(-pi/4) c,d; h d;
        }
        """;

    private static readonly Angle HalfPi = Math.PI / 2;

    /// <summary>OpenQASM's built-in single-qubit gate.</summary>
    public static QasmGateDefinition U { get; } =
        QasmGateDefinition.CreateNative("U", 3, 1, QasmGateOrigin.BuiltIn, (s, a, q) => s.U3(q[0], a[0], a[1], a[2]));

    /// <summary>OpenQASM's built-in controlled NOT.</summary>
    public static QasmGateDefinition CX { get; } =
        QasmGateDefinition.CreateNative("CX", 0, 2, QasmGateOrigin.BuiltIn, (s, a, q) => s.Add(GateKind.CNOT, q[0], q[1]));

    /// <summary>The gates <c>include "qelib1.inc";</c> defines, in the file's order.</summary>
    public static IReadOnlyList<QasmGateDefinition> Gates { get; } = Build();

    private static readonly HashSet<string> Names = BuildNames();

    /// <summary>True when <paramref name="name"/> is a qelib1.inc gate (for "did you forget the include?" hints).</summary>
    public static bool Defines(string name) => Names.Contains(name);

    /// <summary>True for the qelib1.inc gates NegLR declines to import (see the note on the composite source).</summary>
    public static bool IsUnsupported(string name) => name is "c3sqrtx" or "c4x";

    private static HashSet<string> BuildNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in Gates)
        {
            names.Add(g.Name);
        }

        return names;
    }

    private static List<QasmGateDefinition> Build()
    {
        var gates = new List<QasmGateDefinition>
        {
            Native("u3", 3, 1, (s, a, q) => s.U3(q[0], a[0], a[1], a[2])),
            Native("u2", 2, 1, (s, a, q) => s.U3(q[0], HalfPi, a[0], a[1])),
            Native("u1", 1, 1, (s, a, q) => s.Add(GateKind.PhaseShift, q[0], a[0])),
            Native("cx", 0, 2, (s, a, q) => s.Add(GateKind.CNOT, q[0], q[1])),
            Native("id", 0, 1, (s, a, q) => s.Add(GateKind.I, q[0])),
            QasmGateDefinition.CreateNative(
                "u0", 1, 1, QasmGateOrigin.Qelib1, (s, a, q) => s.Add(GateKind.I, q[0]), parametersAreAngles: false),
            Native("u", 3, 1, (s, a, q) => s.U3(q[0], a[0], a[1], a[2])),
            Native("p", 1, 1, (s, a, q) => s.Add(GateKind.PhaseShift, q[0], a[0])),
            Fixed("x", GateKind.X),
            Fixed("y", GateKind.Y),
            Fixed("z", GateKind.Z),
            Fixed("h", GateKind.H),
            Fixed("s", GateKind.S),
            Fixed("sdg", GateKind.Sdg),
            Fixed("t", GateKind.T),
            Fixed("tdg", GateKind.Tdg),
            Native("rx", 1, 1, (s, a, q) => s.Add(GateKind.RX, q[0], a[0])),
            Native("ry", 1, 1, (s, a, q) => s.Add(GateKind.RY, q[0], a[0])),
            // qelib1: rz(φ) = u1(φ), the phase gate; NegLR's RZ would differ by the global phase e^{−iφ/2}.
            Native("rz", 1, 1, (s, a, q) => s.Add(GateKind.PhaseShift, q[0], a[0])),
            // qelib1: sx = sdg·h·sdg = RX(π/2) exactly, whereas NegLR's SX carries an extra e^{iπ/4}.
            Native("sx", 0, 1, (s, a, q) => s.Add(GateKind.RX, q[0], HalfPi)),
            Native("sxdg", 0, 1, (s, a, q) => s.Add(GateKind.RX, q[0], -HalfPi)),
            Fixed2("cz", GateKind.CZ),
            Fixed2("cy", GateKind.CY),
            Fixed2("swap", GateKind.SWAP),
            Native("ccx", 0, 3, (s, a, q) => s.Add(GateKind.Toffoli, q[0], q[1], q[2])),
            Native("cswap", 0, 3, (s, a, q) => s.Add(GateKind.CSWAP, q[0], q[1], q[2])),
            Native("crx", 1, 2, (s, a, q) => s.Add(GateKind.CRX, q[0], q[1], a[0])),
            Native("cry", 1, 2, (s, a, q) => s.Add(GateKind.CRY, q[0], q[1], a[0])),
            Native("crz", 1, 2, (s, a, q) => s.Add(GateKind.CRZ, q[0], q[1], a[0])),
            Native("cu1", 1, 2, (s, a, q) => s.Add(GateKind.CPhase, q[0], q[1], a[0])),
            Native("cp", 1, 2, (s, a, q) => s.Add(GateKind.CPhase, q[0], q[1], a[0])),
            Native("cu3", 3, 2, (s, a, q) => ControlledU3(s, q[0], q[1], a[0], a[1], a[2])),
            Native("cu", 4, 2, (s, a, q) =>
            {
                // qelib1 applies p(γ) to the control first; it is diagonal there, so it commutes with the rest.
                s.Add(GateKind.PhaseShift, q[0], a[3]);
                ControlledU3(s, q[0], q[1], a[0], a[1], a[2]);
            }),
            Native("rxx", 1, 2, (s, a, q) =>
            {
                // The qelib1 body verbatim: it is e^{−iθ/2}·RXX(θ), so RXX alone would change the global phase.
                s.U3(q[0], HalfPi, a[0], 0);
                s.Add(GateKind.H, q[1]);
                s.Add(GateKind.CNOT, q[0], q[1]);
                s.Add(GateKind.PhaseShift, q[1], -a[0]);
                s.Add(GateKind.CNOT, q[0], q[1]);
                s.Add(GateKind.H, q[1]);
                s.U3(q[0], HalfPi, -Math.PI, Math.PI - a[0]);
            }),
            Native("rzz", 1, 2, (s, a, q) =>
            {
                // The qelib1 body verbatim: diag(1, e^{iθ}, e^{iθ}, 1) = e^{iθ/2}·RZZ(θ).
                s.Add(GateKind.CNOT, q[0], q[1]);
                s.Add(GateKind.PhaseShift, q[1], a[0]);
                s.Add(GateKind.CNOT, q[0], q[1]);
            }),
        };

        var byName = new Dictionary<string, QasmGateDefinition>(StringComparer.Ordinal);
        foreach (var g in gates)
        {
            byName.Add(g.Name, g);
        }

        var parser = new QasmParser(CompositeSource);
        while (parser.Next() is QasmGateDeclaration declaration)
        {
            var composite = QasmGateDefinition.Define(declaration, QasmGateOrigin.Qelib1, name => byName[name.Text]);
            byName.Add(composite.Name, composite);
            gates.Add(composite);
        }

        return gates;
    }

    /// <summary>
    /// Controlled U3(θ, φ, λ) = CPhase(λ), then CRY(θ), then CPhase(φ): with the control set this is P(φ)·RY(θ)·P(λ) =
    /// U3 on the target, and the identity otherwise; equal to qelib1's cu3 body including phase.
    /// </summary>
    internal static void ControlledU3(QasmGateSink s, int control, int target, Angle theta, Angle phi, Angle lambda)
    {
        s.Add(GateKind.CPhase, control, target, lambda);
        s.Add(GateKind.CRY, control, target, theta);
        s.Add(GateKind.CPhase, control, target, phi);
    }

    private static QasmGateDefinition Native(string name, int parameters, int qubits, QasmNativeEmitter emit) =>
        QasmGateDefinition.CreateNative(name, parameters, qubits, QasmGateOrigin.Qelib1, emit);

    private static QasmGateDefinition Fixed(string name, GateKind kind) => Native(name, 0, 1, (s, a, q) => s.Add(kind, q[0]));

    private static QasmGateDefinition Fixed2(string name, GateKind kind) => Native(name, 0, 2, (s, a, q) => s.Add(kind, q[0], q[1]));
}
