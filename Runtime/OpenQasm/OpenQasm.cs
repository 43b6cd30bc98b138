using System;
using System.Collections.Generic;
using System.IO;

namespace NegLR;

/// <summary>
/// Imports OpenQASM 2.0 and 3 programs into NegLR <see cref="Circuit"/>s, so circuits written for Qiskit and other
/// toolkits can be simulated and trained here; and exports circuits and ansätze as OpenQASM 2.0 or 3, so a trained
/// circuit runs on hardware.
/// </summary>
/// <remarks>
/// <para><b>Export.</b> See <see cref="Export(Circuit, QasmVersion, IReadOnlyList{double}?, IReadOnlyList{double}?, QasmExportOptions?)"/>.
/// OpenQASM 3 output is exact, global phase included; OpenQASM 2.0 output is exact up to a global phase that the
/// program states in a comment. Importing an export gives back a circuit that prepares the same state (for OpenQASM 2.0,
/// times that phase).</para>
/// <para><b>OpenQASM 3 import</b> reads the subset the exporter writes: <c>include "stdgates.inc";</c> (built in),
/// <c>qubit[n] q;</c> and <c>bit[n] c;</c> (and the old <c>qreg</c>/<c>creg</c>), <c>input float[64] name;</c> or
/// <c>input angle name;</c> parameters, <c>gate</c> definitions, gate applications, <c>gphase</c>, <c>measure</c>
/// (<c>c = measure q;</c>, <c>measure q -> c;</c>, <c>measure q;</c>), <c>reset</c> and <c>barrier</c>. An input named
/// <c>x_k</c> becomes data input k; any other becomes the next trainable weight in declaration order
/// (<see cref="QasmProgram.Inputs"/> lists the mapping). Angles must be affine in one input (<c>2*theta + pi/4</c>).
/// Control flow, classical variables, subroutines, gate modifiers, timing and calibration are rejected with an error
/// that names them. stdgates.inc's gates are imported with their OpenQASM 3 meaning, which differs from qelib1.inc's:
/// <c>rz</c> there is NegLR's RZ, and <c>u3(θ,φ,λ)</c> is e^{−i(φ+λ)/2}·U(θ,φ,λ); a global phase is kept as a
/// PauliRot with the word <c>"I"</c>.</para>
/// <para><b>OpenQASM 2.0 import.</b>
/// Supported: the <c>OPENQASM 2.0;</c> header, <c>include "qelib1.inc";</c> (built in; no file is read), <c>qreg</c>
/// and <c>creg</c> (several registers are flattened in declaration order), the built-ins <c>U</c> and <c>CX</c>, the
/// <c>qelib1.inc</c> gates (all but two, see below), user <c>gate</c> definitions, <c>opaque</c> declarations (an error when applied),
/// <c>barrier</c> (ignored), register broadcasting, terminal <c>measure</c>, and <c>reset</c> of a qubit nothing has
/// touched yet (a no-op on |0⟩). Mid-circuit measurement and classical control (<c>if</c>) are rejected. With
/// <see cref="QasmImportOptions.AnglesAsWeights"/> every rotation angle becomes a trainable weight.
/// </para>
/// <para>
/// Gates are imported exactly, global phase included: each gate prepares the state its <c>qelib1.inc</c> definition
/// prepares, with <c>U(θ,φ,λ)</c> read as NegLR's <see cref="GateKind.U3"/> (Qiskit's convention, under which
/// <c>u1(λ) = U(0,0,λ)</c> is diag(1, e^{iλ})). So <c>rz(φ)</c>, which qelib1 defines as <c>u1(φ)</c>, becomes
/// <see cref="GateKind.PhaseShift"/>, not NegLR's <see cref="GateKind.RZ"/> = e^{−iφZ/2}. A gate becomes a single NegLR
/// gate only when that gate equals the definition exactly; otherwise the definition is emitted gate by gate. Hence
/// <c>rzz(θ)</c> becomes <c>CNOT, PhaseShift(θ), CNOT</c> (which is e^{iθ/2}·RZZ(θ), not RZZ(θ)), <c>rxx</c> its
/// seven-gate qelib1 body (e^{−iθ/2}·RXX(θ)), <c>sx</c> RX(π/2) and <c>ch</c> its Clifford+T body. Expectation values and
/// gradients are the same either way; only the state's global phase would differ.
/// </para>
/// <para>
/// qelib1.inc's <c>c3sqrtx</c> and <c>c4x</c> are not imported: their bodies in the file are a 3-controlled SX† and
/// something other than a 4-controlled X, not the gates the names (and Qiskit's exporter) mean. A program may define
/// gates with those names itself.
/// </para>
/// </remarks>
public static class OpenQasm
{
    /// <summary>Imports the OpenQASM 2.0 or 3 program <paramref name="source"/> (its header says which).</summary>
    /// <param name="source">The program text.</param>
    /// <param name="options">Import options; <see cref="QasmImportOptions.Default"/> when null.</param>
    /// <exception cref="QasmException">The program is malformed or uses something NegLR cannot simulate; the exception
    /// gives the line and column.</exception>
    public static QasmProgram Parse(string source, QasmImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new QasmImporter(options ?? QasmImportOptions.Default).Import(source);
    }

