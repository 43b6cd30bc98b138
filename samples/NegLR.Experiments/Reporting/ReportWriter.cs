using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;

namespace NegLR.Experiments.Reporting;

/// <summary>report.md: setup, budgets, tables, headline as the data give it, plots. Deterministic (no dates or timings).</summary>
internal static class ReportWriter
{
    public static string Write(CompareConfig config, Summary s, PlotResult plots)
    {
        var md = new StringBuilder();
        var names = s.Optimizers.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        md.AppendLine("# NegLR experiments: NLR against classical optimizers");
        md.AppendLine();
        md.AppendLine($"Preset **{s.Preset}**. Regenerate with:");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(s.Command);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("Every number below is computed from `summary.json` in this folder (per-step data: `steps.csv`); the same command and seeds give the same numbers bit for bit.");
        md.AppendLine();

        md.AppendLine("## Headline");
        md.AppendLine();
        var headline = s.Headlines.Where(h => h.Optimizer == OptimizerCatalog.Headline).ToList();
        if (headline.Count == 0)
        {
            md.AppendLine("No NLR run and baseline were both in this grid, so there is no comparison.");
        }

        foreach (var h in headline.Where(h => h.Against == "control").Concat(headline.Where(h => h.Against != "control")))
        {
            md.AppendLine("- " + h.Text);
        }

        md.AppendLine();
        if (s.Headlines.Any(h => h.Optimizer != OptimizerCatalog.Headline))
        {
            md.AppendLine("Every NLR variant against its own base at the same rate (primary, Holm) and against the best baseline chosen on the tuning problems (secondary, Benjamini–Hochberg): change of the final score, geometric mean over the family's configurations (negative % or × below 1 = NLR lower = better; ratios of near-zero scores are large even when both optimizers have practically converged); ascent = share of NLR steps that ascended.");
            md.AppendLine();
            md.AppendLine("| NLR variant | against | family | mode | configurations | change [95 % CI] | better / no difference / worse | equivalent (TOST) | ascent steps |");
            md.AppendLine("|---|---|---|---|---:|---|---|---:|---:|");
            foreach (var h in s.Headlines.OrderBy(h => h.Against == "control" ? 0 : 1))
            {
                // Changes of +100 % or more read better as factors (×ratio).
                bool factor = h.GeometricMeanRatio is >= 2;
                string Change(double reduction) => factor ? Inv($"×{1 - (reduction / 100):#,0.0#}") : Inv($"{-reduction:+0.0;-0.0;0.0} %");
                string change = h.ImprovementPercent is double pct ? Change(pct) : "–";
                string ci = h.ImprovementCi95 is { } c && c[0] is double lo && c[1] is double hi ? $" [{Change(hi)}, {Change(lo)}]" : string.Empty;
                var results = s.Results.Where(r => r.Optimizer == h.Optimizer && r.Mode == h.Mode
                    && s.Benchmarks.Any(b => b.Id == r.Benchmark && b.Family == h.Family)).ToList();
                double ascent = results.Count > 0 ? results.Average(r => r.AscentFraction) : 0;
                string against = h.Against == "control" ? "own base (primary)" : "best baseline";
                md.AppendLine(Inv($"| {names[h.Optimizer]} | {against} | {h.Family} | {Plots.ModeText(h.Mode)} | {h.Configurations} | {change}{ci} | {h.Wins} / {h.Ties} / {h.Losses} | {h.Equivalent} | {100 * ascent:F1} % |"));
            }

            md.AppendLine();
        }

        WritePrimary(md, s, names);
        WriteAcrossInstances(md, s, names);
        WriteSetup(md, config, s, names);
        WriteResults(md, s, names, plots);
        WriteWinTieLoss(md, s, names);
        WritePlots(md, s, plots, config);
        WriteNotes(md, s);
        return md.ToString();
    }

