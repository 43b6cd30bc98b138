using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

/// <summary>What kind of type carries an optimizer declaration.</summary>
internal enum OptimizerTypeShape
{
    /// <summary>A class or record class: the optimizer's state lives in its fields.</summary>
    Class,

    /// <summary>A struct or record struct: a handle to a nested state class, so copies share one optimizer.</summary>
    Struct,

    /// <summary>A static class: cannot be an optimizer instance.</summary>
    StaticClass,

    /// <summary>A ref struct: cannot be stored by the trainer or boxed to the interface.</summary>
    RefStruct,
}

/// <summary>
/// One optimizer attribute as written on a type: its short name (<c>Adam</c>, <c>NegativeLearningRate</c>,
/// <c>StepSchedule</c>, …), its position among the type's attributes, and the named arguments written (values as the
/// compiler folded them: <see cref="double"/>, <see cref="int"/>, <see cref="bool"/>, <see cref="ulong"/>, an enum's
/// <see cref="int"/>, or null for a value that is not a constant).
/// </summary>
internal sealed class DeclaredAttribute
{
    public DeclaredAttribute(string name, int index, IReadOnlyList<KeyValuePair<string, object?>> namedArguments)
    {
        Name = name;
        Index = index;
        NamedArguments = namedArguments;
    }

    /// <summary>The attribute's name without the <c>Attribute</c> suffix, as in <see cref="OptimizerAttributes"/>.</summary>
    public string Name { get; }

    /// <summary>Its index in the type's attribute list (<c>INamedTypeSymbol.GetAttributes()</c>), to find its syntax again.</summary>
    public int Index { get; }

    /// <summary>The named arguments written, in source order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> NamedArguments { get; }

    /// <summary>Whether <paramref name="argument"/> was written; <paramref name="value"/> is its constant (null if none).</summary>
    public bool TryGet(string argument, out object? value)
    {
        foreach (var pair in NamedArguments)
        {
            if (pair.Key == argument)
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }
}

/// <summary>
/// One thing wrong with an optimizer declaration: the attribute it belongs to (short name, e.g. <c>NegativeLearningRate</c>,
/// and its <see cref="DeclaredAttribute.Index"/> among the type's attributes, so duplicates are told apart), the named
/// argument at fault (null when it is the attribute as a whole, or an argument that was not written), and a message that
/// names the fix, and the <see cref="ScheduleProblemKind"/> of rule it breaks. The generator puts the messages in its stub;
/// the analyzers (NLR05xx) report them at the argument, with an ID per kind.
/// </summary>
internal sealed record ScheduleProblem(string Attribute, int AttributeIndex, string? Argument, string Message, ScheduleProblemKind Kind);

/// <summary>The optimizer attributes the generator reads, by short name and metadata name.</summary>
internal static class OptimizerAttributes
{
    public const string Sgd = nameof(Sgd);
    public const string Momentum = nameof(Momentum);
    public const string Nesterov = nameof(Nesterov);
    public const string Adagrad = nameof(Adagrad);
    public const string RmsProp = nameof(RmsProp);
    public const string Adam = nameof(Adam);
    public const string NegativeLearningRate = nameof(NegativeLearningRate);
    public const string StepSchedule = nameof(StepSchedule);
    public const string ExponentialSchedule = nameof(ExponentialSchedule);
    public const string CosineSchedule = nameof(CosineSchedule);
    public const string LinearWarmup = nameof(LinearWarmup);
    public const string Backtracking = nameof(Backtracking);
    public const string UniformInitialization = nameof(UniformInitialization);
    public const string GaussianInitialization = nameof(GaussianInitialization);
    public const string IdentityBlockInitialization = nameof(IdentityBlockInitialization);

    /// <summary>Every short name, base optimizers first.</summary>
    public static readonly ImmutableArray<string> All = ImmutableArray.Create(
        Sgd, Momentum, Nesterov, Adagrad, RmsProp, Adam, NegativeLearningRate, StepSchedule, ExponentialSchedule, CosineSchedule, LinearWarmup,
        Backtracking, UniformInitialization, GaussianInitialization, IdentityBlockInitialization);

    /// <summary>The attribute class's metadata name, e.g. <c>NegLR.AdamAttribute</c>.</summary>
    public static string MetadataName(string name) => "NegLR." + name + "Attribute";

    /// <summary>The short name of an attribute class's full name, or null when it is not an optimizer attribute.</summary>
    public static string? ShortName(string? fullName)
    {
        if (fullName is null || !fullName.StartsWith("NegLR.", StringComparison.Ordinal) || !fullName.EndsWith("Attribute", StringComparison.Ordinal))
        {
            return null;
        }

        string name = fullName.Substring(6, fullName.Length - 6 - 9);
        return All.Contains(name) ? name : null;
    }

