using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;
using NegLR.Experiments.Stats;
using ScottPlot;

namespace NegLR.Experiments.Reporting;

/// <summary>One written figure (PNG and SVG), by path relative to the output folder.</summary>
internal sealed record PlotFile(string Kind, string Benchmark, string Mode, string Png, string Svg, string Title);

/// <summary>Which figures were written, or why none could be.</summary>
internal sealed class PlotResult
{
    public bool Available { get; init; }

    public string? Reason { get; init; }

    public List<PlotFile> Files { get; init; } = new();

    public static PlotResult Skipped(string reason) => new() { Available = false, Reason = reason };

    public PlotFile? Find(string kind, string benchmark, string mode) =>
        Files.FirstOrDefault(f => f.Kind == kind && f.Benchmark == benchmark && f.Mode == mode);
}

/// <summary>
/// The figures, drawn with ScottPlot in the Okabe–Ito colour-blind-safe palette. Any failure (no fonts, no native
/// Skia) is caught and reported, so summary.json and report.md are written regardless.
/// </summary>
internal static class Plots
{
    public const int Width = 960;
    public const int Height = 560;

    /// <summary>Okabe &amp; Ito (2008): black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple.</summary>
    public static readonly string[] OkabeIto = { "#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7" };

    // Every optimizer has its own colour and marker: the baselines take Okabe–Ito colours (yellow left out: too faint on
    // white), the NLR variants Paul Tol's muted colours (colour-blind safe too), the headline NLR vermillion and thick.
    // A control (a base at an NLR variant's rate, id "method@rate") takes its method's colour with hollow circles. Lines
    // are solid: Skia's SVG backend cannot draw dash patterns.
    private static readonly Dictionary<string, (string Color, MarkerShape Marker)> Styles = new(StringComparer.Ordinal)
    {
        ["nlr"] = ("#D55E00", MarkerShape.None),
        ["nlr-reactive"] = ("#882255", MarkerShape.FilledTriangleUp),
        ["nlr-plateau"] = ("#332288", MarkerShape.FilledSquare),
        ["nlr-periodic"] = ("#999933", MarkerShape.FilledDiamond),
        ["nlr-stochastic"] = ("#CC6677", MarkerShape.FilledTriangleDown),
        ["nlr-sgd"] = ("#44AA99", MarkerShape.FilledCircle),
        ["sgd"] = ("#000000", MarkerShape.None),
        ["momentum"] = ("#56B4E9", MarkerShape.None),
        ["adam"] = ("#0072B2", MarkerShape.None),
        ["rmsprop"] = ("#009E73", MarkerShape.None),
        ["adagrad"] = ("#E69F00", MarkerShape.None),
        ["spsa"] = ("#CC79A7", MarkerShape.None),
    };

    private static string Method(string optimizer) => optimizer.Contains('@', StringComparison.Ordinal) ? optimizer[..optimizer.IndexOf('@', StringComparison.Ordinal)] : optimizer;

    public static Color ColorOf(string optimizer) => Color.FromHex(Styles.TryGetValue(Method(optimizer), out var s) ? s.Color : "#000000");

    public static LinePattern PatternOf(string optimizer) => LinePattern.Solid;

    public static MarkerShape MarkerOf(string optimizer) =>
        optimizer.Contains('@', StringComparison.Ordinal) ? MarkerShape.OpenCircle : Styles.TryGetValue(optimizer, out var s) ? s.Marker : MarkerShape.None;

    /// <summary>The score's name without a leading "final " (titles add their own).</summary>
    public static string ScoreName(Benchmark b) => b.MetricName.StartsWith("final ", StringComparison.Ordinal) ? b.MetricName[6..] : b.MetricName;

