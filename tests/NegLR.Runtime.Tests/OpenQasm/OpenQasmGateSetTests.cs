using System;
using System.Collections.Generic;
using System.Numerics;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>
/// Each built-in and qelib1.inc gate, applied to a generic entangled 5-qubit state, must give exactly (global phase
/// included, to 1e-12) the state of a circuit built by hand with NegLR's API. Where the expected circuit is a NegLR gate
/// times a phase, the phase is the one qelib1's definition implies (e.g. rz(φ) = u1(φ) = e^{iφ/2}·RZ(φ)).
/// </summary>
public class OpenQasmGateSetTests
{
    private const double Theta = 0.7;
    private const double Phi = 0.3;
    private const double Lambda = 1.1;
    private const double Gamma = -0.4;
    private const double HalfPi = Math.PI / 2;

    private static readonly Dictionary<string, GateCase> Cases = new()
    {
        ["U"] = new("U(0.7,0.3,1.1) q[3];", c => c.U3(3, Theta, Phi, Lambda)),
        ["CX"] = new("CX q[3],q[1];", c => c.CNOT(3, 1)),
        ["u3"] = new("u3(0.7,0.3,1.1) q[3];", c => c.U3(3, Theta, Phi, Lambda)),
        ["u2"] = new("u2(0.3,1.1) q[3];", c => c.U3(3, HalfPi, Phi, Lambda)),
        ["u1"] = new("u1(1.1) q[3];", c => c.PhaseShift(3, Lambda)),
        ["cx"] = new("cx q[3],q[1];", c => c.CNOT(3, 1)),
        ["id"] = new("id q[3];", c => c.I(3)),
        ["u0"] = new("u0(5) q[3];", c => c.I(3)),
        ["u"] = new("u(0.7,0.3,1.1) q[3];", c => c.U3(3, Theta, Phi, Lambda)),
        ["p"] = new("p(1.1) q[3];", c => c.PhaseShift(3, Lambda)),
        ["x"] = new("x q[3];", c => c.X(3)),
        ["y"] = new("y q[3];", c => c.Y(3)),
        ["z"] = new("z q[3];", c => c.Z(3)),
        ["h"] = new("h q[3];", c => c.H(3)),
        ["s"] = new("s q[3];", c => c.S(3)),
        ["sdg"] = new("sdg q[3];", c => c.Sdg(3)),
        ["t"] = new("t q[3];", c => c.T(3)),
        ["tdg"] = new("tdg q[3];", c => c.Tdg(3)),
        ["rx"] = new("rx(0.7) q[3];", c => c.RX(3, Theta)),
        ["ry"] = new("ry(0.7) q[3];", c => c.RY(3, Theta)),
        // qelib1: rz(φ) = u1(φ) = diag(1, e^{iφ}) = e^{iφ/2}·RZ(φ).
        ["rz"] = new("rz(0.3) q[3];", c => c.RZ(3, Phi), Phase(Phi / 2)),
        // qelib1: sx = sdg·h·sdg = RX(π/2); NegLR's SX = e^{iπ/4}·RX(π/2).
        ["sx"] = new("sx q[3];", c => c.SX(3), Phase(-Math.PI / 4)),
        ["sxdg"] = new("sxdg q[3];", c => c.S(3).H(3).S(3)),
        ["cz"] = new("cz q[3],q[1];", c => c.CZ(3, 1)),
        ["cy"] = new("cy q[3],q[1];", c => c.CY(3, 1)),
        ["swap"] = new("swap q[3],q[1];", c => c.SWAP(3, 1)),
        // qelib1's ch is e^{iπ/4}·CH; CH = (I⊗RY(π/4))·CZ·(I⊗RY(−π/4)) since RY(π/4) Z RY(−π/4) = (Z + X)/√2 = H.
        ["ch"] = new("ch q[3],q[1];", c => c.RY(1, -Math.PI / 4).CZ(3, 1).RY(1, Math.PI / 4), Phase(Math.PI / 4)),
        ["ccx"] = new("ccx q[4],q[0],q[2];", c => c.Toffoli(4, 0, 2)),
        ["cswap"] = new("cswap q[4],q[0],q[2];", c => c.CSWAP(4, 0, 2)),
        ["crx"] = new("crx(0.7) q[3],q[1];", c => c.CRX(3, 1, Theta)),
        ["cry"] = new("cry(0.7) q[3],q[1];", c => c.CRY(3, 1, Theta)),
        ["crz"] = new("crz(0.7) q[3],q[1];", c => c.CRZ(3, 1, Theta)),
        ["cu1"] = new("cu1(1.1) q[3],q[1];", c => c.CPhase(3, 1, Lambda)),
        ["cp"] = new("cp(1.1) q[3],q[1];", c => c.CPhase(3, 1, Lambda)),
        ["cu3"] = new("cu3(0.7,0.3,1.1) q[3],q[1];", c => QelibCu3Body(c, 3, 1)),
        ["cu"] = new("cu(0.7,0.3,1.1,-0.4) q[3],q[1];", c => QelibCu3Body(c.PhaseShift(3, Gamma), 3, 1)),
        // csx = controlled (H·P(π/2)·H) = controlled (e^{iπ/4}·RX(π/2)): a CRX(π/2) and a T-like phase on the control.
        ["csx"] = new("csx q[3],q[1];", c => c.CRX(3, 1, HalfPi).PhaseShift(3, Math.PI / 4)),
        // qelib1: rxx(θ) = e^{−iθ/2}·RXX(θ); rzz(θ) = cx; u1(θ); cx = e^{iθ/2}·RZZ(θ).
        ["rxx"] = new("rxx(0.7) q[3],q[1];", c => c.RXX(3, 1, Theta), Phase(-Theta / 2)),
        ["rzz"] = new("rzz(0.7) q[3],q[1];", c => c.RZZ(3, 1, Theta), Phase(Theta / 2)),
        ["rccx"] = new("rccx q[4],q[0],q[2];", c => QelibRccxBody(c, 4, 0, 2)),
        ["rc3x"] = new("rc3x q[4],q[0],q[2],q[3];", c => QelibRc3xBody(c, 4, 0, 2, 3)),
        ["c3x"] = new("c3x q[4],q[0],q[2],q[3];", c => { }, Transform: s => FlipWhenAllSet(s, 3, 4, 0, 2)),
    };

