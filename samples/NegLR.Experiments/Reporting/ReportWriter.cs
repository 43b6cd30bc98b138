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

        foreach (var h in headline)
        {
            md.AppendLine("- " + h.Text);
        }

        md.AppendLine();
        if (s.Headlines.Any(h => h.Optimizer != OptimizerCatalog.Headline))
        {
            md.AppendLine("Every NLR policy against the best baseline (change of the final score, geometric mean over the family's configurations: negative % or × below 1 = NLR lower = better; ratios of near-zero scores, as on the barren-plateau testbed, are large even when both optimizers have practically converged; ascent = share of NLR steps that ascended):");
            md.AppendLine();
            md.AppendLine("| NLR policy | family | mode | configurations | change [95 % CI] | better / no difference / worse | ascent steps |");
            md.AppendLine("|---|---|---|---:|---|---|---:|");
            foreach (var h in s.Headlines)
            {
                // Changes of +100 % or more read better as factors (×ratio).
                bool factor = h.GeometricMeanRatio is >= 2;
                string Change(double reduction) => factor ? Inv($"×{1 - (reduction / 100):#,0.0#}") : Inv($"{-reduction:+0.0;-0.0;0.0} %");
                string change = h.ImprovementPercent is double pct ? Change(pct) : "–";
                string ci = h.ImprovementCi95 is { } c && c[0] is double lo && c[1] is double hi ? $" [{Change(hi)}, {Change(lo)}]" : string.Empty;
                var results = s.Results.Where(r => r.Optimizer == h.Optimizer && r.Mode == h.Mode
                    && s.Benchmarks.Any(b => b.Id == r.Benchmark && b.Family == h.Family)).ToList();
                double ascent = results.Count > 0 ? results.Average(r => r.AscentFraction) : 0;
                md.AppendLine(Inv($"| {names[h.Optimizer]} | {h.Family} | {Plots.ModeText(h.Mode)} | {h.Configurations} | {change}{ci} | {h.Wins} / {h.Ties} / {h.Losses} | {100 * ascent:F1} % |"));
            }

            md.AppendLine();
        }

        WriteAgainstBase(md, s, names);
        WriteSetup(md, config, s, names);
        WriteResults(md, s, names, plots);
        WriteWinTieLoss(md, s, names);
        WritePlots(md, s, plots, config);
        WriteNotes(md, s);
        return md.ToString();
    }

    /// <summary>
    /// The ablation: the headline NLR against the plain optimizer it wraps. With the same tuned rate this isolates what the
    /// ascent steps (and the trial evaluations they cost) do.
    /// </summary>
    private static void WriteAgainstBase(StringBuilder md, Summary s, Dictionary<string, string> names)
    {
        var nlr = s.Optimizers.FirstOrDefault(o => o.Id == OptimizerCatalog.Headline);
        string? baseId = nlr?.Hyperparameters.Base;
        var baseEntry = s.Optimizers.FirstOrDefault(o => o.Id == baseId);
        if (nlr is null || baseEntry is null)
        {
            return;
        }

        var cs = s.Comparisons.Where(c => c.Optimizer == nlr.Id && c.Baseline == baseEntry.Id).ToList();
        bool sameRate = baseEntry.Hyperparameters.LearningRate == nlr.Hyperparameters.LearningRate;
        md.AppendLine($"### {nlr.Name} against its own base optimizer, {baseEntry.Name}");
        md.AppendLine();
        md.AppendLine(Inv($"{(sameRate ? $"Both run with the same tuned rate η = {nlr.Hyperparameters.LearningRate:G3}, so this isolates the effect of the ascent steps (and of paying for the trial evaluations)." : $"NLR runs with η⁺ = {nlr.Hyperparameters.LearningRate:G3}, {baseEntry.Name} with η = {baseEntry.Hyperparameters.LearningRate:G3} (each tuned on its own).")} Reduction > 0: NLR lower."));
        md.AppendLine();
        md.AppendLine($"| benchmark | mode | NLR mean | {baseEntry.Name} mean | reduction % [95 % CI] | p | outcome | NLR ascent steps |");
        md.AppendLine("|---|---|---:|---:|---|---:|---|---:|");
        foreach (var c in cs)
        {
            string ci = c.ImprovementCi95 is { } x ? Inv($" [{Pct(x[0])}, {Pct(x[1])}]") : string.Empty;
            var r = s.Results.First(x => x.Benchmark == c.Benchmark && x.Mode == c.Mode && x.Optimizer == nlr.Id);
            md.AppendLine(Inv($"| `{c.Benchmark}` | {Plots.ModeText(c.Mode)} | {Num(c.MeanOptimizer)} | {Num(c.MeanBaseline)} | {Pct(c.ImprovementPercent)}{ci} | {c.Wilcoxon.P:0.####} | {c.Outcome} | {100 * r.AscentFraction:F1} % |"));
        }

        md.AppendLine();
        md.AppendLine(Inv($"Wins / ties / losses against {baseEntry.Name}: {cs.Count(c => c.Outcome == "win")} / {cs.Count(c => c.Outcome == "tie")} / {cs.Count(c => c.Outcome == "loss")}."));
        md.AppendLine();
    }

    private static void WriteSetup(StringBuilder md, CompareConfig config, Summary s, Dictionary<string, string> names)
    {
        var p = s.Protocol;
        md.AppendLine("## Setup");
        md.AppendLine();
        md.AppendLine(Inv($"- **Seeds:** {p.Seeds.Count} ({string.Join(", ", p.Seeds)}). A seed fixes the initial weights (uniform in [0, 2π)), the classification split and the shot-noise stream; every optimizer sees the same ones, so results are paired by seed."));
        md.AppendLine($"- **Modes:** {string.Join(", ", p.Modes.Select(Plots.ModeText))}. In shot modes every expectation (loss, each parameter-shift term, NLR's trial) is a finite-shot estimate; the reported final score is always the exact value at the final weights.");
        md.AppendLine(Inv($"- **Budget:** {p.BudgetSteps} gradient steps' worth per run. {p.BudgetRule}"));
        md.AppendLine(Inv($"- **Classification data:** stratified random split per seed, {p.TrainRows} training rows and {p.TestRows} test rows (fewer when the dataset is smaller), {(p.BatchRows > 0 ? $"minibatches of {p.BatchRows} rows reshuffled every epoch (seeded, the same sequence for every optimizer; the step loss is the minibatch's, the reported final loss is over all training rows)" : "full-batch training")}; feature statistics (z-score, PCA, min–max) are fitted on the training rows only."));
        md.AppendLine($"- **Tuning:** {p.Tuning.Description} Command: `{p.Tuning.Command}`.");
        md.AppendLine(Inv($"- **Statistics:** mean ± sample standard deviation over seeds; 95 % percentile-bootstrap CIs ({p.BootstrapResamples} resamples, seeded); NLR against each baseline by the paired two-sided Wilcoxon signed-rank test (zeros dropped, average ranks for ties; exact null distribution below 50 pairs without ties, else the normal approximation with tie and continuity corrections); a configuration is a *win* or *loss* when p < {p.Alpha} and the means differ in that direction, else a *tie*. The best baseline of a configuration is the one with the lowest mean final score (chosen after the fact, which favours the baselines). Headline percentages are geometric means over configurations of mean(NLR)/mean(best baseline); their CI resamples seeds jointly across configurations."));
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

                var cs = s.Comparisons.Where(c => c.Family == family && c.Mode == mode && c.IsBestBaseline).ToList();
                if (cs.Count > 0)
                {
                    md.AppendLine("NLR against the best baseline (reduction > 0: NLR better):");
                    md.AppendLine();
                    md.AppendLine("| benchmark | NLR | best baseline | NLR mean | baseline mean | reduction % [95 % CI] | W+ / W− | p | exact | seeds better/equal/worse | outcome |");
                    md.AppendLine("|---|---|---|---:|---:|---|---|---:|---|---|---|");
                    foreach (var c in cs)
                    {
                        string ci = c.ImprovementCi95 is { } x ? Inv($" [{Pct(x[0])}, {Pct(x[1])}]") : string.Empty;
                        md.AppendLine(Inv($"| `{c.Benchmark}` | {names[c.Optimizer]} | {names[c.Baseline]} | {Num(c.MeanOptimizer)} | {Num(c.MeanBaseline)} | {Pct(c.ImprovementPercent)}{ci} | {c.Wilcoxon.WPlus:0.#} / {c.Wilcoxon.WMinus:0.#} | {c.Wilcoxon.P:0.####} | {(c.Wilcoxon.Exact ? "yes" : "normal")} | {c.SeedWins}/{c.SeedTies}/{c.SeedLosses} | {c.Outcome} |"));
                    }

                    md.AppendLine();
                }
            }
        }
    }

    private static void WriteWinTieLoss(StringBuilder md, Summary s, Dictionary<string, string> names)
    {
        var nlrs = s.Optimizers.Where(o => o.IsNlr).Select(o => o.Id).ToList();
        var baselines = s.Optimizers.Where(o => !o.IsNlr).Select(o => o.Id).ToList();
        if (nlrs.Count == 0 || baselines.Count == 0)
        {
            return;
        }

        md.AppendLine("## Win / tie / loss");
        md.AppendLine();
        md.AppendLine("Configurations (benchmark × mode) where each NLR variant is significantly better / not different / significantly worse than each baseline (all families).");
        md.AppendLine();
        md.AppendLine("| NLR variant | " + string.Join(" | ", baselines.Select(b => names[b])) + " | best baseline |");
        md.AppendLine("|---|" + string.Concat(baselines.Select(_ => "---|")) + "---|");
        foreach (var n in nlrs)
        {
            md.AppendLine($"| {names[n]} | " + string.Join(" | ", baselines.Append("best").Select(b =>
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

        md.AppendLine("Each figure is in `plots/` as PNG and SVG. Colours: Okabe–Ito (colour-blind safe); every NLR variant in vermillion, told apart by its marker (the headline Lookahead has the thick plain line).");
        md.AppendLine();
        if (config.PlotBenchmarks is { } chosen)
        {
            var drawn = s.Benchmarks.Where(b => chosen.Contains(b.Id)).Select(b => $"`{b.Id}`").ToList();
            md.AppendLine(Inv($"Per-benchmark figures were drawn for {drawn.Count} of the {s.Benchmarks.Count} benchmarks ({(drawn.Count > 0 ? string.Join(", ", drawn) : "none")}; chosen with `--plot-benchmarks`); the command above without that option draws them all from the same runs."));
            md.AppendLine();
        }

        foreach (var f in plots.Files.Where(f => f.Kind == "improvement"))
        {
            md.AppendLine($"![{f.Title}]({f.Png})");
            md.AppendLine();
        }

        bool many = s.Benchmarks.Count * s.Protocol.Modes.Count > 24;
        foreach (var b in s.Benchmarks)
        {
            foreach (var mode in s.Protocol.Modes)
            {
                var files = new[] { "loss", "gradnorm", "final" }.Select(k => plots.Find(k, b.Id, mode)).Where(f => f is not null).ToList();
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
        md.AppendLine("- Hyperparameters were tuned once on problems outside this grid and frozen; NLR had more knobs tuned (base optimizer, η⁻/η⁺) than each baseline had.");
        md.AppendLine("- The best baseline is picked per configuration after seeing the results, which makes every comparison conservative for NLR; no correction for multiple comparisons is applied, so expect about one spurious significant result in twenty ties.");
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
