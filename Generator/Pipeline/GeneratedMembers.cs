using System;
using System.Collections.Generic;
using System.Linq;

namespace NegLR.Generator.Pipeline;

/// <summary>
/// What the generated part of an <c>[Ansatz]</c> type declares, so the generator emits nothing for a type whose own
/// members would collide with it (rather than code that cannot compile), and the language version that code needs.
/// Not linked into the analyzers: they keep their own list (<c>Analyzers/Declarations/GeneratedMembers.cs</c>, checked
/// against the generator's output by <c>GeneratedMembersTests</c>) and report the clash at the user's member.
/// </summary>
internal static class GeneratedMembers
{
    /// <summary>
    /// The generated code implements <c>IAnsatz</c>'s static abstract members, which needs C# 11 (<c>LanguageVersion</c>
    /// 1100); an older <c>LangVersion</c> gets no generated code, and the analyzers say why.
    /// </summary>
    public const int MinimumLanguageVersion = 1100;

    private const string Values = "System.ReadOnlySpan<double>";
    private const string State = "System.Span<System.Numerics.Complex>";
    private const string Gradient = "System.Span<double>";
    private const string Workspace = "NegLR.AnsatzWorkspace";

    /// <summary>Every generated public method overload, by name, as its parameter types (in the compiler's display form).</summary>
    public static readonly IReadOnlyDictionary<string, string[][]> Methods = new Dictionary<string, string[][]>(StringComparer.Ordinal)
    {
        ["CreateCircuit"] = new[] { Array.Empty<string>() },
        ["CreateWorkspace"] = new[] { Array.Empty<string>() },
        ["WeightsVisibleTo"] = new[] { new[] { "int" } },
        ["Prepare"] = new[] { new[] { Values, Values, State }, new[] { Values, Values, Workspace } },
        ["Evaluate"] = new[]
        {
            new[] { Values, Values, State }, new[] { Values, Values, State, "NegLR.PauliSum" },
            new[] { Values, Values, Workspace }, new[] { Values, Values, Workspace, "NegLR.PauliSum" },
        },
        ["EvaluateWithGradient"] = new[] { new[] { Values, Values, Gradient, State, State }, new[] { Values, Values, Gradient, Workspace } },
        ["ParameterShiftGradient"] = new[] { new[] { Values, Values, Gradient, State }, new[] { Values, Values, Gradient, Workspace } },
        ["EvaluateWithShots"] = new[] { new[] { Values, Values, State, "NegLR.ShotEstimator", "int", "NegLR.SeededRandom", "NegLR.ShotWorkspace" } },
    };

    /// <summary>Every generated public member that is not a method: constants and properties.</summary>
    public static readonly IReadOnlyCollection<string> Others = new HashSet<string>(StringComparer.Ordinal)
    {
        "Qubits", "WeightCount", "InputCount", "StateLength", "GateCount", "Depth", "StepCount", "EntanglingDepth", "DeadWeights",
    };

    /// <summary>Names the generator keeps for its private helpers: every member whose name starts with two underscores.</summary>
    public static bool IsReservedHelperName(string name) => name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Whether a member named <paramref name="name"/> could collide with generated code (its kind and parameters decide).</summary>
    public static bool MayClash(string name, IEnumerable<string> observableNames) =>
        IsReservedHelperName(name) || Others.Contains(name) || Methods.ContainsKey(name) || observableNames.Contains(name, StringComparer.Ordinal);

    /// <summary>
    /// Whether a user member would collide with generated code: <paramref name="parameterTypes"/> is null for anything
    /// but a method, else the method's parameter types as the compiler displays them (<c>System.Span&lt;double&gt;</c>);
    /// <paramref name="observableNames"/> are the ansatz's generated observable properties.
    /// </summary>
    public static bool Clashes(string name, IReadOnlyList<string>? parameterTypes, IEnumerable<string> observableNames)
    {
        if (IsReservedHelperName(name) || Others.Contains(name) || observableNames.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        if (!Methods.TryGetValue(name, out var overloads))
        {
            return false;
        }

        // A field, property or nested type named like a generated method collides; a method only with the same parameter types.
        return parameterTypes is null || overloads.Any(o => o.SequenceEqual(parameterTypes, StringComparer.Ordinal));
    }
}
