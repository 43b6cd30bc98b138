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

    // Every NLR variant is vermillion, told apart by marker shape; the baselines take the other Okabe–Ito colours (yellow
    // is left out: too faint on white). Lines are solid: Skia's SVG backend cannot draw dash patterns.
    private static readonly Dictionary<string, (string Color, LinePattern Pattern, MarkerShape Marker)> Styles = new(StringComparer.Ordinal)
    {
        ["nlr"] = ("#D55E00", LinePattern.Solid, MarkerShape.None),
        ["nlr-reactive"] = ("#D55E00", LinePattern.Solid, MarkerShape.FilledTriangleUp),
        ["nlr-plateau"] = ("#D55E00", LinePattern.Solid, MarkerShape.FilledSquare),
        ["nlr-periodic"] = ("#D55E00", LinePattern.Solid, MarkerShape.FilledDiamond),
        ["nlr-stochastic"] = ("#D55E00", LinePattern.Solid, MarkerShape.FilledTriangleDown),
        ["sgd"] = ("#000000", LinePattern.Solid, MarkerShape.None),
        ["momentum"] = ("#56B4E9", LinePattern.Solid, MarkerShape.None),
        ["adam"] = ("#0072B2", LinePattern.Solid, MarkerShape.None),
        ["rmsprop"] = ("#009E73", LinePattern.Solid, MarkerShape.None),
        ["adagrad"] = ("#E69F00", LinePattern.Solid, MarkerShape.None),
        ["spsa"] = ("#CC79A7", LinePattern.Solid, MarkerShape.None),
    };

    public static Color ColorOf(string optimizer) => Color.FromHex(Styles.TryGetValue(optimizer, out var s) ? s.Color : "#000000");

    public static LinePattern PatternOf(string optimizer) => Styles.TryGetValue(optimizer, out var s) ? s.Pattern : LinePattern.Solid;

    public static MarkerShape MarkerOf(string optimizer) => Styles.TryGetValue(optimizer, out var s) ? s.Marker : MarkerShape.None;

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
                var best = summary.Comparisons.FirstOrDefault(c => c.Benchmark == benchmark.Id && c.Mode == cell.Key.Mode && c.IsBestBaseline);
                var nlr = config.Optimizers.FirstOrDefault(o => o.Id == OptimizerCatalog.Headline) ?? config.Optimizers.FirstOrDefault(o => o.IsNlr);
                if (nlr is not null)
                {
                    files.Add(GradientNorms(benchmark, cell.Key.Mode, runs, config, names, nlr.Id, best?.Baseline, directory));
                }
            }

            foreach (var mode in summary.Protocol.Modes)
            {
                var f = Improvements(summary, mode, names, directory);
                if (f is not null)
                {
                    files.Add(f);
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
        long budget = runs.Max(r => r.BudgetEvaluations);
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

            var sampled = mine.Select(r => Sample(r, metric, xs)).ToList();
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

        string curve = benchmark.MetricName.StartsWith("final ", StringComparison.Ordinal) ? benchmark.MetricName[6..] : benchmark.MetricName;
        string noisy = mode == "exact" ? string.Empty : " (shot estimates, last point exact)";
        plt.Title($"{benchmark.Id}, {ModeText(mode)}: {curve} vs. budget{noisy}");
        plt.XLabel("circuit evaluations spent");
        plt.YLabel(curve + (log ? " (log scale)" : string.Empty));
        if (log)
        {
            LogAxis(plt);
        }

        plt.ShowLegend(Edge.Right);
        return Save(plt, "loss", benchmark.Id, mode, directory, $"{benchmark.Id} ({ModeText(mode)}): median {benchmark.MetricName} against circuit evaluations, interquartile band over {config.Seeds.Count} seeds");
    }

    /// <summary>The run's score as a step function of evaluations: the loss of θ_t holds from evaluations_before(t).</summary>
    private static double[] Sample(RunRecord r, Func<double, double> metric, double[] xs)
    {
        var h = r.History;
        var px = new List<double>(h.Count + 1);
        var py = new List<double>(h.Count + 1);
        for (int t = 0; t < h.Count; t++)
        {
            px.Add(t == 0 ? 0 : h.Evaluations[t - 1]);
            py.Add(metric(h.Loss[t]));
        }

        px.Add(r.EvaluationsUsed);
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

        bool log = series.All(r => r.History.GradientNorm.All(g => g > 0));
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
            line.LegendText = names[r.Optimizer] + (r.Optimizer == nlr ? string.Empty : " (best baseline)");
        }

        plt.Title($"{benchmark.Id}, {ModeText(mode)}, seed {seed}: gradient norm, NLR ascent shaded");
        plt.XLabel("circuit evaluations spent");
        plt.YLabel("‖g‖₂ of the step's gradient" + (log ? " (log scale)" : string.Empty));
        if (log)
        {
            LogAxis(plt);
        }

        plt.ShowLegend(Edge.Right);
        return Save(plt, "gradnorm", benchmark.Id, mode, directory,
            $"{benchmark.Id} ({ModeText(mode)}): gradient norm over training, seed {seed}, NLR ascent steps shaded ({h.Phases.Count(c => c == '-')} of {h.Count})");
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
        plt.Title($"{benchmark.Id}, {ModeText(mode)}: final {benchmark.MetricName} over {config.Seeds.Count} seeds");
        plt.XLabel("optimizer");
        plt.YLabel(benchmark.MetricName + (log ? " (log scale)" : string.Empty));
        if (log)
        {
            LogAxis(plt);
        }

        return Save(plt, "final", benchmark.Id, mode, directory,
            $"{benchmark.Id} ({ModeText(mode)}): final {benchmark.MetricName} per optimizer (box: quartiles, whiskers: min–max, dots: seeds)");
    }

    /// <summary>Forest plot: NLR's reduction against the best baseline per benchmark, with its bootstrap CI.</summary>
    private static PlotFile? Improvements(Summary summary, string mode, IReadOnlyDictionary<string, string> names, string directory)
    {
        var cs = summary.Comparisons.Where(c => c.Mode == mode && c.IsBestBaseline && c.Optimizer == OptimizerCatalog.Headline
            && c.ImprovementPercent is not null).ToList();
        if (cs.Count == 0)
        {
            return null;
        }

        var plt = NewPlot();
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
            }

            var dot = plt.Add.ScatterPoints(new[] { Clip(c.ImprovementPercent!.Value) }, new[] { y });
            dot.Color = color;
            dot.MarkerSize = 8;
        }

        var zero = plt.Add.VerticalLine(0);
        zero.Color = Colors.Gray;
        plt.Axes.Left.SetTicks(Enumerable.Range(0, cs.Count).Select(i => (double)(cs.Count - 1 - i)).ToArray(),
            cs.Select(c => $"{c.Benchmark} (vs {names.GetValueOrDefault(c.Baseline, c.Baseline)})").ToArray());
        plt.Axes.Left.MinimumSize = 260;
        plt.Title($"{names.GetValueOrDefault(OptimizerCatalog.Headline, "NLR")} against the best baseline, {ModeText(mode)}");
        plt.XLabel("reduction of the final score, % (95 % bootstrap CI; >0: NLR better; clipped to ±200 %)");
        plt.YLabel("benchmark");
        var legend = new[] { ("significantly better (p < 0.05)", "#009E73"), ("no significant difference", "#000000"), ("significantly worse", "#D55E00") };
        foreach (var (text, hex) in legend)
        {
            var entry = plt.Add.ScatterPoints(Array.Empty<double>(), Array.Empty<double>());
            entry.Color = Color.FromHex(hex);
            entry.LegendText = text;
        }

        plt.ShowLegend(Edge.Bottom);
        int height = Math.Max(Height, 120 + (24 * cs.Count));
        return Save(plt, "improvement", "all", mode, directory, $"NLR's reduction of the final score against the best baseline per benchmark ({ModeText(mode)})", height);
    }

    private static double Clip(double v) => Math.Clamp(v, -200, 200);

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
        Storage.AtomicFile.WriteAllText(svg, plt.GetSvgXml(Width, height));
        return new PlotFile(kind, benchmark, mode, "plots/" + stem + ".png", "plots/" + stem + ".svg", title);
    }
}