    public static bool IsBase(string name) => name is Sgd or Momentum or Nesterov or Adagrad or RmsProp or Adam;

    /// <summary>A schedule that replaces the constant rate (at most one per type).</summary>
    public static bool IsMainSchedule(string name) => name is StepSchedule or ExponentialSchedule or CosineSchedule;

    /// <summary>An initialization strategy (at most one per type).</summary>
    public static bool IsInitialization(string name) => name is UniformInitialization or GaussianInitialization or IdentityBlockInitialization;

    /// <summary>
    /// The attribute whose generated file a type's declaration goes to: the first base optimizer, else the first
    /// [NegativeLearningRate], else the first other optimizer attribute (schedule, control, initialization). Exactly one per
    /// type, so each type gets one file even when several attributes (or invalid duplicates) match.
    /// </summary>
    public static DeclaredAttribute? Owner(IReadOnlyList<DeclaredAttribute> attributes)
    {
        DeclaredAttribute? nlr = null, schedule = null;
        foreach (var a in attributes)
        {
            if (IsBase(a.Name))
            {
                return a;
            }

            if (a.Name == NegativeLearningRate)
            {
                nlr ??= a;
            }
            else
            {
                schedule ??= a;
            }
        }

        return nlr ?? schedule;
    }
}

/// <summary>
/// The rules of optimizer declarations, in one place for the generator (which turns problems into a stub that throws)
/// and the analyzers (which report them): structure (one base optimizer, NLR and schedules only with one, one schedule),
/// value ranges mirroring the runtime constructors, and the rules a declared schedule adds on top — every ascent run
/// bounded, a Periodic negative phase no longer than its positive one, a warm-up shorter than a declared run.
/// Pure: no Roslyn types, no I/O.
/// </summary>
/// <remarks>
/// Use: build the <see cref="DeclaredAttribute"/> list (OptimizerAttributeReader.Read does it from a symbol), then call
/// <see cref="ValidateType"/> and <see cref="Validate"/>. Each problem names its attribute and argument.
/// </remarks>
internal static class ScheduleValidation
{
    private const string BaseList = "[Adam], [Sgd], [Momentum], [Nesterov], [Adagrad] or [RmsProp]";

    /// <summary>Problems of the type itself (shape and partial modifiers); the attribute is the owning one.</summary>
    /// <param name="typeName">The type's name for messages.</param>
    /// <param name="owner">The attribute that owns the declaration (<see cref="OptimizerAttributes.Owner"/>).</param>
    /// <param name="shape">What kind of type it is.</param>
    /// <param name="isPartialEverywhere">Whether it and every containing type are declared partial.</param>
    public static ImmutableArray<ScheduleProblem> ValidateType(string typeName, DeclaredAttribute owner, OptimizerTypeShape shape, bool isPartialEverywhere)
    {
        var problems = ImmutableArray.CreateBuilder<ScheduleProblem>();
        if (!isPartialEverywhere)
        {
            problems.Add(new(owner.Name, owner.Index, null, $"{typeName} (and every type containing it) must be declared partial, so the generator can add the optimizer's members.", ScheduleProblemKind.NotPartial));
        }

        if (shape == OptimizerTypeShape.StaticClass)
        {
            problems.Add(new(owner.Name, owner.Index, null, $"{typeName} is a static class, but an optimizer is an object with state; remove 'static'.", ScheduleProblemKind.UnsupportedType));
        }
        else if (shape == OptimizerTypeShape.RefStruct)
        {
            problems.Add(new(owner.Name, owner.Index, null, $"{typeName} is a ref struct, which the trainer cannot hold as an IOptimizer; declare a partial class or struct.", ScheduleProblemKind.UnsupportedType));
        }

        return problems.ToImmutable();
    }

