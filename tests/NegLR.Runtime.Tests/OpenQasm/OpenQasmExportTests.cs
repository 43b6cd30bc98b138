using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using static NegLR.Tests.OpenQasmExportSupport;

namespace NegLR.Tests;

/// <summary>
/// Export → import gives back the circuit: on random circuits holding every gate, the imported circuit's unitary
/// equals the original's to 1e-12 — exactly for OpenQASM 3 (bound or with <c>input</c> parameters), and for OpenQASM
/// 2.0 up to the global phase its documentation states (computed here from the documented table, and checked against
/// the comment the program carries).
/// </summary>
public class OpenQasmExportTests
{
    public static TheoryData<int> Seeds() => new() { 1, 2, 3, 4, 5 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OpenQasm3_WithInputParameters_RoundTripsExactly(int seed)
    {
        var circuit = RandomCircuit(seed);
        var weights = RandomValues(circuit.WeightCount, seed + 100);
        var inputs = RandomValues(circuit.InputCount, seed + 200);

        string text = OpenQasm.Export(circuit, QasmVersion.OpenQasm3);
        var program = OpenQasm.Parse(text);

        Assert.Equal(QasmVersion.OpenQasm3, program.Version);
        Assert.Equal(circuit.WeightCount, program.Circuit.WeightCount);
        Assert.Equal(circuit.InputCount, program.Circuit.InputCount);
        Assert.Equal(circuit.WeightCount + circuit.InputCount, program.Inputs.Length);
        AssertSameUnitary(Unitary(circuit, weights, inputs), Unitary(program.Circuit, weights, inputs));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OpenQasm3_Bound_RoundTripsExactly(int seed)
    {
        var circuit = RandomCircuit(seed);
        var weights = RandomValues(circuit.WeightCount, seed + 100);
        var inputs = RandomValues(circuit.InputCount, seed + 200);

        var program = OpenQasm.Parse(OpenQasm.Export(circuit, QasmVersion.OpenQasm3, weights, inputs));

        Assert.Equal(0, program.Circuit.WeightCount);
        Assert.Empty(program.Inputs);
        AssertSameUnitary(Unitary(circuit, weights, inputs), Unitary(program.Circuit, [], []));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OpenQasm3_TrainedWeightsBound_DataInputsLeftAsParameters(int seed)
    {
        var circuit = RandomCircuit(seed);
        var weights = RandomValues(circuit.WeightCount, seed + 100);
        var inputs = RandomValues(circuit.InputCount, seed + 200);

        string text = OpenQasm.Export(circuit, QasmVersion.OpenQasm3, weights);
        var program = OpenQasm.Parse(text);

        Assert.Equal(0, program.Circuit.WeightCount);
        Assert.Equal(circuit.InputCount, program.Circuit.InputCount);
        Assert.All(program.Inputs, i => Assert.Equal(AngleSource.Input, i.Source));
        Assert.DoesNotContain("w_", text, StringComparison.Ordinal);
        AssertSameUnitary(Unitary(circuit, weights, inputs), Unitary(program.Circuit, [], inputs));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OpenQasm2_RoundTrips_UpToTheDocumentedGlobalPhase(int seed)
    {
        var circuit = RandomCircuit(seed);
        var weights = RandomValues(circuit.WeightCount, seed + 100);
        var inputs = RandomValues(circuit.InputCount, seed + 200);

        string text = OpenQasm.Export(circuit, QasmVersion.OpenQasm2, weights, inputs);
        var program = OpenQasm.Parse(text);
        double alpha = DocumentedPhase2(circuit, weights, inputs);

        Assert.Equal(QasmVersion.OpenQasm2, program.Version);
        AssertSameUnitary(Unitary(circuit, weights, inputs), Unitary(program.Circuit, [], []), alpha);

        // The comment states the same phase, reduced to (−π, π].
        var stated = Regex.Match(text, @"alpha = (\S+) \(");
        Assert.True(stated.Success, "the program states no global phase:\n" + text);
        double written = OpenQasm.Parse("OPENQASM 2.0;\nqreg q[1];\nU(" + stated.Groups[1].Value + ",0,0) q[0];").Circuit.Gates[0].Angles[0].Offset;
        Assert.Equal(0, Math.IEEERemainder(written - alpha, 2 * Math.PI), 9);
    }

    [Fact]
    public void OpenQasm2_IsNotExactWithoutThePhase()
    {
        // Guards the test above against passing vacuously: the phase is there and non-trivial.
        var circuit = new Circuit(1).RZ(0, 0.8);
        var program = OpenQasm.Parse(OpenQasm.Export(circuit, QasmVersion.OpenQasm2));
        var expected = Unitary(circuit, [], []);
        var actual = Unitary(program.Circuit, [], []);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertSameUnitary(expected, actual));
        AssertSameUnitary(expected, actual, 0.4);
    }

    [Fact]
    public void OpenQasm3_DirectlyMappedGates_ComeBackAsTheSameGates()
    {
        // Exactly where a gate has a stdgates.inc equal: the same kind, qubits and angle (bit for bit).
        var c = new Circuit(3);
        var w = c.Weight();
        c.RX(0, 0.5 * w + 0.25).RY(1, -w).RZ(2, c.Input(0) * -1.5 - 0.125).PhaseShift(0, 1.0 / 3).U3(1, w, 2 * w, Math.PI / 3)
            .CRX(0, 1, w).CRY(1, 2, 0.7).CRZ(2, 0, -w).CPhase(0, 2, 1e-7).CNOT(0, 1).CY(1, 2).CZ(2, 0).SWAP(0, 2)
            .Toffoli(0, 1, 2).CSWAP(2, 1, 0).H(0).S(1).Sdg(2).T(0).Tdg(1).SX(2).X(0).Y(1).Z(2).I(0);
        var program = OpenQasm.Parse(OpenQasm.Export(c, QasmVersion.OpenQasm3));
        Assert.Equal(c.Gates, program.Circuit.Gates);
    }

    [Theory]
    [InlineData(Math.PI, "pi")]
    [InlineData(-Math.PI / 2, "-pi/2")]
    [InlineData(3 * Math.PI / 4, "3*pi/4")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1.0E-05")]
    [InlineData(-2.5e20, "-2.5E+20")]
    [InlineData(0.0, "0")]
    public void Numbers_AreWrittenToParseBackBitForBit(double value, string text)
    {
        Assert.Equal(text, QasmExporter.Number(value));
        var c = new Circuit(1).RX(0, value);
        foreach (var version in new[] { QasmVersion.OpenQasm2, QasmVersion.OpenQasm3 })
        {
            var back = OpenQasm.Parse(OpenQasm.Export(c, version)).Circuit.Gates[0].Angles[0].Offset;
            Assert.Equal(BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value), BitConverter.DoubleToInt64Bits(back));
        }
    }

    [Fact]
    public void Numbers_ManyRandomValues_ParseBackBitForBit()
    {
        var random = new Random(7);
        var c = new Circuit(1);
        var values = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? random.NextDouble() * 1e-9 : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 12))).ToArray();
        foreach (double v in values)
        {
            c.RY(0, v);
        }

        var back = OpenQasm.Parse(OpenQasm.Export(c, QasmVersion.OpenQasm2)).Circuit.Gates.Select(g => g.Angles[0].Offset).ToArray();
        Assert.Equal(values, back);
    }

