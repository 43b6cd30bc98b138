using System.Collections.Generic;
using System.Globalization;
using NegLR.Generator.Emit;
using NegLR.Generator.Optimizers.Model;

namespace NegLR.Generator.Optimizers;

/// <summary>
/// Human-readable text about a declaration, all invariant-culture: the type's XML doc and the runtime expression the
/// generated optimizer equals bit for bit.
/// </summary>
internal static class OptimizerDescription
{
    private static string D(double value) => Literals.Double(value);

    private static string I(int value) => Literals.Int(value);

    public static void WriteTypeDoc(CodeWriter w, OptimizerSettings s)
    {
        string rule = s.Nlr is not null ? "; " + Literals.Xml(Nlr(s.Nlr)) : s.Backtracking is not null ? "; " + Literals.Xml(Backtracking(s.Backtracking)) : "";
        string start = s.Initialization is not null ? "; starts from " + Literals.Xml(Initialization(s.Initialization)) : "";
        w.Line("/// <summary>");
        w.Line("/// " + Literals.Xml(s.RuntimeName) + " specialised by the NegLR generator: " + Literals.Xml(Base(s.Base)) + "; " +
               Literals.Xml(Schedule(s.Schedule)) + rule + start + ".");
        w.Line("/// Every hyperparameter is folded into the code; a step makes no virtual call and allocates nothing.");
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        w.Line("/// Steps, rates and saved state are bit for bit those of the runtime object");
        w.Line("/// <code>");
        foreach (string line in RuntimeEquivalent(s))
        {
            w.Line("/// " + Literals.Xml(line));
        }

        w.Line("/// </code>");
        w.Line("/// with <c>n</c> the parameter count, so a checkpoint written by one restores into the other.");
        w.Line("/// </remarks>");
    }

    /// <summary>One line per piece: e.g. <c>Adam (η = 0.05, β₁ = 0.9, β₂ = 0.999, ε = 1E-08)</c>.</summary>
    public static string Base(BaseOptimizerSettings b) => b.Kind switch
    {
        BaseOptimizerKind.Sgd => $"SGD (η = {D(b.LearningRate)})",
        BaseOptimizerKind.Momentum => $"Momentum (η = {D(b.LearningRate)}, μ = {D(b.Momentum)})",
        BaseOptimizerKind.Nesterov => $"Nesterov (η = {D(b.LearningRate)}, μ = {D(b.Momentum)})",
        BaseOptimizerKind.Adagrad => $"Adagrad (η = {D(b.LearningRate)}, ε = {D(b.Epsilon)})",
        BaseOptimizerKind.RmsProp => $"RMSProp (η = {D(b.LearningRate)}, α = {D(b.Alpha)}, ε = {D(b.Epsilon)})",
        _ => $"{b.RuntimeName} (η = {D(b.LearningRate)}, β₁ = {D(b.Beta1)}, β₂ = {D(b.Beta2)}, ε = {D(b.Epsilon)})",
    };

    public static string Schedule(ScheduleSettings s)
    {
        string main = s.Kind switch
        {
            ScheduleKind.Step => $"η × {D(s.Gamma)} every {I(s.StepSize)} steps",
            ScheduleKind.Exponential => $"η × {D(s.Gamma)} per step",
            ScheduleKind.Cosine => $"cosine annealing to {D(s.MinimumRate)} over {I(s.TotalSteps)} steps",
            _ => "constant η",
        };
        return s.HasWarmup ? $"linear warm-up over {I(s.WarmupSteps)} steps from ×{D(s.WarmupStartFactor)}, then {main}" : main;
    }

