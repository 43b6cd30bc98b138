using System;

namespace NegLR;

/// <summary>
/// Thrown by <see cref="PauliSum.Parse(string)"/> for malformed text. It is a <see cref="FormatException"/>, so code that
/// already catches number-format errors catches this too; <see cref="Position"/> points at the offending character.
/// </summary>
public sealed class PauliParseException : FormatException
{
    /// <summary>Creates the exception for a parse error.</summary>
    public PauliParseException(PauliParseError error)
        : base("Invalid Pauli sum " + (error ?? throw new ArgumentNullException(nameof(error))).Message + ".")
    {
        Error = error;
    }

    /// <summary>Creates the exception with a message only (position 0), for serializers and tooling.</summary>
    public PauliParseException()
        : this(new PauliParseError(0, "the text is not a Pauli sum"))
    {
    }

    /// <summary>Creates the exception with a description at position 0.</summary>
    public PauliParseException(string message)
        : this(new PauliParseError(0, message))
    {
    }

    /// <summary>Creates the exception with a description at position 0 and an inner exception.</summary>
    public PauliParseException(string message, Exception innerException)
        : base("Invalid Pauli sum " + new PauliParseError(0, message).Message + ".", innerException)
    {
        Error = new PauliParseError(0, message);
    }

    /// <summary>The structured error: position and description.</summary>
    public PauliParseError Error { get; }

    /// <summary>0-based index of the character where reading failed.</summary>
    public int Position => Error.Position;
}
