using System;
using System.IO;

namespace NegLR;

/// <summary>
/// A checkpoint or saved optimizer state could not be read: the file is truncated, corrupt, from another format
/// version, or was written by a different optimizer or training setup. Never silently ignored: resuming from a bad
/// checkpoint fails with this error instead of starting over.
/// </summary>
public sealed class CheckpointException : IOException
{
    /// <summary>Creates the error.</summary>
    public CheckpointException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public CheckpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error with no message (prefer the other constructors).</summary>
    public CheckpointException()
        : base("The checkpoint could not be read.")
    {
    }
}
