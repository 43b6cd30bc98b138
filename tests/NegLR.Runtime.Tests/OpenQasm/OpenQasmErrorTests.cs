using static NegLR.Tests.OpenQasmTestSupport;

namespace NegLR.Tests;

/// <summary>
/// Every way a program can be rejected: the exception is a <see cref="QasmException"/> (a FormatException) at the exact
/// 1-based line and column, and the message names the problem and what was expected.
/// </summary>
public class OpenQasmErrorTests
{
    // Two header lines, so a program's own statements start on line 3.
    private const string H = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";

    [Theory]
    [InlineData("qreg q[1];", 1, 1, "expected the header 'OPENQASM 2.0;'", "found 'qreg'")]
    [InlineData("", 1, 1, "expected the header", "found end of input")]
    [InlineData("// comment first\n  qreg q[1];", 2, 3, "expected the header")]
    [InlineData("OPENQASM 4.0;\nqreg q[1];", 1, 10, "unsupported OpenQASM version '4.0'", "imports OpenQASM 2.0 and 3")]
    [InlineData("OPENQASM 3e0;\nqreg q[1];", 1, 10, "unsupported OpenQASM version '3e0'")]
    [InlineData("OPENQASM 2.0\nqreg q[1];", 1, 13, "expected ';' after 'OPENQASM 2.0', found 'qreg'")]
    [InlineData("OPENQASM;", 1, 9, "expected the version number 2.0 or 3.0 after 'OPENQASM'")]
    [InlineData("OPENQASM 2.0;\nOPENQASM 2.0;", 2, 1, "header may only appear once")]
    public void Header(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData("OPENQASM 2.0;\ninclude \"other.inc\";", 2, 9, "cannot include \"other.inc\"", "only \"qelib1.inc\"")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc;\nqreg q[1];", 2, 9, "unterminated string", "closing '\"'")]
    [InlineData("OPENQASM 2.0;\ninclude qelib1.inc;", 2, 8, "expected a file name in double quotes after 'include', found 'qelib1'")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\"\nqreg q[1];", 2, 21, "expected ';' after 'include \"qelib1.inc\"'")]
    public void Include(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData(H + "qreg q[1];\n/* never\nclosed", 4, 1, "unterminated comment", "'*/'")]
    [InlineData(H + "qreg q[1];\nh q[0]; #", 4, 9, "unexpected character '#'")]
    [InlineData(H + "qreg q[1];\nrx(1e) q[0];", 4, 4, "malformed number '1e'", "digits after the exponent")]
    [InlineData(H + "qreg q[1];\nrx(1e999) q[0];", 4, 4, "the number '1e999' is too large")]
    [InlineData(H + "qreg q[1];\nx = 1;", 4, 3, "unexpected character '='")]
    [InlineData("OPENQASM 2.0;\r\nqreg q[1];\r\n\tfoo q[0];", 3, 2, "unknown gate 'foo'")]
    public void Lexical(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData(H + "qreg q[1];\nh q[0]\nx q[0];", 4, 7, "expected ';' after 'h q[0]', found 'x'")]
    [InlineData(H + "qreg q[1];\nh q[0]", 4, 7, "expected ';' after 'h q[0]', found end of input")]
    [InlineData(H + "qreg q[1]", 3, 10, "expected ';' after 'qreg q[1]'")]
    [InlineData(H + "qreg q[1];\nh q[1.5];", 4, 5, "expected an integer (an index) after 'h q[', found '1.5'")]
    [InlineData(H + "qreg q[1];\nh q[0;", 4, 6, "expected ']' after 'h q[0', found ';'")]
    [InlineData(H + "qreg q[1];\nrx(,) q[0];", 4, 4, "expected an expression", "after 'rx(', found ','")]
    [InlineData(H + "qreg q[1];\nrx(sin pi) q[0];", 4, 7, "expected '(' after 'rx(sin', found 'pi'")]
    [InlineData(H + "qreg q[1];\nrx((1+2) q[0];", 4, 9, "expected ',' or ')' after 'rx((1+2)', found 'q'")]
    [InlineData(H + "qreg q[1];\n}", 4, 1, "expected a statement", "found '}'")]
    [InlineData(H + "qreg q[1];\nh;", 4, 2, "expected a register name after 'h', found ';'")]
    [InlineData(H + "qreg pi[1];", 3, 6, "'pi' is a reserved word")]
    [InlineData(H + "qreg q[1];\nmeasure q[0] c[0];", 4, 13, "expected '->' after 'measure q[0]'")]
    public void Syntax(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData(H + "qreg q[1];\nfoo q[0];", 4, 1, "unknown gate 'foo'")]
    [InlineData("OPENQASM 2.0;\nqreg q[1];\nh q[0];", 3, 1, "unknown gate 'h'", "add 'include \"qelib1.inc\";'")]
    [InlineData(H + "qreg q[4];\nc4x q[0],q[1],q[2],q[3];", 4, 1, "unknown gate 'c4x'", "not the gate its name promises")]
    [InlineData(H + "qreg q[1];\nrx(0.1, 0.2) q[0];", 4, 1, "gate 'rx' takes 1 parameter, but 2 were given")]
    [InlineData(H + "qreg q[1];\nh(0.1) q[0];", 4, 1, "gate 'h' takes 0 parameters, but 1 was given")]
    [InlineData(H + "qreg q[1];\nu3 q[0];", 4, 1, "gate 'u3' takes 3 parameters, but 0 were given")]
    [InlineData(H + "qreg q[2];\ncx q[0];", 4, 1, "gate 'cx' acts on 2 qubits, but 1 qubit argument was given")]
    [InlineData(H + "qreg q[3];\nh q[0], q[1];", 4, 1, "gate 'h' acts on 1 qubit, but 2 qubit arguments were given")]
    [InlineData(H + "qreg q[1];\nopaque magic(a) x;\nmagic(0.1) q[0];", 5, 1, "opaque gate 'magic' has no definition")]
    [InlineData(H + "qreg q[1];\nopaque o x;\ngate g x { o x; }\ng q[0];", 6, 1, "opaque gate 'o'", "used by gate 'g'")]
    public void Gates(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData(H + "qreg q[1];\nh r[0];", 4, 3, "unknown register 'r'", "quantum register (qreg)")]
    [InlineData(H + "qreg q[2];\nh q[2];", 4, 5, "index 2 is out of range for register 'q' of size 2", "0 to 1")]
    [InlineData(H + "qreg q[1];\ncreg c[1];\nh c[0];", 5, 3, "'c' is a classical register", "quantum register (qreg) is expected")]
    [InlineData(H + "qreg q[1];\nmeasure q[0] -> q[0];", 4, 17, "'q' is a quantum register", "classical register (creg) is expected")]
    [InlineData(H + "qreg q[1];\nmeasure q[0] -> c[0];", 4, 17, "unknown register 'c'")]
    [InlineData(H + "qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[1];", 5, 19, "index 1 is out of range for register 'c'")]
    [InlineData(H + "qreg q[1];\ncreg q[1];", 4, 6, "register 'q' is already declared at line 3, column 1")]
    [InlineData(H + "qreg q[0];", 3, 8, "register 'q' must have at least 1 bit")]
    [InlineData(H + "qreg a[20];\nqreg b[11];", 4, 8, "brings the program to 31 qubits", "at most 30")]
    [InlineData(H + "qreg q[99999999999];", 3, 8, "the integer '99999999999' (the register size) is too large")]
    [InlineData("OPENQASM 2.0;\ncreg c[2];\n", 3, 1, "the program declares no qubits")]
    [InlineData(H + "qreg q[1];\nbarrier r;", 4, 9, "unknown register 'r'")]
    public void Registers(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData(H + "qreg q[2];\ncx q[1], q[1];", 4, 10, "gate 'cx' would act on qubit q[1] twice", "arguments 1 and 2")]
    [InlineData(H + "qreg q[2];\ncx q, q;", 4, 7, "gate 'cx' would act on qubit q[0] twice")]
    [InlineData(H + "qreg q[2];\ncx q[0], q;", 4, 10, "gate 'cx' would act on qubit q[0] twice")]
    [InlineData(H + "qreg a[2];\nqreg b[3];\ncx a, b;", 5, 7, "cannot broadcast gate 'cx' over registers of different sizes", "'a' has 2 qubits, 'b' has 3")]
    [InlineData(H + "qreg q[3];\nccx q[0], q[1], q[0];", 4, 17, "gate 'ccx' would act on qubit q[0] twice", "arguments 1 and 3")]
    public void Broadcasting(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData(H + "qreg q[1];\nrx(theta) q[0];", 4, 4, "unknown identifier 'theta'", "outside a gate definition")]
    [InlineData(H + "qreg q[1];\ngate g(a) x { rx(b) x; }", 4, 18, "unknown identifier 'b'", "gate 'g' has parameters a")]
    [InlineData(H + "qreg q[1];\ngate g x { rx(b) x; }", 4, 15, "unknown identifier 'b'", "gate 'g' has no parameters")]
    [InlineData(H + "qreg q[1];\nrx(1/0) q[0];", 4, 5, "division by zero in '1/0'", "divisor '0' is 0")]
    [InlineData(H + "qreg q[1];\nrx(1/(pi-pi)) q[0];", 4, 5, "division by zero in '1/(pi-pi)'")]
    [InlineData(H + "qreg q[1];\ngate g(a) x { rx(1/a) x; }\ng(0) q[0];", 4, 19, "division by zero in '1/a'", "while expanding gate 'g' applied at line 5, column 1")]
    [InlineData(H + "qreg q[1];\nrx(ln(0)) q[0];", 4, 4, "the expression 'ln(0)' is not a finite number", "evaluates to -Infinity")]
    [InlineData(H + "qreg q[1];\nrx(sqrt(-1)) q[0];", 4, 4, "the expression 'sqrt(-1)' is not a finite number", "evaluates to NaN")]
    [InlineData(H + "qreg q[1];\nrx(2*exp(1000)) q[0];", 4, 6, "the expression 'exp(1000)' is not a finite number")]
    [InlineData(H + "qreg q[1];\nrx(0^-1) q[0];", 4, 5, "the expression '0^-1' is not a finite number")]
    [InlineData(H + "qreg q[1];\nrx(1e300*1e300) q[0];", 4, 9, "the expression '1e300*1e300' is not a finite number")]
    [InlineData(H + "qreg q[1];\ngate g(a) x { ry(ln(a)) x; }\ng(-1) q[0];", 4, 18, "'ln(a)' is not a finite number", "while expanding gate 'g'")]
    public void Expressions(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Fact]
    public void Expressions_NonFiniteAngle_IsAlsoRejectedWhenAnglesBecomeWeights() =>
        AssertError(H + "qreg q[1];\nrx(1/0) q[0];", new QasmImportOptions { AnglesAsWeights = true }, 4, 5, "division by zero");