    public static string Nlr(NlrSettings n)
    {
        string negative = n.HasFixedNegativeRate ? "η⁻ = " + D(n.NegativeRate) : "η⁻ = " + D(n.NegativeRatio) + "·η⁺";
        string policy = n.Policy switch
        {
            NlrPolicy.Lookahead => $"Lookahead (tolerance {D(n.Tolerance)}, K = {I(n.PhaseLength)})",
            NlrPolicy.Reactive => $"Reactive (tolerance {D(n.Tolerance)}, K = {I(n.PhaseLength)})",
            NlrPolicy.Plateau => $"Plateau (τ = {D(n.Threshold)}, W = {I(n.Window)}, β = {D(n.Decay)}, K = {I(n.PhaseLength)})",
            NlrPolicy.Periodic => $"Periodic (P = {I(n.PositiveSteps)}, N = {I(n.NegativeSteps)})",
            _ => $"Stochastic (p = {D(n.Probability)}, seed {n.Seed.ToString(CultureInfo.InvariantCulture)}, K = {I(n.PhaseLength)})",
        };
        string what = n.Response switch
        {
            NlrResponseKind.Reject => "reject control (a step marked for ascent is skipped)",
            NlrResponseKind.Noise => $"noise control (a step marked for ascent is a Gaussian kick of its length, seed {n.NoiseSeed.ToString(CultureInfo.InvariantCulture)})",
            _ => "negative learning rate",
        };
        string shotAware = n.StandardErrors > 0 ? $", {D(n.StandardErrors)} standard errors of slack" : "";
        return $"{what}, {policy}{shotAware}, {negative}, at most {I(n.MaxAscentSteps)} ascent(s) in a row, cooldown {I(n.Cooldown)}, " +
               $"base state {(n.UpdateBaseStateDuringAscent ? "updated" : "frozen")} during ascent{(n.KeepBest ? ", keep-best" : "")}";
    }

    public static string Backtracking(BacktrackingSettings b) =>
        $"Armijo backtracking (c = {D(b.SufficientDecrease)}, at most {I(b.MaxHalvings)} halvings{(b.StandardErrors > 0 ? $", {D(b.StandardErrors)} standard errors of slack" : "")})";

    public static string Initialization(InitializationSettings s) => s.Kind switch
    {
        InitializationKind.Uniform => $"uniform weights in [{D(s.Low)}, {D(s.High)})",
        InitializationKind.Gaussian => s.Layers > 0
            ? $"Gaussian weights with σ² = 1/(4S(L + 2)), L = {I(s.Layers)}, S = {I(s.Locality)}"
            : $"Gaussian weights with σ² = {D(s.Variance)}",
        _ => $"identity blocks ({I(s.Blocks)} equal blocks)",
    };

    /// <summary>The runtime initializer the declaration equals, e.g. <c>global::NegLR.GaussianInitialization.ForDepth(8, 2)</c>.</summary>
    public static string InitializationExpression(InitializationSettings s) => s.Kind switch
    {
        InitializationKind.Uniform => $"new global::NegLR.UniformInitialization({D(s.Low)}, {D(s.High)})",
        InitializationKind.Gaussian => s.Layers > 0
            ? $"global::NegLR.GaussianInitialization.ForDepth({I(s.Layers)}, {I(s.Locality)})"
            : $"new global::NegLR.GaussianInitialization({D(s.Variance)})",
        _ => $"global::NegLR.IdentityBlockInitialization.Equal({I(s.Blocks)})",
    };

    /// <summary>The runtime construction this optimizer equals, as C# lines.</summary>
    public static List<string> RuntimeEquivalent(OptimizerSettings s)
    {
        string gradient = BaseExpression(s.Base, ScheduleExpression(s.Schedule, qualified: false));
        if (s.Backtracking is { } b)
        {
            return new List<string> { $"new Backtracking({gradient}, {D(b.SufficientDecrease)}, {I(b.MaxHalvings)}, {D(b.StandardErrors)})" };
        }

        if (s.Nlr is not { } n)
        {
            return new List<string> { gradient };
        }

        return new List<string>
        {
            "new NegativeLearningRate(",
            "    " + gradient + ",",
            "    " + PolicyExpression(n) + ",",
            "    " + OptionsExpression(n) + ")",
        };
    }

