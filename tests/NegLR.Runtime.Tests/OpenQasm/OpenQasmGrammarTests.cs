using System;
using static NegLR.Tests.OpenQasmExportSupport;

namespace NegLR.Tests;

/// <summary>
/// What the exporter writes is valid in the published grammars (checked by <see cref="OpenQasmGrammar"/>, a recogniser
/// written from the grammars, independent of the importer), and the recogniser itself rejects the mistakes it exists
/// to catch.
/// </summary>
public class OpenQasmGrammarTests
{
    public static TheoryData<int, QasmVersion, bool> Exports()
    {
        var data = new TheoryData<int, QasmVersion, bool>();
        foreach (int seed in new[] { 11, 12, 13 })
        {
            data.Add(seed, QasmVersion.OpenQasm2, true);
            data.Add(seed, QasmVersion.OpenQasm3, true);
            data.Add(seed, QasmVersion.OpenQasm3, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public void ExportedPrograms_FollowTheGrammar(int seed, QasmVersion version, bool bound)
    {
        var circuit = RandomCircuit(seed, extraGates: 30);
        var weights = bound ? RandomValues(circuit.WeightCount, seed) : null;
        var inputs = bound ? RandomValues(circuit.InputCount, seed + 1) : null;
        string text = OpenQasm.Export(circuit, version, weights, inputs, new QasmExportOptions { MeasureAll = true });
        OpenQasmGrammar.Check(text, version);
    }

    [Fact]
    public void ExportedNumbers_FollowTheGrammar_IncludingTinyAndHugeOnes()
    {
        var c = new Circuit(1);
        foreach (double v in new[] { 1e-300, -4.9e-324, 1e-5, 123456789012345678901234.0, -0.5, 2.0, Math.PI / 3, -7 * Math.PI / 8 })
        {
            c.RX(0, v);
        }

        OpenQasmGrammar.Check(OpenQasm.Export(c, QasmVersion.OpenQasm2), QasmVersion.OpenQasm2);
        OpenQasmGrammar.Check(OpenQasm.Export(c, QasmVersion.OpenQasm3), QasmVersion.OpenQasm3);
    }

    [Theory]
    [InlineData("OPENQASM 2.0;\nqreg q[1];\nU(1E-05,0,0) q[0];", QasmVersion.OpenQasm2)]      // a 2.0 real needs a '.'
    [InlineData("OPENQASM 2.0;\nqreg Q[1];", QasmVersion.OpenQasm2)]                          // 2.0 ids start lower-case
    [InlineData("OPENQASM 2.0;\nqreg q[1];\nU(2**2,0,0) q[0];", QasmVersion.OpenQasm2)]      // 2.0 power is '^'
    [InlineData("OPENQASM 3.0;\nqubit[1] q;\nU(2^2,0,0) q[0];", QasmVersion.OpenQasm3)]      // 3's '^' is XOR
    [InlineData("OPENQASM 3.0;\nqubit[1] q;\nU(0,0,0) q[0]", QasmVersion.OpenQasm3)]         // missing ';'
    [InlineData("OPENQASM 3.0;\nqubit[1] q;\nc = q;", QasmVersion.OpenQasm3)]                // not a measurement
    [InlineData("OPENQASM 2.0;\nqreg q[01];", QasmVersion.OpenQasm2)]                         // nninteger has no leading 0
    public void Recogniser_RejectsWhatTheGrammarRejects(string text, QasmVersion version) =>
        Assert.Throws<FormatException>(() => OpenQasmGrammar.Check(text, version));

    [Theory]
    [InlineData("OPENQASM 3;\ninclude \"stdgates.inc\";\nqubit[4] q;\nbit[4] c;\nreset q;\nx q[0];\nbarrier q;\nh q[0];\ncphase(pi / 2) q[1], q[0];\nc = measure q;", QasmVersion.OpenQasm3)]
    [InlineData("OPENQASM 3;\ngate majority a, b, c {\n cx c, b;\n ccx a, b, c;\n}\nqubit[1] cin;\nbit[5] ans;\nmeasure cin[0] -> ans[4];", QasmVersion.OpenQasm3)]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nu3(pi/2,-pi,0.5e-1) q[1];\nmeasure q -> c;", QasmVersion.OpenQasm2)]
    public void Recogniser_AcceptsProgramsLikeTheReferenceExamples(string text, QasmVersion version) =>
        OpenQasmGrammar.Check(text, version);
}