    [Theory]
    [InlineData(H + "qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\nh q[0];", 6, 3, "mid-circuit measurement is not supported", "q[0] was measured at line 5, column 1", "gate 'h'")]
    [InlineData(H + "qreg q[2];\ncreg c[1];\nmeasure q[1] -> c[0];\nh q;", 6, 3, "mid-circuit measurement is not supported", "q[1] was measured")]
    [InlineData(H + "qreg q[2];\ncreg c[2];\nmeasure q -> c;\ngate g a { x a; }\ng q[1];", 7, 3, "mid-circuit measurement", "gate 'g'")]
    [InlineData(H + "qreg q[2];\ncreg c[3];\nmeasure q -> c;", 5, 14, "cannot measure 'q' (2 qubits) into 'c' (3 bits)", "sizes differ")]
    [InlineData(H + "qreg q[2];\ncreg c[2];\nmeasure q -> c[0];", 5, 14, "measure a whole qreg into a whole creg")]
    [InlineData(H + "qreg q[1];\ncreg c[1];\nif(c==1) x q[0];", 5, 1, "classical control ('if') is not supported")]
    [InlineData(H + "qreg q[1];\nh q[0];\nreset q[0];", 5, 7, "reset of q[0] is not supported", "already used at line 4, column 1")]
    [InlineData(H + "qreg q[1];\ncreg c[1];\nmeasure q[0] -> c[0];\nreset q;", 6, 7, "reset of q[0] is not supported", "line 5, column 1")]
    public void MeasurementResetAndControl(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Theory]
    [InlineData(H + "qreg q[1];\ngate g a { h a; }\ngate g a { x a; }", 5, 6, "gate 'g' is already defined at line 4, column 1")]
    [InlineData(H + "gate h a { U(0,0,0) a; }", 3, 6, "gate 'h' is already defined (in qelib1.inc)")]
    [InlineData(H + "gate U(a,b,c) q { }", 3, 6, "gate 'U' is already defined (it is built into OpenQASM)")]
    [InlineData(H + "gate CX a,b { }", 3, 6, "gate 'CX' is already defined")]
    [InlineData("OPENQASM 2.0;\ngate h a { U(pi/2,0,pi) a; }\ninclude \"qelib1.inc\";", 3, 9, "would redefine gate 'h'", "already defined at line 2, column 1")]
    [InlineData(H + "opaque o a;\nopaque o a;", 4, 8, "gate 'o' is already defined at line 3, column 1")]
    [InlineData(H + "gate g(a, a) x { }", 3, 11, "parameter 'a' of gate 'g' is declared twice")]
    [InlineData(H + "gate g x, x { }", 3, 11, "qubit argument 'x' of gate 'g' is declared twice")]
    [InlineData(H + "gate g(a) a { }", 3, 11, "'a' names both a parameter and a qubit argument of gate 'g'")]
    [InlineData(H + "gate g { }", 3, 7, "expected a qubit argument name after 'gate g', found '{'")]
    [InlineData(H + "gate g a { h b; }", 3, 14, "unknown qubit argument 'b' in the body of gate 'g'", "its qubit arguments are a")]
    [InlineData(H + "gate g a { h a[0]; }", 3, 15, "indexing 'a[...]' is not allowed")]
    [InlineData(H + "gate g a { measure a -> c; }", 3, 12, "'measure' is not allowed in the body of gate 'g'")]
    [InlineData(H + "gate g a { h a;\nqreg q[1];", 4, 1, "'qreg' is not allowed in the body of gate 'g'", "is a '}' missing?")]
    [InlineData(H + "gate g a { h a;", 3, 10, "unterminated gate body", "never closed by '}'")]
    [InlineData(H + "gate g a, b { cx a, a; }", 3, 21, "gate 'cx' is given qubit argument 'a' twice")]
    [InlineData(H + "gate g a { foo a; }", 3, 12, "unknown gate 'foo'")]
    [InlineData(H + "gate g a { g a; }", 3, 12, "unknown gate 'g'")]
    [InlineData(H + "gate g a { rx a; }", 3, 12, "gate 'rx' takes 1 parameter, but 0 were given")]
    [InlineData(H + "gate g a { cx a; }", 3, 12, "gate 'cx' acts on 2 qubits, but 1 qubit argument was given")]
    [InlineData(H + "gate g a { 1 a; }", 3, 12, "expected a gate application or '}' in the body of gate 'g', found '1'")]
    [InlineData(H + "gate measure a { }", 3, 6, "'measure' is a reserved word and cannot be used as a gate name")]
    public void GateDefinitions(string source, int line, int column, params string[] fragments) =>
        AssertError(source, line, column, fragments);

    [Fact]
    public void QasmException_IsAFormatException_WithTheProblemSeparately()
    {
        var ex = AssertError(H + "qreg q[1];\nfoo q[0];", 4, 1, "unknown gate 'foo'");
        Assert.IsAssignableFrom<System.FormatException>(ex);
        Assert.Equal("unknown gate 'foo'", ex.Problem);
        Assert.Equal("line 4, column 1: unknown gate 'foo'", ex.Message);
    }
}
