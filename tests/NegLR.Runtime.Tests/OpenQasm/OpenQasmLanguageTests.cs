using System;
using System.IO;
using System.Linq;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>The language features: user gates, broadcasting, registers, measurements, expressions and the no-op statements.</summary>
public class OpenQasmLanguageTests
{
    private const string H = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    [Fact]
    public void UserGate_WithParametersAndNesting_ExpandsWithEvaluatedAngles()
    {
        const string Library = """
            gate rot(a, b) x { rz(a) x; ry(b / 2) x; }
            gate ent(t) x, y { rot(t, 2*t) x; cx x, y; rot(-t, t^2) y; barrier x, y; }
            """;
        var program = OpenQasm.Parse(ScrambledProgram("ent(0.4) q[3], q[1];", Library));

        var expected = Scramble();
        expected.PhaseShift(3, 0.4).RY(3, 0.4).CNOT(3, 1).PhaseShift(1, -0.4).RY(1, 0.4 * 0.4 / 2);
        AssertSameState(StateOf(expected), StateOf(program));
        Assert.Equal(expected.Gates.Count, program.Circuit.Gates.Count);
        Assert.Equal(0.08, program.Circuit.Gates[^1].Angles[0].Offset, 1e-15);
    }

    [Fact]
    public void UserGate_WithEmptyBody_EmitsNothing()
    {
        var program = OpenQasm.Parse(H + "qreg q[2];\ngate nop a, b { }\nnop q[0], q[1];");
        Assert.Empty(program.Circuit.Gates);
    }

    [Fact]
    public void UserGate_OverAWholeRegister_IsBroadcastAndUsesOuterGatesOnly()
    {
        var program = OpenQasm.Parse(H + "qreg q[3];\ngate flip a { x a; }\nflip q;");
        Assert.Equal(new[] { 0, 1, 2 }, program.Circuit.Gates.Select(g => g.Qubits[0]).ToArray());
        Assert.All(program.Circuit.Gates, g => Assert.Equal(GateKind.X, g.Kind));
    }

    [Fact]
    public void Broadcasting_OverRegistersAndMixedArguments()
    {
        var program = OpenQasm.Parse(H + "qreg a[3];\nqreg b[3];\nh a;\ncx a, b;\ncx a[0], b;\nrx(0.2) b;\ncrz(0.5) b, a[2];");

        var expected = new Circuit(6);
        expected.H(0).H(1).H(2);
        expected.CNOT(0, 3).CNOT(1, 4).CNOT(2, 5);
        expected.CNOT(0, 3).CNOT(0, 4).CNOT(0, 5);
        expected.RX(3, 0.2).RX(4, 0.2).RX(5, 0.2);
        expected.CRZ(3, 2, 0.5).CRZ(4, 2, 0.5).CRZ(5, 2, 0.5);
        Assert.Equal(expected.Gates, program.Circuit.Gates);
        AssertSameState(StateOf(expected), StateOf(program));
    }

