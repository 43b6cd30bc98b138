using System;
using System.IO;

namespace NegLR;

/// <summary>
/// Imports OpenQASM 2.0 programs into NegLR <see cref="Circuit"/>s, so circuits written for Qiskit and other toolkits
/// can be simulated and trained here.
/// </summary>
/// <remarks>
/// <para>
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
    /// <summary>Imports the OpenQASM 2.0 program <paramref name="source"/>.</summary>
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
}
