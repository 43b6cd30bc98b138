using System;

namespace NegLR;

/// <summary>One terminal measurement: circuit qubit <see cref="Qubit"/> is read into flat classical bit <see cref="Clbit"/>.</summary>
/// <remarks>Flat indices follow <see cref="QasmProgram.QuantumRegisters"/> and <see cref="QasmProgram.ClassicalRegisters"/>.</remarks>
public readonly struct QasmMeasurement : IEquatable<QasmMeasurement>
{
    /// <summary>Records that <paramref name="qubit"/> is measured into <paramref name="clbit"/>.</summary>
    public QasmMeasurement(int qubit, int clbit)
    {
        Qubit = qubit;
        Clbit = clbit;
    }

    /// <summary>The measured circuit qubit.</summary>
    public int Qubit { get; }

    /// <summary>The flat classical bit that receives the result.</summary>
    public int Clbit { get; }

    /// <inheritdoc/>
    public bool Equals(QasmMeasurement other) => Qubit == other.Qubit && Clbit == other.Clbit;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is QasmMeasurement m && Equals(m);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Qubit, Clbit);

    /// <summary>Value equality.</summary>
    public static bool operator ==(QasmMeasurement left, QasmMeasurement right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(QasmMeasurement left, QasmMeasurement right) => !left.Equals(right);

    /// <summary>Text such as <c>q2 -> c0</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"q{Qubit} -> c{Clbit}");
}
