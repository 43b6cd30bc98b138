using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NegLR.Analyzers.Declarations;

/// <summary>
/// What the generator adds to an <c>[Ansatz]</c> type and what that code needs from the consumer's compilation: the
/// names a user member must not take (else CS0102 inside the generated file) and the C# version it is written in.
/// <c>GeneratedMembersTests</c> runs the generator and checks both against what it actually emits, so a generator
/// change that adds a member or a language feature fails a test here instead of a user's build.
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>
    /// The oldest C# the generated code compiles with: it implements <c>IAnsatz</c>, whose members are static abstract,
    /// so its explicit implementations are <c>static</c> interface members (C# 11).
    /// </summary>
    public const LanguageVersion RequiredLanguageVersion = LanguageVersion.CSharp11;

    /// <summary>The end of every generated ansatz file's name (hint name + this).</summary>
    public const string FileSuffix = ".Ansatz.g.cs";

    /// <summary>The prefix of the generator's private helpers (<c>__Forward</c>, <c>__Shift</c>, …): reserved as a whole.</summary>
    public const string HelperPrefix = "__";

    /// <summary>The public members every generated ansatz has (besides <c>IAnsatz</c>'s own, read from the interface).</summary>
    public static ImmutableHashSet<string> PublicNames { get; } = ImmutableHashSet.Create(StringComparer.Ordinal,
        "Qubits", "WeightCount", "InputCount", "StateLength", "GateCount", "Depth", "StepCount", "EntanglingDepth",
        "Cost", "CreateCircuit", "Prepare", "Evaluate", "EvaluateWithGradient", "ParameterShiftGradient", "EvaluateWithShots",
        "DeadWeights", "WeightsVisibleTo", "CreateWorkspace");

    /// <summary>What the generator uses a noisy-only name for, or null when <paramref name="name"/> is not one.</summary>
    public static string? NoisyUse(string name) =>
        NegLR.Generator.Parsing.NoisyGeneratedMembers.Contains(name)
            ? "one of the density-matrix and trajectory members the NegLR generator adds to a noisy ansatz"
            : null;

    /// <summary>The property the generator adds for each <c>[Observable]</c> after the first: Observable1, Observable2, ….</summary>
    private const string ObservablePrefix = "Observable";

    /// <summary>True when <paramref name="tree"/> is one of the generator's ansatz files.</summary>
    public static bool IsGenerated(SyntaxTree? tree) =>
        tree is not null && tree.FilePath.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What the generator uses <paramref name="name"/> for on an ansatz with <paramref name="observables"/> observables, or
    /// null when it is free.
    /// </summary>
    public static string? Use(string name, int observables, ImmutableHashSet<string> interfaceNames)
    {
        if (PublicNames.Contains(name) || interfaceNames.Contains(name))
        {
            return "one of the members the NegLR generator adds to every ansatz";
        }

        if (name.StartsWith(HelperPrefix, StringComparison.Ordinal))
        {
            return $"in the '{HelperPrefix}' prefix the NegLR generator keeps for its private helpers";
        }

        if (name.Length > ObservablePrefix.Length && name.StartsWith(ObservablePrefix, StringComparison.Ordinal)
            && int.TryParse(name.Substring(ObservablePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && k >= 1 && k < observables && name == ObservablePrefix + k.ToString(CultureInfo.InvariantCulture))
        {
            return $"the property the NegLR generator adds for the ansatz's observable number {(k + 1).ToString(CultureInfo.InvariantCulture)}";
        }

        return null;
    }

    /// <summary>"C# 11", "C# 7.3": as the compiler names versions.</summary>
    public static string Display(LanguageVersion version) => "C# " + version.ToDisplayString();
}
