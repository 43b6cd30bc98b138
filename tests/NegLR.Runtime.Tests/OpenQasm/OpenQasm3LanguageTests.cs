using System;
using System.Linq;
using System.Numerics;
using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>
/// The OpenQASM 3 subset NegLR imports: declarations, inputs as weights and data inputs, affine angles, measurement
/// forms, programs built like the language's reference examples, and an error at the right line and column for
/// everything outside the subset.
/// </summary>
public class OpenQasm3LanguageTests
{
    private const string H = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\n";

    [Fact]
    public void Inputs_BecomeWeightsInOrder_AndXkBecomeDataInputs()
    {
        var program = OpenQasm.Parse(H + """
            input float[64] theta;
            input angle[32] phi;
            input float x_1;
            input angle gamma;
            qubit[2] q;
            rx(2*theta + pi/4) q[0];
            ry(-phi/2) q[1];
            rz(x_1 - 0.5) q[0];
            crx(gamma - (3*gamma) + 1) q[0], q[1];
            """);

        Assert.Equal(
            new[] { "theta -> w[0]", "phi -> w[1]", "x_1 -> x[1]", "gamma -> w[2]" },
            program.Inputs.Select(i => i.ToString()));
        Assert.Equal(3, program.Circuit.WeightCount);
        Assert.Equal(2, program.Circuit.InputCount);
        var angles = program.Circuit.Gates.Select(g => g.Angles[0]).ToArray();
        Assert.Equal(Angle.OfWeight(0) * 2 + Math.PI / 4, angles[0]);
        Assert.Equal(Angle.OfWeight(1) * -0.5, angles[1]);
        Assert.Equal(Angle.OfInput(1) - 0.5, angles[2]);
        Assert.Equal(Angle.OfWeight(2) * -2 + 1, angles[3]);
        Assert.Empty(program.InitialWeights);
    }

    [Fact]
    public void UnicodeNames_Constants_Power_AndTrailingCommas()
    {
        var program = OpenQasm.Parse(H + """
            gate g(θ, λ,) a, b, { rx(θ) a; cp(λ ** 2) a, b; }
            qubit[2] q;
            g(π/2, 2 ** -1,) q[0], q[1],;
            ry(tau/4 + euler - ℇ) q[1];
            """);
        var gates = program.Circuit.Gates;
        Assert.Equal(Math.PI / 2, gates[0].Angles[0].Offset);
        Assert.Equal(0.25, gates[1].Angles[0].Offset);
        Assert.Equal(Math.Tau / 4, gates[2].Angles[0].Offset, 15);
    }

    [Fact]
    public void MeasurementForms_AndRegisters()
    {
        var program = OpenQasm.Parse(H + """
            qubit[2] q;
            qubit r;
            qreg s[1];
            bit[2] c;
            bit d;
            creg e[1];
            h q[0];
            c = measure q;
            d = measure r;
            measure s[0] -> e[0];
            """);
        Assert.Equal(new[] { "q", "r", "s" }, program.QuantumRegisters.Select(r => r.Name));
        Assert.Equal(new[] { 0, 2, 3 }, program.QuantumRegisters.Select(r => r.Offset));
        Assert.Equal(new[] { "c", "d", "e" }, program.ClassicalRegisters.Select(r => r.Name));
        Assert.Equal(
            new[] { new QasmMeasurement(0, 0), new QasmMeasurement(1, 1), new QasmMeasurement(2, 2), new QasmMeasurement(3, 3) },
            program.Measurements);

        var indexed = OpenQasm.Parse(H + "qubit[2] q;\nbit[2] c;\nc[1] = measure q[0];\nmeasure q[1];\n");
        Assert.Equal(new[] { new QasmMeasurement(0, 1) }, indexed.Measurements);
    }

    [Fact]
    public void GlobalPhase_IsKeptExactly_AsAnIdentityRotation()
    {
        var program = OpenQasm.Parse(H + "qubit[5] q;\n" + ScrambleQasm + "\ngphase(0.3);\n");
        AssertSameState(Times(StateOf(Scramble()), Phase(0.3)), StateOf(program));
        var last = program.Circuit.Gates[^1];
        Assert.Equal((GateKind.PauliRot, "I", -0.6), (last.Kind, last.PauliWord, last.Angles[0].Offset));
    }

    [Fact]
    public void AnglesAsWeights_WorksWithoutInputs_AndSharesTheU3PhaseWeights()
    {
        var program = OpenQasm.Parse(H + "qubit[1] q;\nu3(0.7, 0.3, 1.1) q[0];\n", new QasmImportOptions { AnglesAsWeights = true });
        Assert.Equal(new[] { 0.7, 0.3, 1.1 }, program.InitialWeights);
        var expected = StateOf(OpenQasm.Parse(H + "qubit[1] q;\nu3(0.7, 0.3, 1.1) q[0];\n"));
        AssertSameState(expected, StateOf(program));
    }

