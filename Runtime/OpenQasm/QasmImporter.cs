using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace NegLR;

/// <summary>
/// Runs a program's statements in order against the import state: declared registers and gates, which qubits gates or
/// measurements have touched, the buffered NegLR gates and the weights. One instance imports one program.
/// </summary>
internal sealed partial class QasmImporter
{
    private readonly QasmImportOptions _options;
    private readonly Dictionary<string, QasmGateDefinition> _gates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Register> _registers = new(StringComparer.Ordinal);
    private readonly List<QasmRegister> _quantumRegisters = new();
    private readonly List<QasmRegister> _classicalRegisters = new();
    private readonly QasmGateSink _sink = new();
    private readonly List<double> _initialWeights = new();
    private readonly List<QasmMeasurement> _measurements = new();

    // OpenQASM 3 inputs by declaration index: the NegLR variable each one became, and its name.
    private readonly List<QasmValue> _inputValues = new();
    private readonly List<QasmInput> _inputs = new();
    private readonly HashSet<string> _inputNames = new(StringComparer.Ordinal);
    private int _dataInputs;
    private int _inputWeights;

    // Per circuit qubit: where a gate first acted on it and where it was first measured (null: not yet).
    private readonly List<QasmPosition?> _touchedAt = new();
    private readonly List<QasmPosition?> _measuredAt = new();
    private int _clbits;
    private bool _libraryIncluded;
    private QasmVersion _version;

    // Steps taken by the expansions so far (see QasmGateDefinition.ExpansionWork), against WorkLimit.
    private long _work;

    public QasmImporter(QasmImportOptions options)
    {
        _options = options;
    }

    /// <summary>The most expansion steps an import may take: <see cref="QasmImportOptions.MaxGates"/> × this.</summary>
    internal const int WorkPerGate = 16;

    private long WorkLimit => QasmGateDefinition.SaturatingMultiply(_options.MaxGates, WorkPerGate);

    private string LibraryFile => _version == QasmVersion.OpenQasm3 ? Stdgates.FileName : Qelib1.FileName;

    public QasmProgram Import(string source)
    {
        var parser = new QasmParser(source);
        parser.ParseHeader();
        _version = parser.Version;
        var builtIns = _version == QasmVersion.OpenQasm3 ? new[] { Stdgates.U, Stdgates.GlobalPhase } : new[] { Qelib1.U, Qelib1.CX };
        foreach (var gate in builtIns)
        {
            _gates.Add(gate.Name, gate);
        }

        while (parser.Next() is { } statement)
        {
            Execute(statement);
        }

        if (_touchedAt.Count == 0)
        {
            string example = _version == QasmVersion.OpenQasm3 ? "'qubit[1] q;'" : "'qreg q[1];'";
            throw QasmException.At(parser.EndPosition, $"the program declares no qubits: add a quantum register, e.g. {example}");
        }

        var circuit = _sink.Build(_touchedAt.Count);
        if (_inputWeights > 0 || _dataInputs > 0)
        {
            // Unused inputs still count: weight k of the program is weight k of the circuit.
            if (_inputWeights > 0)
            {
                circuit.Weight(_inputWeights - 1);
            }

            if (_dataInputs > 0)
            {
                circuit.Input(_dataInputs - 1);
            }
        }

        return new QasmProgram(
            circuit,
            _version,
            _initialWeights.ToImmutableArray(),
            _inputs.ToImmutableArray(),
            _quantumRegisters.ToImmutableArray(),
            _classicalRegisters.ToImmutableArray(),
            _measurements.ToImmutableArray());
    }

    private void Execute(QasmStatement statement)
    {
        switch (statement)
        {
            case QasmInclude include:
                Include(include);
                break;
            case QasmRegisterDeclaration declaration:
                Declare(declaration);
                break;
            case QasmGateDeclaration declaration:
                DefineGate(declaration);
                break;
            case QasmGateCall call:
                Apply(call);
                break;
            case QasmBarrier barrier:
                // Barriers only constrain hardware compilers; the names must still exist.
                foreach (var a in barrier.Arguments)
                {
                    ResolveQuantum(a);
                }

                break;
            case QasmMeasure measure:
                Measure(measure);
                break;
            case QasmReset reset:
                Reset(reset);
                break;
            case QasmInputDeclaration input:
                DeclareInput(input);
                break;
            default:
                throw new InvalidOperationException($"The parser produced an unexpected statement {statement.GetType().Name}.");
        }
    }

