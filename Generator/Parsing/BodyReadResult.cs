using System.Collections.Immutable;

namespace NegLR.Generator.Parsing;

/// <summary>The circuit a <c>[Circuit]</c> body records at compile time, or the problems that stopped it.</summary>
internal sealed class BodyReadResult
{
    public BodyReadResult(Circuit? circuit, ImmutableArray<BodyProblem> problems)
    {
        // A partly recorded circuit is never handed out: the generator must not emit code for a body it did not fully read.
        Circuit = problems.IsDefaultOrEmpty ? circuit : null;
        Problems = problems.IsDefault ? ImmutableArray<BodyProblem>.Empty : problems;
    }

    /// <summary>The recorded circuit; <see langword="null"/> when there is any problem.</summary>
    public Circuit? Circuit { get; }

    /// <summary>Every problem found, in source order where the reader could keep going.</summary>
    public ImmutableArray<BodyProblem> Problems { get; }

    /// <summary>True when the body was read without problems.</summary>
    public bool Succeeded => Problems.IsEmpty;
}
