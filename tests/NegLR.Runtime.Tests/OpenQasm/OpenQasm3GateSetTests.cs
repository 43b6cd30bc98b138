using System;
using System.Collections.Generic;
using System.Numerics;
using NegLR.Tests.Reference;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>
/// Each OpenQASM 3 built-in and stdgates.inc gate, applied to a generic entangled 5-qubit state, gives exactly (global
/// phase included, to 1e-12) the state its definition in the specification prepares, written here as a literal matrix:
/// rz is e^{−iθZ/2} (unlike qelib1's), sx is √X, and the compatibility gates u2 and u3 carry e^{−i(φ+λ)/2}.
/// </summary>
public class OpenQasm3GateSetTests
{
    private const double Theta = 0.7;
    private const double Phi = 0.3;
    private const double Lambda = 1.1;
    private const double Gamma = -0.4;

    private static readonly DenseReferenceSimulator Dense = new(5);

    private static Complex E(double phi) => Complex.FromPolarCoordinates(1, phi);

    /// <summary>block-diag(I, u): the control is the first (most significant) local qubit.</summary>
    private static DenseMatrix Controlled(DenseMatrix u)
    {
        int d = u.Dimension;
        var m = new DenseMatrix(2 * d);
        for (int i = 0; i < d; i++)
        {
            m[i, i] = 1;
            for (int j = 0; j < d; j++)
            {
                m[d + i, d + j] = u[i, j];
            }
        }

        return m;
    }

    private static readonly Dictionary<string, (string Qasm, DenseMatrix Local, int[] Qubits)> Cases = new()
    {
        ["U"] = ("U(0.7, 0.3, 1.1) q[3];", LiteralGates.U3(Theta, Phi, Lambda), new[] { 3 }),
        ["gphase"] = ("gphase(-0.4);", E(Gamma) * LiteralGates.Identity, new[] { 3 }),
        ["p"] = ("p(1.1) q[3];", LiteralGates.PhaseShift(Lambda), new[] { 3 }),
        ["x"] = ("x q[3];", LiteralGates.X, new[] { 3 }),
        ["y"] = ("y q[3];", LiteralGates.Y, new[] { 3 }),
        ["z"] = ("z q[3];", LiteralGates.Z, new[] { 3 }),
        ["h"] = ("h q[3];", LiteralGates.H, new[] { 3 }),
        ["s"] = ("s q[3];", LiteralGates.S, new[] { 3 }),
        ["sdg"] = ("sdg q[3];", LiteralGates.Sdg, new[] { 3 }),
        ["t"] = ("t q[3];", LiteralGates.T, new[] { 3 }),
        ["tdg"] = ("tdg q[3];", LiteralGates.Tdg, new[] { 3 }),
        ["sx"] = ("sx q[3];", LiteralGates.SX, new[] { 3 }),
        ["rx"] = ("rx(0.7) q[3];", LiteralGates.RX(Theta), new[] { 3 }),
        ["ry"] = ("ry(0.7) q[3];", LiteralGates.RY(Theta), new[] { 3 }),
        ["rz"] = ("rz(0.7) q[3];", LiteralGates.RZ(Theta), new[] { 3 }),
        ["cx"] = ("cx q[3], q[1];", Controlled(LiteralGates.X), new[] { 3, 1 }),
        ["cy"] = ("cy q[3], q[1];", Controlled(LiteralGates.Y), new[] { 3, 1 }),
        ["cz"] = ("cz q[3], q[1];", Controlled(LiteralGates.Z), new[] { 3, 1 }),
        ["cp"] = ("cp(1.1) q[3], q[1];", Controlled(LiteralGates.PhaseShift(Lambda)), new[] { 3, 1 }),
        ["crx"] = ("crx(0.7) q[3], q[1];", Controlled(LiteralGates.RX(Theta)), new[] { 3, 1 }),
        ["cry"] = ("cry(0.7) q[3], q[1];", Controlled(LiteralGates.RY(Theta)), new[] { 3, 1 }),
        ["crz"] = ("crz(0.7) q[3], q[1];", Controlled(LiteralGates.RZ(Theta)), new[] { 3, 1 }),
        ["ch"] = ("ch q[3], q[1];", Controlled(LiteralGates.H), new[] { 3, 1 }),
        ["swap"] = ("swap q[3], q[1];", LiteralGates.Swap, new[] { 3, 1 }),
        ["ccx"] = ("ccx q[4], q[0], q[2];", Controlled(Controlled(LiteralGates.X)), new[] { 4, 0, 2 }),
        ["cswap"] = ("cswap q[4], q[0], q[2];", Controlled(LiteralGates.Swap), new[] { 4, 0, 2 }),
        // cu(θ, φ, λ, γ) a, b { p(γ) a; ctrl @ U(θ, φ, λ) a, b; } = block-diag(I, e^{iγ}·U).
        ["cu"] = ("cu(0.7, 0.3, 1.1, -0.4) q[3], q[1];", Controlled(E(Gamma) * LiteralGates.U3(Theta, Phi, Lambda)), new[] { 3, 1 }),
        ["CX"] = ("CX q[3], q[1];", Controlled(LiteralGates.X), new[] { 3, 1 }),
        ["phase"] = ("phase(1.1) q[3];", LiteralGates.PhaseShift(Lambda), new[] { 3 }),
        ["cphase"] = ("cphase(1.1) q[3], q[1];", Controlled(LiteralGates.PhaseShift(Lambda)), new[] { 3, 1 }),
        ["id"] = ("id q[3];", LiteralGates.Identity, new[] { 3 }),
        ["u1"] = ("u1(1.1) q[3];", LiteralGates.PhaseShift(Lambda), new[] { 3 }),
        // u2(φ, λ) q { gphase(−(φ+λ)/2); U(π/2, φ, λ) q; } and u3(θ, φ, λ) likewise: not the same as U.
        ["u2"] = ("u2(0.3, 1.1) q[3];", E(-(Phi + Lambda) / 2) * LiteralGates.U3(Math.PI / 2, Phi, Lambda), new[] { 3 }),
        ["u3"] = ("u3(0.7, 0.3, 1.1) q[3];", E(-(Phi + Lambda) / 2) * LiteralGates.U3(Theta, Phi, Lambda), new[] { 3 }),
    };

