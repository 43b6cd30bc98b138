using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Optimizers;

/// <summary>One optimizer of the comparison.</summary>
/// <param name="Id">Command-line and file-name id.</param>
/// <param name="Display">Name in tables and plots.</param>
/// <param name="IsNlr">An NLR variant (the rest are the baselines).</param>
/// <param name="Policy">NLR policy (null for baselines).</param>
/// <param name="FixedRate">For a control (<c>base@rate</c>): the base optimizer runs at this rate instead of its tuned one.
/// Study optimizers (<see cref="Study"/>) carry their rate too: they are never tuned.</param>
/// <param name="Study">A study optimizer named by a parametric id (<see cref="StudyOptimizer"/>), else null.</param>
internal sealed record OptimizerSpec(string Id, string Display, bool IsNlr, NlrPolicy? Policy, double? FixedRate = null, StudyOptimizer? Study = null)
{
    /// <summary>The gradient method a control runs (its id before '@'); the spec's id otherwise.</summary>
    public string Method => Study is { } s ? (s.Base.Length > 0 ? s.Base : Id) : FixedRate is null ? Id : Id[..Id.IndexOf('@', StringComparison.Ordinal)];

    /// <summary>A control: a base optimizer at an NLR variant's rate, the other side of a primary contrast.</summary>
    public bool IsControl => FixedRate is not null && (Study is null || Study.Kind == StudyKind.Gradient);
}

/// <summary>The optimizers, their construction from frozen hyperparameters, and what "baseline" means.</summary>
internal static class OptimizerCatalog
{
    /// <summary>The headline NLR variant: the default (Lookahead) policy.</summary>
    public const string Headline = "nlr";

    public static readonly IReadOnlyList<OptimizerSpec> All = new OptimizerSpec[]
    {
        new("nlr", "NLR (Lookahead)", true, NlrPolicy.Lookahead),
        new("nlr-reactive", "NLR (Reactive)", true, NlrPolicy.Reactive),
        new("nlr-plateau", "NLR (Plateau)", true, NlrPolicy.Plateau),
        new("nlr-periodic", "NLR (Periodic)", true, NlrPolicy.Periodic),
        new("nlr-stochastic", "NLR (Stochastic)", true, NlrPolicy.Stochastic),
        new("nlr-sgd", "NLR (Lookahead, SGD)", true, NlrPolicy.Lookahead),
        new("sgd", "SGD", false, null),
        new("momentum", "Momentum", false, null),
        new("adam", "Adam", false, null),
        new("rmsprop", "RMSProp", false, null),
        new("adagrad", "Adagrad", false, null),
        new("spsa", "SPSA", false, null),
    };

    /// <summary>The quick preset's optimizers: every NLR policy and every baseline.</summary>
    public static readonly string[] QuickIds = All.Select(o => o.Id).ToArray();

    /// <summary>Gradient methods an NLR variant can wrap (and a control can run).</summary>
    public static readonly string[] GradientMethods = { "sgd", "momentum", "adam", "rmsprop", "adagrad", "nesterov" };

