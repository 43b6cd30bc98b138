using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NegLR.Generator.Parsing;

/// <summary>The circuit a <c>[Circuit]</c> body records at compile time, or the problems that stopped it.</summary>
internal sealed class BodyReadResult
{
    public BodyReadResult(Circuit? circuit, ImmutableArray<BodyProblem> problems)
        : this(circuit, problems, default, default)
    {
    }

    public BodyReadResult(Circuit? circuit, ImmutableArray<BodyProblem> problems, ImmutableArray<Location> gateSites,
        ImmutableArray<Location?> weightSites, int steps = 0, int recordedGates = 0)
    {
        Steps = steps;
        RecordedGates = recordedGates;

        // A partly recorded circuit is never handed out: the generator must not emit code for a body it did not fully read.
        Circuit = problems.IsDefaultOrEmpty ? circuit : null;
        Problems = problems.IsDefault ? ImmutableArray<BodyProblem>.Empty : problems;
        GateSites = Circuit is null || gateSites.IsDefault ? ImmutableArray<Location>.Empty : gateSites;
        WeightSites = Circuit is null || weightSites.IsDefault ? ImmutableArray<Location?>.Empty : weightSites;
    }

    /// <summary>The recorded circuit; <see langword="null"/> when there is any problem.</summary>
    public Circuit? Circuit { get; }

    /// <summary>Every problem found, in source order where the reader could keep going.</summary>
    public ImmutableArray<BodyProblem> Problems { get; }

    /// <summary>
    /// For each gate of <see cref="Circuit"/>, the call that recorded it (a gate method, or the template call that
    /// recorded a whole block), from the method name to the closing parenthesis; empty when there is no circuit.
    /// </summary>
    public ImmutableArray<Location> GateSites { get; }

    /// <summary>
    /// For each weight index, the <c>Weight()</c> or <c>Weight(k)</c> call that first named it, or null when the
    /// weight came from a template or was skipped over by <c>Weight(k)</c>; empty when there is no circuit.
    /// </summary>
    public ImmutableArray<Location?> WeightSites { get; }

    /// <summary>
    /// The steps the run of the body took (evaluated operations, loop iterations, array elements, gates a property
    /// scanned): never more than the step budget, which is what bounds the reader's work on any body.
    /// </summary>
    public int Steps { get; }

    /// <summary>The gates the circuit held when the run ended (also when it stopped with a problem); 0 when it did not run.</summary>
    public int RecordedGates { get; }

    /// <summary>True when the body was read without problems.</summary>
    public bool Succeeded => Problems.IsEmpty;
}
