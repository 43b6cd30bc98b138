using System;

namespace NegLR;

/// <summary>How <see cref="OpenQasm"/> writes a circuit as OpenQASM.</summary>
public sealed class QasmExportOptions
{
    private readonly string _qubitRegister = "q";
    private readonly string _classicalRegister = "c";

    /// <summary>The defaults: register <c>q</c>, no measurements.</summary>
    public static QasmExportOptions Default { get; } = new();

    /// <summary>Name of the quantum register (default <c>q</c>): circuit qubit k is <c>q[k]</c>.</summary>
    /// <exception cref="ArgumentException">The name is not an ASCII identifier.</exception>
    public string QubitRegister
    {
        get => _qubitRegister;
        init => _qubitRegister = RequireIdentifier(value, nameof(QubitRegister));
    }

    /// <summary>Name of the classical register that <see cref="MeasureAll"/> writes (default <c>c</c>).</summary>
    /// <exception cref="ArgumentException">The name is not an ASCII identifier.</exception>
    public string ClassicalRegister
    {
        get => _classicalRegister;
        init => _classicalRegister = RequireIdentifier(value, nameof(ClassicalRegister));
    }

    /// <summary>
    /// When true, the program ends by measuring every qubit in the computational basis into a classical register of the
    /// same size (bit k holds qubit k), as hardware runs need. A cost other than Z strings needs basis rotations before
    /// this measurement, which the circuit must contain. Default false: the program is the circuit alone.
    /// </summary>
    public bool MeasureAll { get; init; }

    private static string RequireIdentifier(string value, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        bool valid = value.Length > 0 && (char.IsAsciiLetter(value[0]) || value[0] == '_');
        foreach (char c in value)
        {
            valid &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (!valid)
        {
            throw new ArgumentException(
                $"A register name must be an ASCII identifier (a letter or '_', then letters, digits or '_'), but got \"{value}\".", name);
        }

        return value;
    }
}
