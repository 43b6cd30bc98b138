using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NegLR.Experiments.Reporting;
using ScottPlot;

namespace NegLR.Experiments.Variance;

/// <summary>Gradient variance against qubits (log scale, fitted slopes) and against depth.</summary>
internal static class VariancePlots
{
    /// <summary>Okabe–Ito without yellow (too faint on white) and black (kept for nothing; the reference line is grey).</summary>
    private static readonly string[] Palette = { "#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7" };

    public static PlotResult Write(VarianceSummary s, VarianceConfig config, string directory)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var files = new List<PlotFile>();
            foreach (var ansatz in config.Ansatze)
            {
                files.Add(AgainstQubits(s, config, ansatz, directory));
                if (config.Layers.Count > 1)
                {
                    files.Add(AgainstDepth(s, config, ansatz, directory));
                }
            }

            return new PlotResult { Available = true, Files = files };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PlotResult.Skipped($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string AnsatzText(string ansatz) => ansatz == "random" ? "random circuits (McClean et al. 2018)" : "hardware-efficient ansatz";

    private static PlotFile AgainstQubits(VarianceSummary s, VarianceConfig config, string ansatz, string directory)
    {
        var plt = Plots.NewPlot();
        int series = 0;
        foreach (var cost in config.Costs)
        {
            foreach (int layers in config.Layers)
            {
                var pts = s.Points.Where(p => p.Ansatz == ansatz && p.Cost == cost && p.Layers == layers && p.VarianceFirst > 0).OrderBy(p => p.Qubits).ToList();
                if (pts.Count == 0)
                {
                    continue;
                }

                var color = Color.FromHex(Palette[series++ % Palette.Length]);
                var xs = pts.Select(p => (double)p.Qubits).ToArray();
                var ys = pts.Select(p => Math.Log10(p.VarianceFirst)).ToArray();
                var fit = s.Fits.First(f => f.Ansatz == ansatz && f.Cost == cost && f.Layers == layers && f.Statistic == "first");
                var marker = plt.Add.Scatter(xs, ys);
                marker.Color = color;
                marker.LineWidth = 0;
                marker.MarkerSize = 8;
                marker.MarkerShape = cost == "local" ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
                marker.LegendText = string.Create(CultureInfo.InvariantCulture,
                    $"{cost}, L = {layers}: κ = {fit.DecayRateBits:F2} ± {fit.DecayRateBitsSe:F2}");
                foreach (var p in pts)
                {
                    double lo = Math.Log10(Math.Max(p.VarianceFirst - p.VarianceFirstSe, p.VarianceFirst / 10));
                    double hi = Math.Log10(p.VarianceFirst + p.VarianceFirstSe);
                    var bar = plt.Add.Line(p.Qubits, lo, p.Qubits, hi);
                    bar.Color = color;
                    bar.LineWidth = 1.5f;
                }

                if (fit.SlopeLn is double b && fit.InterceptLn is double a0 && fit.Qubits.Count >= 2)
                {
                    double x0 = fit.Qubits.Min(), x1 = fit.Qubits.Max();
                    var line = plt.Add.Line(x0, (a0 + (b * x0)) / Math.Log(10), x1, (a0 + (b * x1)) / Math.Log(10));
                    line.Color = color;
                    line.LineWidth = 1.5f;
                }
            }
        }

        var qs = config.Qubits.Select(n => (double)n).ToArray();
        var reference = plt.Add.Scatter(qs, s.Points.Where(p => p.Ansatz == ansatz).GroupBy(p => p.Qubits).OrderBy(g => g.Key)
            .Select(g => Math.Log10(g.First().TwoDesignFirst)).ToArray());
        reference.Color = Colors.Gray;
        reference.LineWidth = 1;
        reference.MarkerSize = 0;
        reference.LegendText = ansatz == "hea" ? "2-design limit of ∂₁: d/(2(d²−1))" : "2-design limit of ∂₁: d/(3(d²−1))";
        plt.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plt.Title($"Gradient variance vs. qubits: {AnsatzText(ansatz)}");
        plt.XLabel("qubits n");
        plt.YLabel("Var[∂C/∂θ₁] over random initialisations (log scale)");
        Plots.LogAxis(plt);
        plt.ShowLegend(Edge.Right);
        return Plots.Save(plt, "variance-qubits", ansatz, "all", directory,
            $"Gradient variance against qubits, {AnsatzText(ansatz)}; lines: weighted exponential fits (κ: Var ∝ 2^−κn), bars: ±1 standard error");
    }

    private static PlotFile AgainstDepth(VarianceSummary s, VarianceConfig config, string ansatz, string directory)
    {
        var plt = Plots.NewPlot();
        var shown = config.Qubits.Count <= 4 ? config.Qubits.ToList() : new[] { config.Qubits[0], config.Qubits[config.Qubits.Count / 2], config.Qubits[^1] }.Distinct().ToList();
        int series = 0;
        foreach (var cost in config.Costs)
        {
            foreach (int n in shown)
            {
                var pts = s.Points.Where(p => p.Ansatz == ansatz && p.Cost == cost && p.Qubits == n && p.VarianceFirst > 0).OrderBy(p => p.Layers).ToList();
                if (pts.Count == 0)
                {
                    continue;
                }

                var color = Color.FromHex(Palette[series++ % Palette.Length]);
                var line = plt.Add.Scatter(pts.Select(p => Math.Log10(p.Layers)).ToArray(), pts.Select(p => Math.Log10(p.VarianceFirst)).ToArray());
                line.Color = color;
                line.MarkerShape = cost == "local" ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
                line.MarkerSize = 7;
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{cost}, n = {n}");
            }
        }

        plt.Title($"Gradient variance vs. depth: {AnsatzText(ansatz)}");
        plt.XLabel("layers L (log scale)");
        plt.YLabel("Var[∂C/∂θ₁] (log scale)");
        Plots.LogAxis(plt);
        plt.Axes.Bottom.SetTicks(config.Layers.Select(l => Math.Log10(l)).ToArray(),
            config.Layers.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToArray());
        plt.ShowLegend(Edge.Right);
        return Plots.Save(plt, "variance-depth", ansatz, "all", directory, $"Gradient variance against depth, {AnsatzText(ansatz)}");
    }
}