    [Fact]
    public void MultipleRegisters_AreFlattenedInDeclarationOrder()
    {
        var program = OpenQasm.Parse(H + "qreg a[2];\ncreg m[1];\nqreg b[3];\ncreg n[2];\nx b[1];\ny a[1];");

        Assert.Equal(5, program.Circuit.Qubits);
        Assert.Equal(new[] { ("a", 0, 2), ("b", 2, 3) }, program.QuantumRegisters.Select(r => (r.Name, r.Offset, r.Size)).ToArray());
        Assert.Equal(new[] { ("m", 0, 1), ("n", 1, 2) }, program.ClassicalRegisters.Select(r => (r.Name, r.Offset, r.Size)).ToArray());
        Assert.Equal(3, program.ClbitCount);
        Assert.Equal(3, program.Qubit("b", 1));
        Assert.Equal(2, program.Clbit("n", 1));
        Assert.Equal(new[] { 3, 1 }, program.Circuit.Gates.Select(g => g.Qubits[0]).ToArray());
        Assert.Throws<ArgumentException>(() => program.Qubit("m", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => program.Qubit("a", 2));

        // |b[1]⟩ = |1⟩ and |a[1]⟩ = i|1⟩: the only amplitude is i at basis index 2^3 + 2^1.
        var state = StateOf(program);
        Assert.Equal(1.0, state[(1 << 3) | (1 << 1)].Imaginary, 1e-15);
    }

    [Fact]
    public void Measurements_AreRecordedInProgramOrder_AndBarriersMayFollowThem()
    {
        var program = OpenQasm.Parse(
            H + "qreg q[2];\nqreg r[2];\ncreg c[1];\ncreg d[2];\nh q[0];\nmeasure q[1] -> c[0];\nmeasure r -> d;\nbarrier q, r;\nx q[0];\nmeasure q[0] -> d[1];");

        var expected = new[] { new QasmMeasurement(1, 0), new QasmMeasurement(2, 1), new QasmMeasurement(3, 2), new QasmMeasurement(0, 2) };
        Assert.Equal(expected, program.Measurements.ToArray());
        Assert.Equal("q0 -> c2", program.Measurements[3].ToString());
    }

    [Fact]
    public void GateAfterMeasuringAnyOfItsQubits_IsMidCircuit()
    {
        // Only the target was measured: the rule covers every qubit a gate touches, not just the first argument.
        var ex = Assert.Throws<QasmException>(() => OpenQasm.Parse(
            H + "qreg q[1];\nqreg r[1];\ncreg d[1];\nmeasure r -> d;\ncx q[0], r[0];"));
        Assert.Contains("mid-circuit measurement", ex.Message, StringComparison.Ordinal);
        Assert.Equal(7, ex.Line);
        Assert.Equal(10, ex.Column);
    }

    [Theory]
    [InlineData("pi/2", Math.PI / 2)]
    [InlineData("-pi", -Math.PI)]
    [InlineData("2^3^2", 512.0)]
    [InlineData("-2^2", -4.0)]
    [InlineData("2^-1", 0.5)]
    [InlineData("1.5e-1*2", 0.3)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("3E2/100", 3.0)]
    [InlineData("10-4-3", 3.0)]
    [InlineData("8/4/2", 1.0)]
    [InlineData("1+2*3", 7.0)]
    [InlineData("(1+2)*3", 9.0)]
    [InlineData("-(-1)", 1.0)]
    [InlineData("2*-3", -6.0)]
    [InlineData("sin(pi/6)", 0.49999999999999994)]
    [InlineData("cos(0)", 1.0)]
    [InlineData("tan(pi/4)", 0.9999999999999999)]
    [InlineData("exp(1)", Math.E)]
    [InlineData("ln(exp(2))", 2.0)]
    [InlineData("sqrt(16)", 4.0)]
    [InlineData("sqrt(2)^2 - 2", 4.440892098500626e-16)]
    public void Expressions_EvaluateLikeTheGrammarSays(string expression, double expected)
    {
        var program = OpenQasm.Parse(H + "qreg q[1];\nrx(" + expression + ") q[0];");
        Assert.Equal(expected, program.Circuit.Gates[0].Angles[0].Offset, 1e-15);
    }

    [Fact]
    public void Expressions_UseTheInvariantCulture()
    {
        var saved = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // A decimal comma, as in de-DE (built by hand: the tests run in globalization-invariant mode).
            var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            System.Globalization.CultureInfo.CurrentCulture = comma;
            var program = OpenQasm.Parse(H + "qreg q[1];\nrx(1.25) q[0];");
            Assert.Equal(1.25, program.Circuit.Gates[0].Angles[0].Offset);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Comments_LineAndBlock_AreSkipped()
    {
        var program = OpenQasm.Parse("// leading\nOPENQASM /* inline */ 2.0; // trailing\ninclude \"qelib1.inc\";\n/* a\n block\n*/ qreg q[1];\nh /* mid */ q[0]; // done");
        Assert.Equal(GateKind.H, Assert.Single(program.Circuit.Gates).Kind);
    }

    [Fact]
    public void ResetOfFreshQubits_AndBarriers_AreNoOps()
    {
        var program = OpenQasm.Parse(H + "qreg q[2];\nreset q;\nbarrier q;\nh q[0];\nreset q[1];\nbarrier q[0], q[1];\nid q[1];");
        Assert.Equal(new[] { GateKind.H, GateKind.I }, program.Circuit.Gates.Select(g => g.Kind).ToArray());
    }

    [Fact]
    public void OpaqueDeclaration_IsFineWhileUnused_AndIncludeTwiceIsHarmless()
    {
        var program = OpenQasm.Parse(H + "include \"qelib1.inc\";\nopaque magic(a, b) x, y;\nqreg q[1];\nx q[0];");
        Assert.Single(program.Circuit.Gates);
    }

    [Fact]
    public void BuiltinsUAndCX_NeedNoInclude()
    {
        var program = OpenQasm.Parse("OPENQASM 2.0;\nqreg q[2];\nU(pi/2, 0, pi) q[0];\nCX q[0], q[1];");
        Assert.Equal(new[] { GateKind.U3, GateKind.CNOT }, program.Circuit.Gates.Select(g => g.Kind).ToArray());
        var state = StateOf(program);
        Assert.Equal(Math.Sqrt(0.5), state[0].Real, 1e-15);
        Assert.Equal(Math.Sqrt(0.5), state[3].Real, 1e-15);
    }

    [Fact]
    public void DefaultOptions_KeepAnglesConstant()
    {
        var program = OpenQasm.Parse(H + "qreg q[1];\nrx(0.3) q[0];\nu3(0.1, 0.2, 0.3) q[0];");
        Assert.Equal(0, program.Circuit.WeightCount);
        Assert.Empty(program.InitialWeights);
        Assert.All(program.Circuit.Gates.SelectMany(g => g.Angles), a => Assert.Equal(AngleSource.Constant, a.Source));
        Assert.Equal("QasmProgram(1 qubits, 0 clbits, 2 gates, 0 weights, 0 measurements)", program.ToString());
    }

    [Fact]
    public void Load_ReadsAFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "neglr-qasm-" + Guid.NewGuid().ToString("N") + ".qasm");
        File.WriteAllText(path, H + "qreg q[2];\nh q[0];\ncx q[0], q[1];\n");
        try
        {
            var program = OpenQasm.Load(path);
            Assert.Equal(2, program.Circuit.Gates.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_OfABadFile_ReportsThePosition()
    {
        string path = Path.Combine(Path.GetTempPath(), "neglr-qasm-" + Guid.NewGuid().ToString("N") + ".qasm");
        File.WriteAllText(path, H + "qreg q[2];\nhh q[0];\n");
        try
        {
            var ex = Assert.Throws<QasmException>(() => OpenQasm.Load(path));
            Assert.Equal((4, 1), (ex.Line, ex.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