    /// <summary>
    /// Validates the optimizer attributes of one type and, when there is no problem, resolves them into
    /// <paramref name="settings"/> with every default applied (<see cref="OptimizerDefaults"/>).
    /// </summary>
    /// <param name="typeName">The type's name for messages.</param>
    /// <param name="attributes">The type's optimizer attributes in declaration order.</param>
    /// <param name="settings">The resolved settings, or null when any problem was found.</param>
    /// <returns>Every problem found, in declaration order of the attributes.</returns>
    public static ImmutableArray<ScheduleProblem> Validate(string typeName, IReadOnlyList<DeclaredAttribute> attributes, out OptimizerSettings? settings)
    {
        var problems = new List<ScheduleProblem>();
        settings = null;
        DeclaredAttribute? baseAttribute = null, nlr = null, schedule = null, warmup = null, backtracking = null, initialization = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in attributes)
        {
            if (!seen.Add(a.Name))
            {
                problems.Add(new(a.Name, a.Index, null, $"[{a.Name}] is declared more than once on {typeName}; keep one.", ScheduleProblemKind.ConflictingAttributes));
                continue;
            }

            if (OptimizerAttributes.IsBase(a.Name))
            {
                if (baseAttribute is null)
                {
                    baseAttribute = a;
                }
                else
                {
                    problems.Add(new(a.Name, a.Index, null,
                        $"{typeName} declares two base optimizers, [{baseAttribute.Name}] and [{a.Name}]; keep one (and add [NegativeLearningRate] to wrap it in NLR).", ScheduleProblemKind.ConflictingAttributes));
                }
            }
            else if (a.Name == OptimizerAttributes.NegativeLearningRate)
            {
                nlr = a;
            }
            else if (a.Name == OptimizerAttributes.LinearWarmup)
            {
                warmup = a;
            }
            else if (a.Name == OptimizerAttributes.Backtracking)
            {
                backtracking = a;
            }
            else if (OptimizerAttributes.IsInitialization(a.Name))
            {
                if (initialization is null)
                {
                    initialization = a;
                }
                else
                {
                    problems.Add(new(a.Name, a.Index, null,
                        $"{typeName} declares two initializations, [{initialization.Name}] and [{a.Name}]; keep one.", ScheduleProblemKind.InvalidInitialization));
                }
            }
            else if (schedule is null)
            {
                schedule = a;
            }
            else
            {
                problems.Add(new(a.Name, a.Index, null,
                    $"{typeName} declares two schedules, [{schedule.Name}] and [{a.Name}]; keep one ([LinearWarmup] can go in front of it).", ScheduleProblemKind.ConflictingAttributes));
            }
        }

        if (baseAttribute is null)
        {
            if (nlr is not null)
            {
                problems.Add(new(nlr.Name, nlr.Index, null,
                    $"[NegativeLearningRate] on {typeName} has no base optimizer to wrap; add one of {BaseList}.", ScheduleProblemKind.MissingBaseOptimizer));
            }

            foreach (var s in new[] { warmup, schedule })
            {
                if (s is not null)
                {
                    problems.Add(new(s.Name, s.Index, null,
                        $"[{s.Name}] on {typeName} schedules the learning rate of a base optimizer, but {typeName} declares none; add one of {BaseList}.", ScheduleProblemKind.MissingBaseOptimizer));
                }
            }

            if (backtracking is not null)
            {
                problems.Add(new(backtracking.Name, backtracking.Index, null,
                    $"[Backtracking] on {typeName} searches along a base optimizer's direction, but {typeName} declares none; add one of {BaseList}.", ScheduleProblemKind.MissingBaseOptimizer));
            }

            if (initialization is not null)
            {
                problems.Add(new(initialization.Name, initialization.Index, null,
                    $"[{initialization.Name}] on {typeName} says how training with its optimizer starts, but {typeName} declares no optimizer; add one of {BaseList}.", ScheduleProblemKind.MissingBaseOptimizer));
            }

            return problems.ToImmutableArray();
        }

        if (backtracking is not null && nlr is not null)
        {
            problems.Add(new(backtracking.Name, backtracking.Index, null,
                $"{typeName} declares two step rules, [NegativeLearningRate] and [Backtracking]; an optimizer takes one (declare two types to compare them).", ScheduleProblemKind.ConflictingStepRules));
        }

        var reader = new Reader(problems);
        var baseSettings = reader.ReadBase(baseAttribute);
        var scheduleSettings = reader.ReadSchedule(schedule, warmup, baseSettings.LearningRate);
        var nlrSettings = nlr is null ? null : reader.ReadNlr(nlr);
        var backtrackingSettings = backtracking is null ? null : reader.ReadBacktracking(backtracking);
        var initializationSettings = initialization is null ? null : reader.ReadInitialization(initialization);
        if (problems.Count == 0)
        {
            settings = new OptimizerSettings(baseSettings, scheduleSettings, nlrSettings, backtrackingSettings, initializationSettings);
        }

        return problems.ToImmutableArray();
    }

    /// <summary>Reads arguments with their defaults, adding a problem for every value out of range.</summary>
    private sealed class Reader
    {
        private readonly List<ScheduleProblem> _problems;

        public Reader(List<ScheduleProblem> problems) => _problems = problems;