    public static PlotResult WriteComparePlots(CompareConfig config, Summary summary, IReadOnlyList<RunRecord> records,
        IReadOnlyDictionary<string, Func<double, double>> metrics, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var files = new List<PlotFile>();
            var names = config.Optimizers.ToDictionary(o => o.Id, o => o.Display, StringComparer.Ordinal);
            var cells = records.GroupBy(r => (r.Benchmark, r.Mode)).ToList();
            foreach (var cell in cells)
            {
                var benchmark = config.Benchmarks.First(b => b.Id == cell.Key.Benchmark);
                if (config.PlotBenchmarks is { } chosen && !chosen.Contains(benchmark.Id))
                {
                    continue;
                }

                var runs = cell.ToList();
                files.Add(LossCurves(benchmark, cell.Key.Mode, runs, config, names, metrics[benchmark.Id], directory));
                files.Add(FinalBoxes(benchmark, cell.Key.Mode, runs, config, names, directory));
                var nlr = config.Optimizers.FirstOrDefault(o => o.Id == OptimizerCatalog.Headline) ?? config.Optimizers.FirstOrDefault(o => o.IsNlr);
                if (nlr is not null)
                {
                    // Beside NLR: its own base at the same rate (the same kind of gradient), not a baseline whose
                    // "gradient" may be an SPSA estimate.
                    string? control = summary.Optimizers.FirstOrDefault(o => o.Id == nlr.Id)?.Control;
                    files.Add(GradientNorms(benchmark, cell.Key.Mode, runs, config, names, nlr.Id, control, directory));
                }

                files.Add(WallClock(benchmark, cell.Key.Mode, runs, config, names, metrics[benchmark.Id], directory));
                files.Add(TimeToTarget(benchmark, cell.Key.Mode, summary, config, names, directory));
            }

            foreach (var mode in summary.Protocol.Modes)
            {
                foreach (bool primary in new[] { true, false })
                {
                    var f = Improvements(summary, mode, names, directory, primary);
                    if (f is not null)
                    {
                        files.Add(f);
                    }
                }
            }

            return new PlotResult { Available = true, Files = files };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PlotResult.Skipped($"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Median score against circuit evaluations, with the interquartile band, one line per optimizer.</summary>
    private static PlotFile LossCurves(Benchmark benchmark, string mode, List<RunRecord> runs, CompareConfig config,
        IReadOnlyDictionary<string, string> names, Func<double, double> metric, string directory)
    {
        // Exact mode: against circuit evaluations; shot modes: against shots (what a device bills).
        bool shots = mode != "exact";
        long budget = shots ? runs.Max(r => r.BudgetShots) : runs.Max(r => r.BudgetEvaluations);
        const int points = 41;
        var xs = Enumerable.Range(0, points).Select(k => budget * (double)k / (points - 1)).ToArray();
        var curves = new List<(string Optimizer, double[] Median, double[] Q1, double[] Q3)>();
        foreach (var o in config.Optimizers)
        {
            var mine = runs.Where(r => r.Optimizer == o.Id).OrderBy(r => r.Seed).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var sampled = mine.Select(r => Sample(r, metric, xs, shots ? Cost.Shots : Cost.Evaluations, 1)).ToList();
            var median = new double[points];
            var q1 = new double[points];
            var q3 = new double[points];
            for (int k = 0; k < points; k++)
            {
                var column = sampled.Select(s => s[k]).ToArray();
                median[k] = Descriptive.Median(column);
                q1[k] = Descriptive.Quantile(column, 0.25);
                q3[k] = Descriptive.Quantile(column, 0.75);
            }

            curves.Add((o.Id, median, q1, q3));
        }

        bool log = UseLog(benchmark) && curves.All(c => c.Q1.All(v => v > 0));
        var plt = NewPlot();
        foreach (var (id, median, q1, q3) in curves)
        {
            var fill = plt.Add.FillY(xs, Transform(q1, log), Transform(q3, log));
            fill.FillColor = ColorOf(id).WithAlpha(0.15);
            fill.LineColor = Colors.Transparent;
            var line = plt.Add.Scatter(xs, Transform(median, log));
            line.Color = ColorOf(id);
            line.LinePattern = PatternOf(id);
            line.LineWidth = id == OptimizerCatalog.Headline ? 3 : 2;
            line.MarkerShape = MarkerOf(id);
            line.MarkerSize = MarkerOf(id) == MarkerShape.None ? 0 : 6;
            line.LegendText = names[id];
        }

        string curve = ScoreName(benchmark);
        string noisy = mode == "exact" ? string.Empty : " (shot estimates, last point exact)";
        plt.Title($"{benchmark.Id}, {ModeText(mode)}: {curve} vs. budget{noisy}");
        plt.XLabel(shots ? "shots spent (cumulative)" : "circuit evaluations spent (cumulative)");
        plt.YLabel(curve + (log ? " (log scale)" : string.Empty));
        if (log)
        {
            LogAxis(plt);
        }

        plt.ShowLegend(Edge.Right);
        return Save(plt, "loss", benchmark.Id, mode, directory, $"{benchmark.Id} ({ModeText(mode)}): median {curve} against cumulative {(shots ? "shots" : "circuit evaluations")}, interquartile band over {config.Seeds.Count} seeds");
    }

    /// <summary>What a curve's x axis counts.</summary>
    private enum Cost
    {
        Evaluations,
        Shots,
        Jobs,
    }

    /// <summary>
    /// The run's score as a step function of cost spent: the loss of θ_t holds from the cost spent before step t.
    /// Jobs: one device job per step (its circuits batched), two for a step with a Lookahead trial (trial, then step).
    /// </summary>
    private static double[] Sample(RunRecord r, Func<double, double> metric, double[] xs, Cost cost, double latency)
    {
        var h = r.History;
        var px = new List<double>(h.Count + 1);
        var py = new List<double>(h.Count + 1);
        double jobs = 0;
        for (int t = 0; t < h.Count; t++)
        {
            px.Add(cost switch
            {
                Cost.Shots => t == 0 ? 0 : h.Shots[t - 1],
                Cost.Jobs => jobs * latency,
                _ => t == 0 ? 0 : h.Evaluations[t - 1],
            });
            py.Add(metric(h.Loss[t]));
            jobs += h.TrialLoss[t] is null ? 1 : 2;
        }

        px.Add(cost switch { Cost.Shots => r.ShotsUsed, Cost.Jobs => jobs * latency, _ => r.EvaluationsUsed });
        py.Add(r.Metric);
        var result = new double[xs.Length];
        int j = 0;
        for (int k = 0; k < xs.Length; k++)
        {
            while (j + 1 < px.Count && px[j + 1] <= xs[k])
            {
                j++;
            }

            result[k] = py[j];
        }

        return result;
    }

    /// <summary>
    /// Median score against modelled wall-clock time on a device: every step is one job of <c>jobLatencySeconds</c> (its
    /// circuits batched), a Lookahead step two jobs in sequence (the trial loss first), so NLR pays for its trial in time
    /// as well as in evaluations.
    /// </summary>
    private static PlotFile WallClock(Benchmark benchmark, string mode, List<RunRecord> runs, CompareConfig config,
        IReadOnlyDictionary<string, string> names, Func<double, double> metric, string directory)
    {
        double latency = config.Analysis.JobLatencySeconds > 0 ? config.Analysis.JobLatencySeconds : 1;
        double end = runs.Max(r => r.History.TrialLoss.Sum(t => t is null ? 1.0 : 2.0) * latency);
        const int points = 41;
        var xs = Enumerable.Range(0, points).Select(k => end * k / (points - 1)).ToArray();
        var plt = NewPlot();
        var medians = new List<(string Id, double[] Median)>();
        foreach (var o in config.Optimizers)
        {
            var mine = runs.Where(r => r.Optimizer == o.Id).OrderBy(r => r.Seed).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var sampled = mine.Select(r => Sample(r, metric, xs, Cost.Jobs, latency)).ToList();
            medians.Add((o.Id, Enumerable.Range(0, points).Select(k => Descriptive.Median(sampled.Select(s => s[k]).ToArray())).ToArray()));
        }

        bool log = UseLog(benchmark) && medians.All(m => m.Median.All(v => v > 0));
        foreach (var (id, median) in medians)
        {
            var line = plt.Add.Scatter(xs, Transform(median, log));
            line.Color = ColorOf(id);
            line.LineWidth = id == OptimizerCatalog.Headline ? 3 : 2;
            line.MarkerShape = MarkerOf(id);
            line.MarkerSize = MarkerOf(id) == MarkerShape.None ? 0 : 6;
            line.LegendText = names[id];
        }

        string curve = ScoreName(benchmark);
        plt.Title($"{benchmark.Id}, {ModeText(mode)}: {curve} vs. modelled wall-clock");
        plt.XLabel(string.Create(CultureInfo.InvariantCulture, $"modelled device time, s ({latency:G3} s per job; a Lookahead step is 2 jobs)"));
        plt.YLabel(curve + (log ? " (log scale)" : string.Empty));
        if (log)
        {
            LogAxis(plt);
        }

        plt.ShowLegend(Edge.Right);
        return Save(plt, "walltime", benchmark.Id, mode, directory,
            string.Create(CultureInfo.InvariantCulture, $"{benchmark.Id} ({ModeText(mode)}): median {curve} against modelled device time ({latency:G3} s per job)"));
    }

    /// <summary>Kaplan–Meier curves: the share of runs that have not yet reached the target against shots (evaluations in exact mode).</summary>
    private static PlotFile TimeToTarget(Benchmark benchmark, string mode, Summary summary, CompareConfig config,
        IReadOnlyDictionary<string, string> names, string directory)
    {
        var plt = NewPlot();
        string unit = "shots";
        foreach (var o in config.Optimizers)
        {
            var r = summary.Results.FirstOrDefault(x => x.Benchmark == benchmark.Id && x.Mode == mode && x.Optimizer == o.Id);
            if (r is null)
            {
                continue;
            }

            unit = r.TimeToTarget.Unit;
            var steps = new List<double> { 0 };
            var survival = new List<double> { 1 };
            foreach (var p in r.TimeToTarget.Curve)
            {
                steps.Add(p[0]);
                survival.Add(survival[^1]);
                steps.Add(p[0]);
                survival.Add(p[1]);
            }

            double end = summary.Results.Where(x => x.Benchmark == benchmark.Id && x.Mode == mode).Max(x => x.EvaluationsUsed.Max ?? 0)
                * (mode == "exact" ? 1 : summary.Benchmarks.First(b => b.Id == benchmark.Id).Budgets.First(b => b.Mode == mode).ShotsPerEvaluation);
            steps.Add(Math.Max(end, steps[^1]));
            survival.Add(survival[^1]);
            var line = plt.Add.Scatter(steps.ToArray(), survival.ToArray());
            line.Color = ColorOf(o.Id);
            line.LineWidth = o.Id == OptimizerCatalog.Headline ? 3 : 2;
            line.MarkerShape = MarkerOf(o.Id);
            line.MarkerSize = MarkerOf(o.Id) == MarkerShape.None ? 0 : 7;
            line.LegendText = Inv($"{names[o.Id]} ({r.TimeToTarget.Reached}/{r.TimeToTarget.Reached + r.TimeToTarget.Censored} reached)");
        }

        double f = summary.Protocol.Analysis.TargetFraction;
        plt.Title(Inv($"{benchmark.Id}, {ModeText(mode)}: runs not yet at {100 * f:G3} % of the initial gap closed"));
        plt.XLabel(unit == "shots" ? "shots spent (cumulative)" : "circuit evaluations spent (cumulative)");
        plt.YLabel("share of runs not at the target (Kaplan–Meier)");
        plt.Axes.SetLimitsY(-0.02, 1.02);
        plt.ShowLegend(Edge.Right);
        return Save(plt, "ttt", benchmark.Id, mode, directory,
            Inv($"{benchmark.Id} ({ModeText(mode)}): Kaplan–Meier curves of reaching {100 * f:G3} % of the initial gap closed against {unit}"));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Gradient norm of one NLR run (first seed) with its ascent steps shaded, beside the best baseline's.</summary>
    private static PlotFile GradientNorms(Benchmark benchmark, string mode, List<RunRecord> runs, CompareConfig config,
        IReadOnlyDictionary<string, string> names, string nlr, string? baseline, string directory)
    {
        int seed = config.Seeds[0];
        var plt = NewPlot();
        var nlrRun = runs.First(r => r.Optimizer == nlr && r.Seed == seed);
        var series = new List<RunRecord> { nlrRun };
        var other = baseline is null ? null : runs.FirstOrDefault(r => r.Optimizer == baseline && r.Seed == seed);
        if (other is not null)
        {
            series.Add(other);
        }

        // Log scale only over more than a decade: within one, a log axis has no labelled power of ten.
        var norms = series.SelectMany(r => r.History.GradientNorm).ToList();
        bool log = norms.All(g => g > 0) && norms.Max() > 10 * norms.Min();
        var h = nlrRun.History;
        int spans = 0;
        for (int t = 0; t < h.Count; t++)
        {
            if (h.Phases[t] != '-')
            {
                continue;
            }

            int end = t;
            while (end + 1 < h.Count && h.Phases[end + 1] == '-')
            {
                end++;
            }

            double x0 = t == 0 ? 0 : h.Evaluations[t - 1], x1 = h.Evaluations[end];
            var span = plt.Add.HorizontalSpan(x0, x1);
            span.FillColor = Color.FromHex("#D55E00").WithAlpha(0.18);
            span.LineColor = Colors.Transparent;
            if (spans++ == 0)
            {
                span.LegendText = "NLR ascent steps";
            }

            t = end;
        }

        foreach (var r in series)
        {
            var xs = Enumerable.Range(0, r.History.Count).Select(t => t == 0 ? 0.0 : r.History.Evaluations[t - 1]).ToArray();
            var line = plt.Add.Scatter(xs, Transform(r.History.GradientNorm, log));
            line.Color = ColorOf(r.Optimizer);
            line.LineWidth = r.Optimizer == nlr ? 2 : 1.5f;
            line.MarkerSize = r.History.Count <= 60 ? 4 : 0;
            line.MarkerShape = MarkerOf(r.Optimizer) == MarkerShape.None ? MarkerShape.FilledCircle : MarkerOf(r.Optimizer);
            line.LegendText = names[r.Optimizer] + (r.Optimizer == nlr ? string.Empty : r.Optimizer == "spsa" ? " (norm of its 2-point SPSA estimate, not of the gradient)" : " (own base, same rate)");
        }

        string kind = mode == "exact" ? "exact gradients" : "shot-estimated gradients";
        plt.Title($"{benchmark.Id}, {ModeText(mode)}, seed {seed}: ‖g‖, NLR ascent shaded");
        plt.XLabel("circuit evaluations spent (cumulative)");
        plt.YLabel($"‖g‖₂, {kind}" + (log ? " (log scale)" : string.Empty));
        if (log)
        {
            LogAxis(plt);
        }

        plt.ShowLegend(Edge.Right);
        return Save(plt, "gradnorm", benchmark.Id, mode, directory,
            $"{benchmark.Id} ({ModeText(mode)}): norm of the {kind} of NLR and of its own base at the same rate, seed {seed}, NLR ascent steps shaded ({h.Phases.Count(c => c == '-')} of {h.Count})");
    }

    /// <summary>Final score per optimizer: box = quartiles, whiskers = min and max, dots = seeds.</summary>
    private static PlotFile FinalBoxes(Benchmark benchmark, string mode, List<RunRecord> runs, CompareConfig config,
        IReadOnlyDictionary<string, string> names, string directory)
    {
        var present = config.Optimizers.Where(o => runs.Any(r => r.Optimizer == o.Id)).ToList();
        bool log = UseLog(benchmark) && runs.All(r => r.Metric > 0);
        var plt = NewPlot();
        for (int i = 0; i < present.Count; i++)
        {
            var values = runs.Where(r => r.Optimizer == present[i].Id).Select(r => r.Metric).ToArray();
            var t = Transform(values, log);
            var box = new Box
            {
                Position = i,
                BoxMin = Descriptive.Quantile(t, 0.25),
                BoxMax = Descriptive.Quantile(t, 0.75),
                BoxMiddle = Descriptive.Median(t),
                WhiskerMin = t.Min(),
                WhiskerMax = t.Max(),
            };
            var boxPlot = plt.Add.Box(box);
            boxPlot.FillColor = ColorOf(present[i].Id).WithAlpha(0.35);
            boxPlot.LineColor = ColorOf(present[i].Id);
            boxPlot.LineWidth = 1.5f;
            var dots = plt.Add.ScatterPoints(t.Select((_, k) => i - 0.25 + (0.5 * (k + 0.5) / t.Length)).ToArray(), t);
            dots.Color = ColorOf(present[i].Id);
            dots.MarkerSize = 4;
        }

        plt.Axes.Bottom.SetTicks(Enumerable.Range(0, present.Count).Select(i => (double)i).ToArray(), present.Select(o => names[o.Id]).ToArray());
        plt.Axes.Bottom.TickLabelStyle.Rotation = -30;
        plt.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        plt.Axes.Bottom.MinimumSize = 90;
        plt.Title($"{benchmark.Id}, {ModeText(mode)}: final {ScoreName(benchmark)} over {config.Seeds.Count} seeds");
        plt.XLabel("optimizer");
        plt.YLabel(ScoreName(benchmark) + (log ? " (log scale)" : string.Empty));
        if (log)
        {
            LogAxis(plt);
        }

        return Save(plt, "final", benchmark.Id, mode, directory,
            $"{benchmark.Id} ({ModeText(mode)}): final {ScoreName(benchmark)} per optimizer (box: quartiles, whiskers: min–max, dots: seeds)");
    }

    /// <summary>The forest plot's axis limit: reductions beyond ±this are drawn at the edge as an arrow with their value.</summary>
    public const double ForestLimit = 200;

    /// <summary>
    /// Forest plot: the headline NLR's reduction of the final score against its own base at the same rate (primary,
    /// <c>improvement-all-*</c>) or against the best baseline (secondary, <c>improvement-best-*</c>), per benchmark, with
    /// its bootstrap CI. Values beyond ±<see cref="ForestLimit"/> % are drawn at the edge as an arrow labelled with the
    /// value, so no point is lost or silently moved; the legend sits below the axis with room of its own.
    /// </summary>
    private static PlotFile? Improvements(Summary summary, string mode, IReadOnlyDictionary<string, string> names, string directory, bool primary)
    {
        var cs = summary.Comparisons.Where(c => c.Mode == mode && c.Optimizer == OptimizerCatalog.Headline && c.Metric == "score"
            && (primary ? c.Kind == "primary" : c.IsBestBaseline) && c.ImprovementPercent is not null).ToList();
        if (cs.Count == 0)
        {
            return null;
        }

        var plt = NewPlot();
        int clipped = 0;
        for (int i = 0; i < cs.Count; i++)
        {
            var c = cs[i];
            double y = cs.Count - 1 - i;
            var color = c.Outcome switch { "win" => Color.FromHex("#009E73"), "loss" => Color.FromHex("#D55E00"), _ => Color.FromHex("#000000") };
            if (c.ImprovementCi95 is { } ci && ci[0] is double lo && ci[1] is double hi)
            {
                var bar = plt.Add.Line(Clip(lo), y, Clip(hi), y);
                bar.Color = color;
                bar.LineWidth = 2;
                // An interval that runs past the axis ends in an arrowhead, so a cut bar is never read as its end.
                foreach (double end in new[] { lo, hi }.Where(e => Math.Abs(e) > ForestLimit))
                {
                    var head = plt.Add.Text(end < 0 ? "◀" : "▶", Clip(end), y);
                    head.LabelFontColor = color;
                    head.LabelFontSize = 14;
                    head.LabelAlignment = Alignment.MiddleCenter;
                }
            }

            double v = c.ImprovementPercent!.Value;
            bool outside = Math.Abs(v) > ForestLimit;
            var dot = plt.Add.ScatterPoints(new[] { Clip(v) }, new[] { y });
            dot.Color = color;
            dot.MarkerSize = outside ? 12 : 8;
            dot.MarkerShape = outside ? (v < 0 ? MarkerShape.FilledTriangleDown : MarkerShape.FilledTriangleUp) : MarkerShape.FilledCircle;
            if (outside)
            {
                clipped++;
                var label = plt.Add.Text(v.ToString("+#,0;-#,0", CultureInfo.InvariantCulture) + " %", Clip(v), y + 0.3);
                label.LabelFontColor = color;
                label.LabelFontSize = 12;
                label.LabelAlignment = v < 0 ? Alignment.LowerLeft : Alignment.LowerRight;
            }
        }

        var zero = plt.Add.VerticalLine(0);
        zero.Color = Colors.Gray;
        plt.Axes.SetLimitsX(-ForestLimit * 1.08, ForestLimit * 1.08);
        plt.Axes.SetLimitsY(-0.8, cs.Count - 0.2);
        plt.Axes.Left.SetTicks(Enumerable.Range(0, cs.Count).Select(i => (double)(cs.Count - 1 - i)).ToArray(),
            cs.Select(c => $"{c.Benchmark} (vs {names.GetValueOrDefault(c.Baseline, c.Baseline)})").ToArray());
        plt.Axes.Left.MinimumSize = 300;
        string against = primary ? "its own base at the same rate (primary, Holm)" : "the best baseline from tuning (secondary, BH)";
        plt.Title($"{names.GetValueOrDefault(OptimizerCatalog.Headline, "NLR")} vs {(primary ? "own base, same rate" : "best baseline")}, {ModeText(mode)}");
        plt.XLabel(Inv($"reduction of the final score, % (95 % CI; > 0: NLR better; arrows: beyond ±{ForestLimit:0} %)"));
        plt.YLabel("benchmark");
        string test = primary ? "Holm p < 0.05" : "BH q < 0.05";
        var legend = new[] { ($"significantly better ({test})", "#009E73"), ("no significant difference", "#000000"), ($"significantly worse ({test})", "#D55E00") };
        foreach (var (text, hex) in legend)
        {
            var entry = plt.Add.ScatterPoints(Array.Empty<double>(), Array.Empty<double>());
            entry.Color = Color.FromHex(hex);
            entry.MarkerShape = MarkerShape.FilledCircle;
            entry.LegendText = text;
        }

        plt.ShowLegend(Edge.Bottom);
        int height = Math.Max(Height, 220 + (26 * cs.Count));
        string kind = primary ? "improvement" : "improvement-best";
        string title = Inv($"NLR's reduction of the final score against {against} per benchmark ({ModeText(mode)}){(clipped > 0 ? $"; {clipped} beyond ±{ForestLimit:0} % drawn as arrows with their values" : string.Empty)}");
        return Save(plt, kind, "all", mode, directory, title, height);
    }

    private static double Clip(double v) => Math.Clamp(v, -ForestLimit, ForestLimit);

    public static string ModeText(string mode) => mode == "exact" ? "exact" : mode.Replace("shots", string.Empty, StringComparison.Ordinal) + " shots";

    private static bool UseLog(Benchmark b) => b.Family is BenchmarkFamily.Vqe or BenchmarkFamily.BarrenPlateau;

    private static readonly Lazy<string> FontName = new(() =>
    {
        var installed = SkiaSharp.SKFontManager.Default.FontFamilies.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica" }.FirstOrDefault(installed.Contains) ?? Fonts.Sans;
    });

    public static Plot NewPlot()
    {
        var plt = new Plot();
        plt.Font.Set(FontName.Value);
        plt.Axes.Title.Label.FontSize = 16;
        plt.Axes.Bottom.Label.FontSize = 14;
        plt.Axes.Left.Label.FontSize = 14;
        return plt;
    }

    public static double[] Transform(IReadOnlyList<double> values, bool log) =>
        log ? values.Select(v => Math.Log10(v)).ToArray() : values.ToArray();

    /// <summary>Labels a log10-transformed y axis as powers of ten with minor ticks at 2…9.</summary>
    public static void LogAxis(Plot plt)
    {
        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => PowerOfTen(y),
        };
        plt.Axes.Left.TickGenerator = ticks;
    }

    public static string PowerOfTen(double exponent)
    {
        const string superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        int e = (int)Math.Round(exponent);
        string digits = Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return "10" + (e < 0 ? "⁻" : string.Empty) + string.Concat(digits.Select(d => superscripts[d - '0']));
    }

    public static PlotFile Save(Plot plt, string kind, string benchmark, string mode, string directory, string title, int height = Height)
    {
        string stem = $"{kind}-{benchmark}-{mode}";
        string png = Path.Combine(directory, stem + ".png");
        string svg = Path.Combine(directory, stem + ".svg");
        // Atomic like every other output: a figure is whole or absent after a kill.
        Storage.AtomicFile.WriteAllBytes(png, plt.GetImageBytes(Width, height, ImageFormat.Png));
        Storage.AtomicFile.WriteAllText(svg, SvgClipIds.Renumber(plt.GetSvgXml(Width, height)));
        return new PlotFile(kind, benchmark, mode, "plots/" + stem + ".png", "plots/" + stem + ".svg", title);
    }
}
