using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;
using NegLR.Experiments.Stats;

namespace NegLR.Experiments.Reporting;

/// <summary>Turns the run records into the <see cref="Summary"/>: distributions, paired comparisons, headlines.</summary>
internal static class Aggregator
{
    public const double Alpha = 0.05;
    public const double Level = 0.95;

    /// <summary>Ratios of scores use at least this value, so a score of exactly 0 does not make a log infinite.</summary>
    public const double RatioFloor = 1e-12;

    public const string BudgetRule =
        "Every optimizer of a benchmark and mode gets the same budget: budgetSteps × rows × (R + 1) circuit evaluations, where R is the circuit's parameter-shift run count (2 per trainable rotation angle, 4 per controlled rotation) — what one loss-and-gradient step costs on a device — and, in shot modes, that many evaluations × shots per evaluation. Exact mode simulates gradients by the adjoint method but charges them as parameter shift. NLR Lookahead pays rows × (R + 2) per step (its trial loss evaluation included), SPSA 2 × rows per step; a run stops before the step that would exceed the budget.";

    public static Summary Build(CompareConfig config, IReadOnlyDictionary<string, OptimizerSettings> settings, HyperparameterFile hyper,
        IReadOnlyList<RunRecord> records)
    {
        var controls = config.Optimizers.Where(o => o.IsNlr && (o.Study is not null || hyper.Optimizers.ContainsKey(o.Id)))
            .Select(o => (Nlr: o.Id, Control: OptimizerCatalog.ControlFor(o, hyper).Id))
            .Where(x => config.Optimizers.Any(o => o.Id == x.Control))
            .ToDictionary(x => x.Nlr, x => x.Control, StringComparer.Ordinal);
        var summary = new Summary
        {
            Command = config.CommandLine,
            Preset = config.Preset,
            Protocol = new ProtocolSection
            {
                Seeds = config.Seeds.ToList(),
                Modes = config.ShotModes.Select(RunKey.ModeName).ToList(),
                BudgetSteps = config.Steps,
                BudgetRule = BudgetRule,
                TrainRows = config.Sizes.TrainRows,
                TestRows = config.Sizes.TestRows,
                BatchRows = config.Sizes.BatchRows,
                HeadlineOptimizer = OptimizerCatalog.Headline,
                Alpha = Alpha,
                BootstrapResamples = config.BootstrapResamples,
                ConfidenceLevel = Level,
                Tuning = new TuningSection
                {
                    Command = hyper.Command,
                    Problems = hyper.TuningProblems,
                    Seeds = hyper.TuningSeeds,
                    Steps = hyper.TuningSteps,
                    Description = hyper.Description,
                },
                Analysis = config.Analysis,
                SmallestPossibleP = Multiplicity.SmallestWilcoxonP(config.Seeds.Count),
            },
        };

        var byCell = records.GroupBy(r => (r.Benchmark, r.Mode, r.Optimizer))
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Seed));
        var modes = config.ShotModes.Select(RunKey.ModeName).ToList();
        foreach (var b in config.Benchmarks)
        {
            var any = records.FirstOrDefault(r => r.Benchmark == b.Id);
            var entry = new BenchmarkEntry
            {
                Id = b.Id,
                Family = FamilyName(b.Family),
                Description = b.Description,
                Metric = b.MetricName,
                Qubits = b.Qubits,
                Weights = any?.Weights ?? 0,
                Rows = any?.Rows ?? 0,
            };
            foreach (var mode in modes)
            {
                var r = records.FirstOrDefault(x => x.Benchmark == b.Id && x.Mode == mode);
                if (r is not null)
                {
                    entry.Budgets.Add(new BudgetEntry
                    {
                        Mode = mode,
                        ShotsPerEvaluation = r.Shots,
                        CircuitEvaluations = r.BudgetEvaluations,
                        Shots = r.BudgetShots,
                        EvaluationsPerGradientStep = r.BudgetEvaluations / config.Steps,
                    });
                }
            }

            summary.Benchmarks.Add(entry);
        }

        foreach (var o in config.Optimizers)
        {
            summary.Optimizers.Add(new OptimizerEntry
            {
                Id = o.Id,
                Name = o.Display,
                IsNlr = o.IsNlr,
                Description = OptimizerCatalog.Describe(o, settings[o.Id]),
                Hyperparameters = settings[o.Id],
                Configuration = OptimizerCatalog.Configuration(o, settings[o.Id]),
                Control = controls.GetValueOrDefault(o.Id),
            });
        }

        var nlrs = config.Optimizers.Where(o => o.IsNlr).ToList();
        var baselines = config.Optimizers.Where(o => !o.IsNlr && !o.IsControl).ToList();
        var best = BestBaselines(config, baselines, settings);
        foreach (var b in config.Benchmarks)
        {
            foreach (var mode in modes)
            {
                if (!byCell.Keys.Any(k => k.Benchmark == b.Id && k.Mode == mode))
                {
                    continue;
                }

                var runs = new Dictionary<string, List<RunRecord>>(StringComparer.Ordinal);
                foreach (var o in config.Optimizers)
                {
                    var cell = byCell[(b.Id, mode, o.Id)];
                    runs[o.Id] = config.Seeds.Select(s => cell[s]).ToList();
                    summary.Results.Add(Result(b, mode, o, runs[o.Id], config));
                }

                string family = FamilyName(b.Family);
                foreach (var n in nlrs)
                {
                    if (controls.TryGetValue(n.Id, out var control))
                    {
                        summary.Comparisons.Add(Compare(b, mode, n.Id, control, "primary", "score", false, runs[n.Id], runs[control], config));
                        if (b.Family == BenchmarkFamily.Classification)
                        {
                            summary.Comparisons.Add(Compare(b, mode, n.Id, control, "secondary", "test_loss", false, runs[n.Id], runs[control], config));
                            summary.Comparisons.Add(Compare(b, mode, n.Id, control, "secondary", "test_error", false, runs[n.Id], runs[control], config));
                        }
                    }

                    foreach (var baseline in baselines)
                    {
                        summary.Comparisons.Add(Compare(b, mode, n.Id, baseline.Id, "secondary", "score", best.GetValueOrDefault(family) == baseline.Id,
                            runs[n.Id], runs[baseline.Id], config));
                    }
                }
            }
        }

        Adjust(summary.Comparisons.Where(c => c.Kind == "primary").ToList(), "holm");
        Adjust(summary.Comparisons.Where(c => c.Kind == "secondary").ToList(), "bh");
        summary.Protocol.PrimaryContrasts = summary.Comparisons.Count(c => c.Kind == "primary");

        var scores = summary.Comparisons.Where(c => c.Metric == "score").ToList();
        foreach (var n in nlrs)
        {
            foreach (var baseline in baselines.Select(x => x.Id).Append("control").Append("best"))
            {
                foreach (var family in scores.Select(c => c.Family).Distinct().Append("all"))
                {
                    var cs = scores.Where(c => c.Optimizer == n.Id
                        && (baseline == "best" ? c.IsBestBaseline : baseline == "control" ? c.Kind == "primary" : c.Baseline == baseline && c.Kind == "secondary")
                        && (family == "all" || c.Family == family)).ToList();
                    summary.WinTieLoss.Add(WithOutcomes(new WinTieLossEntry
                    {
                        Optimizer = n.Id,
                        Baseline = baseline,
                        Family = family,
                    }, cs));
                }
            }
        }

        var names = config.Optimizers.ToDictionary(o => o.Id, o => o.Display, StringComparer.Ordinal);
        foreach (var against in new[] { "control", "best-baseline" })
        {
            foreach (var n in nlrs)
            {
                foreach (var family in config.Benchmarks.Select(b => FamilyName(b.Family)).Distinct())
                {
                    foreach (var mode in modes)
                    {
                        var headline = Headline(summary, config, n, against, family, mode, byCell, names);
                        if (headline is not null)
                        {
                            summary.Headlines.Add(headline);
                        }
                    }
                }
            }
        }

        summary.Protocol.Statements = ProtocolText.Statements(config, summary, hyper, best, controls, names);
        return summary;
    }

    /// <summary>
    /// The best baseline of each family, chosen on the tuning problems (never on the evaluated runs): the tuned baseline
    /// with the lowest mean final score on the family's tuning problem, or, for a family without one, the lowest overall
    /// tuning score. Ties go to the lower id.
    /// </summary>
    public static Dictionary<string, string> BestBaselines(CompareConfig config, IReadOnlyList<OptimizerSpec> baselines,
        IReadOnlyDictionary<string, OptimizerSettings> settings)
    {
        var best = new Dictionary<string, string>(StringComparer.Ordinal);
        if (baselines.Count == 0)
        {
            return best;
        }

        foreach (var family in config.Benchmarks.Select(b => FamilyName(b.Family)).Distinct())
        {
            double Score(OptimizerSpec o)
            {
                var h = settings[o.Id];
                var problem = h.ProblemScores?.FirstOrDefault(p => TuningProblemFamily(p.Key) == family);
                return problem is { Key: not null } hit ? hit.Value : h.TuningScore ?? double.PositiveInfinity;
            }

            best[family] = baselines.OrderBy(Score).ThenBy(o => o.Id, StringComparer.Ordinal).First().Id;
        }

        return best;
    }

    /// <summary>The family a tuning problem stands for (by its id), or null.</summary>
    public static string? TuningProblemFamily(string problem) =>
        problem.StartsWith("tune-cls", StringComparison.Ordinal) ? "classification"
        : problem.StartsWith("tune-tfim", StringComparison.Ordinal) || problem.StartsWith("tune-vqe", StringComparison.Ordinal) ? "vqe"
        : problem.StartsWith("qaoa", StringComparison.Ordinal) || problem.StartsWith("tune-qaoa", StringComparison.Ordinal) ? "qaoa"
        : problem.StartsWith("tune-bp", StringComparison.Ordinal) || problem.StartsWith("bp-", StringComparison.Ordinal) ? "barren-plateau"
        : null;

    /// <summary>Adjusts the Wilcoxon and TOST p-values of one family of tests and sets the outcomes from the adjusted p.</summary>
    private static void Adjust(List<ComparisonEntry> family, string method)
    {
        if (family.Count == 0)
        {
            return;
        }

        var p = family.Select(c => c.Wilcoxon.P).ToList();
        var tost = family.Select(c => c.Equivalence.P).ToList();
        var adjusted = method == "holm" ? Multiplicity.Holm(p) : Multiplicity.BenjaminiHochberg(p);
        var adjustedTost = method == "holm" ? Multiplicity.Holm(tost) : Multiplicity.BenjaminiHochberg(tost);
        for (int i = 0; i < family.Count; i++)
        {
            var c = family[i];
            c.PAdjusted = adjusted[i];
            c.Adjustment = method;
            c.Equivalence.PAdjusted = adjustedTost[i];
            c.Equivalence.Equivalent = adjustedTost[i] < Alpha;
            int direction = Direction(c);
            c.Outcome = adjusted[i] < Alpha ? (direction < 0 ? "win" : direction > 0 ? "loss" : "tie") : "tie";
        }
    }

    /// <summary>
    /// Which way a significant contrast points: −1 when the optimizer's scores are lower, +1 when higher, 0 when no
    /// direction can be read. It is the sign of the Hodges–Lehmann shift — the location estimate of the very Wilcoxon
    /// test that made it significant — and only where that is zero or missing the sign of the difference of the means.
    /// (The means alone can point the other way: a few much lower scores pull NLR's mean down while most paired
    /// differences, which the test weighs, are positive.)
    /// </summary>
    public static int Direction(ComparisonEntry c)
    {
        double hl = c.HodgesLehmann.Estimate ?? 0;
        if (hl != 0)
        {
            return Math.Sign(hl);
        }

        return c.MeanOptimizer < c.MeanBaseline ? -1 : c.MeanOptimizer > c.MeanBaseline ? 1 : 0;
    }

    public static string FamilyName(BenchmarkFamily family) => family switch
    {
        BenchmarkFamily.Classification => "classification",
        BenchmarkFamily.Vqe => "vqe",
        BenchmarkFamily.Qaoa => "qaoa",
        BenchmarkFamily.Synthetic => "synthetic",
        _ => "barren-plateau",
    };

    private static ResultEntry Result(Benchmark b, string mode, OptimizerSpec o, List<RunRecord> runs, CompareConfig config)
    {
        var metric = runs.Select(r => r.Metric).ToArray();
        double f = config.Analysis.TargetFraction;
        int successes = runs.Count(r => r.Metric <= (1 - f) * r.InitialMetric);
        var times = TimesToTarget(runs, b, config);
        var curve = Survival.KaplanMeier(times);
        var entry = new ResultEntry
        {
            Benchmark = b.Id,
            Mode = mode,
            Optimizer = o.Id,
            Metric = Distribution(metric, config, $"{b.Id}|{mode}|{o.Id}|metric"),
            InitialMetric = Distribution(runs.Select(r => r.InitialMetric).ToArray(), null, null),
            Steps = Distribution(runs.Select(r => (double)r.Steps).ToArray(), null, null),
            EvaluationsUsed = Distribution(runs.Select(r => (double)r.EvaluationsUsed).ToArray(), null, null),
            AscentFraction = runs.Sum(r => r.History.Phases.Count(c => c == '-')) / (double)Math.Max(1, runs.Sum(r => r.History.Phases.Length)),
            SuccessProbability = runs.Count == 0 ? 0 : (double)successes / runs.Count,
            SuccessCi95 = Wilson(successes, runs.Count),
            TimeToTarget = new TimeToTargetEntry
            {
                Unit = mode == "exact" ? "evaluations" : "shots",
                Reached = times.Count(t => t.Reached),
                Censored = times.Count(t => !t.Reached),
                Median = Survival.Median(curve),
                Curve = curve.Select(p => new[] { p.Time, p.Survival }).ToList(),
            },
            PerSeed = metric.ToList(),
        };
        foreach (var key in runs.SelectMany(r => r.Extras.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal))
        {
            var values = runs.Where(r => r.Extras.ContainsKey(key)).Select(r => r.Extras[key]).ToArray();
            entry.Extras[key] = Distribution(values, null, null);
        }

        return entry;
    }

    /// <summary>
    /// Each run's time to the target, in shots (evaluations in exact mode): the cost spent before the first step whose
    /// loss, mapped to the score, is at most (1 − targetFraction) × the run's initial score (in shot modes that loss is
    /// the optimizer's own estimate, as on a device); a run that never gets there in its history but ends there (exact
    /// final score) counts as reaching it at its last shot; otherwise it is censored at its last shot.
    /// </summary>
    public static List<TimeToEvent> TimesToTarget(IReadOnlyList<RunRecord> runs, Benchmark b, CompareConfig config)
    {
        var metric = MetricOf(b, config);
        double f = config.Analysis.TargetFraction;
        var times = new List<TimeToEvent>(runs.Count);
        foreach (var r in runs)
        {
            double target = (1 - f) * r.InitialMetric;
            bool exact = r.Shots == 0;
            var h = r.History;
            TimeToEvent? hit = null;
            for (int t = 0; t < h.Count; t++)
            {
                if (metric(h.Loss[t]) <= target)
                {
                    double spent = t == 0 ? 0 : exact ? h.Evaluations[t - 1] : h.Shots[t - 1];
                    hit = new TimeToEvent(spent, true);
                    break;
                }
            }

            double total = exact ? r.EvaluationsUsed : r.ShotsUsed;
            times.Add(hit ?? new TimeToEvent(total, r.Metric <= target));
        }

        return times;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, BenchmarkSizes), Func<double, double>> Metrics = new();

    private static Func<double, double> MetricOf(Benchmark b, CompareConfig config) =>
        Metrics.GetOrAdd((b.Id, config.Sizes), _ => b.Create(0, config.Sizes).Metric);

    /// <summary>Wilson score interval of k successes in n at 95 %.</summary>
    public static double[] Wilson(int k, int n)
    {
        if (n == 0)
        {
            return new double[] { 0, 1 };
        }

        const double z = 1.959963984540054;
        double p = (double)k / n, z2 = z * z;
        double centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        double half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / (1 + (z2 / n));
        return new[] { Math.Max(0, centre - half), Math.Min(1, centre + half) };
    }

    private static Distribution Distribution(double[] values, CompareConfig? config, string? bootstrapKey)
    {
        var d = new Distribution { N = values.Length };
        if (values.Length == 0)
        {
            return d;
        }

        d.Mean = Descriptive.Mean(values);
        d.Std = Descriptive.StandardDeviation(values);
        d.Median = Descriptive.Median(values);
        d.Q1 = Descriptive.Quantile(values, 0.25);
        d.Q3 = Descriptive.Quantile(values, 0.75);
        d.Min = values.Min();
        d.Max = values.Max();
        if (config is not null && bootstrapKey is not null && values.Length >= 2)
        {
            var ci = Bootstrap.MeanInterval(values, StableHash(bootstrapKey), config.BootstrapResamples, Level);
            d.Ci95 = new double?[] { Finite(ci.Lower), Finite(ci.Upper) };
        }

        return d;
    }

    /// <summary>The compared quantity of a run (lower is better): its final score, test loss, or test error (1 − accuracy).</summary>
    private static double Value(RunRecord r, string metric) => metric switch
    {
        "test_loss" => r.Extras.TryGetValue("test_loss", out double l) ? l : double.NaN,
        "test_error" => r.Extras.TryGetValue("test_accuracy", out double a) ? 1 - a : double.NaN,
        _ => r.Metric,
    };

    private static ComparisonEntry Compare(Benchmark b, string mode, string nlr, string baseline, string kind, string metric, bool isBest,
        List<RunRecord> nlrRuns, List<RunRecord> baseRuns, CompareConfig config)
    {
        var x = nlrRuns.Select(r => Value(r, metric)).ToArray();
        var y = baseRuns.Select(r => Value(r, metric)).ToArray();
        double mx = Descriptive.Mean(x), my = Descriptive.Mean(y);
        var w = Wilcoxon.SignedRank(x, y);
        string key = $"{b.Id}|{mode}|{nlr}|{baseline}|{metric}";
        double? improvement = my != 0 ? 100 * (my - mx) / my : null;
        double?[]? ci = null, hlCi = null, lrCi = null;
        if (x.Length >= 2)
        {
            if (my != 0)
            {
                var interval = Bootstrap.Interval(x.Length, idx =>
                {
                    double sx = 0, sy = 0;
                    foreach (int i in idx)
                    {
                        sx += x[i];
                        sy += y[i];
                    }

                    return sy != 0 ? 100 * (sy - sx) / sy : double.NaN;
                }, StableHash(metric == "score" ? $"{b.Id}|{mode}|{nlr}|{baseline}|improvement" : key + "|improvement"), config.BootstrapResamples, Level);
                ci = new double?[] { Finite(interval.Lower), Finite(interval.Upper) };
            }

            var hl = Bootstrap.Interval(x.Length, idx => EffectSize.HodgesLehmann(x, y, idx), StableHash(key + "|hl"), config.BootstrapResamples, Level);
            hlCi = new double?[] { Finite(hl.Lower), Finite(hl.Upper) };
            var lr = Bootstrap.Interval(x.Length, idx => EffectSize.LogRatioOfMeans(x, y, RatioFloor, idx), StableHash(key + "|logratio"), config.BootstrapResamples, Level);
            lrCi = new double?[] { Finite(lr.Lower), Finite(lr.Upper) };
        }

        // The equivalence margin: a fraction of the base's mean initial score (score), of its mean test loss, or
        // that fraction itself in accuracy units (test error).
        double margin = metric switch
        {
            "test_error" => config.Analysis.EquivalenceMargin,
            "test_loss" => config.Analysis.EquivalenceMargin * Math.Abs(my),
            _ => config.Analysis.EquivalenceMargin * Math.Abs(Descriptive.Mean(baseRuns.Select(r => r.InitialMetric).ToArray())),
        };
        var tost = Equivalence.Tost(x, y, margin);
        LogRankEntry? logRank = null;
        if (metric == "score")
        {
            var (chi, p) = Survival.LogRank(TimesToTarget(nlrRuns, b, config), TimesToTarget(baseRuns, b, config));
            logRank = new LogRankEntry { ChiSquare = chi, P = p };
        }

        return new ComparisonEntry
        {
            Benchmark = b.Id,
            Family = FamilyName(b.Family),
            Mode = mode,
            Optimizer = nlr,
            Baseline = baseline,
            IsBestBaseline = isBest,
            Kind = kind,
            Metric = metric,
            MeanOptimizer = mx,
            MeanBaseline = my,
            AbsoluteDifference = mx - my,
            ImprovementPercent = improvement is double v && double.IsFinite(v) ? v : null,
            ImprovementCi95 = ci,
            HodgesLehmann = new EstimateEntry { Estimate = Finite(EffectSize.HodgesLehmann(x, y)), Ci95 = hlCi },
            LogRatio = new EstimateEntry { Estimate = Finite(EffectSize.LogRatioOfMeans(x, y, RatioFloor)), Ci95 = lrCi },
            Wilcoxon = new WilcoxonEntry
            {
                N = w.N,
                Zeros = w.Zeros,
                WPlus = w.WPlus,
                WMinus = w.WMinus,
                P = w.PValue,
                Exact = w.Exact,
                Z = Finite(w.Z),
            },
            Equivalence = new EquivalenceEntry { Margin = margin, PLower = tost.PLower, PUpper = tost.PUpper, P = tost.P },
            LogRank = logRank,
            SeedWins = x.Zip(y).Count(p => p.First < p.Second),
            SeedTies = x.Zip(y).Count(p => p.First == p.Second),
            SeedLosses = x.Zip(y).Count(p => p.First > p.Second),
        };
    }

    private static HeadlineEntry? Headline(Summary summary, CompareConfig config, OptimizerSpec nlr, string against, string family, string mode,
        Dictionary<(string Benchmark, string Mode, string Optimizer), Dictionary<int, RunRecord>> byCell, IReadOnlyDictionary<string, string> names)
    {
        var cs = summary.Comparisons.Where(c => c.Optimizer == nlr.Id && c.Metric == "score" && c.Family == family && c.Mode == mode
            && (against == "control" ? c.Kind == "primary" : c.IsBestBaseline)).ToList();
        if (cs.Count == 0)
        {
            return null;
        }

        var cells = cs.Select(c => (
            X: config.Seeds.Select(s => byCell[(c.Benchmark, mode, nlr.Id)][s].Metric).ToArray(),
            Y: config.Seeds.Select(s => byCell[(c.Benchmark, mode, c.Baseline)][s].Metric).ToArray())).ToList();

        double Gmr(int[]? idx)
        {
            double logSum = 0;
            foreach (var (x, y) in cells)
            {
                logSum += EffectSize.LogRatioOfMeans(x, y, RatioFloor, idx);
            }

            return Math.Exp(logSum / cells.Count);
        }

        double gmr = Gmr(null);
        double?[]? ci = null;
        if (config.Seeds.Count >= 2)
        {
            var interval = Bootstrap.Interval(config.Seeds.Count, idx => 100 * (1 - Gmr(idx)), StableHash($"{family}|{mode}|{nlr.Id}|{against}|headline"),
                config.BootstrapResamples, Level);
            ci = new double?[] { Finite(interval.Lower), Finite(interval.Upper) };
        }

        var entry = WithOutcomes(new HeadlineEntry
        {
            Against = against,
            Family = family,
            Mode = mode,
            Optimizer = nlr.Id,
            Configurations = cs.Count,
            GeometricMeanRatio = Finite(gmr),
            ImprovementPercent = Finite(100 * (1 - gmr)),
            ImprovementCi95 = ci,
            Equivalent = cs.Count(c => c.Equivalence.Equivalent),
            NotHelping = cs.Where(c => c.Outcome != "win").Select(c => c.Benchmark).ToList(),
        }, cs);
        entry.Text = HeadlineText(entry, nlr, cs, names, summary.Protocol);
        return entry;
    }

    /// <summary>
    /// Fills in NLR's win, tie and loss counts over <paramref name="comparisons"/>: the win/tie/loss table and the
    /// headlines count the same way, so one place decides how.
    /// </summary>
    private static T WithOutcomes<T>(T entry, IReadOnlyCollection<ComparisonEntry> comparisons)
        where T : OutcomeCounts
    {
        entry.Wins = comparisons.Count(c => c.Outcome == "win");
        entry.Ties = comparisons.Count(c => c.Outcome == "tie");
        entry.Losses = comparisons.Count(c => c.Outcome == "loss");
        return entry;
    }

    private static string HeadlineText(HeadlineEntry h, OptimizerSpec nlr, List<ComparisonEntry> cs, IReadOnlyDictionary<string, string> names, ProtocolSection protocol)
    {
        string what = h.Family switch
        {
            "classification" => "final training loss",
            "vqe" => "final energy error",
            "qaoa" => "final 1 − approximation ratio",
            _ => "final cost gap",
        };
        string familyText = h.Family switch
        {
            "classification" => "classification configuration",
            "vqe" => "VQE problem",
            "qaoa" => "QAOA problem",
            _ => "barren-plateau testbed",
        };
        string modeText = h.Mode == "exact" ? "exact expectations" : h.Mode.Replace("shots", string.Empty, StringComparison.Ordinal) + " shots per evaluation";
        double pct = h.ImprovementPercent ?? double.NaN;
        double ratio = h.GeometricMeanRatio ?? double.NaN;
        string plural = h.Configurations == 1 ? string.Empty : "s";
        string change;
        if (ratio >= 2)
        {
            // Large rises read better as factors: "raises … by a factor of 12 (95 % CI 7.1 to 20)".
            string ciFactor = h.ImprovementCi95 is { } cf && cf[0] is double flo && cf[1] is double fhi
                ? $" (95 % CI {Factor(1 - (fhi / 100))} to {Factor(1 - (flo / 100))})"
                : string.Empty;
            change = $"raises the {what} by a factor of {Factor(ratio)}{ciFactor}";
        }
        else
        {
            bool lower = pct >= 0;
            string ci = string.Empty;
            if (h.ImprovementCi95 is { } c && c[0] is double lo && c[1] is double hi)
            {
                // The CI is of the reduction; for a rise, state it as a CI of the rise (negated, swapped).
                (double a, double b) = lower ? (lo, hi) : (-hi, -lo);
                ci = string.Create(CultureInfo.InvariantCulture, $" (95 % CI {a:F1} % to {b:F1} %)");
            }

            change = string.Create(CultureInfo.InvariantCulture, $"{(lower ? "lowers" : "raises")} the {what} by {Math.Abs(pct):F1} %{ci}");
        }

        string other = h.Against == "control"
            ? $"its own base optimizer at the same rate, {names.GetValueOrDefault(cs[0].Baseline, cs[0].Baseline)} (primary contrast)"
            : "the best baseline chosen on the tuning problems (secondary)";
        string correction = h.Against == "control"
            ? string.Create(CultureInfo.InvariantCulture, $"paired Wilcoxon, Holm-corrected over the {protocol.PrimaryContrasts} primary contrasts, p < {Alpha}")
            : string.Create(CultureInfo.InvariantCulture, $"paired Wilcoxon, Benjamini–Hochberg q < {Alpha}");
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{nlr.Display} {change} against {other} (geometric mean over {h.Configurations} {familyText}{plural}, {modeText}); ");
        text += string.Create(CultureInfo.InvariantCulture,
            $"it is significantly better ({correction}) on {h.Wins} of {h.Configurations}, significantly worse on {h.Losses}, and not significantly different on {h.Ties}, of which {h.Equivalent} are equivalent within the stated margin (TOST).");
        var losses = cs.Where(c => c.Outcome == "loss").Select(c => $"{c.Benchmark} (worse)").ToList();
        var ties = cs.Where(c => c.Outcome == "tie").Select(c => $"{c.Benchmark} ({(c.Equivalence.Equivalent ? "equivalent" : "no significant difference")})").ToList();
        if (losses.Count > 0 || ties.Count > 0)
        {
            text += " It does not help on " + string.Join(", ", losses.Concat(ties)) + ".";
        }

        return text;
    }

    private static string Factor(double f) =>
        f.ToString(f < 10 ? "0.00" : f < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture);

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    /// <summary>FNV-1a of a string: a bootstrap seed that is the same on every machine and run.</summary>
    public static ulong StableHash(string s)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in s)
        {
            h ^= c;
            h *= 1099511628211UL;
        }

        return h;
    }
}