    /// <summary>
    /// The primary contrasts: every NLR variant against its own base optimizer at the same rate. With the same rate this
    /// isolates what the ascent steps (and the trial evaluations they cost) do.
    /// </summary>
    private static void WritePrimary(StringBuilder md, Summary s, Dictionary<string, string> names)
    {
        var cs = s.Comparisons.Where(c => c.Kind == "primary").ToList();
        if (cs.Count == 0)
        {
            return;
        }

        md.AppendLine("## Primary contrasts: each NLR variant against its own base at the same rate");
        md.AppendLine();
        md.AppendLine(Inv($"Δ = mean NLR − mean base (score units; < 0: NLR lower); HL = Hodges–Lehmann paired shift with its 95 % bootstrap CI; p Holm = Wilcoxon p corrected over the {s.Protocol.PrimaryContrasts} primary tests; TOST = equivalence within ±δ (Holm-corrected p); success = share of seeds that closed {100 * s.Protocol.Analysis.TargetFraction:G3} % of the initial gap; log-rank = time to that target against shots."));
        md.AppendLine();
        md.AppendLine("| benchmark | mode | NLR variant | base (same rate) | NLR mean | base mean | Δ | HL [95 % CI] | p | p Holm | δ | TOST p Holm | success NLR / base | log-rank p | outcome | ascent |");
        md.AppendLine("|---|---|---|---|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---|---:|");
        foreach (var c in cs)
        {
            var r = s.Results.First(x => x.Benchmark == c.Benchmark && x.Mode == c.Mode && x.Optimizer == c.Optimizer);
            var rb = s.Results.First(x => x.Benchmark == c.Benchmark && x.Mode == c.Mode && x.Optimizer == c.Baseline);
            string hl = Num(c.HodgesLehmann.Estimate) + (c.HodgesLehmann.Ci95 is { } h ? Inv($" [{Num(h[0])}, {Num(h[1])}]") : string.Empty);
            string outcome = c.Outcome == "tie" && c.Equivalence.Equivalent ? "equivalent" : c.Outcome;
            md.AppendLine(Inv($"| `{c.Benchmark}` | {Plots.ModeText(c.Mode)} | {names[c.Optimizer]} | {names[c.Baseline]} | {Num(c.MeanOptimizer)} | {Num(c.MeanBaseline)} | {Num(c.AbsoluteDifference)} | {hl} | {c.Wilcoxon.P:0.####} | {c.PAdjusted:0.####} | {Num(c.Equivalence.Margin)} | {c.Equivalence.PAdjusted:0.####} | {r.SuccessProbability:0.##} / {rb.SuccessProbability:0.##} | {(c.LogRank is { } lr ? lr.P.ToString("0.####", CultureInfo.InvariantCulture) : "–")} | {outcome} | {100 * r.AscentFraction:F1} % |"));
        }

        md.AppendLine();
        var test = s.Comparisons.Where(c => c.Kind == "secondary" && c.Metric != "score").ToList();
        if (test.Count > 0)
        {
            md.AppendLine("Test loss and test error (1 − accuracy) of each NLR variant against the same control (secondary, Benjamini–Hochberg):");
            md.AppendLine();
            md.AppendLine("| benchmark | mode | NLR variant | metric | NLR mean | base mean | HL [95 % CI] | q (BH) | TOST q | outcome |");
            md.AppendLine("|---|---|---|---|---:|---:|---|---:|---:|---|");
            foreach (var c in test)
            {
                string hl = Num(c.HodgesLehmann.Estimate) + (c.HodgesLehmann.Ci95 is { } h ? Inv($" [{Num(h[0])}, {Num(h[1])}]") : string.Empty);
                string outcome = c.Outcome == "tie" && c.Equivalence.Equivalent ? "equivalent" : c.Outcome;
                md.AppendLine(Inv($"| `{c.Benchmark}` | {Plots.ModeText(c.Mode)} | {names[c.Optimizer]} | {c.Metric.Replace('_', ' ')} | {Num(c.MeanOptimizer)} | {Num(c.MeanBaseline)} | {hl} | {c.PAdjusted:0.####} | {c.Equivalence.PAdjusted:0.####} | {outcome} |"));
            }

            md.AppendLine();
        }
    }

    /// <summary>
    /// Barren-plateau testbeds with several structure instances: the primary contrast summarised across the instances of
    /// each (ansatz, qubits, depth, cost), so a result is about circuits of that kind, not about one random draw.
    /// </summary>
    private static void WriteAcrossInstances(StringBuilder md, Summary s, Dictionary<string, string> names)
    {
        static string? Group(string id)
        {
            int at = id.LastIndexOf("-s", StringComparison.Ordinal);
            return id.StartsWith("bp-", StringComparison.Ordinal) && at > 0 && id[(at + 2)..].All(char.IsDigit) ? id[..at] : null;
        }

        var groups = s.Comparisons.Where(c => c.Kind == "primary" && Group(c.Benchmark) is not null)
            .GroupBy(c => (Testbed: Group(c.Benchmark)!, c.Mode, c.Optimizer)).Where(g => g.Count() > 1).ToList();
        if (groups.Count == 0)
        {
            return;
        }

        md.AppendLine("### Across structure instances");
        md.AppendLine();
        md.AppendLine("Each barren-plateau testbed with several structure instances (random circuits with other draws of the gate axes): the primary contrast on every instance, counted.");
        md.AppendLine();
        md.AppendLine("| testbed | mode | NLR variant | instances | better / no difference / worse | equivalent | median Δ (NLR − base) | successes NLR / base |");
        md.AppendLine("|---|---|---|---:|---|---:|---:|---|");
        foreach (var g in groups)
        {
            var list = g.ToList();
            var r = list.Select(c => s.Results.First(x => x.Benchmark == c.Benchmark && x.Mode == c.Mode && x.Optimizer == c.Optimizer)).ToList();
            var rb = list.Select(c => s.Results.First(x => x.Benchmark == c.Benchmark && x.Mode == c.Mode && x.Optimizer == c.Baseline)).ToList();
            double median = Stats.Descriptive.Median(list.Select(c => c.AbsoluteDifference).ToArray());
            md.AppendLine(Inv($"| `{g.Key.Testbed}` | {Plots.ModeText(g.Key.Mode)} | {names[g.Key.Optimizer]} | {list.Count} | {list.Count(c => c.Outcome == "win")} / {list.Count(c => c.Outcome == "tie")} / {list.Count(c => c.Outcome == "loss")} | {list.Count(c => c.Equivalence.Equivalent)} | {Num(median)} | {r.Average(x => x.SuccessProbability):0.##} / {rb.Average(x => x.SuccessProbability):0.##} |"));
        }

        md.AppendLine();
    }

    private static void WriteSetup(StringBuilder md, CompareConfig config, Summary s, Dictionary<string, string> names)
    {
        var p = s.Protocol;
        md.AppendLine("## Setup");
        md.AppendLine();
        md.AppendLine("The protocol, every sentence generated from the configuration that ran (also in `summary.json`, `protocol.statements`):");
        md.AppendLine();
        foreach (var statement in p.Statements)
        {
            md.AppendLine("- " + statement);
        }

        md.AppendLine(Inv($"- Modes: {string.Join(", ", p.Modes.Select(Plots.ModeText))}. In shot modes every expectation (loss, each parameter-shift term, NLR's trial) is a finite-shot estimate; the reported final score is always the exact value at the final weights."));
        md.AppendLine(Inv($"- Classification data: stratified random split per seed, {p.TrainRows} training rows and {p.TestRows} test rows (fewer when the dataset is smaller), {(p.BatchRows > 0 ? $"minibatches of {p.BatchRows} rows reshuffled every epoch (seeded, the same sequence for every optimizer; the step loss is the minibatch's, the reported final loss is over all training rows)" : "full-batch training")}; feature statistics (z-score, PCA, min–max) are fitted on the training rows only."));
        md.AppendLine($"- Tuning: {p.Tuning.Description}");
        md.AppendLine();
        md.AppendLine("### Benchmarks");
        md.AppendLine();
        md.AppendLine("| benchmark | family | qubits | weights | score (lower is better) | budget (circuit evaluations; shots) | description |");
        md.AppendLine("|---|---|---:|---:|---|---|---|");
        foreach (var b in s.Benchmarks)
        {
            string budgets = string.Join("; ", b.Budgets.Select(x => x.ShotsPerEvaluation == 0
                ? Inv($"exact: {x.CircuitEvaluations:N0}")
                : Inv($"{x.ShotsPerEvaluation} shots: {x.CircuitEvaluations:N0} evals, {x.Shots:N0} shots")));
            md.AppendLine(Inv($"| `{b.Id}` | {b.Family} | {b.Qubits} | {b.Weights} | {b.Metric} | {budgets} | {b.Description} |"));
        }

        md.AppendLine();
        md.AppendLine("### Optimizers (hyperparameters frozen after tuning)");
        md.AppendLine();
        md.AppendLine("| optimizer | settings |");
        md.AppendLine("|---|---|");
        foreach (var o in s.Optimizers)
        {
            md.AppendLine($"| {o.Name}{(o.Id == OptimizerCatalog.Headline ? " (headline)" : string.Empty)} | {o.Description} |");
        }

        md.AppendLine();
    }

    private static void WriteResults(StringBuilder md, Summary s, Dictionary<string, string> names, PlotResult plots)
    {
        md.AppendLine("## Results");
        md.AppendLine();
        md.AppendLine("Final score per optimizer: mean ± standard deviation over seeds, [95 % bootstrap CI of the mean]. Bold: lowest mean.");
        md.AppendLine();
        foreach (var family in s.Benchmarks.Select(b => b.Family).Distinct())
        {
            md.AppendLine($"### {FamilyTitle(family)}");
            md.AppendLine();
            foreach (var mode in s.Protocol.Modes)
            {
                var benches = s.Benchmarks.Where(b => b.Family == family && s.Results.Any(r => r.Benchmark == b.Id && r.Mode == mode)).ToList();
                if (benches.Count == 0)
                {
                    continue;
                }

                md.AppendLine($"**{Plots.ModeText(mode)}**");
                md.AppendLine();
                md.AppendLine("| benchmark | " + string.Join(" | ", s.Optimizers.Select(o => o.Name)) + " |");
                md.AppendLine("|---|" + string.Concat(s.Optimizers.Select(_ => "---|")));
                foreach (var b in benches)
                {
                    var cells = s.Optimizers.Select(o => s.Results.First(r => r.Benchmark == b.Id && r.Mode == mode && r.Optimizer == o.Id)).ToList();
                    double best = cells.Min(c => c.Metric.Mean ?? double.PositiveInfinity);
                    md.AppendLine($"| `{b.Id}` | " + string.Join(" | ", cells.Select(c =>
                    {
                        string text = Inv($"{Num(c.Metric.Mean)} ± {Num(c.Metric.Std)}") + (c.Metric.Ci95 is { } ci ? Inv($" [{Num(ci[0])}, {Num(ci[1])}]") : string.Empty);
                        return c.Metric.Mean == best ? "**" + text + "**" : text;
                    })) + " |");
                }

                md.AppendLine();
                if (family == "classification")
                {
                    md.AppendLine("Test accuracy (mean ± std):");
                    md.AppendLine();
                    md.AppendLine("| benchmark | " + string.Join(" | ", s.Optimizers.Select(o => o.Name)) + " |");
                    md.AppendLine("|---|" + string.Concat(s.Optimizers.Select(_ => "---|")));
                    foreach (var b in benches)
                    {
                        md.AppendLine($"| `{b.Id}` | " + string.Join(" | ", s.Optimizers.Select(o =>
                        {
                            var r = s.Results.First(x => x.Benchmark == b.Id && x.Mode == mode && x.Optimizer == o.Id);
                            return r.Extras.TryGetValue("test_accuracy", out var d) ? Inv($"{d.Mean:F3} ± {d.Std:F3}") : "–";
                        })) + " |");
                    }

                    md.AppendLine();
                }

                var cs = s.Comparisons.Where(c => c.Family == family && c.Mode == mode && c.IsBestBaseline && c.Metric == "score").ToList();
                if (cs.Count > 0)
                {
                    md.AppendLine("NLR against the best baseline chosen on the tuning problems (secondary; reduction > 0: NLR better; q = Benjamini–Hochberg-adjusted p):");
                    md.AppendLine();
                    md.AppendLine("| benchmark | NLR | best baseline | NLR mean | baseline mean | reduction % [95 % CI] | W+ / W− | p | q | exact | seeds better/equal/worse | outcome |");
                    md.AppendLine("|---|---|---|---:|---:|---|---|---:|---:|---|---|---|");
                    foreach (var c in cs)
                    {
                        string ci = c.ImprovementCi95 is { } x ? Inv($" [{Pct(x[0])}, {Pct(x[1])}]") : string.Empty;
                        md.AppendLine(Inv($"| `{c.Benchmark}` | {names[c.Optimizer]} | {names[c.Baseline]} | {Num(c.MeanOptimizer)} | {Num(c.MeanBaseline)} | {Pct(c.ImprovementPercent)}{ci} | {c.Wilcoxon.WPlus:0.#} / {c.Wilcoxon.WMinus:0.#} | {c.Wilcoxon.P:0.####} | {c.PAdjusted:0.####} | {(c.Wilcoxon.Exact ? "yes" : "normal")} | {c.SeedWins}/{c.SeedTies}/{c.SeedLosses} | {c.Outcome} |"));
                    }

                    md.AppendLine();
                }
            }
        }
    }

    private static void WriteWinTieLoss(StringBuilder md, Summary s, Dictionary<string, string> names)
    {
        var nlrs = s.Optimizers.Where(o => o.IsNlr).Select(o => o.Id).ToList();
        var baselines = s.WinTieLoss.Select(w => w.Baseline).Where(b => b is not ("control" or "best")).Distinct().ToList();
        if (nlrs.Count == 0 || s.WinTieLoss.Count == 0)
        {
            return;
        }

        md.AppendLine("## Win / tie / loss");
        md.AppendLine();
        md.AppendLine("Configurations (benchmark × mode) where each NLR variant is significantly better / not different / significantly worse, all families: against its own base at the same rate (Holm-adjusted), against each tuned baseline and the best baseline (Benjamini–Hochberg-adjusted).");
        md.AppendLine();
        md.AppendLine("| NLR variant | own base (primary) | " + string.Join(" | ", baselines.Select(b => names[b])) + " | best baseline |");
        md.AppendLine("|---|---|" + string.Concat(baselines.Select(_ => "---|")) + "---|");
        foreach (var n in nlrs)
        {
            md.AppendLine($"| {names[n]} | " + string.Join(" | ", baselines.Prepend("control").Append("best").Select(b =>
            {
                var e = s.WinTieLoss.First(w => w.Optimizer == n && w.Baseline == b && w.Family == "all");
                return Inv($"{e.Wins}/{e.Ties}/{e.Losses}");
            })) + " |");
        }

        md.AppendLine();
    }

    private static void WritePlots(StringBuilder md, Summary s, PlotResult plots, CompareConfig config)
    {
        md.AppendLine("## Plots");
        md.AppendLine();
        if (!plots.Available)
        {
            md.AppendLine($"Plots unavailable: {plots.Reason}");
            md.AppendLine();
            return;
        }

        md.AppendLine("Each figure is in `plots/` as PNG and SVG. Colours are colour-blind safe and one per optimizer: baselines in Okabe–Ito colours, NLR variants in Paul Tol's muted colours with their own markers (the headline Lookahead is the thick vermillion line), a control (a base optimizer at an NLR variant's rate) in its base's colour with hollow circles. Shot-mode curves are against cumulative shots, exact-mode curves against circuit evaluations; `walltime` figures model device time per job.");
        md.AppendLine();
        if (config.PlotBenchmarks is { } chosen)
        {
            var drawn = s.Benchmarks.Where(b => chosen.Contains(b.Id)).Select(b => $"`{b.Id}`").ToList();
            md.AppendLine(Inv($"Per-benchmark figures were drawn for {drawn.Count} of the {s.Benchmarks.Count} benchmarks ({(drawn.Count > 0 ? string.Join(", ", drawn) : "none")}; chosen with `--plot-benchmarks`); the command above without that option draws them all from the same runs."));
            md.AppendLine();
        }

        foreach (var f in plots.Files.Where(f => f.Kind is "improvement" or "improvement-best"))
        {
            md.AppendLine($"![{f.Title}]({f.Png})");
            md.AppendLine();
        }

        bool many = s.Benchmarks.Count * s.Protocol.Modes.Count > 24;
        foreach (var b in s.Benchmarks)
        {
            foreach (var mode in s.Protocol.Modes)
            {
                var files = new[] { "loss", "walltime", "ttt", "gradnorm", "final" }.Select(k => plots.Find(k, b.Id, mode)).Where(f => f is not null).ToList();
                if (files.Count == 0)
                {
                    continue;
                }

                if (many && mode != "exact")
                {
                    md.AppendLine($"- `{b.Id}` ({Plots.ModeText(mode)}): " + string.Join(", ", files.Select(f => $"[{f!.Kind}]({f.Png}) ([svg]({f.Svg}))")));
                    continue;
                }

                md.AppendLine($"### `{b.Id}` ({Plots.ModeText(mode)})");
                md.AppendLine();
                foreach (var f in files)
                {
                    md.AppendLine($"![{f!.Title}]({f.Png})");
                    md.AppendLine();
                }
            }
        }

        md.AppendLine();
    }

    private static void WriteNotes(StringBuilder md, Summary s)
    {
        md.AppendLine("## Caveats");
        md.AppendLine();
        md.AppendLine("- The NLR switching rule of the original paper (arXiv 2511.22861) is not public; these are NegLR's policies, with Lookahead (\"ascend when the descent step would worsen the loss\") as the default and headline.");
        md.AppendLine("- Hyperparameters were tuned once on problems outside this grid and frozen; the protocol above says how many candidates each optimizer had and how the tuning runs differ from the evaluated ones.");
        md.AppendLine("- The primary contrast (each NLR variant against its own base at the same rate) is what isolates NLR's ascent; comparisons against tuned baselines mix the ascent with differences of rate and method, and are exploratory.");
        md.AppendLine("- Device-style cost accounting gives SPSA far more steps than the gradient methods (2 evaluations per step instead of 2R + 1).");
        md.AppendLine("- Shot-mode curves plot noisy per-step estimates; the final scores are exact values at the final weights.");
        md.AppendLine();
    }

    private static string FamilyTitle(string family) => family switch
    {
        "classification" => "Classification (final training loss)",
        "vqe" => "VQE (energy error E − E₀)",
        "qaoa" => "QAOA MaxCut (1 − approximation ratio)",
        _ => "Barren-plateau testbed (⟨Z0 Z1⟩ + 1)",
    };

    private static string Num(double? v) => v is double x ? x.ToString(Math.Abs(x) >= 0.01 || x == 0 ? "0.0000" : "0.00E+0", CultureInfo.InvariantCulture) : "–";

    private static string Pct(double? v) => v is double x ? x.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–";

    private static string Inv(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
}
