using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>One reason a <c>[Circuit]</c> body could not be read, with the source location an analyzer reports it at.</summary>
internal sealed class BodyProblem
{
    public BodyProblem(BodyProblemKind kind, string message, Location location)
        : this(kind, message, location, BodyProblemDetail.None)
    {
    }

    public BodyProblem(BodyProblemKind kind, string message, Location location, BodyProblemDetail detail)
    {
        Kind = kind;
        Message = message;
        Location = location;
        Detail = detail;
    }

    /// <summary>What went wrong.</summary>
    public BodyProblemKind Kind { get; }

    /// <summary>A finer reason within <see cref="Kind"/>, where the analyzers report it apart.</summary>
    public BodyProblemDetail Detail { get; }

    /// <summary>A sentence that names the problem and, where there is one, the fix.</summary>
    public string Message { get; }

    /// <summary>Where the problem is: the construct, argument, loop or call at fault.</summary>
    public Location Location { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Kind}: {Message}";
}