    private void Include(QasmInclude include)
    {
        string library = LibraryFile;
        if (include.File != library)
        {
            string other = _version == QasmVersion.OpenQasm3 ? Qelib1.FileName : Stdgates.FileName;
            string hint = include.File == other
                ? $" (\"{other}\" belongs to OpenQASM {(_version == QasmVersion.OpenQasm3 ? "2.0" : "3")}; this program's header says {(_version == QasmVersion.OpenQasm3 ? "3" : "2.0")})"
                : " (it is built in; NegLR reads no include files)";
            throw QasmException.At(
                include.FilePosition, $"cannot include \"{include.File}\": only \"{library}\" is available{hint}");
        }

        if (_libraryIncluded)
        {
            return;
        }

        var gates = _version == QasmVersion.OpenQasm3 ? Stdgates.Gates : Qelib1.Gates;
        foreach (var gate in gates)
        {
            if (_gates.TryGetValue(gate.Name, out var existing))
            {
                throw QasmException.At(
                    include.FilePosition,
                    $"including \"{library}\" would redefine gate '{gate.Name}', already defined {existing.DescribeOrigin()}");
            }
        }

        foreach (var gate in gates)
        {
            _gates.Add(gate.Name, gate);
        }

        _libraryIncluded = true;
    }

    /// <summary>
    /// An OpenQASM 3 <c>input</c> becomes a NegLR variable: <c>x_k</c> (k a number) is data input k; any other name is the
    /// next trainable weight in declaration order (the names <see cref="OpenQasm.Export(Circuit, QasmVersion, IReadOnlyList{double}?, IReadOnlyList{double}?, QasmExportOptions?)"/>
    /// writes, <c>w_0, w_1, …</c> then <c>x_0, …</c>, so come back as the same weights and inputs).
    /// </summary>
    private void DeclareInput(QasmInputDeclaration input)
    {
        string name = input.Name.Text;
        if (_options.AnglesAsWeights)
        {
            throw QasmException.At(
                input.Position,
                $"input '{name}' cannot be imported with QasmImportOptions.AnglesAsWeights: the program's inputs are its parameters "
                + "already (import without AnglesAsWeights, or bind the inputs to numbers)");
        }

        if (_registers.TryGetValue(name, out var register))
        {
            throw QasmException.At(input.Name.Position, $"'{name}' is already declared as a register at {register.DeclaredAt}");
        }

        QasmValue value;
        if (QasmInput.TryParseDataInputIndex(name, out int index))
        {
            if (index >= QasmInput.MaxDataInputs)
            {
                throw QasmException.At(
                    input.Name.Position,
                    FormattableString.Invariant($"data input '{name}' has index {index}; NegLR imports data inputs x_0 to x_{QasmInput.MaxDataInputs - 1}"));
            }

            value = QasmValue.Variable(AngleSource.Input, index);
            _dataInputs = Math.Max(_dataInputs, index + 1);
        }
        else
        {
            value = QasmValue.Variable(AngleSource.Weight, _inputWeights++);
        }

        _inputNames.Add(name);
        _inputValues.Add(value);
        _inputs.Add(new QasmInput(name, value.Source, value.Index));
    }

    private void Declare(QasmRegisterDeclaration declaration)
    {
        string name = declaration.Name.Text;
        if (_registers.TryGetValue(name, out var existing))
        {
            throw QasmException.At(declaration.Name.Position, $"register '{name}' is already declared at {existing.DeclaredAt}");
        }

        if (_inputNames.Contains(name))
        {
            throw QasmException.At(declaration.Name.Position, $"'{name}' is already declared as an input");
        }

        if (declaration.Size < 1)
        {
            throw QasmException.At(
                declaration.SizePosition, $"register '{name}' must have at least 1 bit, but is declared with size {declaration.Size}");
        }

        QasmRegister register;
        if (declaration.IsQuantum)
        {
            long total = (long)_touchedAt.Count + declaration.Size;
            if (total > Circuit.MaxQubits)
            {
                throw QasmException.At(
                    declaration.SizePosition,
                    FormattableString.Invariant(
                        $"qreg '{name}' brings the program to {total} qubits, but NegLR simulates at most {Circuit.MaxQubits}"));
            }

            register = new QasmRegister(name, _touchedAt.Count, declaration.Size);
            _quantumRegisters.Add(register);
            for (int i = 0; i < declaration.Size; i++)
            {
                _touchedAt.Add(null);
                _measuredAt.Add(null);
            }
        }
        else
        {
            if ((long)_clbits + declaration.Size > int.MaxValue)
            {
                throw QasmException.At(declaration.SizePosition, $"creg '{name}' brings the program to more classical bits than fit in an int");
            }

            register = new QasmRegister(name, _clbits, declaration.Size);
            _classicalRegisters.Add(register);
            _clbits += declaration.Size;
        }

        _registers.Add(name, new Register(register, declaration.IsQuantum, declaration.Position));
    }

