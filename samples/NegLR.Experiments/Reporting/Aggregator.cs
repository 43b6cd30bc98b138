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
            });
        }

        var nlrs = config.Optimizers.Where(o => o.IsNlr).ToList();
        var baselines = config.Optimizers.Where(o => !o.IsNlr).ToList();
        foreach (var b in config.Benchmarks)
        {
            foreach (var mode in modes)
            {
                if (!byCell.Keys.Any(k => k.Benchmark == b.Id && k.Mode == mode))
                {
                    continue;
                }

                var metrics = new Dictionary<string, double[]>(StringComparer.Ordinal);
                foreach (var o in config.Optimizers)
                {
                    var runs = byCell[(b.Id, mode, o.Id)];
                    var ordered = config.Seeds.Select(s => runs[s]).ToList();
                    metrics[o.Id] = ordered.Select(r => r.Metric).ToArray();
                    summary.Results.Add(Result(b, mode, o, ordered, config));
                }

                if (baselines.Count == 0)
                {
                    continue;
                }

                string best = baselines.OrderBy(o => Descriptive.Mean(metrics[o.Id])).ThenBy(o => o.Id, StringComparer.Ordinal).First().Id;
                foreach (var n in nlrs)
                {
                    foreach (var baseline in baselines)
                    {
                        summary.Comparisons.Add(Compare(b, mode, n.Id, baseline.Id, baseline.Id == best, metrics[n.Id], metrics[baseline.Id], config));
                    }
                }
            }
        }

        foreach (var n in nlrs)
        {
            foreach (var baseline in baselines.Select(x => x.Id).Append("best"))
            {
                foreach (var family in summary.Comparisons.Select(c => c.Family).Distinct().Append("all"))
                {
                    var cs = summary.Comparisons.Where(c => c.Optimizer == n.Id
                        && (baseline == "best" ? c.IsBestBaseline : c.Baseline == baseline)
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

        foreach (var n in nlrs)
        {
            foreach (var family in config.Benchmarks.Select(b => FamilyName(b.Family)).Distinct())
            {
                foreach (var mode in modes)
                {
                    var headline = Headline(summary, config, n, family, mode, byCell);
                    if (headline is not null)
                    {
                        summary.Headlines.Add(headline);
                    }
                }
            }
        }

        return summary;
    }

    public static string FamilyName(BenchmarkFamily family) => family switch
    {
        BenchmarkFamily.Classification => "classification",
        BenchmarkFamily.Vqe => "vqe",
        BenchmarkFamily.Qaoa => "qaoa",
        _ => "barren-plateau",
    };

    private static ResultEntry Result(Benchmark b, string mode, OptimizerSpec o, List<RunRecord> runs, CompareConfig config)
    {
        var metric = runs.Select(r => r.Metric).ToArray();
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
            PerSeed = metric.ToList(),
        };
        foreach (var key in runs.SelectMany(r => r.Extras.Keys).Distinct().OrderBy(k => k, StringComparer.Ordinal))
        {
            var values = runs.Where(r => r.Extras.ContainsKey(key)).Select(r => r.Extras[key]).ToArray();
            entry.Extras[key] = Distribution(values, null, null);
        }

        return entry;
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

    private static ComparisonEntry Compare(Benchmark b, string mode, string nlr, string baseline, bool isBest, double[] x, double[] y, CompareConfig config)
    {
        double mx = Descriptive.Mean(x), my = Descriptive.Mean(y);
        var w = Wilcoxon.SignedRank(x, y);
        double? improvement = my != 0 ? 100 * (my - mx) / my : null;
        double?[]? ci = null;
        if (x.Length >= 2 && my != 0)
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
            }, StableHash($"{b.Id}|{mode}|{nlr}|{baseline}|improvement"), config.BootstrapResamples, Level);
            ci = new double?[] { Finite(interval.Lower), Finite(interval.Upper) };
        }

        string outcome = w.PValue < Alpha ? (mx < my ? "win" : mx > my ? "loss" : "tie") : "tie";
        return new ComparisonEntry
        {
            Benchmark = b.Id,
            Family = FamilyName(b.Family),
            Mode = mode,
            Optimizer = nlr,
            Baseline = baseline,
            IsBestBaseline = isBest,
            MeanOptimizer = mx,
            MeanBaseline = my,
            ImprovementPercent = improvement is double v && double.IsFinite(v) ? v : null,
            ImprovementCi95 = ci,
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
            Outcome = outcome,
            SeedWins = x.Zip(y).Count(p => p.First < p.Second),
            SeedTies = x.Zip(y).Count(p => p.First == p.Second),
            SeedLosses = x.Zip(y).Count(p => p.First > p.Second),
        };
    }

    private static HeadlineEntry? Headline(Summary summary, CompareConfig config, OptimizerSpec nlr, string family, string mode,
        Dictionary<(string Benchmark, string Mode, string Optimizer), Dictionary<int, RunRecord>> byCell)
    {
        var cs = summary.Comparisons.Where(c => c.Optimizer == nlr.Id && c.IsBestBaseline && c.Family == family && c.Mode == mode).ToList();
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
                double sx = 0, sy = 0;
                int n = idx?.Length ?? x.Length;
                for (int k = 0; k < n; k++)
                {
                    int i = idx is null ? k : idx[k];
                    sx += x[i];
                    sy += y[i];
                }

                logSum += Math.Log(Math.Max(sx / n, RatioFloor) / Math.Max(sy / n, RatioFloor));
            }

            return Math.Exp(logSum / cells.Count);
        }

        double gmr = Gmr(null);
        double?[]? ci = null;
        if (config.Seeds.Count >= 2)
        {
            var interval = Bootstrap.Interval(config.Seeds.Count, idx => 100 * (1 - Gmr(idx)), StableHash($"{family}|{mode}|{nlr.Id}|headline"),
                config.BootstrapResamples, Level);
            ci = new double?[] { Finite(interval.Lower), Finite(interval.Upper) };
        }

        var entry = WithOutcomes(new HeadlineEntry
        {
            Family = family,
            Mode = mode,
            Optimizer = nlr.Id,
            Configurations = cs.Count,
            GeometricMeanRatio = Finite(gmr),
            ImprovementPercent = Finite(100 * (1 - gmr)),
            ImprovementCi95 = ci,
            NotHelping = cs.Where(c => c.Outcome != "win").Select(c => c.Benchmark).ToList(),
        }, cs);
        var names = config.Optimizers.ToDictionary(o => o.Id, o => o.Display, StringComparer.Ordinal);
        entry.Text = HeadlineText(entry, nlr, cs, names);
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

    private static string HeadlineText(HeadlineEntry h, OptimizerSpec nlr, List<ComparisonEntry> cs, IReadOnlyDictionary<string, string> names)
    {
        string what = h.Family switch
        {
            "classification" => "final training loss",
            "vqe" => "final energy error",
            "qaoa" => "final 1 − approximation ratio",
            _ => "final cost gap ⟨Z0 Z1⟩ + 1",
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

        var text = string.Create(CultureInfo.InvariantCulture,
            $"{nlr.Display} {change} against the best baseline (geometric mean over {h.Configurations} {familyText}{plural}, {modeText}); ");
        text += string.Create(CultureInfo.InvariantCulture,
            $"it is significantly better (paired Wilcoxon, p < {Alpha}) on {h.Wins} of {h.Configurations}, significantly worse on {h.Losses}, and not significantly different on {h.Ties}.");
        var losses = cs.Where(c => c.Outcome == "loss").Select(c => $"{c.Benchmark} (worse than {names.GetValueOrDefault(c.Baseline, c.Baseline)})").ToList();
        var ties = cs.Where(c => c.Outcome == "tie").Select(c => $"{c.Benchmark} (no significant difference)").ToList();
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
