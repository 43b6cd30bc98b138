using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NegLR.Experiments.Reporting;
using ScottPlot;

namespace NegLR.Experiments.Study;

/// <summary>The study report's own figures, drawn with the runner's plot style (<see cref="Plots"/>).</summary>
internal static class Figures
{
    /// <summary>
    /// Success probability against the share of the budget spent (1 − Kaplan–Meier survival of time-to-target), per
    /// optimizer averaged over the part's benchmarks and modes. Null when the part has no time-to-target data.
    /// </summary>
    public static string? Success(string part, Summary summary, string directory)
    {
        var budgets = summary.Benchmarks.SelectMany(b => b.Budgets.Select(x => (b.Id, x.Mode, Budget: x.ShotsPerEvaluation > 0 ? (double)x.Shots : x.CircuitEvaluations)))
            .ToDictionary(x => (x.Id, x.Mode), x => x.Budget);
        // NLR variants solid in colour; each base once, black, dashed or dotted (a base serves several variants).
        var nlrIds = summary.Optimizers.Where(o => o.Control is not null).Take(7).Select(o => o.Id).ToList();
        var baseIds = summary.Optimizers.Where(o => nlrIds.Contains(o.Id)).Select(o => o.Control!).Distinct().ToList();
        var grid = Enumerable.Range(0, 101).Select(i => i / 100.0).ToArray();
        var plt = Plots.NewPlot();
        int index = 0;
        var patterns = new[] { LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed };
        foreach (var (id, isNlr, k) in nlrIds.Select((id, k) => (id, true, k)).Concat(baseIds.Select((id, k) => (id, false, k))))
        {
            var results = summary.Results.Where(r => r.Optimizer == id && budgets.ContainsKey((r.Benchmark, r.Mode))).ToList();
            if (results.Count == 0)
            {
                continue;
            }

            var mean = grid.Select(x => results.Average(r => 1 - Survival(r.TimeToTarget.Curve, x * budgets[(r.Benchmark, r.Mode)]))).ToArray();
            var line = plt.Add.Scatter(grid, mean);
            line.MarkerSize = 0;
            line.LineWidth = isNlr ? 2 : 2.5f;
            line.Color = isNlr ? Color.FromHex(Plots.OkabeIto[(k + 1) % Plots.OkabeIto.Length]) : Colors.Black;
            line.LinePattern = isNlr ? LinePattern.Solid : patterns[k % patterns.Length];
            line.LegendText = summary.Optimizers.First(o => o.Id == id).Name;
            index++;
        }

        if (index == 0)
        {
            return null;
        }

        plt.Axes.Bottom.Label.Text = "share of the budget spent (shots, or circuit evaluations in exact mode)";
        plt.Axes.Left.Label.Text = "share of runs at the target (Kaplan–Meier)";
        plt.Axes.SetLimits(0, 1, 0, 1);
        plt.ShowLegend(Alignment.LowerRight);
        var file = Plots.Save(plt, "success", part, "all", directory, $"Success curves, {part}");
        return System.IO.Path.GetFileName(file.Png);
    }

    /// <summary>The step function S(t) of a Kaplan–Meier curve given as [time, survival] points (1 before the first).</summary>
    public static double Survival(IReadOnlyList<double[]> curve, double t)
    {
        double s = 1;
        foreach (var p in curve)
        {
            if (p[0] > t)
            {
                break;
            }

            s = p[1];
        }

        return s;
    }

    /// <summary>Noise strengths of the gradient-decay figure (two-qubit depolarizing p2; p1 = p2/10).</summary>
    public static readonly double[] DecayNoise = { 1e-3, 5e-3, 1e-2, 5e-2 };

    /// <summary>Depths of the gradient-decay figure.</summary>
    public static readonly int[] DecayDepths = { 1, 2, 4, 8, 12, 16, 24 };

    /// <summary>
    /// Largest |∂C/∂θ| over all weights and 32 random starts of the 4-qubit hardware-efficient ansatz with ⟨Z0 Z1⟩ under
    /// local depolarizing noise, against depth, with the bound of <see cref="NoiseInducedPlateauBound"/> for the same noise.
    /// </summary>
    public static string GradientDecay(string directory)
    {
        const int Qubits = 4, Starts = 32;
        var observable = PauliSum.Parse("Z0 Z1");
        var plt = Plots.NewPlot();
        int colour = 0;
        foreach (double p2 in DecayNoise)
        {
            double p1 = p2 / 10;
            var measured = new List<double>();
            var bound = new List<double>();
            foreach (int layers in DecayDepths)
            {
                var circuit = new Circuit(Qubits).HardwareEfficient(layers);
                var model = new NoiseModel().AfterEach(NoiseChannel.Depolarizing(p1), NoiseModel.SingleQubitGates)
                    .AfterEach(NoiseChannel.TwoQubitDepolarizing(p2), NoiseModel.TwoQubitGates);
                var simulator = new DensityMatrixSimulator(circuit, model);
                var workspace = simulator.CreateWorkspace();
                var gradient = new double[simulator.WeightCount];
                var random = new SeededRandom(2021 + (ulong)layers);
                double largest = 0;
                for (int s = 0; s < Starts; s++)
                {
                    var w = Enumerable.Range(0, simulator.WeightCount).Select(_ => random.NextDouble(0, 2 * Math.PI)).ToArray();
                    simulator.EvaluateWithGradient(w, observable, gradient, workspace);
                    largest = Math.Max(largest, gradient.Max(Math.Abs));
                }

                measured.Add(largest);
                double q = NoiseInducedPlateauBound.DepolarizingFactor(p1) * NoiseInducedPlateauBound.DepolarizingFactor(p1)
                    * NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(p2);
                bound.Add(NoiseInducedPlateauBound.GradientBound(Qubits, layers, q, 0.5, 1));
            }

            var x = DecayDepths.Select(d => (double)d).ToArray();
            var colourValue = Color.FromHex(Plots.OkabeIto[new[] { 1, 2, 3, 6 }[colour++ % 4]]);
            var m = plt.Add.Scatter(x, Plots.Transform(measured, log: true));
            m.Color = colourValue;
            m.LineWidth = 2;
            m.MarkerSize = 7;
            m.LegendText = Inv($"measured, p2 = {p2:G2}");
            var b = plt.Add.Scatter(x, Plots.Transform(bound, log: true));
            b.Color = colourValue;
            b.LinePattern = LinePattern.Dashed;
            b.MarkerSize = 0;
            b.LegendText = Inv($"Wang et al. bound, p2 = {p2:G2}");
        }

        Plots.LogAxis(plt);
        plt.Axes.Bottom.Label.Text = "layers L";
        plt.Axes.Left.Label.Text = "largest |∂C/∂θ| (32 random starts)";
        plt.ShowLegend(Alignment.LowerLeft);
        var file = Plots.Save(plt, "gradient-decay", "hea4", "noise", directory, "Gradient decay under noise against Wang et al.'s bound");
        return System.IO.Path.GetFileName(file.Png);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