    [Fact]
    public void QftLikeTheReferenceExample_PreparesTheFourierState()
    {
        // The constructs of the language's QFT example: reset of fresh qubits, x, barrier, h, cphase, c = measure q.
        var program = OpenQasm.Parse(H + """
            qubit[3] q;
            bit[3] c;
            reset q;
            x q[0];
            x q[2];
            barrier q;
            h q[0];
            cphase(pi / 2) q[1], q[0];
            h q[1];
            cphase(pi / 4) q[2], q[0];
            cphase(pi / 2) q[2], q[1];
            h q[2];
            c = measure q;
            """);

        // |j⟩ with j = 5 (bits 0 and 2): every amplitude has modulus 1/√8, and the phases follow the QFT's pattern.
        var state = StateOf(program);
        Assert.All(state, a => Assert.Equal(1 / Math.Sqrt(8), a.Magnitude, 12));
        var handBuilt = new Circuit(3).X(0).X(2).H(0).CPhase(1, 0, Math.PI / 2).H(1).CPhase(2, 0, Math.PI / 4).CPhase(2, 1, Math.PI / 2).H(2);
        AssertSameState(StateOf(handBuilt), state);
        Assert.Equal(3, program.Measurements.Length);
    }

    [Fact]
    public void AdderLikeTheReferenceExample_Adds()
    {
        // The constructs of the language's ripple-carry adder (Cuccaro et al.): gate definitions over several
        // registers; the example's classical loops are unrolled by hand. a = 0001, b = 1111: b + a = 1_0000.
        var program = OpenQasm.Parse(H + """
            gate majority a, b, c { cx c, b; cx c, a; ccx a, b, c; }
            gate unmaj a, b, c { ccx a, b, c; cx c, a; cx a, b; }
            qubit[1] cin;
            qubit[4] a;
            qubit[4] b;
            qubit[1] cout;
            bit[5] ans;
            x a[0];
            x b;
            majority cin[0], b[0], a[0];
            majority a[0], b[1], a[1];
            majority a[1], b[2], a[2];
            majority a[2], b[3], a[3];
            cx a[3], cout[0];
            unmaj a[2], b[3], a[3];
            unmaj a[1], b[2], a[2];
            unmaj a[0], b[1], a[1];
            unmaj cin[0], b[0], a[0];
            measure b[0] -> ans[0];
            measure b[1] -> ans[1];
            measure b[2] -> ans[2];
            measure b[3] -> ans[3];
            measure cout[0] -> ans[4];
            """);

        var state = StateOf(program);
        int index = Array.FindIndex(state, a => a.Magnitude > 0.5);
        Assert.Equal(1, state[index].Magnitude, 12);
        int Bits(string register, int width) => Enumerable.Range(0, width).Sum(k => ((index >> program.Qubit(register, k)) & 1) << k);
        Assert.Equal(1, Bits("a", 4));
        Assert.Equal(16, Bits("b", 4) + (Bits("cout", 1) << 4));
    }

    [Theory]
    [InlineData("qubit[1] q;\nrx(w*w) q[0];", "input float w;\n", 5, 5, "multiplies two terms that both depend on inputs", "affine")]
    [InlineData("qubit[1] q;\nrx(sin(w)) q[0];", "input float w;\n", 5, 4, "applies sin to a term that depends on an input")]
    [InlineData("qubit[1] q;\nrx(w + v) q[0];", "input float w;\ninput float v;\n", 6, 6, "combines two different inputs")]
    [InlineData("qubit[1] q;\nrx(1/w) q[0];", "input float w;\n", 5, 5, "divides by a term that depends on an input")]
    [InlineData("qubit[1] q;\nrx(2**w) q[0];", "input float w;\n", 5, 5, "raises to a power with a term that depends on an input")]
    [InlineData("qubit[1] q;\nrx(2^3) q[0];", "", 4, 5, "'^' is bitwise XOR in OpenQASM 3", "'**'")]
    [InlineData("qubit[1] q;\nrx(v) q[0];", "", 4, 4, "unknown identifier 'v'", "declared 'input' angles")]
    [InlineData("input int[8] n;", "", 3, 7, "an input of type 'int' is not supported")]
    [InlineData("input float w;\ninput float w;", "", 4, 13, "input 'w' is already declared")]
    [InlineData("qubit[1] q;\ninput float q;", "", 4, 13, "'q' is already declared as a register")]
    [InlineData("input float q;\nqubit[1] q;", "", 4, 10, "'q' is already declared as an input")]
    [InlineData("input float x_99999;", "", 3, 13, "data input 'x_99999' has index 99999")]
    public void Inputs_Errors(string body, string inputs, int line, int column, params string[] fragments) =>
        AssertError(H + inputs + body, line, column, fragments);