    /// <summary>Reads the file at <paramref name="path"/> (UTF-8) and imports it as in <see cref="Parse"/>.</summary>
    /// <param name="path">The <c>.qasm</c> file.</param>
    /// <param name="options">Import options; <see cref="QasmImportOptions.Default"/> when null.</param>
    /// <exception cref="QasmException">The program is malformed or uses something NegLR cannot simulate.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static QasmProgram Load(string path, QasmImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), options);
    }

    /// <summary>
    /// Writes <paramref name="circuit"/> as an OpenQASM program. Weights and data inputs are bound to the numbers given,
    /// or, when null, left as OpenQASM 3 parameters <c>input float[64] w_0;</c> … and <c>x_0</c> … (which
    /// <see cref="Parse"/> reads back as the same weights and inputs).
    /// </summary>
    /// <param name="circuit">The circuit.</param>
    /// <param name="version">OpenQASM 3 (exact, may keep parameters) or 2.0 (widest support; exact up to a global phase
    /// stated in a comment, and every angle must be bound).</param>
    /// <param name="weights">The weights to bind (length <see cref="Circuit.WeightCount"/>), or null for <c>input</c> parameters.</param>
    /// <param name="inputs">The data inputs to bind (length <see cref="Circuit.InputCount"/>), or null for <c>input</c> parameters.</param>
    /// <param name="options">Register names and measurements; <see cref="QasmExportOptions.Default"/> when null.</param>
    /// <returns>The program text, each line ended by a line feed.</returns>
    /// <exception cref="ArgumentException">An array has the wrong length or a value that is not finite, OpenQASM 2.0 is
    /// asked for with unbound weights or inputs, or a register name clashes with a name the program uses.</exception>
    /// <remarks>
    /// The gate mapping and the OpenQASM 2.0 phases are listed in <c>docs/conventions.md</c>: in short, OpenQASM 3's
    /// stdgates match NegLR's gates exactly (<c>rz</c> = e^{−iθZ/2}), while OpenQASM 2's qelib1 <c>rz</c> is the phase
    /// gate u1 = e^{iθ/2}·RZ(θ), so a 2.0 export of RZ(θ) prepares the state times e^{iθ/2}.
    /// </remarks>
    public static string Export(
        Circuit circuit,
        QasmVersion version,
        IReadOnlyList<double>? weights = null,
        IReadOnlyList<double>? inputs = null,
        QasmExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        if (version is not (QasmVersion.OpenQasm2 or QasmVersion.OpenQasm3))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "The version must be OpenQasm2 or OpenQasm3.");
        }

        if (circuit.HasChannels)
        {
            // OpenQASM has no noise channels: writing the gates alone would silently hand a different circuit to the device.
            throw new ArgumentException(
                $"The circuit records {circuit.Channels.Count} noise channel(s), and OpenQASM cannot express noise; export "
                + "circuit.WithoutChannels() to run the ideal gates on hardware (the device adds its own noise).",
                nameof(circuit));
        }

        options ??= QasmExportOptions.Default;
        CheckBinding(weights, circuit.WeightCount, "weight", nameof(weights), version);
        CheckBinding(inputs, circuit.InputCount, "data input", nameof(inputs), version);
        CheckRegisterNames(options, version);
        return new QasmExporter(circuit, version, weights, inputs, options).Write();
    }

    /// <summary>
    /// Writes the circuit of the ansatz <typeparamref name="TAnsatz"/> (its <see cref="IAnsatz.CreateCircuit"/>) as an
    /// OpenQASM program, as <see cref="Export(Circuit, QasmVersion, IReadOnlyList{double}?, IReadOnlyList{double}?, QasmExportOptions?)"/> does:
    /// <c>OpenQasm.Export&lt;IrisClassifier&gt;(QasmVersion.OpenQasm3, trainedWeights)</c> keeps the data inputs as
    /// OpenQASM 3 parameters for the hardware run to fill in.
    /// </summary>
    /// <typeparam name="TAnsatz">A type with <see cref="AnsatzAttribute"/> (the source generator implements <see cref="IAnsatz"/>).</typeparam>
    /// <inheritdoc cref="Export(Circuit, QasmVersion, IReadOnlyList{double}?, IReadOnlyList{double}?, QasmExportOptions?)"/>
    public static string Export<TAnsatz>(
        QasmVersion version,
        IReadOnlyList<double>? weights = null,
        IReadOnlyList<double>? inputs = null,
        QasmExportOptions? options = null)
        where TAnsatz : IAnsatz =>
        Export(TAnsatz.CreateCircuit(), version, weights, inputs, options);

    private static void CheckBinding(IReadOnlyList<double>? values, int count, string what, string parameter, QasmVersion version)
    {
        if (values is null)
        {
            if (count > 0 && version == QasmVersion.OpenQasm2)
            {
                throw new ArgumentException(
                    $"The circuit has {count} {what}(s), and OpenQASM 2.0 has no parameters: pass the values to bind them, "
                    + "or export OpenQASM 3, which keeps them as 'input' parameters.",
                    parameter);
            }

            return;
        }

        if (values.Count != count)
        {
            throw new ArgumentException($"The circuit has {count} {what}(s), but {values.Count} values were given.", parameter);
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"{what} {i} is {values[i]}; every bound value must be a finite number."), parameter);
            }
        }
    }

    private static void CheckRegisterNames(QasmExportOptions options, QasmVersion version)
    {
        string q = options.QubitRegister;
        string c = options.ClassicalRegister;
        if (options.MeasureAll && q == c)
        {
            throw new ArgumentException($"The qubit and classical registers are both named \"{q}\".", nameof(options));
        }

        foreach (string name in options.MeasureAll ? new[] { q, c } : new[] { q })
        {
            if (version == QasmVersion.OpenQasm2 && !char.IsAsciiLetterLower(name[0]))
            {
                throw new ArgumentException(
                    $"OpenQASM 2.0 names start with a lower-case letter ([a-z][A-Za-z0-9_]*), but the register is named \"{name}\".",
                    nameof(options));
            }

            bool clash = QasmParser.IsReservedWord(name, version)
                || (version == QasmVersion.OpenQasm3 ? Stdgates.Defines(name) : Qelib1.Defines(name))
                || name is "U" or "CX" or "iswap" or "rxx" or "ryy" or "rzz" or "gphase"
                || QasmInput.TryParseDataInputIndex(name, out _)
                || (name.StartsWith("w_", StringComparison.Ordinal) && name.Length > 2 && QasmInput.TryParseDataInputIndex("x_" + name[2..], out _));
            if (clash)
            {
                throw new ArgumentException(
                    $"The register name \"{name}\" is a keyword, a gate name or a parameter name of the exported program; choose another.",
                    nameof(options));
            }
        }
    }
}