    private void Measure(QasmMeasure measure)
    {
        var qubits = ResolveQuantum(measure.Qubit);
        if (measure.Bit is null)
        {
            // OpenQASM 3's bare 'measure q;': the qubits are measured, the results kept nowhere.
            for (int k = 0; k < qubits.Size; k++)
            {
                _measuredAt[qubits.Offset + k] ??= measure.Position;
            }

            return;
        }

        var bits = Resolve(measure.Bit, quantum: false);
        if (qubits.IsWholeRegister != bits.IsWholeRegister)
        {
            throw QasmException.At(
                measure.Bit.Position,
                $"cannot measure '{measure.Qubit}' into '{measure.Bit}': measure a whole qreg into a whole creg, or one qubit into one bit");
        }

        if (qubits.Size != bits.Size)
        {
            throw QasmException.At(
                measure.Bit.Position,
                FormattableString.Invariant(
                    $"cannot measure '{measure.Qubit}' ({qubits.Size} qubits) into '{measure.Bit}' ({bits.Size} bits): the sizes differ"));
        }

        for (int k = 0; k < qubits.Size; k++)
        {
            int q = qubits.Offset + k;
            _measurements.Add(new QasmMeasurement(q, bits.Offset + k));
            _measuredAt[q] ??= measure.Position;
        }
    }

    private void Reset(QasmReset reset)
    {
        var qubits = ResolveQuantum(reset.Qubit);
        for (int k = 0; k < qubits.Size; k++)
        {
            int q = qubits.Offset + k;
            if ((_touchedAt[q] ?? _measuredAt[q]) is QasmPosition used)
            {
                throw QasmException.At(
                    reset.Qubit.Position,
                    $"reset of {DescribeQubit(q)} is not supported: it was already used at {used}; only a reset of a qubit "
                    + "nothing has acted on yet (a no-op on |0>) can be imported");
            }
        }
    }

    /// <summary>Finds register <paramref name="argument"/> names and checks its index; a whole register keeps its size.</summary>
    private Operand ResolveQuantum(QasmArgument argument) => Resolve(argument, quantum: true);

    private Operand Resolve(QasmArgument argument, bool quantum)
    {
        string name = argument.Register.Text;
        string kind = _version == QasmVersion.OpenQasm3
            ? (quantum ? "qubit register" : "bit register")
            : (quantum ? "quantum register (qreg)" : "classical register (creg)");
        if (!_registers.TryGetValue(name, out var register))
        {
            throw QasmException.At(argument.Position, $"unknown register '{name}': no {kind} with that name has been declared");
        }

        if (register.IsQuantum != quantum)
        {
            throw QasmException.At(
                argument.Position, $"'{name}' is a {(register.IsQuantum ? "quantum" : "classical")} register, but a {kind} is expected here");
        }

        var r = register.Layout;
        if (argument.Index is not int index)
        {
            return new Operand(r.Offset, r.Size, true);
        }

        if (index >= r.Size)
        {
            throw QasmException.At(
                argument.IndexPosition,
                FormattableString.Invariant($"index {index} is out of range for register '{name}' of size {r.Size} (valid: 0 to {r.Size - 1})"));
        }

        return new Operand(r.Offset + index, 1, false);
    }

    /// <summary>Text such as <c>q[2]</c> for circuit qubit <paramref name="qubit"/>.</summary>
    private string DescribeQubit(int qubit)
    {
        var r = _quantumRegisters.Last(r => r.Offset <= qubit);
        return FormattableString.Invariant($"{r.Name}[{qubit - r.Offset}]");
    }

    /// <summary>A declared register: its layout, its kind and where it was declared.</summary>
    private sealed record Register(QasmRegister Layout, bool IsQuantum, QasmPosition DeclaredAt);

    /// <summary>A resolved argument: flat bits Offset … Offset + Size − 1, and whether it named a whole register.</summary>
    private readonly record struct Operand(int Offset, int Size, bool IsWholeRegister);
}