    [Theory]
    [InlineData("qubit[1] q;\nfor int i in [0:1] { x q[0]; }", 4, 1, "control flow ('for') not supported", "subset its exporter writes")]
    [InlineData("qubit[1] q;\nbit c;\nif (c) x q[0];", 5, 1, "control flow ('if')")]
    [InlineData("qubit[2] q;\nctrl @ x q[0], q[1];", 4, 1, "gate modifiers ('ctrl @')")]
    [InlineData("int n = 3;", 3, 1, "classical variables ('int')")]
    [InlineData("output float e;", 3, 1, "'output' declarations")]
    [InlineData("def f() { }", 3, 1, "subroutines ('def')")]
    [InlineData("qubit[1] q;\nlet r = q;", 4, 1, "aliases ('let')")]
    [InlineData("qubit[1] q;\ndelay[10ns] q;", 4, 1, "timing ('delay')")]
    [InlineData("@bind x\nqubit[1] q;", 3, 1, "annotations")]
    [InlineData("qubit[1] q;\ngate g a { inv @ x a; }", 4, 12, "gate modifiers ('inv @')")]
    [InlineData("qubit[1] q;\ngate g a { qubit r; }", 4, 12, "'qubit' in a gate body")]
    [InlineData("qubit[1] q;\nbit c;\nc = 1;", 5, 5, "only a measurement can be assigned to 'c'")]
    [InlineData("qubit[1] q;\nbit[1] c = measure q;", 4, 10, "a declaration with a value is not supported")]
    [InlineData("qubit[1] q;\nopaque g a;", 4, 1, "'opaque' is OpenQASM 2.0")]
    [InlineData("qubit[2] q;\nmeasure q[0];\nx q[0];", 5, 3, "mid-circuit measurement is not supported")]
    [InlineData("qubit[1] q;\ngphase(0.1) q[0];", 4, 1, "gate 'gphase' acts on 0 qubits, but 1 qubit argument was given")]
    [InlineData("qubit[1] q;\nu99 q[0];", 4, 1, "unknown gate 'u99'")]
    public void Unsupported_Constructs_AreNamedAtTheirPosition(string body, int line, int column, params string[] fragments) =>
        AssertError(H + body, line, column, fragments);

    [Theory]
    [InlineData("OPENQASM 3;\ninclude \"qelib1.inc\";", 2, 9, "only \"stdgates.inc\"", "belongs to OpenQASM 2.0")]
    [InlineData("OPENQASM 2.0;\ninclude \"stdgates.inc\";", 2, 9, "only \"qelib1.inc\"", "belongs to OpenQASM 3")]
    [InlineData("OPENQASM 3.0;\nqubit[1] q;\nh q[0];", 3, 1, "unknown gate 'h'", "add 'include \"stdgates.inc\";'")]
    [InlineData("OPENQASM 3.0;\ninclude 'stdgates.inc';\nqubit[1] q;\nrx(1e) q[0];", 4, 4, "malformed number")]
    [InlineData("OPENQASM 3.0;", 1, 14, "declares no qubits", "'qubit[1] q;'")]
    public void Includes_AndVersionMixUps(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Fact]
    public void AnglesAsWeights_WithInputs_IsRefused()
    {
        AssertError(
            H + "input float w;\nqubit[1] q;\nrx(w) q[0];", new QasmImportOptions { AnglesAsWeights = true }, 3, 1,
            "input 'w' cannot be imported with QasmImportOptions.AnglesAsWeights");
    }

    [Fact]
    public void SingleQuotedInclude_UnderscoredNumbers_AndVersion3Variants()
    {
        foreach (string header in new[] { "OPENQASM 3;", "OPENQASM 3.0;", "OPENQASM 3.1;" })
        {
            var program = OpenQasm.Parse(header + "\ninclude 'stdgates.inc';\nqubit[1] q;\nrx(1_000.5e-3) q[0];\n");
            Assert.Equal(1.0005, program.Circuit.Gates[0].Angles[0].Offset, 15);
        }
    }

    [Fact]
    public void EveryState_IsTheSame_WhetherWrittenInOpenQasm2OrOpenQasm3()
    {
        // The gates both libraries define with the same meaning, written in each language.
        const string Body = "h q[0]; cx q[0], q[1]; ry(0.4) q[2]; crz(0.3) q[2], q[0]; cp(0.9) q[1], q[2]; swap q[0], q[2]; ccx q[0], q[1], q[2];";
        var two = OpenQasm.Parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[3];\n" + Body);
        var three = OpenQasm.Parse(H + "qubit[3] q;\n" + Body);
        AssertSameState(StateOf(two), StateOf(three));
        Assert.NotEqual(Complex.Zero, StateOf(three)[0]);
    }
}
