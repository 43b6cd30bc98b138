using System;
using System.Collections.Generic;

namespace NegLR.Generator.Parsing;

/// <summary>
/// The public members the generator writes only on a noisy ansatz (noise attributes, a device profile, or channels in
/// the <c>[Circuit]</c> body): its density-matrix, shot and trajectory entry points. One list for both sides — the
/// generator stubs a noisy ansatz whose own member takes one of these names, and the analyzers report NLR0013 at that
/// member — so they cannot drift apart (the analyzers' tests check it against the generated code).
/// </summary>
internal static class NoisyGeneratedMembers
{
    private static readonly HashSet<string> Set = new(StringComparer.Ordinal)
    {
        "NoiseModel", "CreateNoisyCircuit", "NoisyRuntime", "FiniteDifferenceGradient", "PrepareDensityMatrix", "Probabilities",
        "EvaluateWithShotsMitigated", "EstimateWithTrajectories", "EstimateGradientWithTrajectories",
    };

    /// <summary>The names, for listing.</summary>
    public static IReadOnlyCollection<string> Names => Set;

    /// <summary>Whether the generator writes a member named <paramref name="name"/> only on noisy ansätze.</summary>
    public static bool Contains(string name) => Set.Contains(name);
}
