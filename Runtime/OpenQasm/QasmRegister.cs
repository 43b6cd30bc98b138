using System;

namespace NegLR;

/// <summary>
/// A declared register (<c>qreg</c> or <c>creg</c>) and where its bits sit in the flattened numbering: registers are laid
/// out in declaration order, so bit <c>i</c> of this register is flat bit <see cref="Offset"/> + <c>i</c>.
/// </summary>
public sealed class QasmRegister
{
    internal QasmRegister(string name, int offset, int size)
    {
        Name = name;
        Offset = offset;
        Size = size;
    }

    /// <summary>The register's name in the program.</summary>
    public string Name { get; }

    /// <summary>Flat index of the register's bit 0 (a circuit qubit for a <c>qreg</c>, a clbit for a <c>creg</c>).</summary>
    public int Offset { get; }

    /// <summary>Number of bits.</summary>
    public int Size { get; }

    /// <summary>Text such as <c>q[3] at 0</c>.</summary>
    public override string ToString() => FormattableString.Invariant($"{Name}[{Size}] at {Offset}");
}
