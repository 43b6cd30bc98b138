using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// One declared optimizer of the equivalence matrix: its attribute text and, built independently from the same
/// numbers, the runtime object it must equal bit for bit.
/// </summary>
internal sealed record OptimizerCase(string TypeName, bool IsStruct, string Attributes, Func<int, IOptimizer> Runtime, NlrPolicy? Policy)
{
    public string Declaration => $"{Attributes}\npublic partial {(IsStruct ? "struct" : "class")} {TypeName};\n";

    public override string ToString() => TypeName;
}

/// <summary>
/// The matrix: every base optimizer (Adam also as AMSGrad) × every schedule kind × no NLR or each NLR policy, with
/// hyperparameters alternating between explicit values and the defaults (which checks the defaults agree too), and
/// classes alternating with structs.
/// </summary>
internal static class OptimizerCases
{
    public const string Namespace = "Matrix";

    public static readonly string[] Bases = { "Sgd", "Momentum", "Nesterov", "Adagrad", "RmsProp", "Adam", "AmsGrad" };

    private static readonly string[] Schedules = { "Constant", "Step", "Exponential", "Cosine", "Warmup", "WarmupStep" };

    private static readonly string?[] Policies = { null, "Lookahead", "Reactive", "Plateau", "Periodic", "Stochastic" };

    public static IReadOnlyList<OptimizerCase> ForBase(string baseName)
    {
        var cases = new List<OptimizerCase>();
        for (int s = 0; s < Schedules.Length; s++)
        {
            for (int p = 0; p < Policies.Length; p++)
            {
                bool explicitValues = s % 2 == 0;
                cases.Add(Make(baseName, Schedules[s], Policies[p], explicitValues, isStruct: (s + p) % 2 == 1));
            }
        }

        return cases;
    }

    public static string Source(IEnumerable<OptimizerCase> cases)
    {
        var sb = new StringBuilder("using NegLR;\n\nnamespace " + Namespace + ";\n\n");
        foreach (var c in cases)
        {
            sb.Append(c.Declaration).Append('\n');
        }

        return sb.ToString();
    }

    public static OptimizerCase Make(string baseName, string schedule, string? policy, bool explicitValues, bool isStruct)
    {
        var (baseAttribute, rate, makeBase) = Base(baseName, explicitValues);
        var (scheduleAttributes, makeSchedule) = Schedule(schedule, rate);
        string attributes = baseAttribute + scheduleAttributes;
        Func<int, IGradientOptimizer> gradient = n => makeBase(n, makeSchedule());
        if (schedule == "Constant" && !explicitValues)
        {
            // All defaults: the runtime class's own optional parameters, not numbers copied from here.
            gradient = baseName switch
            {
                "Sgd" => n => new GradientDescent(n),
                "Momentum" => n => new Momentum(n),
                "Nesterov" => n => new Nesterov(n),
                "Adagrad" => n => new Adagrad(n),
                "RmsProp" => n => new RmsProp(n),
                "Adam" => n => new Adam(n),
                _ => n => new Adam(n, amsGrad: true),
            };
        }

        string name = $"{baseName}_{schedule}_{policy ?? "Plain"}";
        if (policy is null)
        {
            return new OptimizerCase(name, isStruct, attributes, n => gradient(n), null);
        }

        var (nlrAttribute, makePolicy, options) = Nlr(policy, explicitValues);
        return new OptimizerCase(name, isStruct, attributes + nlrAttribute,
            n => options is null ? new NegativeLearningRate(gradient(n), makePolicy()) : new NegativeLearningRate(gradient(n), makePolicy(), options),
            Enum.Parse<NlrPolicy>(policy));
    }

    private static (string Attribute, double Rate, Func<int, LearningRateSchedule, IGradientOptimizer> Make) Base(string name, bool explicitValues)
    {
        if (!explicitValues)
        {
            return name switch
            {
                "Sgd" => ("[Sgd]", 0.01, (n, s) => new GradientDescent(n, s)),
                "Momentum" => ("[Momentum]", 0.01, (n, s) => new Momentum(n, s)),
                "Nesterov" => ("[Nesterov]", 0.01, (n, s) => new Nesterov(n, s)),
                "Adagrad" => ("[Adagrad]", 0.01, (n, s) => new Adagrad(n, s)),
                "RmsProp" => ("[RmsProp]", 0.01, (n, s) => new RmsProp(n, s)),
                "Adam" => ("[Adam]", 0.01, (n, s) => new Adam(n, s)),
                _ => ("[Adam(AmsGrad = true)]", 0.01, (n, s) => new Adam(n, s, amsGrad: true)),
            };
        }

        return name switch
        {
            "Sgd" => ("[Sgd(LearningRate = 0.3)]", 0.3, (n, s) => new GradientDescent(n, s)),
            "Momentum" => ("[Momentum(LearningRate = 0.03, Momentum = 0.8)]", 0.03, (n, s) => new Momentum(n, s, 0.8)),
            "Nesterov" => ("[Nesterov(LearningRate = 0.03, Momentum = 0.75)]", 0.03, (n, s) => new Nesterov(n, s, 0.75)),
            "Adagrad" => ("[Adagrad(LearningRate = 0.8, Epsilon = 1e-7)]", 0.8, (n, s) => new Adagrad(n, s, 1e-7)),
            "RmsProp" => ("[RmsProp(LearningRate = 0.05, Alpha = 0.9, Epsilon = 1e-6)]", 0.05, (n, s) => new RmsProp(n, s, 0.9, 1e-6)),
            "Adam" => ("[Adam(LearningRate = 0.2, Beta1 = 0.85, Beta2 = 0.99, Epsilon = 1e-7)]", 0.2, (n, s) => new Adam(n, s, 0.85, 0.99, 1e-7)),
            _ => ("[Adam(LearningRate = 0.2, Beta1 = 0.8, Beta2 = 0.95, AmsGrad = true)]", 0.2, (n, s) => new Adam(n, s, 0.8, 0.95, amsGrad: true)),
        };
    }

