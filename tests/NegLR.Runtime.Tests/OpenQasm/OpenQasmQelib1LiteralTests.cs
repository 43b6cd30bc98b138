using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>
/// The importer's native mapping of each qelib1.inc gate against the file's own text expanded down to U and CX: the
/// states must agree to 1e-12 including global phase, which pins the "exactly as qelib1 defines it" promise.
/// </summary>
public class OpenQasmQelib1LiteralTests
{
    public static TheoryData<string> ImportedGates()
    {
        var data = new TheoryData<string>();
        foreach (string name in OpenQasmLiteralQelib1.ImportedGateNames)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ImportedGates))]
    public void NativeGate_EqualsLiteralQelib1Definition(string gate)
    {
        var (parameters, qubits) = OpenQasmLiteralQelib1.ImportedGates[gate];
        string call = Call(gate, parameters, qubits);
        var native = OpenQasm.Parse(ScrambledProgram(call));
        var literal = OpenQasm.Parse(ScrambledProgram("lit_" + call, OpenQasmLiteralQelib1.Renamed()));

        // The literal expansion uses only U and CX, so it is a genuinely independent computation.
        Assert.All(
            literal.Circuit.Gates.Skip(Scramble().Gates.Count),
            g => Assert.True(g.Kind is GateKind.U3 or GateKind.CNOT, g.ToString()));
        AssertSameState(StateOf(literal), StateOf(native));
    }

    [Fact]
    public void EveryGateOfTheFile_IsImportedOrRejectedWithAReason()
    {
        foreach (string name in OpenQasmLiteralQelib1.DeclaredGateNames())
        {
            if (name is "c3sqrtx" or "c4x")
            {
                var ex = Assert.Throws<QasmException>(() => OpenQasm.Parse(ScrambledProgram(name + " q[0],q[1],q[2],q[3];")));
                Assert.Contains("is not the gate its name promises", ex.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(OpenQasmLiteralQelib1.ImportedGates.ContainsKey(name), name);
            }
        }
    }

    [Fact]
    public void LiteralC3sqrtx_IsAThreeControlledSXDagger_WhichIsWhyItIsNotImported()
    {
        var program = OpenQasm.Parse(ScrambledProgram("lit_c3sqrtx q[4],q[0],q[2],q[3];", OpenQasmLiteralQelib1.Renamed()));
        var half = new Complex(0.5, 0.5);
        var sxDagger = new[,] { { Complex.Conjugate(half), half }, { half, Complex.Conjugate(half) } };
        var expected = ControlledOnAll(StateOf(Scramble()), sxDagger, 3, 4, 0, 2);
        AssertSameState(expected, StateOf(program));
    }

    [Fact]
    public void LiteralC4x_IsNotAFourControlledX_WhichIsWhyItIsNotImported()
    {
        var program = OpenQasm.Parse(ScrambledProgram("lit_c4x q[0],q[1],q[2],q[3],q[4];", OpenQasmLiteralQelib1.Renamed()));
        var x = new Complex[,] { { 0, 1 }, { 1, 0 } };
        var c4x = ControlledOnAll(StateOf(Scramble()), x, 4, 0, 1, 2, 3);
        AssertDifferentState(c4x, StateOf(program));
    }

    [Fact]
    public void C4x_MayBeDefinedByTheProgramAfterTheInclude()
    {
        // Because the importer does not claim the name, a program can bring its own (here: a Toffoli stand-in).
        var program = OpenQasm.Parse(ScrambledProgram("gate c4x a,b,c,d,e { ccx a,b,e; }\nc4x q[0],q[1],q[2],q[3],q[4];"));
        Assert.Equal(GateKind.Toffoli, program.Circuit.Gates[^1].Kind);
    }

    private static string Call(string gate, int parameters, int qubits)
    {
        string[] values = { "0.7", "0.3", "1.1", "-0.4" };
        string[] wires = { "q[4]", "q[0]", "q[2]", "q[3]" };
        string args = parameters == 0 ? string.Empty : "(" + string.Join(",", values.Take(parameters)) + ")";
        string targets = qubits == 2 ? "q[3],q[1]" : qubits == 1 ? "q[3]" : string.Join(",", wires.Take(qubits));
        return gate + args + " " + targets + ";";
    }

    /// <summary>Applies the 2×2 <paramref name="m"/> to <paramref name="target"/> on the amplitudes where all controls are 1.</summary>
    private static Complex[] ControlledOnAll(Complex[] state, Complex[,] m, int target, params int[] controls)
    {
        int mask = controls.Aggregate(0, (acc, c) => acc | (1 << c));
        int bit = 1 << target;
        var result = (Complex[])state.Clone();
        for (int i = 0; i < state.Length; i++)
        {
            if ((i & mask) == mask && (i & bit) == 0)
            {
                var a0 = state[i];
                var a1 = state[i | bit];
                result[i] = (m[0, 0] * a0) + (m[0, 1] * a1);
                result[i | bit] = (m[1, 0] * a0) + (m[1, 1] * a1);
            }
        }

        return result;
    }
}