        public BaseOptimizerSettings ReadBase(DeclaredAttribute a)
        {
            double rate = Positive(a, "LearningRate", OptimizerDefaults.LearningRate, "the learning rate η", "0.01", ScheduleProblemKind.InvalidRate);
            double momentum = OptimizerDefaults.Momentum, alpha = OptimizerDefaults.RmsPropAlpha;
            double beta1 = OptimizerDefaults.AdamBeta1, beta2 = OptimizerDefaults.AdamBeta2, epsilon = 0;
            bool amsGrad = OptimizerDefaults.AdamAmsGrad;
            BaseOptimizerKind kind;
            switch (a.Name)
            {
                case OptimizerAttributes.Sgd:
                    kind = BaseOptimizerKind.Sgd;
                    break;
                case OptimizerAttributes.Momentum:
                case OptimizerAttributes.Nesterov:
                    kind = a.Name == OptimizerAttributes.Momentum ? BaseOptimizerKind.Momentum : BaseOptimizerKind.Nesterov;
                    momentum = UnitInterval(a, "Momentum", OptimizerDefaults.Momentum, "the momentum μ", "0.9");
                    break;
                case OptimizerAttributes.Adagrad:
                    kind = BaseOptimizerKind.Adagrad;
                    epsilon = Positive(a, "Epsilon", OptimizerDefaults.AdagradEpsilon, "ε", "1e-10", ScheduleProblemKind.ValueOutOfRange);
                    break;
                case OptimizerAttributes.RmsProp:
                    kind = BaseOptimizerKind.RmsProp;
                    alpha = UnitInterval(a, "Alpha", OptimizerDefaults.RmsPropAlpha, "the decay α", "0.99");
                    epsilon = Positive(a, "Epsilon", OptimizerDefaults.RmsPropEpsilon, "ε", "1e-8", ScheduleProblemKind.ValueOutOfRange);
                    break;
                default:
                    kind = BaseOptimizerKind.Adam;
                    beta1 = UnitInterval(a, "Beta1", OptimizerDefaults.AdamBeta1, "β₁", "0.9");
                    beta2 = UnitInterval(a, "Beta2", OptimizerDefaults.AdamBeta2, "β₂", "0.999");
                    epsilon = Positive(a, "Epsilon", OptimizerDefaults.AdamEpsilon, "ε", "1e-8", ScheduleProblemKind.ValueOutOfRange);
                    amsGrad = Flag(a, "AmsGrad", OptimizerDefaults.AdamAmsGrad);
                    break;
            }

            return new BaseOptimizerSettings(kind, rate, momentum, alpha, beta1, beta2, epsilon, amsGrad);
        }

        public ScheduleSettings ReadSchedule(DeclaredAttribute? schedule, DeclaredAttribute? warmup, double rate)
        {
            var kind = ScheduleKind.Constant;
            int stepSize = 0, totalSteps = 0, warmupSteps = 0;
            double gamma = OptimizerDefaults.StepScheduleGamma, minimum = OptimizerDefaults.CosineMinimumRate, startFactor = OptimizerDefaults.WarmupStartFactor;
            switch (schedule?.Name)
            {
                case OptimizerAttributes.StepSchedule:
                    kind = ScheduleKind.Step;
                    stepSize = RequiredCount(schedule, "StepSize", "the steps between drops", "[StepSchedule(StepSize = 30)]");
                    gamma = Factor(schedule, "Gamma", OptimizerDefaults.StepScheduleGamma, required: false, "the factor per drop γ", "0.1");
                    break;
                case OptimizerAttributes.ExponentialSchedule:
                    kind = ScheduleKind.Exponential;
                    gamma = Factor(schedule, "Gamma", double.NaN, required: true, "the factor per step γ", "0.99");
                    break;
                case OptimizerAttributes.CosineSchedule:
                    kind = ScheduleKind.Cosine;
                    totalSteps = RequiredCount(schedule, "TotalSteps", "the annealing length T in steps", "[CosineSchedule(TotalSteps = 200)]");
                    minimum = Number(schedule, "MinimumRate", OptimizerDefaults.CosineMinimumRate);
                    if (!(minimum >= 0 && minimum <= rate))
                    {
                        Add(schedule, "MinimumRate", $"MinimumRate = {Format(minimum)}: η_min must lie in [0, LearningRate] = [0, {Format(rate)}].", ScheduleProblemKind.InvalidRate);
                        minimum = OptimizerDefaults.CosineMinimumRate;
                    }

                    break;
            }

            if (warmup is not null)
            {
                warmupSteps = RequiredCount(warmup, "WarmupSteps", "the warm-up length W in steps", "[LinearWarmup(WarmupSteps = 10)]");
                startFactor = Factor(warmup, "StartFactor", OptimizerDefaults.WarmupStartFactor, required: false,
                    "the start factor f (a factor of 0 would make the first step do nothing)", "1/3");
                if (warmup.TryGet("TotalSteps", out _))
                {
                    int run = Count(warmup, "TotalSteps", 0);
                    if (run < 1)
                    {
                        Add(warmup, "TotalSteps", $"TotalSteps = {run}: the declared run length must be at least 1 step (or leave it out).", ScheduleProblemKind.InvalidStepCount);
                    }
                    else if (warmupSteps >= run)
                    {
                        Add(warmup, "WarmupSteps",
                            $"WarmupSteps = {warmupSteps}: the warm-up is not shorter than the declared run (TotalSteps = {run}), so the learning rate {Format(rate)} would never be reached; shorten the warm-up or lengthen the run.", ScheduleProblemKind.WarmupTooLong);
                    }
                }
            }

            return new ScheduleSettings(kind, rate, stepSize, kind is ScheduleKind.Step or ScheduleKind.Exponential ? gamma : OptimizerDefaults.StepScheduleGamma,
                totalSteps, minimum, warmupSteps, warmupSteps > 0 ? startFactor : OptimizerDefaults.WarmupStartFactor);
        }