    /// <summary>Every built-in and every imported qelib1.inc gate, so a new gate without a test fails here.</summary>
    public static TheoryData<string> GateNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GateNames))]
    public void Gate_OnEntangledState_EqualsHandBuiltCircuitIncludingGlobalPhase(string gate)
    {
        var test = Cases[gate];
        var program = OpenQasm.Parse(ScrambledProgram(test.Qasm));

        var expected = Scramble();
        test.Build(expected);
        var expectedState = Times(StateOf(expected), test.Phase ?? Complex.One);
        if (test.Transform is not null)
        {
            expectedState = test.Transform(expectedState);
        }

        var actual = StateOf(program);
        AssertSameState(expectedState, actual);
        if (gate is not ("id" or "u0"))
        {
            // The gate must have done something, or the comparison proves nothing.
            AssertDifferentState(StateOf(Scramble()), actual);
        }
    }

    [Fact]
    public void GateCases_CoverEveryQelib1Gate()
    {
        var missing = new List<string>();
        foreach (string name in OpenQasmLiteralQelib1.ImportedGateNames)
        {
            if (!Cases.ContainsKey(name))
            {
                missing.Add(name);
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void Rz_IsThePhaseGate_NotNegLRsRZ()
    {
        // qelib1 defines rz(φ) = u1(φ): the state differs from NegLR's RZ(φ) by the global phase e^{iφ/2}.
        var program = OpenQasm.Parse(ScrambledProgram("rz(0.3) q[3];"));
        Assert.Equal(GateKind.PhaseShift, program.Circuit.Gates[^1].Kind);
        var withRz = Scramble().RZ(3, Phi);
        AssertDifferentState(StateOf(withRz), StateOf(program));
    }

    [Fact]
    public void Rzz_IsEmittedAsItsExactQelib1Body()
    {
        var program = OpenQasm.Parse(ScrambledProgram("rzz(0.7) q[3],q[1];"));
        var gates = program.Circuit.Gates;
        Assert.Equal(
            new[] { GateKind.CNOT, GateKind.PhaseShift, GateKind.CNOT },
            new[] { gates[^3].Kind, gates[^2].Kind, gates[^1].Kind });
        Assert.Equal(Theta, gates[^2].Angles[0].Offset);
    }

    [Theory]
    [InlineData("cx", GateKind.CNOT)]
    [InlineData("crz", GateKind.CRZ)]
    [InlineData("cu1", GateKind.CPhase)]
    [InlineData("ccx", GateKind.Toffoli)]
    [InlineData("u1", GateKind.PhaseShift)]
    [InlineData("u3", GateKind.U3)]
    public void OneToOneGates_BecomeASingleNegLRGate(string gate, GateKind kind)
    {
        var program = OpenQasm.Parse(ScrambledProgram(Cases[gate].Qasm));
        Assert.Equal(Scramble().Gates.Count + 1, program.Circuit.Gates.Count);
        Assert.Equal(kind, program.Circuit.Gates[^1].Kind);
    }

    // qelib1: cu3(θ,φ,λ) c,t { u1((λ+φ)/2) c; u1((λ−φ)/2) t; cx c,t; u3(−θ/2,0,−(φ+λ)/2) t; cx c,t; u3(θ/2,φ,0) t; }
    private static void QelibCu3Body(Circuit c, int control, int target)
    {
        c.PhaseShift(control, (Lambda + Phi) / 2).PhaseShift(target, (Lambda - Phi) / 2).CNOT(control, target);
        c.U3(target, -Theta / 2, 0, -(Phi + Lambda) / 2).CNOT(control, target).U3(target, Theta / 2, Phi, 0);
    }

    private static void QelibRccxBody(Circuit c, int a, int b, int t)
    {
        double q = Math.PI / 4;
        c.U3(t, HalfPi, 0, Math.PI).PhaseShift(t, q).CNOT(b, t).PhaseShift(t, -q).CNOT(a, t);
        c.PhaseShift(t, q).CNOT(b, t).PhaseShift(t, -q).U3(t, HalfPi, 0, Math.PI);
    }

    private static void QelibRc3xBody(Circuit c, int a, int b, int cc, int d)
    {
        double q = Math.PI / 4;
        c.U3(d, HalfPi, 0, Math.PI).PhaseShift(d, q).CNOT(cc, d).PhaseShift(d, -q).U3(d, HalfPi, 0, Math.PI);
        c.CNOT(a, d).PhaseShift(d, q).CNOT(b, d).PhaseShift(d, -q).CNOT(a, d).PhaseShift(d, q).CNOT(b, d).PhaseShift(d, -q);
        c.U3(d, HalfPi, 0, Math.PI).PhaseShift(d, q).CNOT(cc, d).PhaseShift(d, -q).U3(d, HalfPi, 0, Math.PI);
    }

    /// <summary>A multi-controlled X as a permutation of amplitudes: flips <paramref name="target"/> where all controls are 1.</summary>
    private static Complex[] FlipWhenAllSet(Complex[] state, int target, params int[] controls)
    {
        int mask = 0;
        foreach (int c in controls)
        {
            mask |= 1 << c;
        }

        var result = (Complex[])state.Clone();
        for (int i = 0; i < state.Length; i++)
        {
            if ((i & mask) == mask)
            {
                result[i] = state[i ^ (1 << target)];
            }
        }

        return result;
    }

    private sealed record GateCase(string Qasm, Action<Circuit> Build, Complex? Phase = null, Func<Complex[], Complex[]>? Transform = null);
}
