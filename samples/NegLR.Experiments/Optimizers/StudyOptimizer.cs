using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace NegLR.Experiments.Optimizers;

/// <summary>What a study optimizer is at its core.</summary>
internal enum StudyKind
{
    /// <summary>A gradient method at a fixed rate (<c>adam@0.1</c>).</summary>
    Gradient,

    /// <summary>NLR on a gradient method: a policy that marks steps for ascent, and what a marked step does.</summary>
    Nlr,

    /// <summary>Armijo backtracking on a gradient method (<c>bt-adam@0.1</c>).</summary>
    Backtracking,

    /// <summary>SPSA with a fixed first gain (<c>spsa@0.05</c>).</summary>
    Spsa,

    /// <summary>Rotosolve (<c>roto</c>).</summary>
    Rotosolve,

    /// <summary>Quantum natural gradient (<c>qng@0.05</c>).</summary>
    Qng,
}

/// <summary>When an NLR step is marked for ascent.</summary>
internal enum StudyPolicy
{
    /// <summary>Lookahead, tolerance 0 (the paper's rule and NegLR's default): ascend when the descent step would raise the loss.</summary>
    Lookahead,

    /// <summary>Lookahead with the shot-aware tolerance (1.5 standard errors of the difference; 0 in exact mode).</summary>
    LookaheadShotAware,

    Reactive,

    Periodic,

    Stochastic,
}

/// <summary>How the run starts.</summary>
internal enum StudyInit
{
    /// <summary>The benchmark's own start (uniform in [0, 2π) from the seed: the same for every optimizer of a seed).</summary>
    Uniform,

    /// <summary>Small-angle Gaussian, σ² = 1/(4S(L + 2)) (Zhang et al. 2022) from the circuit's layers and the cost's locality.</summary>
    Gaussian,

    /// <summary>Identity blocks (Grant et al. 2019): only on benchmarks built of mirrored blocks (<c>bp-idb…</c>).</summary>
    IdentityBlocks,
}

