using System;
using System.Collections.Immutable;
using System.Globalization;

namespace NegLR;

/// <summary>
/// An imported OpenQASM program: the <see cref="NegLR.Circuit"/> it prepares, the initial values of its weights, its
/// OpenQASM 3 inputs, the register layout and the terminal measurements.
/// </summary>
public sealed class QasmProgram
{
    internal QasmProgram(
        Circuit circuit,
        QasmVersion version,
        ImmutableArray<double> initialWeights,
        ImmutableArray<QasmInput> inputs,
        ImmutableArray<QasmRegister> quantumRegisters,
        ImmutableArray<QasmRegister> classicalRegisters,
        ImmutableArray<QasmMeasurement> measurements)
    {
        Circuit = circuit;
        Version = version;
        InitialWeights = initialWeights;
        Inputs = inputs;
        QuantumRegisters = quantumRegisters;
        ClassicalRegisters = classicalRegisters;
        Measurements = measurements;
        int clbits = 0;
        foreach (var r in classicalRegisters)
        {
            clbits += r.Size;
        }

        ClbitCount = clbits;
    }

    /// <summary>
    /// The gates, on one qubit per declared qubit (<c>qreg</c> or <c>qubit</c>; registers flattened in declaration
    /// order). Its weights and data inputs are the program's OpenQASM 3 <see cref="Inputs"/>, or with
    /// <see cref="QasmImportOptions.AnglesAsWeights"/> its angles.
    /// </summary>
    public Circuit Circuit { get; }

    /// <summary>The language version the program's header names.</summary>
    public QasmVersion Version { get; }

    /// <summary>
    /// The OpenQASM 3 <c>input</c> declarations in program order and the weight or data input each became (empty for
    /// OpenQASM 2.0). Bind them by passing weights and inputs to the interpreter as usual.
    /// </summary>
    public ImmutableArray<QasmInput> Inputs { get; }

    /// <summary>
    /// The value of each weight as written in the program (length <see cref="Circuit.WeightCount"/>); empty unless
    /// <see cref="QasmImportOptions.AnglesAsWeights"/> was set (an OpenQASM 3 program's <see cref="Inputs"/> have no
    /// values in the program). Pass it as the weights to reproduce the program exactly.
    /// </summary>
    public ImmutableArray<double> InitialWeights { get; }

    /// <summary>The quantum register declarations in order, with their circuit-qubit offsets.</summary>
    public ImmutableArray<QasmRegister> QuantumRegisters { get; }

    /// <summary>The classical register declarations in order, with their flat classical-bit offsets.</summary>
    public ImmutableArray<QasmRegister> ClassicalRegisters { get; }

    /// <summary>Number of classical bits over all classical register declarations.</summary>
    public int ClbitCount { get; }

    /// <summary>The terminal measurements in program order (a later one into the same bit overwrites an earlier one).</summary>
    public ImmutableArray<QasmMeasurement> Measurements { get; }

    /// <summary>The circuit qubit that holds <c>register[index]</c>.</summary>
    /// <exception cref="ArgumentException">There is no such quantum register or the index is out of range.</exception>
    public int Qubit(string register, int index) => Flat(QuantumRegisters, "quantum", register, index);

    /// <summary>The flat classical bit that holds <c>register[index]</c>.</summary>
    /// <exception cref="ArgumentException">There is no such classical register or the index is out of range.</exception>
    public int Clbit(string register, int index) => Flat(ClassicalRegisters, "classical", register, index);

    /// <summary>A one-line summary: registers, gates, weights and measurements.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"QasmProgram({Circuit.Qubits} qubits, {ClbitCount} clbits, {Circuit.Gates.Count} gates, {InitialWeights.Length} weights, {Measurements.Length} measurements)");

    private static int Flat(ImmutableArray<QasmRegister> registers, string kind, string register, int index)
    {
        ArgumentNullException.ThrowIfNull(register);
        foreach (var r in registers)
        {
            if (r.Name == register)
            {
                if (index < 0 || index >= r.Size)
                {
                    throw new ArgumentOutOfRangeException(
                        nameof(index), index, string.Create(CultureInfo.InvariantCulture, $"Register '{register}' has indices 0 to {r.Size - 1}."));
                }

                return r.Offset + index;
            }
        }

        throw new ArgumentException($"The program declares no {kind} register named '{register}'.", nameof(register));
    }
}