        public NlrSettings ReadNlr(DeclaredAttribute a)
        {
            var policy = OptimizerDefaults.Policy;
            if (a.TryGet("Policy", out object? p))
            {
                if (p is int value && value >= (int)NlrPolicy.Lookahead && value <= (int)NlrPolicy.Stochastic)
                {
                    policy = (NlrPolicy)value;
                }
                else
                {
                    Add(a, "Policy", $"Policy = {Format(p)} is not an NlrPolicy; use Lookahead, Reactive, Plateau, Periodic or Stochastic.", ScheduleProblemKind.ValueOutOfRange);
                }
            }

            // NaN is the attribute's "not set".
            double rate = Number(a, "NegativeRate", double.NaN);
            double ratio = Number(a, "NegativeRatio", double.NaN);
            if (!double.IsNaN(rate) && !(rate > 0 && !double.IsInfinity(rate)))
            {
                Add(a, "NegativeRate", $"NegativeRate = {Format(rate)}: the ascent rate η⁻ must be a positive finite number (e.g. 0.02).", ScheduleProblemKind.InvalidRate);
            }

            if (!double.IsNaN(ratio) && !(ratio > 0 && !double.IsInfinity(ratio)))
            {
                Add(a, "NegativeRatio", $"NegativeRatio = {Format(ratio)}: η⁻/η⁺ must be a positive finite number (e.g. 0.25).", ScheduleProblemKind.InvalidRate);
            }

            if (!double.IsNaN(rate) && !double.IsNaN(ratio))
            {
                Add(a, "NegativeRatio", "NegativeRatio is set together with NegativeRate; keep one: NegativeRate for a fixed η⁻, NegativeRatio for η⁻ = ratio·η⁺.", ScheduleProblemKind.InapplicableArgument);
            }

            int phaseLength = AtLeast(a, "PhaseLength", OptimizerDefaults.PhaseLength, 1, "the phase length K");
            int cap = Count(a, "MaxAscentSteps", OptimizerDefaults.MaxAscentSteps);
            if (cap < 1)
            {
                Add(a, "MaxAscentSteps",
                    $"MaxAscentSteps = {cap} would leave ascent runs unbounded; a declared NLR optimizer caps them at 1 or more consecutive steps (default 1).", ScheduleProblemKind.UnboundedAscent);
            }
            else if (cap == int.MaxValue)
            {
                Add(a, "MaxAscentSteps",
                    $"MaxAscentSteps = {cap} means no cap, so a run of ascent steps could go on forever; give a finite cap (e.g. 3).", ScheduleProblemKind.UnboundedAscent);
            }

            int cooldown = AtLeast(a, "Cooldown", OptimizerDefaults.Cooldown, 0, "the cooldown C");
            bool updateBase = Flag(a, "UpdateBaseStateDuringAscent", OptimizerDefaults.UpdateBaseStateDuringAscent);
            bool keepBest = Flag(a, "KeepBest", OptimizerDefaults.KeepBest);

            double tolerance = Number(a, "Tolerance", OptimizerDefaults.Tolerance);
            if (!(tolerance >= 0) || double.IsInfinity(tolerance))
            {
                Add(a, "Tolerance", $"Tolerance = {Format(tolerance)}: the tolerance must be 0 or a positive finite loss difference.", ScheduleProblemKind.ValueOutOfRange);
            }

            double threshold = Positive(a, "Threshold", OptimizerDefaults.PlateauThreshold, "the gradient-norm threshold τ", "1e-3", ScheduleProblemKind.ValueOutOfRange);
            int window = AtLeast(a, "Window", OptimizerDefaults.PlateauWindow, 1, "the window W");
            double decay = UnitInterval(a, "Decay", OptimizerDefaults.PlateauDecay, "the EMA decay β", "0.9");
            int positiveSteps = AtLeast(a, "PositiveSteps", OptimizerDefaults.PeriodicPositiveSteps, 1, "the positive steps P per period");
            int negativeSteps = AtLeast(a, "NegativeSteps", OptimizerDefaults.PeriodicNegativeSteps, 1, "the negative steps N per period");
            double probability = Number(a, "Probability", OptimizerDefaults.StochasticProbability);
            if (!(probability >= 0 && probability <= 1))
            {
                Add(a, "Probability", $"Probability = {Format(probability)}: p must lie in [0, 1] (e.g. 0.1).", ScheduleProblemKind.ValueOutOfRange);
            }

            ulong seed = OptimizerDefaults.StochasticSeed;
            if (a.TryGet("Seed", out object? s))
            {
                if (s is ulong value)
                {
                    seed = value;
                }
                else
                {
                    Add(a, "Seed", "Seed must be a constant unsigned 64-bit number.", ScheduleProblemKind.NotConstant);
                }
            }

            double standardErrors = Number(a, "ToleranceStandardErrors", 0);
            if (!(standardErrors >= 0) || double.IsInfinity(standardErrors))
            {
                Add(a, "ToleranceStandardErrors",
                    $"ToleranceStandardErrors = {Format(standardErrors)}: z must be 0 or a positive finite number of standard errors (the measured shot-mode value is {Format(OptimizerDefaults.LookaheadStandardErrors)}).", ScheduleProblemKind.ValueOutOfRange);
                standardErrors = 0;
            }

            var response = NlrResponseKind.Ascend;
            if (a.TryGet("Response", out object? r))
            {
                if (r is int value && value >= (int)NlrResponseKind.Ascend && value <= (int)NlrResponseKind.Noise)
                {
                    response = (NlrResponseKind)value;
                }
                else
                {
                    Add(a, "Response", $"Response = {Format(r)} is not an NlrResponse; use Ascend, Reject or Noise.", ScheduleProblemKind.ValueOutOfRange);
                }
            }

            ulong noiseSeed = OptimizerDefaults.NoiseSeed;
            if (a.TryGet("NoiseSeed", out object? ns))
            {
                if (ns is ulong value)
                {
                    noiseSeed = value;
                }
                else
                {
                    Add(a, "NoiseSeed", "NoiseSeed must be a constant unsigned 64-bit number.", ScheduleProblemKind.NotConstant);
                }

                if (response != NlrResponseKind.Noise)
                {
                    Add(a, "NoiseSeed", "NoiseSeed seeds the noise control's kicks, but Response is not NlrResponse.Noise; set Response = NlrResponse.Noise or remove NoiseSeed.",
                        ScheduleProblemKind.InapplicableArgument);
                }
            }

            // Knobs of other policies: almost always a forgotten Policy = ….
            RequirePolicy(a, policy, "ToleranceStandardErrors", NlrPolicy.Lookahead);
            RequirePolicy(a, policy, "Tolerance", NlrPolicy.Lookahead, NlrPolicy.Reactive);
            RequirePolicy(a, policy, "Threshold", NlrPolicy.Plateau);
            RequirePolicy(a, policy, "Window", NlrPolicy.Plateau);
            RequirePolicy(a, policy, "Decay", NlrPolicy.Plateau);
            RequirePolicy(a, policy, "PositiveSteps", NlrPolicy.Periodic);
            RequirePolicy(a, policy, "NegativeSteps", NlrPolicy.Periodic);
            RequirePolicy(a, policy, "Probability", NlrPolicy.Stochastic);
            RequirePolicy(a, policy, "Seed", NlrPolicy.Stochastic);
            if (policy == NlrPolicy.Periodic && a.TryGet("PhaseLength", out _))
            {
                Add(a, "PhaseLength", "PhaseLength is not used by the Periodic policy (NegativeSteps is its phase length); remove it.", ScheduleProblemKind.InapplicableArgument);
            }

            if (policy == NlrPolicy.Periodic && positiveSteps >= 1 && negativeSteps >= 1)
            {
                if (negativeSteps > positiveSteps)
                {
                    Add(a, "NegativeSteps",
                        $"NegativeSteps = {negativeSteps}: under Periodic the negative phase must not be longer than the positive one (PositiveSteps = {positiveSteps}).", ScheduleProblemKind.NegativePhaseTooLong);
                }
                else if (cap >= 1 && negativeSteps > cap)
                {
                    Add(a, "NegativeSteps",
                        $"NegativeSteps = {negativeSteps} exceeds MaxAscentSteps = {cap}: the cap would cut every negative phase to {cap} step(s); set MaxAscentSteps = {negativeSteps} or more.", ScheduleProblemKind.PeriodicPhaseCut);
                }

                if (cooldown > positiveSteps)
                {
                    Add(a, "Cooldown",
                        $"Cooldown = {cooldown} exceeds PositiveSteps = {positiveSteps}: the cooldown after each negative phase would swallow the next one; use a cooldown of at most {positiveSteps}.", ScheduleProblemKind.PeriodicPhaseCut);
                }
            }

            return new NlrSettings(policy, rate, double.IsNaN(rate) ? (double.IsNaN(ratio) ? OptimizerDefaults.NegativeRatio : ratio) : double.NaN,
                phaseLength, cap, cooldown, updateBase, keepBest,
                policy is NlrPolicy.Lookahead or NlrPolicy.Reactive ? tolerance : OptimizerDefaults.Tolerance,
                policy == NlrPolicy.Plateau ? threshold : OptimizerDefaults.PlateauThreshold,
                policy == NlrPolicy.Plateau ? window : OptimizerDefaults.PlateauWindow,
                policy == NlrPolicy.Plateau ? decay : OptimizerDefaults.PlateauDecay,
                policy == NlrPolicy.Periodic ? positiveSteps : OptimizerDefaults.PeriodicPositiveSteps,
                policy == NlrPolicy.Periodic ? negativeSteps : OptimizerDefaults.PeriodicNegativeSteps,
                policy == NlrPolicy.Stochastic ? probability : OptimizerDefaults.StochasticProbability,
                policy == NlrPolicy.Stochastic ? seed : OptimizerDefaults.StochasticSeed,
                response,
                response == NlrResponseKind.Noise ? noiseSeed : OptimizerDefaults.NoiseSeed,
                policy == NlrPolicy.Lookahead ? standardErrors : 0);
        }

