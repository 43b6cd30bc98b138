using System;
using System.Collections.Generic;

namespace NegLR;

/// <summary>
/// OpenQASM 3's built-ins (<c>U</c>, <c>gphase</c>) and the gates of its <c>stdgates.inc</c>, each imported so the state
/// equals the one its definition prepares, global phase included.
/// </summary>
/// <remarks>
/// <para>
/// Unlike qelib1.inc, stdgates.inc defines the rotations with their textbook phases: <c>rz(λ)</c> is
/// <c>gphase(−λ/2); U(0, 0, λ)</c> = e^{−iλZ/2} = NegLR's <see cref="GateKind.RZ"/>, <c>sx</c> is <c>pow(1/2) @ x</c> =
/// NegLR's <see cref="GateKind.SX"/>, and <c>U(θ, φ, λ)</c> is NegLR's <see cref="GateKind.U3"/>. The trap is the other
/// way round: the backwards-compatibility gates <c>u2</c> and <c>u3</c> carry <c>gphase(−(φ+λ)/2)</c> (the OpenQASM 2
/// paper's Rz·Ry·Rz form), so <c>u3(θ, φ, λ)</c> is e^{−i(φ+λ)/2}·U3(θ, φ, λ), not <c>U(θ, φ, λ)</c>.
/// </para>
/// <para>
/// A global phase e^{iγ} (<c>gphase(γ)</c>, and the phases of u2 and u3) is imported as
/// <see cref="GateKind.PauliRot"/> with the word <c>"I"</c> on qubit 0: exp(−iθI/2) = e^{−iθ/2}, so expectation values
/// and gradients are unaffected and the state is exact.
/// </para>
/// </remarks>
internal static class Stdgates
{
    public const string FileName = "stdgates.inc";

    private static readonly Angle HalfPi = Math.PI / 2;
    private static readonly Angle QuarterPi = Math.PI / 4;

    /// <summary>OpenQASM 3's built-in single-qubit gate (NegLR's U3 exactly).</summary>
    public static QasmGateDefinition U { get; } =
        QasmGateDefinition.CreateNative("U", 3, 1, QasmGateOrigin.BuiltIn, (s, a, q) => s.U3(q[0], a[0], a[1], a[2]));

    /// <summary>OpenQASM 3's global phase gphase(γ) = e^{iγ}, applied to no qubit.</summary>
    public static QasmGateDefinition GlobalPhase { get; } =
        QasmGateDefinition.CreateNative("gphase", 1, 0, QasmGateOrigin.BuiltIn, (s, a, q) => s.IdentityRotation(a[0] * -2.0));

    /// <summary>The gates <c>include "stdgates.inc";</c> defines, in the file's order.</summary>
    public static IReadOnlyList<QasmGateDefinition> Gates { get; } = new List<QasmGateDefinition>
    {
        Native("p", 1, 1, (s, a, q) => s.Add(GateKind.PhaseShift, q[0], a[0])),
        Fixed("x", GateKind.X),
        Fixed("y", GateKind.Y),
        Fixed("z", GateKind.Z),
        Fixed("h", GateKind.H),
        Fixed("s", GateKind.S),
        Fixed("sdg", GateKind.Sdg),
        Fixed("t", GateKind.T),
        Fixed("tdg", GateKind.Tdg),
        Fixed("sx", GateKind.SX),
        Native("rx", 1, 1, (s, a, q) => s.Add(GateKind.RX, q[0], a[0])),
        Native("ry", 1, 1, (s, a, q) => s.Add(GateKind.RY, q[0], a[0])),
        Native("rz", 1, 1, (s, a, q) => s.Add(GateKind.RZ, q[0], a[0])),
        Fixed2("cx", GateKind.CNOT),
        Fixed2("cy", GateKind.CY),
        Fixed2("cz", GateKind.CZ),
        Native("cp", 1, 2, (s, a, q) => s.Add(GateKind.CPhase, q[0], q[1], a[0])),
        Native("crx", 1, 2, (s, a, q) => s.Add(GateKind.CRX, q[0], q[1], a[0])),
        Native("cry", 1, 2, (s, a, q) => s.Add(GateKind.CRY, q[0], q[1], a[0])),
        Native("crz", 1, 2, (s, a, q) => s.Add(GateKind.CRZ, q[0], q[1], a[0])),
        Native("ch", 0, 2, (s, a, q) =>
        {
            // ctrl @ h: H = RY(π/4)·Z·RY(−π/4), so controlled-H = RY(π/4)·CZ·RY(−π/4) on the target, exactly.
            s.Add(GateKind.RY, q[1], -QuarterPi);
            s.Add(GateKind.CZ, q[0], q[1]);
            s.Add(GateKind.RY, q[1], QuarterPi);
        }),
        Fixed2("swap", GateKind.SWAP),
        Native("ccx", 0, 3, (s, a, q) => s.Add(GateKind.Toffoli, q[0], q[1], q[2])),
        Native("cswap", 0, 3, (s, a, q) => s.Add(GateKind.CSWAP, q[0], q[1], q[2])),
        Native("cu", 4, 2, (s, a, q) =>
        {
            // p(γ) on the control, then ctrl @ U(θ, φ, λ).
            s.Add(GateKind.PhaseShift, q[0], a[3]);
            Qelib1.ControlledU3(s, q[0], q[1], a[0], a[1], a[2]);
        }),
        Fixed2("CX", GateKind.CNOT),
        Native("phase", 1, 1, (s, a, q) => s.Add(GateKind.PhaseShift, q[0], a[0])),
        Native("cphase", 1, 2, (s, a, q) => s.Add(GateKind.CPhase, q[0], q[1], a[0])),
        Fixed("id", GateKind.I),
        Native("u1", 1, 1, (s, a, q) => s.Add(GateKind.PhaseShift, q[0], a[0])),
        Native("u2", 2, 1, (s, a, q) =>
        {
            // gphase(−(φ+λ)/2) = e^{−iφ/2}·e^{−iλ/2}: one identity rotation per angle keeps each an affine form of one input.
            s.IdentityRotation(a[0]);
            s.IdentityRotation(a[1]);
            s.U3(q[0], HalfPi, a[0], a[1]);
        }),
        Native("u3", 3, 1, (s, a, q) =>
        {
            s.IdentityRotation(a[1]);
            s.IdentityRotation(a[2]);
            s.U3(q[0], a[0], a[1], a[2]);
        }),
    };

    private static readonly HashSet<string> Names = BuildNames();

    /// <summary>True when <paramref name="name"/> is a stdgates.inc gate (for "did you forget the include?" hints).</summary>
    public static bool Defines(string name) => Names.Contains(name);

    private static HashSet<string> BuildNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in Gates)
        {
            names.Add(g.Name);
        }

        return names;
    }

    private static QasmGateDefinition Native(string name, int parameters, int qubits, QasmNativeEmitter emit) =>
        QasmGateDefinition.CreateNative(name, parameters, qubits, QasmGateOrigin.Stdgates, emit);

    private static QasmGateDefinition Fixed(string name, GateKind kind) => Native(name, 0, 1, (s, a, q) => s.Add(kind, q[0]));

    private static QasmGateDefinition Fixed2(string name, GateKind kind) => Native(name, 0, 2, (s, a, q) => s.Add(kind, q[0], q[1]));
}