    /// <summary>
    /// The optimizer with this id: a catalogue entry, or a control <c>method@rate</c> (e.g. <c>adam@0.1</c>: Adam at
    /// η = 0.1 instead of its tuned rate).
    /// </summary>
    public static OptimizerSpec Get(string id)
    {
        if (All.FirstOrDefault(o => o.Id == id) is { } known)
        {
            return known;
        }

        int at = id.IndexOf('@', StringComparison.Ordinal);
        if (at > 0 && GradientMethods.Contains(id[..at])
            && double.TryParse(id[(at + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) && rate > 0 && double.IsFinite(rate))
        {
            return Control(id[..at], rate);
        }

        if (StudyOptimizer.TryParse(id) is { } study)
        {
            return FromStudy(study);
        }

        throw new ArgumentException(
            $"Unknown optimizer '{id}'. Known: {string.Join(", ", All.Select(o => o.Id))}, controls method@rate (e.g. adam@0.1) with method one of {string.Join(", ", GradientMethods)}, and the study's parametric ids (e.g. nlr-la-adam@0.1_r1, rej-la-sgd@0.3, noise-periodic-adam@0.1, bt-adam@0.1, adam@0.1_rs4, spsa@0.05, roto, qng@0.05, suffixes _gauss, _idb, _lw; docs/experiments.md).", nameof(id));
    }

    /// <summary>The spec of a study optimizer (its rate is fixed: study optimizers are never tuned).</summary>
    public static OptimizerSpec FromStudy(StudyOptimizer study) =>
        new(study.Id, study.Display, study.IsNlr, null, study.Rate, study);

    /// <summary>The base optimizer <paramref name="method"/> at <paramref name="rate"/>.</summary>
    public static OptimizerSpec Control(string method, double rate)
    {
        string r = rate.ToString("R", CultureInfo.InvariantCulture);
        string display = All.FirstOrDefault(o => o.Id == method)?.Display ?? method;
        return new OptimizerSpec(method + "@" + r, $"{display} (η = {r})", false, null, rate);
    }

    /// <summary>The frozen settings of an optimizer: its tuned entry, or for a control its method at the fixed rate.</summary>
    public static OptimizerSettings SettingsFor(OptimizerSpec spec, HyperparameterFile hyper) =>
        spec.Study is { } s ? new OptimizerSettings
        {
            LearningRate = s.Rate,
            Base = s.Base.Length > 0 ? s.Base : null,
            NegativeRatio = s.Kind == StudyKind.Nlr && s.Response != NlrResponse.Reject ? s.Ratio : null,
            Perturbation = s.Kind == StudyKind.Spsa ? StudyOptimizer.SpsaPerturbation : null,
        }
        : spec.FixedRate is double rate ? new OptimizerSettings { LearningRate = rate } : hyper.For(spec.Id);

    /// <summary>
    /// The primary control of an NLR variant: its own base optimizer at its own rate. That is the tuned baseline itself
    /// when the tuned rate is the same, else a control <c>base@η</c>.
    /// </summary>
    public static OptimizerSpec ControlFor(OptimizerSpec nlr, HyperparameterFile hyper)
    {
        if (nlr.Study is { Control: { } studyControl })
        {
            return Get(studyControl.Id);
        }

        var h = hyper.For(nlr.Id);
        string method = h.Base ?? "adam";
        if (All.FirstOrDefault(o => o.Id == method) is { } baseline && hyper.Optimizers.TryGetValue(method, out var tuned)
            && tuned.LearningRate == h.LearningRate)
        {
            return baseline;
        }

        return Control(method, h.LearningRate);
    }

    /// <summary>
    /// The selection plus, for every NLR variant in it, its primary control (its base at the same rate), so that every
    /// grid can make the primary contrast. Order: catalogue order, then the added controls.
    /// </summary>
    public static IReadOnlyList<OptimizerSpec> WithControls(IReadOnlyList<OptimizerSpec> selection, HyperparameterFile hyper)
    {
        var list = selection.ToList();
        foreach (var n in selection.Where(o => o.IsNlr))
        {
            var control = ControlFor(n, hyper);
            if (!list.Any(o => o.Id == control.Id))
            {
                list.Add(control);
            }
        }

        var known = All.Where(o => list.Any(x => x.Id == o.Id));
        // Then controls and the study's parametric optimizers, by id (catalogue order first, so the paper grid is unchanged).
        return known.Concat(list.Where(o => o.IsControl || o.Study is not null).DistinctBy(o => o.Id).OrderBy(o => o.Id, StringComparer.Ordinal)).ToList();
    }

    /// <summary>Comma-separated ids, or "all", "baselines", "nlr-all".</summary>
    public static IReadOnlyList<OptimizerSpec> Select(string list)
    {
        var ids = new List<string>();
        foreach (var p in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (p)
            {
                case "all":
                    ids.AddRange(All.Select(o => o.Id));
                    break;
                case "baselines":
                    ids.AddRange(All.Where(o => !o.IsNlr).Select(o => o.Id));
                    break;
                case "nlr-all":
                    ids.AddRange(All.Where(o => o.IsNlr).Select(o => o.Id));
                    break;
                default:
                    ids.Add(Get(p).Id);
                    break;
            }
        }

        return All.Where(o => ids.Contains(o.Id)).Concat(ids.Distinct().Where(i => All.All(o => o.Id != i)).Select(Get)).ToList();
    }

    /// <summary>
    /// Builds the optimizer for <paramref name="parameters"/> weights. <paramref name="maxSteps"/> is the most steps the
    /// budget allows (SPSA's gain schedule uses it); <paramref name="seed"/> seeds SPSA's perturbations and the
    /// stochastic policy.
    /// </summary>
    public static IOptimizer Create(OptimizerSpec spec, OptimizerSettings h, int parameters, int maxSteps, ulong seed)
    {
        if (spec.Study is { } study)
        {
            return study.Create(parameters, maxSteps, seed);
        }

        if (spec.Id == "spsa")
        {
            // a is chosen so the first gain a/(A + 1)^α equals the tuned rate: comparable across budgets.
            double alpha = 0.602, bigA = 0.1 * maxSteps;
            double a = h.LearningRate * Math.Pow(bigA + 1, alpha);
            return new Spsa(parameters, SeededRandom.ForStream(seed, 31).NextUInt64(), maxSteps, a, h.Perturbation ?? 0.1, bigA, alpha);
        }

        if (!spec.IsNlr)
        {
            return CreateGradient(spec.Method, h.LearningRate, parameters);
        }

        var baseOptimizer = CreateGradient(h.Base ?? "adam", h.LearningRate, parameters);
        INlrPolicy policy = spec.Policy switch
        {
            NlrPolicy.Reactive => new ReactivePolicy(),
            NlrPolicy.Plateau => new PlateauPolicy(h.PlateauThreshold ?? 1e-3),
            NlrPolicy.Periodic => new PeriodicPolicy(),
            NlrPolicy.Stochastic => new StochasticPolicy(0.1, SeededRandom.ForStream(seed, 32).NextUInt64()),
            _ => new LookaheadPolicy(),
        };
        var options = new NlrOptions
        {
            NegativeRatio = h.NegativeRatio ?? NlrOptions.DefaultNegativeRatio,
            // Every optimizer is judged at its last iterate; keep-best would give NLR a selection the baselines lack.
            KeepBest = false,
        };
        return new NegativeLearningRate(baseOptimizer, policy, options);
    }

    /// <summary>
    /// One line per optimizer for the report's protocol section, generated from the optimizer object the runs are built
    /// with (its policy and options as they ran, not as documented), so the text cannot drift from the code.
    /// </summary>
    public static string Describe(OptimizerSpec spec, OptimizerSettings h)
    {
        var optimizer = Create(spec, h, 1, 100, 0);
        string trainer = spec.Study is { TrainerText.Length: > 0 } st ? "; " + st.TrainerText : string.Empty;
        return DescribeObject(spec, h, optimizer) + trainer;
    }

    private static string DescribeObject(OptimizerSpec spec, OptimizerSettings h, IOptimizer optimizer)
    {
        return optimizer switch
        {
            NegativeLearningRate nlr => DescribeNlr(nlr, h),
            Backtracking bt => $"Armijo backtracking on {DescribeGradient(bt.Base)}: after a worsening trial step the step is halved (c = {G(bt.SufficientDecrease)}, at most {bt.MaxHalvings} halvings, then the step is skipped); each trial is one loss evaluation and one round trip",
            Rotosolve => "Rotosolve: each weight in turn set to the minimiser of the loss along it (closed form for single Pauli rotations), 2 evaluations per weight and one round trip per weight",
            QuantumNaturalGradient q => $"quantum natural gradient, block-diagonal Fubini–Study metric (one circuit per parametrised layer and row), λ = {G(q.Regularization)}, η = {G(h.LearningRate)}",
            Spsa spsa => $"SPSA, first gain a₀ = {G(h.LearningRate)} (a_k = a/(A + k + 1)^0.602, A = 10 % of the steps the budget allows), perturbation c = {G(spsa.PerturbationScale)}/(k + 1)^{G(spsa.Gamma)}, 2 evaluations per estimate",
            IGradientOptimizer g => DescribeGradient(g) + (spec.IsControl ? " (control: the base of an NLR variant at its rate)" : string.Empty),
            _ => optimizer.Name,
        };
    }

    /// <summary>The settings an optimizer ran with, as name → value (stored in summary.json beside the text).</summary>
    public static SortedDictionary<string, string> Configuration(OptimizerSpec spec, OptimizerSettings h)
    {
        var c = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var optimizer = Create(spec, h, 1, 100, 0);
        if (spec.Study is { } study)
        {
            c["studyKind"] = study.Kind.ToString();
            if (study.Restarts > 1)
            {
                c["restarts"] = study.Restarts.ToString(CultureInfo.InvariantCulture);
            }

            if (study.Init != StudyInit.Uniform)
            {
                c["initialization"] = study.Init.ToString();
            }

            if (study.Layerwise)
            {
                c["layerwise"] = "true";
            }
        }

        if (optimizer is NegativeLearningRate nlr)
        {
            var o = nlr.Options;
            c["base"] = nlr.Base.Name;
            c["baseSettings"] = DescribeGradient(nlr.Base);
            c["learningRate"] = G(h.LearningRate);
            c["negativeRatio"] = G(o.NegativeRatio ?? NlrOptions.DefaultNegativeRatio);
            c["policy"] = PolicyText(nlr.Policy);
            c["phaseLength"] = o.PhaseLength.ToString(CultureInfo.InvariantCulture);
            c["maxAscentSteps"] = o.MaxAscentSteps == int.MaxValue ? "unbounded" : o.MaxAscentSteps.ToString(CultureInfo.InvariantCulture);
            c["cooldown"] = o.Cooldown.ToString(CultureInfo.InvariantCulture);
            c["updateBaseStateDuringAscent"] = o.UpdateBaseStateDuringAscent ? "true" : "false";
            c["keepBest"] = o.KeepBest ? "true" : "false";
            c["response"] = o.Response.ToString();
        }
        else if (optimizer is Backtracking bt)
        {
            c["base"] = bt.Base.Name;
            c["baseSettings"] = DescribeGradient(bt.Base);
            c["sufficientDecrease"] = G(bt.SufficientDecrease);
            c["maxHalvings"] = bt.MaxHalvings.ToString(CultureInfo.InvariantCulture);
        }
        else if (optimizer is QuantumNaturalGradient qng)
        {
            c["learningRate"] = G(h.LearningRate);
            c["regularization"] = G(qng.Regularization);
        }
        else if (optimizer is Rotosolve)
        {
            c["method"] = "Rotosolve";
        }
        else if (optimizer is Spsa spsa)
        {
            c["firstGain"] = G(h.LearningRate);
            c["perturbation"] = G(spsa.PerturbationScale);
            c["gamma"] = G(spsa.Gamma);
        }
        else if (optimizer is IGradientOptimizer g)
        {
            c["method"] = g.Name;
            c["settings"] = DescribeGradient(g);
            c["learningRate"] = G(h.LearningRate);
        }

        return c;
    }

    private static string DescribeNlr(NegativeLearningRate nlr, OptimizerSettings h)
    {
        var o = nlr.Options;
        string cap = o.MaxAscentSteps == int.MaxValue ? "no cap on ascent steps in a row"
            : o.MaxAscentSteps == 1 ? "at most 1 ascent step in a row" : $"at most {o.MaxAscentSteps} ascent steps in a row";
        string head = o.Response switch
        {
            NlrResponse.Reject => $"control (reject): NLR's trigger on {DescribeGradient(nlr.Base)} with η⁺ = {G(h.LearningRate)}, but a step marked for ascent is skipped (no ascent), ",
            NlrResponse.Noise => $"control (noise injection): NLR's trigger on {DescribeGradient(nlr.Base)} with η⁺ = {G(h.LearningRate)}, but a step marked for ascent takes a Gaussian kick ξ ~ N(0, σ²I), σ² = (η⁻‖d‖)²/n with η⁻ = {G(o.NegativeRatio ?? NlrOptions.DefaultNegativeRatio)}·η⁺ (the ascent's expected squared length, random direction), ",
            _ => $"NLR on {DescribeGradient(nlr.Base)} with η⁺ = {G(h.LearningRate)}, η⁻ = {G(o.NegativeRatio ?? NlrOptions.DefaultNegativeRatio)}·η⁺, ",
        };
        return head
            + $"{PolicyText(nlr.Policy)}; {o.PhaseLength} ascent step{(o.PhaseLength == 1 ? string.Empty : "s")} per trigger, {cap}, "
            + $"cooldown of {o.Cooldown} descent step{(o.Cooldown == 1 ? string.Empty : "s")} between ascents, "
            + $"base optimizer's state {(o.UpdateBaseStateDuringAscent ? "updated" : "frozen")} during ascent, keep-best {(o.KeepBest ? "on" : "off")}";
    }

    private static string DescribeGradient(IGradientOptimizer g) => g switch
    {
        Adam a => $"Adam β = ({G(a.Beta1)}, {G(a.Beta2)}), ε = {G(a.Epsilon)}{(a.AmsGrad ? ", AMSGrad" : string.Empty)}, η = {G(a.LearningRate(0))}",
        Momentum m => $"heavy-ball momentum μ = {G(m.MomentumFactor)}, η = {G(m.LearningRate(0))}",
        RmsProp r => $"RMSProp α = {G(r.Alpha)}, ε = {G(r.Epsilon)}, η = {G(r.LearningRate(0))}",
        Adagrad a => $"Adagrad ε = {G(a.Epsilon)}, η = {G(a.LearningRate(0))}",
        GradientDescent d => $"plain gradient descent, η = {G(d.LearningRate(0))}",
        _ => $"{g.Name}, η = {G(g.LearningRate(0))}",
    };

    private static string PolicyText(INlrPolicy policy) => policy switch
    {
        ReactivePolicy r => $"Reactive policy (ascend after an observed loss increase of more than {G(r.Tolerance)})",
        PlateauPolicy p => $"Plateau policy (ascend when an EMA (decay {G(p.Decay)}) of ‖g‖ stays below τ = {G(p.Threshold)} for {p.Window} steps)",
        PeriodicPolicy p => $"Periodic policy ({p.PositiveSteps} descent steps, then {p.NegativeSteps} ascent step{(p.NegativeSteps == 1 ? string.Empty : "s")})",
        StochasticPolicy s => $"Stochastic policy (each step ascends with probability {G(s.Probability)})",
        LookaheadPolicy l => $"Lookahead policy (try the descent step; if the loss would rise by more than {G(l.Tolerance)}{(l.StandardErrors > 0 ? $" + {G(l.StandardErrors)} standard errors of the difference (shot-aware; 0 in exact mode)" : string.Empty)}, ascend instead; one extra loss evaluation per step, paid from the budget)",
        _ => policy.GetType().Name,
    };

    private static string G(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    private static IGradientOptimizer CreateGradient(string id, double rate, int n) => id switch
    {
        "sgd" => new GradientDescent(n, rate),
        "momentum" => new Momentum(n, rate),
        "adam" => new Adam(n, rate),
        "rmsprop" => new RmsProp(n, rate),
        "adagrad" => new Adagrad(n, rate),
        "nesterov" => new Nesterov(n, rate),
        _ => throw new ArgumentException($"'{id}' is not a gradient optimizer.", nameof(id)),
    };
}
