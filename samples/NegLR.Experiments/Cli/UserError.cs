using System;
using System.IO;
using System.Security;

namespace NegLR.Experiments.Cli;

/// <summary>
/// Maps the exceptions a user's mistake or a file-system condition can cause to one line for standard error (exit 1),
/// so no such mistake ends in a stack trace. Anything else is a bug and keeps its stack trace.
/// </summary>
internal static class UserError
{
    public static string? Describe(Exception e) => e switch
    {
        OutputFolderException or RunFileException or QasmException or InvalidDataException => e.Message,
        FileNotFoundException f => $"{f.Message}",
        DirectoryNotFoundException => e.Message,
        UnauthorizedAccessException => $"{e.Message} (a folder where a file is expected, or no permission).",
        PathTooLongException => e.Message,
        IOException => e.Message,
        InsufficientMemoryException or OutOfMemoryException => e.Message,
        SecurityException => e.Message,
        AggregateException a when a.InnerExceptions.Count == 1 && Describe(a.InnerExceptions[0]) is string inner => inner,
        _ => null,
    };
}

/// <summary>The output folder cannot be used as asked (not the runner's, locked by another runner, damaged).</summary>
internal sealed class OutputFolderException : Exception
{
    public OutputFolderException(string message)
        : base(message)
    {
    }

    public OutputFolderException()
    {
    }

    public OutputFolderException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>A run file cannot be trusted (not a run, another cell's run, failed its seal).</summary>
internal sealed class RunFileException : Exception
{
    public RunFileException(string message)
        : base(message)
    {
    }

    public RunFileException()
    {
    }

    public RunFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