/// <summary>
/// An optimizer of the study, named by a parametric id so that every base, rate, policy, control and mitigation the
/// study needs is one string on the command line, in file names and in summary.json:
/// <code>
/// adam@0.1                      Adam at η = 0.1 (a base; also the primary control of every NLR variant on it)
/// nlr-la-adam@0.1               NLR, Lookahead (tolerance 0), on Adam at η⁺ = 0.1, η⁻/η⁺ = 0.25
/// nlr-las-sgd@0.3_r1            NLR, shot-aware Lookahead, on SGD at 0.3, η⁻/η⁺ = 1
/// nlr-reactive|periodic|stochastic-…   the other policies
/// rej-la-adam@0.1               control: a step marked for ascent is skipped (no ascent)
/// noise-la-adam@0.1_r1          control: a random kick with the ascent's expected squared length instead
/// bt-adam@0.1                   control: Armijo backtracking (step halving) instead of ascent
/// adam@0.1_rs4                  control: 4 random restarts within the same budget
/// spsa@0.05, roto, qng@0.05     SPSA (first gain), Rotosolve, quantum natural gradient
/// …_gauss, …_idb, …_lw          small-angle Gaussian start, identity-block start, layerwise training
/// </code>
/// Suffixes come in the order _r, _rs, _gauss|_idb, _lw. Every NLR variant's primary control is its base at the same
/// rate with the same start, restarts and layerwise training (<see cref="Control"/>).
/// </summary>
internal sealed record StudyOptimizer(
    StudyKind Kind,
    string Base,
    double Rate,
    StudyPolicy Policy = StudyPolicy.Lookahead,
    NlrResponse Response = NlrResponse.Ascend,
    double Ratio = NlrOptions.DefaultNegativeRatio,
    int Restarts = 1,
    StudyInit Init = StudyInit.Uniform,
    bool Layerwise = false)
{
    /// <summary>Gradient methods the study wraps.</summary>
    public static readonly string[] Bases = { "sgd", "momentum", "adam", "rmsprop", "adagrad", "nesterov" };

    /// <summary>QNG's λ: a small diagonal shift so a singular (or, from shots, slightly negative) metric block stays invertible.</summary>
    public const double QngRegularization = 0.01;

    /// <summary>SPSA's perturbation c (PennyLane's default is 0.2; the runner's tuned value is 0.1).</summary>
    public const double SpsaPerturbation = 0.1;

    private static readonly Regex Pattern = new(
        @"^(?:(?<kind>nlr|rej|noise)-(?<policy>la|las|reactive|periodic|stochastic)-(?<base>[a-z]+)@(?<rate>[0-9.eE+-]+)|bt-(?<btbase>[a-z]+)@(?<btrate>[0-9.eE+-]+)|(?<plain>[a-z]+)@(?<prate>[0-9.eE+-]+)|(?<roto>roto))(?:_r(?<ratio>[0-9.]+))?(?:_rs(?<restarts>[0-9]+))?(?:_(?<init>gauss|idb))?(?<lw>_lw)?$",
        RegexOptions.CultureInvariant);

    /// <summary>True for an NLR variant (one that ascends; its controls are not).</summary>
    public bool IsNlr => Kind == StudyKind.Nlr && Response == NlrResponse.Ascend;

    /// <summary>The id this spec is written as (canonical: parsing it gives this spec back).</summary>
    public string Id
    {
        get
        {
            string core = Kind switch
            {
                StudyKind.Nlr => $"{ResponseToken(Response)}-{PolicyToken(Policy)}-{Base}@{R(Rate)}",
                StudyKind.Backtracking => $"bt-{Base}@{R(Rate)}",
                StudyKind.Spsa => $"spsa@{R(Rate)}",
                StudyKind.Qng => $"qng@{R(Rate)}",
                StudyKind.Rotosolve => "roto",
                _ => $"{Base}@{R(Rate)}",
            };
            if (Kind == StudyKind.Nlr && Response != NlrResponse.Reject && Ratio != NlrOptions.DefaultNegativeRatio)
            {
                core += "_r" + R(Ratio);
            }

            if (Restarts > 1)
            {
                core += "_rs" + Restarts.ToString(CultureInfo.InvariantCulture);
            }

            core += Init switch { StudyInit.Gaussian => "_gauss", StudyInit.IdentityBlocks => "_idb", _ => string.Empty };
            return Layerwise ? core + "_lw" : core;
        }
    }

    /// <summary>Parses a study id; null when <paramref name="id"/> is not of the study's form.</summary>
    /// <exception cref="ArgumentException">The id has the form but an impossible value (rate, ratio, restarts, a combination).</exception>
    public static StudyOptimizer? TryParse(string id)
    {
        var m = Pattern.Match(id);
        if (!m.Success)
        {
            return null;
        }

        StudyOptimizer spec;
        if (m.Groups["kind"].Success)
        {
            spec = new StudyOptimizer(StudyKind.Nlr, CheckBase(m.Groups["base"].Value, id), Number(m.Groups["rate"].Value, id, "rate"),
                m.Groups["policy"].Value switch
                {
                    "las" => StudyPolicy.LookaheadShotAware,
                    "reactive" => StudyPolicy.Reactive,
                    "periodic" => StudyPolicy.Periodic,
                    "stochastic" => StudyPolicy.Stochastic,
                    _ => StudyPolicy.Lookahead,
                },
                m.Groups["kind"].Value switch { "rej" => NlrResponse.Reject, "noise" => NlrResponse.Noise, _ => NlrResponse.Ascend });
        }
        else if (m.Groups["btbase"].Success)
        {
            spec = new StudyOptimizer(StudyKind.Backtracking, CheckBase(m.Groups["btbase"].Value, id), Number(m.Groups["btrate"].Value, id, "rate"));
        }
        else if (m.Groups["roto"].Success)
        {
            spec = new StudyOptimizer(StudyKind.Rotosolve, string.Empty, 0);
        }
        else
        {
            string plain = m.Groups["plain"].Value;
            double rate = Number(m.Groups["prate"].Value, id, "rate");
            spec = plain switch
            {
                "spsa" => new StudyOptimizer(StudyKind.Spsa, string.Empty, rate),
                "qng" => new StudyOptimizer(StudyKind.Qng, string.Empty, rate),
                _ => new StudyOptimizer(StudyKind.Gradient, CheckBase(plain, id), rate),
            };
        }

        if (m.Groups["ratio"].Success)
        {
            if (spec.Kind != StudyKind.Nlr || spec.Response == NlrResponse.Reject)
            {
                throw new ArgumentException($"'{id}': _r sets η⁻/η⁺, which only an ascending NLR variant or its noise control has.", nameof(id));
            }

            spec = spec with { Ratio = Number(m.Groups["ratio"].Value, id, "η⁻/η⁺ ratio") };
        }

        if (m.Groups["restarts"].Success)
        {
            int restarts = int.Parse(m.Groups["restarts"].Value, CultureInfo.InvariantCulture);
            if (restarts < 2 || restarts > 64)
            {
                throw new ArgumentException($"'{id}': _rs takes 2 to 64 restarts.", nameof(id));
            }

            spec = spec with { Restarts = restarts };
        }

        if (m.Groups["init"].Success)
        {
            spec = spec with { Init = m.Groups["init"].Value == "gauss" ? StudyInit.Gaussian : StudyInit.IdentityBlocks };
        }

        if (m.Groups["lw"].Success)
        {
            if (spec.Kind is not (StudyKind.Gradient or StudyKind.Nlr) || spec.Restarts > 1)
            {
                throw new ArgumentException($"'{id}': layerwise training (_lw) runs a gradient method or an NLR variant per phase, without restarts.", nameof(id));
            }

            spec = spec with { Layerwise = true };
        }

        if (spec.Id != id)
        {
            throw new ArgumentException($"'{id}' is not in canonical form; write it as '{spec.Id}' (suffixes in the order _r, _rs, _gauss|_idb, _lw; the default ratio 0.25 is not written).", nameof(id));
        }

        return spec;
    }

    /// <summary>
    /// The primary control of an NLR variant: its base at the same rate, with the same start, restarts and layerwise
    /// training. Null for anything that is not an ascending NLR variant.
    /// </summary>
    public StudyOptimizer? Control => IsNlr ? new StudyOptimizer(StudyKind.Gradient, Base, Rate, Restarts: Restarts, Init: Init, Layerwise: Layerwise) : null;

    /// <summary>
    /// Why this optimizer cannot run on <paramref name="benchmark"/> (a mitigation the benchmark does not offer), or null
    /// when it can. Checked for every pair before a grid starts, so a grid never fails half-way.
    /// </summary>
    public string? NotApplicableTo(Benchmarks.Benchmark benchmark)
    {
        if (Init == StudyInit.IdentityBlocks && benchmark is not Benchmarks.BarrenPlateauBenchmark { IdentityBlockLayout: true })
        {
            return $"'{Id}' starts from identity blocks, which only the mirrored-block testbeds bp-idb{{n}}-l{{L}}-… are built of, not '{benchmark.Id}'";
        }

        if (Layerwise && benchmark is not Benchmarks.BarrenPlateauBenchmark { LayerwiseBlocks: > 0 })
        {
            return $"'{Id}' trains layerwise, which runs on the ideal barren-plateau testbeds bp-random… and bp-hea… only, not '{benchmark.Id}'";
        }

        return null;
    }

    /// <summary>Display name for tables and plots.</summary>
    public string Display
    {
        get
        {
            string baseName = Base switch { "sgd" => "SGD", "adam" => "Adam", "rmsprop" => "RMSProp", "adagrad" => "Adagrad", "momentum" => "Momentum", "nesterov" => "Nesterov", _ => Base };
            string policy = Policy switch
            {
                StudyPolicy.LookaheadShotAware => "Lookahead z=1.5",
                StudyPolicy.Reactive => "Reactive",
                StudyPolicy.Periodic => "Periodic",
                StudyPolicy.Stochastic => "Stochastic",
                _ => "Lookahead",
            };
            string core = Kind switch
            {
                StudyKind.Nlr => Response switch
                {
                    NlrResponse.Reject => $"reject[{policy}]({baseName} η={R(Rate)})",
                    NlrResponse.Noise => $"noise[{policy}, r={R(Ratio)}]({baseName} η={R(Rate)})",
                    _ => $"NLR[{policy}, r={R(Ratio)}]({baseName} η={R(Rate)})",
                },
                StudyKind.Backtracking => $"backtracking({baseName} η={R(Rate)})",
                StudyKind.Spsa => $"SPSA a₀={R(Rate)}",
                StudyKind.Qng => $"QNG η={R(Rate)}",
                StudyKind.Rotosolve => "Rotosolve",
                _ => $"{baseName} η={R(Rate)}",
            };
            if (Restarts > 1)
            {
                core += $" ×{Restarts} restarts";
            }

            core += Init switch { StudyInit.Gaussian => " +Gaussian start", StudyInit.IdentityBlocks => " +identity blocks", _ => string.Empty };
            return Layerwise ? core + " layerwise" : core;
        }
    }

    /// <summary>The optimizer object for <paramref name="parameters"/> weights (one layerwise phase's, when layerwise).</summary>
    public IOptimizer Create(int parameters, int maxSteps, ulong seed)
    {
        switch (Kind)
        {
            case StudyKind.Spsa:
            {
                // As the runner's tuned SPSA: a chosen so the first gain a/(A + 1)^α equals a₀, comparable across budgets.
                double alpha = 0.602, bigA = 0.1 * maxSteps;
                return new Spsa(parameters, SeededRandom.ForStream(seed, 31).NextUInt64(), maxSteps, Rate * Math.Pow(bigA + 1, alpha), SpsaPerturbation, bigA, alpha);
            }

            case StudyKind.Rotosolve:
                return new Rotosolve(parameters);
            case StudyKind.Qng:
                return new QuantumNaturalGradient(parameters, Rate, QngRegularization);
            case StudyKind.Backtracking:
                return new Backtracking(Gradient(Base, Rate, parameters));
            case StudyKind.Nlr:
            {
                INlrPolicy policy = Policy switch
                {
                    StudyPolicy.LookaheadShotAware => LookaheadPolicy.ShotAware(),
                    StudyPolicy.Reactive => new ReactivePolicy(),
                    StudyPolicy.Periodic => new PeriodicPolicy(),
                    StudyPolicy.Stochastic => new StochasticPolicy(0.1, SeededRandom.ForStream(seed, 32).NextUInt64()),
                    _ => new LookaheadPolicy(),
                };
                return new NegativeLearningRate(Gradient(Base, Rate, parameters), policy, new NlrOptions
                {
                    NegativeRatio = Ratio,
                    Response = Response,
                    NoiseSeed = SeededRandom.ForStream(seed, 34).NextUInt64(),
                    KeepBest = false,
                });
            }

            default:
                return Gradient(Base, Rate, parameters);
        }
    }

    /// <summary>What the trainer does beyond the optimizer object, for the protocol text.</summary>
    public string TrainerText
    {
        get
        {
            var parts = new List<string>();
            if (Restarts > 1)
            {
                parts.Add($"{Restarts} random restarts within the same budget (segment k may spend up to (k + 1)/{Restarts} of it; the segment with the lowest closing loss is returned)");
            }

            if (Init == StudyInit.Gaussian)
            {
                parts.Add("weights start from N(0, σ²), σ² = 1/(4S(L + 2)) with L the circuit's parametrised layers and S the cost's largest term weight (Zhang et al. 2022)");
            }
            else if (Init == StudyInit.IdentityBlocks)
            {
                parts.Add("weights start as identity blocks: each block's first half uniform, its mirror the inverse (Grant et al. 2019)");
            }

            if (Layerwise)
            {
                parts.Add("layerwise training (Skolik et al. 2021): the circuit grows in up to 4 blocks of layers, new layers start at 0 and only the newest block trains, then the full circuit trains in repeated phases of budget/8 steps, each with a fresh optimizer, until the budget ends");
            }

            return string.Join("; ", parts);
        }
    }

    private static IGradientOptimizer Gradient(string id, double rate, int n) => id switch
    {
        "sgd" => new GradientDescent(n, rate),
        "momentum" => new Momentum(n, rate),
        "adam" => new Adam(n, rate),
        "rmsprop" => new RmsProp(n, rate),
        "adagrad" => new Adagrad(n, rate),
        "nesterov" => new Nesterov(n, rate),
        _ => throw new ArgumentException($"'{id}' is not a gradient optimizer.", nameof(id)),
    };

    private static string CheckBase(string value, string id) => Bases.Contains(value)
        ? value
        : throw new ArgumentException($"'{id}': '{value}' is not a gradient method; use one of {string.Join(", ", Bases)}.", nameof(id));

    private static double Number(string text, string id, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v)
            ? v
            : throw new ArgumentException($"'{id}': the {what} '{text}' is not a positive number.", nameof(id));

    private static string PolicyToken(StudyPolicy p) => p switch
    {
        StudyPolicy.LookaheadShotAware => "las",
        StudyPolicy.Reactive => "reactive",
        StudyPolicy.Periodic => "periodic",
        StudyPolicy.Stochastic => "stochastic",
        _ => "la",
    };

    private static string ResponseToken(NlrResponse r) => r switch { NlrResponse.Reject => "rej", NlrResponse.Noise => "noise", _ => "nlr" };

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
