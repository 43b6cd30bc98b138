// Plain C# that builds for netstandard2.0 too (see JsonValue.cs).
using System;

namespace NegLR;

/// <summary>
/// A device profile that is not valid JSON or does not follow the profile schema. The message starts with the JSON
/// path of the offending value (e.g. <c>$.gates[3].error</c>) and ends with its line and column.
/// </summary>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed class DeviceProfileException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public DeviceProfileException(string message, string jsonPath, int line, int column)
        : base(message)
    {
        JsonPath = jsonPath;
        Line = line;
        Column = column;
    }

    /// <summary>The JSON path of the value at fault, e.g. <c>$.qubits[2].t2</c>.</summary>
    public string JsonPath { get; }

    /// <summary>1-based line of the value (or of the syntax error).</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }
}