    public static TheoryData<string> GateNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    private static string Program3(string body) =>
        "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[5] q;\n" + ScrambleQasm + "\n" + body + "\n";

    [Theory]
    [MemberData(nameof(GateNames))]
    public void Gate_OnEntangledState_EqualsItsSpecificationIncludingGlobalPhase(string gate)
    {
        var (qasm, local, qubits) = Cases[gate];
        var program = OpenQasm.Parse(Program3(qasm));
        var expected = Dense.Embed(local, qubits).Apply(StateOf(Scramble()));
        var actual = StateOf(program);
        AssertSameState(expected, actual);
        if (gate != "id")
        {
            AssertDifferentState(StateOf(Scramble()), actual);
        }
    }

    [Fact]
    public void GateCases_CoverEveryStdgatesGate()
    {
        foreach (var gate in Stdgates.Gates)
        {
            Assert.True(Cases.ContainsKey(gate.Name), $"no test case for stdgates.inc's '{gate.Name}'");
        }
    }

    [Fact]
    public void U3_InOpenQasm3_IsNotU()
    {
        // The trap: in OpenQASM 3 u3(θ,φ,λ) = e^{−i(φ+λ)/2}·U(θ,φ,λ), while in qelib1.inc u3 is U.
        var u3 = StateOf(OpenQasm.Parse(Program3("u3(0.7, 0.3, 1.1) q[3];")));
        var u = StateOf(OpenQasm.Parse(Program3("U(0.7, 0.3, 1.1) q[3];")));
        AssertSameState(Times(u, E(-(Phi + Lambda) / 2)), u3);
        AssertDifferentState(u, u3);
    }
}
