using System.Collections.Generic;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

/// <summary>A public member of a generated optimizer, as a struct handle forwards it and a stub throws from it.</summary>
/// <param name="Doc">Its XML doc line.</param>
/// <param name="Type">The return or property type.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Parameters">The parameter list, or null for a property.</param>
/// <param name="Arguments">The forwarding call's arguments.</param>
internal sealed record OptimizerMember(string Doc, string Type, string Name, string? Parameters, string Arguments);

/// <summary>The public surface of generated optimizers, listed once for the struct handle and the stub.</summary>
internal static class OptimizerMembers
{
    private const string Inherit = "/// <inheritdoc/>";
    private const string Span = "global::System.Span<double>";
    private const string ReadOnlySpan = "global::System.ReadOnlySpan<double>";

    private static readonly OptimizerMember Name = new(Inherit, "string", "Name", null, "");
    private static readonly OptimizerMember ParameterCount = new(Inherit, "int", "ParameterCount", null, "");
    private static readonly OptimizerMember StepCount = new(Inherit, "long", "StepCount", null, "");
    private static readonly OptimizerMember MaxTrials = new(Inherit, "int", "MaxTrialEvaluationsPerStep", null, "");
    private static readonly OptimizerMember Step = new(Inherit, "global::NegLR.OptimizerStep", "Step",
        $"{Span} parameters, {ReadOnlySpan} gradient, double loss, global::NegLR.ITrialEvaluator? trial", "parameters, gradient, loss, trial");
    private static readonly OptimizerMember Reset = new(Inherit, "void", "Reset", "", "");
    private static readonly OptimizerMember SaveState = new(Inherit, "void", "SaveState", "global::NegLR.CheckpointWriter writer", "writer");
    private static readonly OptimizerMember RestoreState = new(Inherit, "void", "RestoreState", "global::NegLR.CheckpointReader reader", "reader");

    /// <summary>IGradientOptimizer's members.</summary>
    public static readonly IReadOnlyList<OptimizerMember> Gradient = new[]
    {
        Name, ParameterCount, StepCount, MaxTrials,
        new OptimizerMember(Inherit, "global::NegLR.LearningRateSchedule", "Schedule", null, ""),
        new OptimizerMember(Inherit, "double", "LearningRate", "long step", "step"),
        new OptimizerMember(Inherit, "void", "ComputeDirection", $"{ReadOnlySpan} gradient, {Span} direction, bool advance = true", "gradient, direction, advance"),
        new OptimizerMember(Inherit, "void", "Step", $"{Span} parameters, {ReadOnlySpan} gradient", "parameters, gradient"),
        Step, Reset, SaveState, RestoreState,
    };

    /// <summary>The members of an NLR optimizer beyond <see cref="Common"/>: NegativeLearningRate's extras and IKeepsBest.</summary>
    public static readonly IReadOnlyList<OptimizerMember> NlrExtras = new[]
    {
        new OptimizerMember("/// <summary>η⁺_t, the base optimizer's scheduled rate at step <paramref name=\"step\"/>.</summary>", "double", "PositiveRate", "long step", "step"),
        new OptimizerMember("/// <summary>η⁻_t, the ascent rate at step <paramref name=\"step\"/>.</summary>", "double", "NegativeRate", "long step", "step"),
        new OptimizerMember("/// <summary>Phase of the last step (null before the first).</summary>", "global::NegLR.NlrPhase?", "LastPhase", null, ""),
        new OptimizerMember("/// <summary>Ascent steps in a row up to now.</summary>", "int", "ConsecutiveAscents", null, ""),
        new OptimizerMember(Inherit, "bool", "KeepsBest", null, ""),
        new OptimizerMember(Inherit, "double", "BestLoss", null, ""),
        new OptimizerMember("/// <summary>Whether <see cref=\"BestParameters\"/> holds parameters.</summary>", "bool", "HasBest", null, ""),
        new OptimizerMember("/// <summary>The parameters at which <see cref=\"BestLoss\"/> was seen (valid when <see cref=\"HasBest\"/>).</summary>",
            ReadOnlySpan, "BestParameters", null, ""),
        new OptimizerMember(Inherit, "bool", "TryCopyBest", $"{Span} destination", "destination"),
    };

    /// <summary>IOptimizer's members.</summary>
    public static readonly IReadOnlyList<OptimizerMember> Common = new[] { Name, ParameterCount, StepCount, MaxTrials, Step, Reset, SaveState, RestoreState };

    /// <summary>A backtracking line search's extra member.</summary>
    private static readonly OptimizerMember Rejections =
        new("/// <summary>Steps rejected so far (no trial met the Armijo condition).</summary>", "long", "Rejections", null, "");

    /// <summary>The declared initialization (a stub has it too, so code written against a valid declaration compiles).</summary>
    private static readonly OptimizerMember Initialization =
        new("/// <summary>The declared initialization strategy.</summary>", "global::NegLR.IWeightInitializer", "Initialization", null, "");

    /// <summary>The members a generated optimizer with <paramref name="settings"/> exposes (and a struct handle forwards).</summary>
    public static IEnumerable<OptimizerMember> For(OptimizerSettings settings)
    {
        if (settings.Nlr is not null)
        {
            var list = new List<OptimizerMember>(Common);
            list.InsertRange(4, NlrExtras);
            return list;
        }

        if (settings.Backtracking is not null)
        {
            var list = new List<OptimizerMember>(Common);
            list.Insert(4, Rejections);
            return list;
        }

        return Gradient;
    }

    /// <summary>Everything any kind exposes, for a stub: code written against a valid declaration still compiles.</summary>
    public static IEnumerable<OptimizerMember> Union()
    {
        var list = new List<OptimizerMember>(Gradient);
        list.InsertRange(list.Count - 4, NlrExtras);
        list.Insert(list.Count - 4, Rejections);
        list.Insert(list.Count - 4, Initialization);
        return list;
    }

    /// <summary>The member's declaration up to <c>=&gt;</c>, e.g. <c>public double LearningRate(long step)</c>.</summary>
    public static string Declaration(OptimizerMember m, string modifiers) =>
        modifiers + m.Type + " " + m.Name + (m.Parameters is null ? "" : "(" + m.Parameters + ")");

    /// <summary>
    /// Whether an [Ansatz] part of the same type declares a member of this name: the ansatz's <c>const int StepCount</c>
    /// (simulation steps) meets IOptimizer's <c>long StepCount</c>. On such a type the optimizer's member is implemented
    /// explicitly (<see cref="ExplicitDeclaration"/>), so both parts compile and the interface still sees it.
    /// </summary>
    public static bool ClashesWithAnsatz(OptimizerMember m) => m.Name == StepCount.Name;

    /// <summary>An explicit IOptimizer implementation of a clashing member, e.g. <c>long global::NegLR.IOptimizer.StepCount</c>.</summary>
    public static string ExplicitDeclaration(OptimizerMember m, string modifiers) =>
        modifiers + m.Type + " global::NegLR.IOptimizer." + m.Name + (m.Parameters is null ? "" : "(" + m.Parameters + ")");
}
