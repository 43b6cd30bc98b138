using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Storage;

namespace NegLR.Experiments.Reporting;

/// <summary>Writes summary.json, steps.csv, report.md and the plots into the output folder.</summary>
internal static class OutputWriter
{
    public static readonly JsonSerializerOptions SummaryJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteAll(CompareConfig config, Summary summary, IReadOnlyList<RunRecord> records, string outDir, TextWriter log)
    {
        AtomicFile.WriteAllText(Path.Combine(outDir, "summary.json"), JsonSerializer.Serialize(summary, SummaryJson) + "\n");
        string schema = Path.Combine(AppContext.BaseDirectory, "Reporting", "summary.schema.json");
        if (File.Exists(schema))
        {
            AtomicFile.WriteAllBytes(Path.Combine(outDir, "summary.schema.json"), File.ReadAllBytes(schema));
        }
        var metrics = config.Benchmarks.ToDictionary(b => b.Id, b => b.Create(0, config.Sizes).Metric, StringComparer.Ordinal);
        WriteStepsCsv(Path.Combine(outDir, "steps.csv"), records, metrics);
        // Figures are redrawn from all runs every time; stale ones (cells no longer in the grid) go first.
        string plotDir = Path.Combine(outDir, "plots");
        if (Directory.Exists(plotDir))
        {
            foreach (var f in Directory.EnumerateFiles(plotDir).Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)))
            {
                File.Delete(f);
            }
        }

        PlotResult plots = PlotResult.Skipped("plots were not requested (--no-plots)");
        if (config.Plots)
        {
            plots = Plots.WriteComparePlots(config, summary, records, metrics, plotDir);
            if (!plots.Available)
            {
                log.WriteLine("Plots unavailable: " + plots.Reason);
            }
        }

        AtomicFile.WriteAllText(Path.Combine(outDir, "report.md"), ReportWriter.Write(config, summary, plots));
    }

    public const string StepsHeader = "benchmark,mode,optimizer,seed,step,evaluations_before,evaluations,shots,loss,metric,gradient_norm,learning_rate,phase,trial_loss";

    /// <summary>One row per step of every run, in grid order; the loss is L(θ_t), measured after evaluations_before evaluations.</summary>
    public static void WriteStepsCsv(string path, IReadOnlyList<RunRecord> records, IReadOnlyDictionary<string, Func<double, double>> metrics) =>
        AtomicFile.Write(path, stream => WriteSteps(stream, records, metrics));

    private static void WriteSteps(Stream stream, IReadOnlyList<RunRecord> records, IReadOnlyDictionary<string, Func<double, double>> metrics)
    {
        using var w = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        w.Write(StepsHeader);
        w.Write('\n');
        var sb = new StringBuilder(256);
        foreach (var r in records)
        {
            var h = r.History;
            var metric = metrics[r.Benchmark];
            for (int t = 0; t < h.Count; t++)
            {
                sb.Clear();
                sb.Append(r.Benchmark).Append(',').Append(r.Mode).Append(',').Append(r.Optimizer).Append(',')
                    .Append(r.Seed.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(t.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append((t == 0 ? 0 : h.Evaluations[t - 1]).ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(h.Evaluations[t].ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(h.Shots[t].ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(R(h.Loss[t])).Append(',')
                    .Append(R(metric(h.Loss[t]))).Append(',')
                    .Append(R(h.GradientNorm[t])).Append(',')
                    .Append(R(h.LearningRate[t])).Append(',')
                    .Append(h.Phases[t] == '-' ? "ascent" : "descent").Append(',')
                    .Append(h.TrialLoss[t] is double trial ? R(trial) : string.Empty)
                    .Append('\n');
                w.Write(sb);
            }
        }
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