    private static (string Attributes, Func<LearningRateSchedule> Make) Schedule(string kind, double rate) => kind switch
    {
        "Constant" => ("", () => rate),
        "Step" => ("[StepSchedule(StepSize = 7, Gamma = 0.5)]", () => new StepSchedule(rate, 7, 0.5)),
        "Exponential" => ("[ExponentialSchedule(Gamma = 0.97)]", () => new ExponentialSchedule(rate, 0.97)),
        "Cosine" => ("[CosineSchedule(TotalSteps = 40, MinimumRate = 0.001)]", () => new CosineSchedule(rate, 40, 0.001)),
        "Warmup" => ("[LinearWarmup(WarmupSteps = 5)]", () => new LinearWarmupSchedule(rate, 5)),
        _ => ("[LinearWarmup(WarmupSteps = 6, StartFactor = 0.2, TotalSteps = 80)][StepSchedule(StepSize = 10)]",
            () => new LinearWarmupSchedule(new StepSchedule(rate, 10), 6, 0.2)),
    };

    private static (string Attribute, Func<INlrPolicy> Make, NlrOptions? Options) Nlr(string policy, bool explicitValues)
    {
        if (explicitValues)
        {
            return policy switch
            {
                "Lookahead" => ("[NegativeLearningRate(NegativeRate = 0.02, Tolerance = 1e-4, PhaseLength = 2, MaxAscentSteps = 3, Cooldown = 1, UpdateBaseStateDuringAscent = false, KeepBest = true)]",
                    () => new LookaheadPolicy(1e-4),
                    new NlrOptions { NegativeRate = 0.02, PhaseLength = 2, MaxAscentSteps = 3, Cooldown = 1, UpdateBaseStateDuringAscent = false, KeepBest = true }),
                "Reactive" => ("[NegativeLearningRate(Policy = NlrPolicy.Reactive, Tolerance = 0.001, PhaseLength = 2, MaxAscentSteps = 2, Cooldown = 0, UpdateBaseStateDuringAscent = false)]",
                    () => new ReactivePolicy(0.001), new NlrOptions { PhaseLength = 2, MaxAscentSteps = 2, Cooldown = 0, UpdateBaseStateDuringAscent = false }),
                "Plateau" => ("[NegativeLearningRate(Policy = NlrPolicy.Plateau, Threshold = 5, Window = 3, Decay = 0.8, PhaseLength = 2, MaxAscentSteps = 2, KeepBest = true, NegativeRatio = 0.5)]",
                    () => new PlateauPolicy(5, 3, 0.8), new NlrOptions { PhaseLength = 2, MaxAscentSteps = 2, KeepBest = true, NegativeRatio = 0.5 }),
                "Periodic" => ("[NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 4, NegativeSteps = 2, MaxAscentSteps = 2, Cooldown = 1, UpdateBaseStateDuringAscent = false, KeepBest = true)]",
                    () => new PeriodicPolicy(4, 2), new NlrOptions { MaxAscentSteps = 2, Cooldown = 1, UpdateBaseStateDuringAscent = false, KeepBest = true }),
                _ => ("[NegativeLearningRate(Policy = NlrPolicy.Stochastic, Probability = 0.3, Seed = 7, Cooldown = 0, NegativeRate = 0.05)]",
                    () => new StochasticPolicy(0.3, 7), new NlrOptions { Cooldown = 0, NegativeRate = 0.05 }),
            };
        }

        return policy switch
        {
            // Everything at its default: the runtime's own defaults (no options object at all).
            "Lookahead" => ("[NegativeLearningRate]", () => new LookaheadPolicy(), null),
            "Reactive" => ("[NegativeLearningRate(Policy = NlrPolicy.Reactive, Cooldown = 0)]", () => new ReactivePolicy(), new NlrOptions { Cooldown = 0 }),
            "Plateau" => ("[NegativeLearningRate(Policy = NlrPolicy.Plateau, Threshold = 3, Window = 2, Cooldown = 1)]",
                () => new PlateauPolicy(3, 2), new NlrOptions { Cooldown = 1 }),
            "Periodic" => ("[NegativeLearningRate(Policy = NlrPolicy.Periodic, PositiveSteps = 5, Cooldown = 2)]",
                () => new PeriodicPolicy(5), new NlrOptions { Cooldown = 2 }),
            _ => ("[NegativeLearningRate(Policy = NlrPolicy.Stochastic, Probability = 0.25)]", () => new StochasticPolicy(0.25), null),
        };
    }

    /// <summary>Every case of every base, for tests that want them all.</summary>
    public static IEnumerable<OptimizerCase> All() => Bases.SelectMany(ForBase);
}