        public BacktrackingSettings ReadBacktracking(DeclaredAttribute a)
        {
            double c = Number(a, "SufficientDecrease", OptimizerDefaults.SufficientDecrease);
            if (!(c > 0 && c < 1))
            {
                Add(a, "SufficientDecrease", $"SufficientDecrease = {Format(c)}: the Armijo constant c must lie in (0, 1) (e.g. 1e-4).", ScheduleProblemKind.ValueOutOfRange);
                c = OptimizerDefaults.SufficientDecrease;
            }

            int halvings = Count(a, "MaxHalvings", OptimizerDefaults.MaxHalvings);
            if (halvings is < 0 or > 60)
            {
                Add(a, "MaxHalvings", $"MaxHalvings = {halvings}: the halvings after the first trial must be 0 to 60 (each is one more trial; 4 is the default).",
                    ScheduleProblemKind.InvalidStepCount);
                halvings = OptimizerDefaults.MaxHalvings;
            }

            double z = Number(a, "ToleranceStandardErrors", 0);
            if (!(z >= 0) || double.IsInfinity(z))
            {
                Add(a, "ToleranceStandardErrors", $"ToleranceStandardErrors = {Format(z)}: z must be 0 or a positive finite number of standard errors.",
                    ScheduleProblemKind.ValueOutOfRange);
                z = 0;
            }

            return new BacktrackingSettings(c, halvings, z);
        }

