namespace NegLR.Generator.Parsing;

/// <summary>
/// A finer reason within a <see cref="BodyProblemKind"/>, for the analyzers, which report these facts under their own
/// diagnostic IDs. The kind stays what it always was, so code that reads only the kind sees no change.
/// </summary>
internal enum BodyProblemDetail
{
    /// <summary>Nothing finer than the kind.</summary>
    None,

    /// <summary>A gate names a qubit outside 0 to n − 1 (an <see cref="BodyProblemKind.InvalidGateArgument"/>).</summary>
    QubitOutOfRange,

    /// <summary>A gate names the same qubit twice (an <see cref="BodyProblemKind.InvalidGateArgument"/>).</summary>
    RepeatedQubit,

    /// <summary>A weight or input index is negative (an <see cref="BodyProblemKind.InvalidGateArgument"/>).</summary>
    NegativeIndex,

    /// <summary>The method has compiler errors, so the compiler already reports the cause (an <see cref="BodyProblemKind.UnsupportedConstruct"/>).</summary>
    DoesNotCompile,
}
