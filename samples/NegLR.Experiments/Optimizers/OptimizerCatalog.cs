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
internal sealed record OptimizerSpec(string Id, string Display, bool IsNlr, NlrPolicy? Policy);

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
        new("sgd", "SGD", false, null),
        new("momentum", "Momentum", false, null),
        new("adam", "Adam", false, null),
        new("rmsprop", "RMSProp", false, null),
        new("adagrad", "Adagrad", false, null),
        new("spsa", "SPSA", false, null),
    };

    /// <summary>The quick preset's optimizers: every NLR policy and every baseline.</summary>
    public static readonly string[] QuickIds = All.Select(o => o.Id).ToArray();

    public static OptimizerSpec Get(string id) =>
        All.FirstOrDefault(o => o.Id == id) ?? throw new ArgumentException(
            $"Unknown optimizer '{id}'. Known: {string.Join(", ", All.Select(o => o.Id))}.", nameof(id));

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

        return All.Where(o => ids.Contains(o.Id)).ToList();
    }

    /// <summary>
    /// Builds the optimizer for <paramref name="parameters"/> weights. <paramref name="maxSteps"/> is the most steps the
    /// budget allows (SPSA's gain schedule uses it); <paramref name="seed"/> seeds SPSA's perturbations and the
    /// stochastic policy.
    /// </summary>
    public static IOptimizer Create(OptimizerSpec spec, OptimizerSettings h, int parameters, int maxSteps, ulong seed)
    {
        if (spec.Id == "spsa")
        {
            // a is chosen so the first gain a/(A + 1)^α equals the tuned rate: comparable across budgets.
            double alpha = 0.602, bigA = 0.1 * maxSteps;
            double a = h.LearningRate * Math.Pow(bigA + 1, alpha);
            return new Spsa(parameters, SeededRandom.ForStream(seed, 31).NextUInt64(), maxSteps, a, h.Perturbation ?? 0.1, bigA, alpha);
        }

        if (!spec.IsNlr)
        {
            return CreateGradient(spec.Id, h.LearningRate, parameters);
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

    /// <summary>One line per optimizer for the report's protocol section.</summary>
    public static string Describe(OptimizerSpec spec, OptimizerSettings h)
    {
        string lr = h.LearningRate.ToString("G4", CultureInfo.InvariantCulture);
        return spec.Id switch
        {
            "sgd" => $"plain gradient descent, η = {lr}",
            "momentum" => $"heavy-ball momentum μ = 0.9, η = {lr}",
            "adam" => $"Adam β = (0.9, 0.999), ε = 1e-8, η = {lr}",
            "rmsprop" => $"RMSProp α = 0.99, ε = 1e-8, η = {lr}",
            "adagrad" => $"Adagrad ε = 1e-10, η = {lr}",
            "spsa" => $"SPSA, first gain a₀ = {lr} (a_k = a/(A + k + 1)^0.602, A = 10 % of the steps the budget allows), perturbation c = {(h.Perturbation ?? 0.1).ToString("G4", CultureInfo.InvariantCulture)}/(k + 1)^0.101, 2 evaluations per estimate",
            _ => $"NLR on {h.Base ?? "adam"} with η⁺ = {lr}, η⁻ = {(h.NegativeRatio ?? NlrOptions.DefaultNegativeRatio).ToString("G4", CultureInfo.InvariantCulture)}·η⁺, " +
                 $"{PolicyText(spec.Policy ?? NlrPolicy.Lookahead, h)}; at most 3 ascent steps in a row, base state frozen during ascent, keep-best off",
        };
    }

    private static string PolicyText(NlrPolicy policy, OptimizerSettings h) => policy switch
    {
        NlrPolicy.Reactive => "Reactive policy (one ascent step after an observed loss increase)",
        NlrPolicy.Plateau => $"Plateau policy (ascend when the EMA of ‖g‖ stays below τ = {(h.PlateauThreshold ?? 1e-3).ToString("G3", CultureInfo.InvariantCulture)} for 10 steps)",
        NlrPolicy.Periodic => "Periodic policy (10 descent steps, then 1 ascent step)",
        NlrPolicy.Stochastic => "Stochastic policy (each step ascends with probability 0.1)",
        _ => "Lookahead policy (try the descent step; if the loss would rise, ascend instead; one extra loss evaluation per step, paid from the budget)",
    };

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