    /// <summary>A <c>LearningRateSchedule</c> construction, e.g. <c>new CosineSchedule(0.05, 100, 0.0)</c>.</summary>
    public static string ScheduleExpression(ScheduleSettings s, bool qualified)
    {
        string ns = qualified ? "global::NegLR." : "";
        string main = s.Kind switch
        {
            ScheduleKind.Step => $"new {ns}StepSchedule({D(s.InitialRate)}, {I(s.StepSize)}, {D(s.Gamma)})",
            ScheduleKind.Exponential => $"new {ns}ExponentialSchedule({D(s.InitialRate)}, {D(s.Gamma)})",
            ScheduleKind.Cosine => $"new {ns}CosineSchedule({D(s.InitialRate)}, {I(s.TotalSteps)}, {D(s.MinimumRate)})",
            _ => $"new {ns}ConstantSchedule({D(s.InitialRate)})",
        };
        return s.HasWarmup ? $"new {ns}LinearWarmupSchedule({main}, {I(s.WarmupSteps)}, {D(s.WarmupStartFactor)})" : main;
    }

    private static string BaseExpression(BaseOptimizerSettings b, string schedule) => b.Kind switch
    {
        BaseOptimizerKind.Sgd => $"new GradientDescent(n, {schedule})",
        BaseOptimizerKind.Momentum => $"new Momentum(n, {schedule}, {D(b.Momentum)})",
        BaseOptimizerKind.Nesterov => $"new Nesterov(n, {schedule}, {D(b.Momentum)})",
        BaseOptimizerKind.Adagrad => $"new Adagrad(n, {schedule}, {D(b.Epsilon)})",
        BaseOptimizerKind.RmsProp => $"new RmsProp(n, {schedule}, {D(b.Alpha)}, {D(b.Epsilon)})",
        _ => $"new Adam(n, {schedule}, {D(b.Beta1)}, {D(b.Beta2)}, {D(b.Epsilon)}, {(b.AmsGrad ? "true" : "false")})",
    };

    private static string PolicyExpression(NlrSettings n) => n.Policy switch
    {
        NlrPolicy.Lookahead => n.StandardErrors > 0 ? $"new LookaheadPolicy({D(n.Tolerance)}, {D(n.StandardErrors)})" : $"new LookaheadPolicy({D(n.Tolerance)})",
        NlrPolicy.Reactive => $"new ReactivePolicy({D(n.Tolerance)})",
        NlrPolicy.Plateau => $"new PlateauPolicy({D(n.Threshold)}, {I(n.Window)}, {D(n.Decay)})",
        NlrPolicy.Periodic => $"new PeriodicPolicy({I(n.PositiveSteps)}, {I(n.NegativeSteps)})",
        _ => $"new StochasticPolicy({D(n.Probability)}, {n.Seed.ToString(CultureInfo.InvariantCulture)}UL)",
    };

    private static string OptionsExpression(NlrSettings n)
    {
        string rate = n.HasFixedNegativeRate ? "NegativeRate = " + D(n.NegativeRate) : "NegativeRatio = " + D(n.NegativeRatio);
        string response = n.Response switch
        {
            NlrResponseKind.Reject => ", Response = NlrResponse.Reject",
            NlrResponseKind.Noise => $", Response = NlrResponse.Noise, NoiseSeed = {n.NoiseSeed.ToString(CultureInfo.InvariantCulture)}UL",
            _ => "",
        };
        return $"new NlrOptions {{ {rate}, PhaseLength = {I(n.PhaseLength)}, MaxAscentSteps = {I(n.MaxAscentSteps)}, Cooldown = {I(n.Cooldown)}, " +
               $"UpdateBaseStateDuringAscent = {(n.UpdateBaseStateDuringAscent ? "true" : "false")}, KeepBest = {(n.KeepBest ? "true" : "false")}{response} }}";
    }
}