        public InitializationSettings ReadInitialization(DeclaredAttribute a)
        {
            switch (a.Name)
            {
                case OptimizerAttributes.UniformInitialization:
                {
                    double low = Number(a, "Low", 0), high = Number(a, "High", 2 * Math.PI);
                    if (double.IsNaN(low) || double.IsInfinity(low) || double.IsNaN(high) || double.IsInfinity(high) || !(high > low))
                    {
                        Add(a, a.TryGet("High", out _) ? "High" : "Low",
                            $"the interval [Low, High) = [{Format(low)}, {Format(high)}) must be finite with High > Low (e.g. [0, 2π)).", ScheduleProblemKind.InvalidInitialization);
                    }

                    return new InitializationSettings(InitializationKind.Uniform, low, high, 0, 0, 0, 0);
                }

                case OptimizerAttributes.GaussianInitialization:
                {
                    double variance = Number(a, "Variance", double.NaN);
                    int layers = Count(a, "Layers", 0), locality = Count(a, "Locality", 0);
                    bool hasVariance = !double.IsNaN(variance), hasDepth = a.TryGet("Layers", out _) || a.TryGet("Locality", out _);
                    if (hasVariance && hasDepth)
                    {
                        Add(a, "Variance", "Variance is set together with Layers/Locality; give either σ² or the depth L and locality S it is computed from (σ² = 1/(4S(L + 2))).",
                            ScheduleProblemKind.InvalidInitialization);
                    }
                    else if (hasVariance && !(variance > 0 && !double.IsInfinity(variance)))
                    {
                        Add(a, "Variance", $"Variance = {Format(variance)}: σ² must be a positive finite number.", ScheduleProblemKind.InvalidInitialization);
                    }
                    else if (!hasVariance && !hasDepth)
                    {
                        Add(a, null, "needs Variance, or Layers and Locality, e.g. [GaussianInitialization(Layers = 8, Locality = 2)] for σ² = 1/(4S(L + 2)).",
                            ScheduleProblemKind.InvalidInitialization);
                    }
                    else if (hasDepth && (layers < 1 || locality < 1))
                    {
                        Add(a, layers < 1 ? "Layers" : "Locality",
                            $"Layers = {layers} and Locality = {locality}: both the depth L and the observable's locality S must be at least 1.", ScheduleProblemKind.InvalidInitialization);
                    }

                    return new InitializationSettings(InitializationKind.Gaussian, 0, 0, hasVariance ? variance : 0, hasDepth ? layers : 0, hasDepth ? locality : 0, 0);
                }

                default:
                {
                    int blocks = Count(a, "Blocks", 1);
                    if (blocks < 1)
                    {
                        Add(a, "Blocks", $"Blocks = {blocks}: give at least one identity block.", ScheduleProblemKind.InvalidInitialization);
                    }

                    return new InitializationSettings(InitializationKind.IdentityBlocks, 0, 0, 0, 0, 0, blocks);
                }
            }
        }

