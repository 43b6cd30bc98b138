using System.Collections.Generic;

namespace NegLR;

// The statements the parser hands to the importer, one at a time. They carry positions for error messages and nothing
// is resolved yet: names of gates and registers are checked by the importer, in program order.

/// <summary>A name and where it is written.</summary>
internal readonly record struct QasmName(string Text, QasmPosition Position);

/// <summary>A quantum or classical argument: a whole register <c>q</c> or one bit <c>q[i]</c>.</summary>
internal sealed record QasmArgument(QasmName Register, int? Index, QasmPosition IndexPosition)
{
    public QasmPosition Position => Register.Position;

    public override string ToString() =>
        Index is int i ? Register.Text + "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" : Register.Text;
}

/// <summary>A statement, positioned at its first token.</summary>
internal abstract record QasmStatement(QasmPosition Position);

/// <summary><c>include "file";</c></summary>
internal sealed record QasmInclude(QasmPosition Position, string File, QasmPosition FilePosition) : QasmStatement(Position);

/// <summary><c>qreg name[size];</c> or <c>creg name[size];</c></summary>
internal sealed record QasmRegisterDeclaration(QasmPosition Position, bool IsQuantum, QasmName Name, int Size, QasmPosition SizePosition)
    : QasmStatement(Position);

/// <summary>
/// A gate application <c>name(params) args;</c>, at top level or in a gate body (where arguments are bare qubit names);
/// OpenQASM 3's <c>gphase(θ);</c> is one with no arguments.
/// </summary>
internal sealed record QasmGateCall(QasmName Gate, IReadOnlyList<QasmExpression> Parameters, IReadOnlyList<QasmArgument> Arguments)
    : QasmStatement(Gate.Position);

/// <summary><c>barrier args;</c>, accepted and ignored (OpenQASM 3 allows no arguments: every qubit).</summary>
internal sealed record QasmBarrier(QasmPosition Position, IReadOnlyList<QasmArgument> Arguments) : QasmStatement(Position);

/// <summary>
/// <c>measure qubit -> bit;</c>, or in OpenQASM 3 <c>bit = measure qubit;</c> and <c>measure qubit;</c> (then
/// <see cref="Bit"/> is null: the qubit is measured and the result dropped).
/// </summary>
internal sealed record QasmMeasure(QasmPosition Position, QasmArgument Qubit, QasmArgument? Bit) : QasmStatement(Position);

/// <summary>
/// OpenQASM 3 <c>input float[64] name;</c> or <c>input angle[32] name;</c>: a circuit parameter. <see cref="Index"/>
/// counts input declarations in program order (what <see cref="QasmInputExpression"/> refers to).
/// </summary>
internal sealed record QasmInputDeclaration(QasmPosition Position, QasmName Name, int Index) : QasmStatement(Position);

/// <summary><c>reset qubit;</c></summary>
internal sealed record QasmReset(QasmPosition Position, QasmArgument Qubit) : QasmStatement(Position);

/// <summary>
/// <c>gate name(params) qubits { body }</c>, or <c>opaque name(params) qubits;</c> (then <see cref="Body"/> is null).
/// Body statements are <see cref="QasmGateCall"/> and <see cref="QasmBarrier"/>.
/// </summary>
internal sealed record QasmGateDeclaration(
    QasmPosition Position,
    QasmName Name,
    IReadOnlyList<QasmName> Parameters,
    IReadOnlyList<QasmName> Qubits,
    IReadOnlyList<QasmStatement>? Body) : QasmStatement(Position);
