using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// An OpenQASM 3 <c>input</c> declaration and the NegLR variable it became: <c>x_k</c> (k a number) is data input k,
/// any other name the next trainable weight in declaration order.
/// </summary>
public sealed class QasmInput
{
    /// <summary>Data inputs an import accepts (<c>x_0</c> to <c>x_65535</c>): a bound on what one name can allocate.</summary>
    internal const int MaxDataInputs = 65_536;

    internal QasmInput(string name, AngleSource source, int index)
    {
        Name = name;
        Source = source;
        Index = index;
    }

    /// <summary>The name in the program.</summary>
    public string Name { get; }

    /// <summary><see cref="AngleSource.Weight"/> or <see cref="AngleSource.Input"/>.</summary>
    public AngleSource Source { get; }

    /// <summary>The weight or data input index in <see cref="QasmProgram.Circuit"/>.</summary>
    public int Index { get; }

    /// <summary>Text such as <c>theta -> w[0]</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} -> {(Source == AngleSource.Weight ? "w" : "x")}[{Index}]");

    /// <summary>True for names <c>x_k</c> with k a decimal number without leading zeros (the exporter's data inputs).</summary>
    internal static bool TryParseDataInputIndex(string name, out int index)
    {
        index = -1;
        if (name.Length < 3 || !name.StartsWith("x_", StringComparison.Ordinal) || (name.Length > 3 && name[2] == '0'))
        {
            return false;
        }

        for (int i = 2; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]))
            {
                return false;
            }
        }

        if (!int.TryParse(name.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            index = int.MaxValue;
        }

        return true;
    }
}
