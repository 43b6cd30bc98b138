using System;
using System.Numerics;

namespace NegLR.Tests;

/// <summary>Shared helpers for the OpenQASM import tests: states, state comparison and error assertions.</summary>
internal static class OpenQasmTestSupport
{
    /// <summary>Amplitude tolerance for "the same state, global phase included".</summary>
    public const double Tolerance = 1e-12;

    /// <summary>A generic entangled 5-qubit state, in OpenQASM using only the built-ins U and CX.</summary>
    public const string ScrambleQasm = """
        U(0.3,0.7,-0.5) q[0]; U(1.1,-0.4,0.9) q[1]; U(2.0,0.25,1.3) q[2]; U(0.8,-1.2,0.6) q[3]; U(1.7,0.5,-0.8) q[4];
        CX q[0],q[1]; CX q[2],q[3]; CX q[4],q[0]; CX q[1],q[2]; CX q[3],q[4];
        U(0.45,1.5,-0.2) q[0]; U(-0.9,0.35,0.75) q[1]; U(1.25,-0.65,0.15) q[2]; U(0.55,0.95,-1.05) q[3]; U(-1.35,0.2,0.4) q[4];
        """;

    /// <summary>The same state as <see cref="ScrambleQasm"/>, built with NegLR's API (OpenQASM's U is NegLR's U3).</summary>
    public static Circuit Scramble()
    {
        var c = new Circuit(5);
        c.U3(0, 0.3, 0.7, -0.5).U3(1, 1.1, -0.4, 0.9).U3(2, 2.0, 0.25, 1.3).U3(3, 0.8, -1.2, 0.6).U3(4, 1.7, 0.5, -0.8);
        c.CNOT(0, 1).CNOT(2, 3).CNOT(4, 0).CNOT(1, 2).CNOT(3, 4);
        c.U3(0, 0.45, 1.5, -0.2).U3(1, -0.9, 0.35, 0.75).U3(2, 1.25, -0.65, 0.15).U3(3, 0.55, 0.95, -1.05).U3(4, -1.35, 0.2, 0.4);
        return c;
    }

    /// <summary>A 5-qubit program with qelib1 included: scramble, then <paramref name="body"/>.</summary>
    public static string ScrambledProgram(string body, string library = "") =>
        "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + library + "\nqreg q[5];\n" + ScrambleQasm + "\n" + body + "\n";

    /// <summary>The state <paramref name="circuit"/> prepares from |0…0⟩ with <paramref name="weights"/>.</summary>
    public static Complex[] StateOf(Circuit circuit, ReadOnlySpan<double> weights)
    {
        var state = new StateVector(circuit.Qubits);
        new CircuitInterpreter(circuit).Prepare(weights, ReadOnlySpan<double>.Empty, state);
        return state.Amplitudes.ToArray();
    }

    /// <summary>The state an imported program prepares, with its initial weights.</summary>
    public static Complex[] StateOf(QasmProgram program) => StateOf(program.Circuit, program.InitialWeights.AsSpan());

    /// <summary>The state of a circuit without weights.</summary>
    public static Complex[] StateOf(Circuit circuit) => StateOf(circuit, ReadOnlySpan<double>.Empty);

    /// <summary>Asserts equal amplitudes (so equal global phase too) to <see cref="Tolerance"/>.</summary>
    public static void AssertSameState(Complex[] expected, Complex[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                Complex.Abs(expected[i] - actual[i]) <= Tolerance,
                FormattableString.Invariant($"amplitude {i}: expected {expected[i]}, got {actual[i]}"));
        }
    }

    /// <summary>Asserts the states differ somewhere by more than the tolerance (guards against vacuous comparisons).</summary>
    public static void AssertDifferentState(Complex[] a, Complex[] b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Complex.Abs(a[i] - b[i]));
        }

        Assert.True(max > 1e-3, FormattableString.Invariant($"the states agree to {max}"));
    }

    /// <summary>Every amplitude times <paramref name="phase"/>.</summary>
    public static Complex[] Times(Complex[] state, Complex phase)
    {
        var result = new Complex[state.Length];
        for (int i = 0; i < state.Length; i++)
        {
            result[i] = state[i] * phase;
        }

        return result;
    }

    /// <summary>e^{iφ}.</summary>
    public static Complex Phase(double phi) => new(Math.Cos(phi), Math.Sin(phi));

    /// <summary>
    /// Asserts that importing <paramref name="source"/> fails with a <see cref="QasmException"/> at the given 1-based
    /// position whose message contains every fragment.
    /// </summary>
    public static QasmException AssertError(string source, int line, int column, params string[] fragments) =>
        AssertError(source, QasmImportOptions.Default, line, column, fragments);

    /// <inheritdoc cref="AssertError(string, int, int, string[])"/>
    public static QasmException AssertError(string source, QasmImportOptions options, int line, int column, params string[] fragments)
    {
        var ex = Assert.Throws<QasmException>(() => OpenQasm.Parse(source, options));
        Assert.True(
            ex.Line == line && ex.Column == column,
            FormattableString.Invariant($"expected the error at line {line}, column {column}, but got: {ex.Message}"));
        Assert.StartsWith(FormattableString.Invariant($"line {line}, column {column}: "), ex.Message, StringComparison.Ordinal);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
        }

        return ex;
    }
}