    [Fact]
    public void MeasureAll_WritesRegistersAndMeasurementsThatImportBack()
    {
        var c = new Circuit(3).H(0).CNOT(0, 1).CNOT(1, 2);
        var options = new QasmExportOptions { MeasureAll = true, QubitRegister = "qb", ClassicalRegister = "out" };
        foreach (var version in new[] { QasmVersion.OpenQasm2, QasmVersion.OpenQasm3 })
        {
            var program = OpenQasm.Parse(OpenQasm.Export(c, version, options: options));
            Assert.Equal(new[] { "qb" }, program.QuantumRegisters.Select(r => r.Name));
            Assert.Equal(new[] { "out" }, program.ClassicalRegisters.Select(r => r.Name));
            Assert.Equal(new[] { new QasmMeasurement(0, 0), new QasmMeasurement(1, 1), new QasmMeasurement(2, 2) }, program.Measurements);
        }
    }

    [Fact]
    public void Ansatz_IsExportedThroughItsCircuit()
    {
        string generic = OpenQasm.Export<TwoQubitAnsatz>(QasmVersion.OpenQasm3, weights: [0.3, -0.2]);
        Assert.Equal(OpenQasm.Export(TwoQubitAnsatz.CreateCircuit(), QasmVersion.OpenQasm3, [0.3, -0.2]), generic);
        Assert.Contains("ry(0.3) q[0];", generic, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenQasm3_Output_ReadsAsExpected()
    {
        var c = new Circuit(2);
        c.RY(0, c.Weight()).RZZ(0, 1, 0.5 * c.Weight() + Math.PI / 4).RX(1, c.Input(0));
        string text = OpenQasm.Export(c, QasmVersion.OpenQasm3);
        Assert.Equal(
            """
            OPENQASM 3.0;
            include "stdgates.inc";
            // Exported by NegLR: 2 qubits, 3 gates; qubit k of the circuit is q[k].
            input float[64] w_0;
            input float[64] w_1;
            input float[64] x_0;
            gate rzz(theta) a, b { cx a, b; rz(theta) b; cx a, b; }
            qubit[2] q;
            ry(w_0) q[0];
            rzz(0.5*w_1 + pi/4) q[0], q[1];
            rx(x_0) q[1];

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void BadArguments_AreArgumentErrorsNamingTheParameter()
    {
        var c = new Circuit(2);
        c.RY(0, c.Weight()).RX(1, c.Input(0));
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm2, inputs: [1.0])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm2, [1.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm3, [1.0, 2.0])).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm3, [double.NaN])).ParamName);
        Assert.Equal("version", Assert.Throws<ArgumentOutOfRangeException>(() => OpenQasm.Export(c, (QasmVersion)4)).ParamName);
        Assert.Equal("circuit", Assert.Throws<ArgumentNullException>(() => OpenQasm.Export(null!, QasmVersion.OpenQasm3)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm3, options: new() { QubitRegister = "rz" })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm3, options: new() { QubitRegister = "x_0" })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm2, [1.0], [1.0], new() { QubitRegister = "Q" })).ParamName);
        Assert.Equal("QubitRegister", Assert.Throws<ArgumentException>(() => new QasmExportOptions { QubitRegister = "q 1" }).ParamName);
    }

    [Fact]
    public void NoisyCircuit_IsRefused_AndItsIdealGatesExport()
    {
        // OpenQASM has no channels: exporting the gates alone would silently drop the noise the circuit models.
        var c = new Circuit(2);
        c.RY(0, 0.3).Depolarizing(0, 0.01).CNOT(0, 1);
        var error = Assert.Throws<ArgumentException>(() => OpenQasm.Export(c, QasmVersion.OpenQasm3));
        Assert.Equal("circuit", error.ParamName);
        Assert.Contains("WithoutChannels()", error.Message, StringComparison.Ordinal);
        Assert.Contains("cx q[0], q[1];", OpenQasm.Export(c.WithoutChannels(), QasmVersion.OpenQasm3), StringComparison.Ordinal);
    }

    /// <summary>A hand-written <see cref="IAnsatz"/> (the generator's are exercised by the integration test).</summary>
    private readonly struct TwoQubitAnsatz : IAnsatz
    {
        public static int Qubits => 2;

        public static int WeightCount => 2;

        public static int InputCount => 0;

        public static int StateLength => 4;

        public static PauliSum Cost => PauliSum.Parse("Z0 Z1");

        public static Circuit CreateCircuit()
        {
            var c = new Circuit(2);
            return c.RY(0, c.Weight()).CNOT(0, 1).RX(1, c.Weight());
        }

        public static void Prepare(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<System.Numerics.Complex> state)
        {
            var s = new StateVector(2);
            new CircuitInterpreter(CreateCircuit()).Prepare(weights, inputs, s);
            s.Amplitudes.CopyTo(state);
        }

        public static double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<System.Numerics.Complex> state)
        {
            var interpreter = new CircuitInterpreter(CreateCircuit());
            return interpreter.Evaluate(weights, inputs, Cost, interpreter.CreateWorkspace());
        }

        public static double EvaluateWithGradient(
            ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient,
            Span<System.Numerics.Complex> state, Span<System.Numerics.Complex> adjoint)
        {
            var interpreter = new CircuitInterpreter(CreateCircuit());
            return interpreter.EvaluateWithGradient(weights, inputs, Cost, gradient, interpreter.CreateWorkspace());
        }
    }
}