        private void RequirePolicy(DeclaredAttribute a, NlrPolicy policy, string argument, params NlrPolicy[] owners)
        {
            if (!a.TryGet(argument, out _) || Array.IndexOf(owners, policy) >= 0)
            {
                return;
            }

            string names = owners.Length == 1 ? owners[0] + " policy" : owners[0] + " and " + owners[1] + " policies";
            Add(a, argument, $"{argument} applies to the {names} only, but Policy is {policy}; set Policy = NlrPolicy.{owners[0]} or remove {argument}.",
                ScheduleProblemKind.InapplicableArgument);
        }

        private double Positive(DeclaredAttribute a, string argument, double fallback, string what, string example, ScheduleProblemKind kind)
        {
            double value = Number(a, argument, fallback);
            if (value > 0 && !double.IsInfinity(value))
            {
                return value;
            }

            Add(a, argument, $"{argument} = {Format(value)}: {what} must be a positive finite number (e.g. {example}).", kind);
            return fallback;
        }

        private double UnitInterval(DeclaredAttribute a, string argument, double fallback, string what, string example)
        {
            double value = Number(a, argument, fallback);
            if (value >= 0 && value < 1)
            {
                return value;
            }

            Add(a, argument, $"{argument} = {Format(value)}: {what} must lie in [0, 1) (e.g. {example}).", ScheduleProblemKind.ValueOutOfRange);
            return fallback;
        }

        private double Factor(DeclaredAttribute a, string argument, double fallback, bool required, string what, string example)
        {
            if (required && !a.TryGet(argument, out _))
            {
                Add(a, argument, $"needs {argument}, {what} in (0, 1], e.g. [{a.Name}({argument} = {example})].", ScheduleProblemKind.ValueOutOfRange);
                return 1;
            }

            double value = Number(a, argument, fallback);
            if (value > 0 && value <= 1)
            {
                return value;
            }

            Add(a, argument, $"{argument} = {Format(value)}: {what} must lie in (0, 1] (e.g. {example}).", ScheduleProblemKind.ValueOutOfRange);
            return 1;
        }

        private int RequiredCount(DeclaredAttribute a, string argument, string what, string example)
        {
            if (!a.TryGet(argument, out _))
            {
                Add(a, argument, $"needs {argument}, {what} (at least 1), e.g. {example}.", ScheduleProblemKind.InvalidStepCount);
                return 1;
            }

            return AtLeast(a, argument, 1, 1, what);
        }

        private int AtLeast(DeclaredAttribute a, string argument, int fallback, int minimum, string what)
        {
            int value = Count(a, argument, fallback);
            if (value >= minimum)
            {
                return value;
            }

            Add(a, argument, $"{argument} = {value}: {what} must be {(minimum == 0 ? "0 or more" : "at least " + minimum.ToString(CultureInfo.InvariantCulture))}.",
                ScheduleProblemKind.InvalidStepCount);
            return fallback;
        }

        private double Number(DeclaredAttribute a, string argument, double fallback)
        {
            if (!a.TryGet(argument, out object? value))
            {
                return fallback;
            }

            switch (value)
            {
                case double d:
                    return d;
                case int i:
                    return i;
                case float f:
                    return f;
                default:
                    Add(a, argument, $"{argument} must be a constant number.", ScheduleProblemKind.NotConstant);
                    return fallback;
            }
        }

        private int Count(DeclaredAttribute a, string argument, int fallback)
        {
            if (!a.TryGet(argument, out object? value))
            {
                return fallback;
            }

            if (value is int i)
            {
                return i;
            }

            Add(a, argument, $"{argument} must be a constant whole number.", ScheduleProblemKind.NotConstant);
            return fallback;
        }

        private bool Flag(DeclaredAttribute a, string argument, bool fallback)
        {
            if (!a.TryGet(argument, out object? value))
            {
                return fallback;
            }

            if (value is bool b)
            {
                return b;
            }

            Add(a, argument, $"{argument} must be true or false.", ScheduleProblemKind.NotConstant);
            return fallback;
        }

        private void Add(DeclaredAttribute a, string? argument, string message, ScheduleProblemKind kind) =>
            _problems.Add(new ScheduleProblem(a.Name, a.Index, argument, $"[{a.Name}] {message}", kind));
    }

    /// <summary>A value as C# would print it under the invariant culture, round-trip for doubles.</summary>
    private static string Format(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => "(not a constant)",
        _ => value.ToString() ?? "",
    };
}
