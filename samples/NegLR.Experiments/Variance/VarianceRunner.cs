using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Reporting;
using NegLR.Experiments.Stats;

namespace NegLR.Experiments.Variance;

/// <summary>
/// The variance verb: Var[∂C/∂θ] over uniformly random weights (and, for McClean's random circuits, random gate axes),
/// against qubit count and depth, for a local (Z0) and a global (Z on every qubit) cost; exponential decay rates fitted
/// with their standard errors. The sampling is the Runtime's barren-plateau probe (exact adjoint gradients).
/// </summary>
internal static class VarianceRunner
{
    public static int Run(VarianceConfig config, TextWriter log, CancellationToken cancellationToken)
    {
        var points = (from a in config.Ansatze from c in config.Costs from l in config.Layers from n in config.Qubits select (a, c, n, l)).ToList();
        string outDir = Path.GetFullPath(config.OutputDirectory);
        Directory.CreateDirectory(outDir);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"variance ({config.Preset}): {points.Count} points × {config.Samples} samples; output {outDir}"));
        var results = new ConcurrentDictionary<int, VariancePoint>();
        var mine = Enumerable.Range(0, points.Count).ToList();
        string pointDir = Path.Combine(outDir, "points");
        using var folder = config.Shard is not null || config.Merge ? Storage.OutputFolder.Open(outDir, "variance", config.Shard?.Name ?? "all") : null;
        if (config.Shard is { } shard)
        {
            var keys = points.Select(p => new Compare.RunKey($"{p.a}-{p.c}-n{p.n}", 0, "l" + p.l.ToString(CultureInfo.InvariantCulture), 0)).ToList();
            var assignment = Distributed.Sharding.Assign(keys, k => Cost(points[keys.IndexOf(k)]), shard.Count);
            mine = mine.Where(i => assignment[i] == shard.Index).ToList();
        }

        if (config.Shard is not null || config.Merge)
        {
            foreach (int i in mine.ToList())
            {
                if (LoadPoint(PointPath(pointDir, points[i]), config) is { } saved)
                {
                    results[i] = saved;
                    mine.Remove(i);
                }
            }

            if (config.Merge && mine.Count > 0)
            {
                throw new Cli.OutputFolderException(string.Create(CultureInfo.InvariantCulture,
                    $"--merge: {mine.Count} of {points.Count} points are missing or damaged in {pointDir}; re-run the shards that did not finish (the same command with --shard K/N), then merge again."));
            }
        }

        // Biggest first so the workers finish together.
        var queue = new ConcurrentQueue<int>(mine.OrderByDescending(i => Cost(points[i])));
        ProgressDisplay.Run("variance", mine.Count, config.LiveProgress, log, progress =>
        {
            var workers = Enumerable.Range(0, Math.Min(config.Jobs, Math.Max(1, mine.Count))).Select(_ => Task.Factory.StartNew(() =>
            {
                while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out int i))
                {
                    var (a, c, n, l) = points[i];
                    var p = Measure(a, c, n, l, config.Samples, config.Seed, cancellationToken);
                    if (p is not null)
                    {
                        results[i] = p;
                        if (config.Shard is not null)
                        {
                            SavePoint(PointPath(pointDir, points[i]), p, config);
                        }

                        progress.Advance();
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Task.WaitAll(workers, CancellationToken.None);
        });
        if (cancellationToken.IsCancellationRequested)
        {
            log.WriteLine("Interrupted; nothing written.");
            return Compare.CompareRunner.ExitInterrupted;
        }

        if (config.Shard is { } done)
        {
            log.WriteLine($"Shard {done} done: {mine.Count} points measured into {pointDir}. When every shard is done, run the same command with --merge instead of --shard.");
            return 0;
        }

        var summary = new VarianceSummary
        {
            Command = config.CommandLine,
            Seed = config.Seed,
            Samples = config.Samples,
            FitMinQubits = config.FitMinQubits,
            Points = Enumerable.Range(0, points.Count).Select(i => results[i]).ToList(),
        };
        foreach (var a in config.Ansatze)
        {
            foreach (var c in config.Costs)
            {
                foreach (int l in config.Layers)
                {
                    foreach (var statistic in new[] { "first", "all" })
                    {
                        summary.Fits.Add(Fit(summary.Points.Where(p => p.Ansatz == a && p.Cost == c && p.Layers == l).ToList(), statistic, config.FitMinQubits));
                    }
                }
            }
        }

        var json = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        File.WriteAllText(Path.Combine(outDir, "variance.json"), JsonSerializer.Serialize(summary, json) + "\n", new UTF8Encoding(false));
        WriteCsv(Path.Combine(outDir, "variance.csv"), summary);
        var plots = config.Plots ? VariancePlots.Write(summary, config, Path.Combine(outDir, "plots")) : PlotResult.Skipped("plots were not requested (--no-plots)");
        if (config.Plots && !plots.Available)
        {
            log.WriteLine("Plots unavailable: " + plots.Reason);
        }

        File.WriteAllText(Path.Combine(outDir, "report.md"), VarianceReport.Write(summary, config, plots), new UTF8Encoding(false));
        foreach (var f in summary.Fits.Where(f => f.Statistic == "first"))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {f.Ansatz,-6} {f.Cost,-6} L = {f.Layers,3}: Var ∝ 2^(−κn), κ = {Fmt(f.DecayRateBits)} ± {Fmt(f.DecayRateBitsSe)} (n = {string.Join(",", f.Qubits)})"));
        }

        log.WriteLine($"Done: {outDir}/variance.json, variance.csv, report.md{(plots.Available ? ", plots/" : string.Empty)}");
        return 0;
    }

    private static double Cost((string a, string c, int n, int l) p) => (1L << p.n) * (double)p.l * p.n;

    private static string PointPath(string dir, (string a, string c, int n, int l) p) =>
        Path.Combine(dir, string.Create(CultureInfo.InvariantCulture, $"{p.a}-{p.c}-n{p.n}-l{p.l}.json"));

    private static readonly JsonSerializerOptions PointJson = new() { WriteIndented = false };

    /// <summary>A shard's point: sealed like a run file, with the settings it was measured with (samples, seed).</summary>
    private static void SavePoint(string path, VariancePoint p, VarianceConfig config) =>
        Storage.AtomicFile.WriteAllText(path, Storage.Seal.Apply(JsonSerializer.Serialize(new SavedPoint { Samples = config.Samples, Seed = config.Seed, Point = p }, PointJson)));

    /// <summary>The saved point when the file is sealed and was measured with these settings; else null (it is measured again).</summary>
    private static VariancePoint? LoadPoint(string path, VarianceConfig config)
    {
        if (!File.Exists(path) || Storage.Seal.Verify(File.ReadAllText(path)) is not string body)
        {
            return null;
        }

        try
        {
            var saved = JsonSerializer.Deserialize<SavedPoint>(body, PointJson);
            return saved is { Point: not null } && saved.Samples == config.Samples && saved.Seed == config.Seed ? saved.Point : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class SavedPoint
    {
        public int Samples { get; set; }

        public ulong Seed { get; set; }

        public VariancePoint? Point { get; set; }
    }

    private static string Fmt(double? v) => v is double x ? x.ToString("F3", CultureInfo.InvariantCulture) : "–";

    /// <summary>The observable: Z0 (local) or Z0 Z1 … Z(n−1) (global).</summary>
    public static PauliSum Observable(string cost, int n) =>
        cost == "local" ? PauliSum.Z(0) : new PauliSum(new[] { new PauliTerm(1, 0, (1 << n) - 1) });

    /// <summary>Most blocks (probe calls) per <c>hea</c> point: enough for a standard error, few enough to lose little (one degree of freedom each).</summary>
    public const int HeaBlocks = 20;

    /// <summary>
    /// Gradient statistics at one point, measured by the Runtime's <see cref="BarrenPlateauProbe"/> in blocks of samples;
    /// null when cancelled. The probe varies the weights of one circuit. McClean's ensemble varies the gate axes too, so
    /// <c>random</c> draws a fresh circuit for every block, and its blocks hold the probe's minimum of 2 samples so that
    /// as many circuits as possible are drawn; the hardware-efficient circuit is fixed, so its blocks (at most
    /// <see cref="HeaBlocks"/>) only serve the standard error. The mean of the block variances is unbiased for the
    /// ensemble variance: each block's is unbiased for its circuit, and every circuit's mean gradient is exactly 0 (a
    /// derivative averaged over a full period of its angle), so Var = E_circuit[Var | circuit]. Blocks are independent,
    /// so SE = sd(block variances)/√blocks.
    /// </summary>
    public static VariancePoint? Measure(string ansatz, string cost, int n, int layers, int samples, ulong seed, CancellationToken cancellationToken)
    {
        if (samples < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "A point needs at least 4 samples: 2 blocks of 2.");
        }

        var random = SeededRandom.ForStream(seed, Aggregator.StableHash($"{ansatz}|{cost}|{n}|{layers}"));
        var observable = Observable(cost, n);
        var hea = ansatz == "hea" ? new Circuit(n).HardwareEfficient(layers) : null;
        int blocks = hea is null ? samples / 2 : Math.Min(HeaBlocks, samples / 2);
        var varianceFirst = new double[blocks];
        var varianceAll = new double[blocks];
        double meanFirst = 0;
        int weights = 0;
        for (int b = 0; b < blocks; b++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            // The samples split as evenly as they go: the first (samples mod blocks) blocks take one more.
            int size = (samples / blocks) + (b < samples % blocks ? 1 : 0);
            var circuit = hea ?? RandomCircuits.McClean(n, layers, random);
            GradientVarianceReport report;
            try
            {
                // One worker: the verb already runs a point per processor (--jobs).
                report = BarrenPlateauProbe.Measure(circuit, observable, size, random.NextUInt64(), workers: 1, cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            varianceFirst[b] = report.Variance[0];
            varianceAll[b] = report.MeanVariance;
            meanFirst += report.Mean[0] * size / samples;
            weights = report.Variance.Length;
        }

        double d = Math.Pow(2, n);
        return new VariancePoint
        {
            Ansatz = ansatz,
            Cost = cost,
            Qubits = n,
            Layers = layers,
            Weights = weights,
            Samples = samples,
            MeanFirst = meanFirst,
            VarianceFirst = Descriptive.Mean(varianceFirst),
            VarianceFirstSe = Descriptive.StandardDeviation(varianceFirst) / Math.Sqrt(blocks),
            VarianceAll = Descriptive.Mean(varianceAll),
            VarianceAllSe = Descriptive.StandardDeviation(varianceAll) / Math.Sqrt(blocks),
            TwoDesignFirst = VariancePoint.FirstWeightLimit(ansatz, n),
            TwoDesignInterior = VariancePoint.InteriorWeightValue(n),
        };
    }

    private static VarianceFit Fit(List<VariancePoint> points, string statistic, int minQubits)
    {
        var used = points.Where(p => p.Qubits >= minQubits).OrderBy(p => p.Qubits).ToList();
        if (used.Count < 2)
        {
            used = points.OrderBy(p => p.Qubits).ToList();
        }

        used = used.Where(p => (statistic == "first" ? p.VarianceFirst : p.VarianceAll) > 0).ToList();
        var fit = ExponentialFit.FitLog(
            used.Select(p => (double)p.Qubits).ToList(),
            used.Select(p => statistic == "first" ? p.VarianceFirst : p.VarianceAll).ToList(),
            used.Select(p => statistic == "first" ? p.VarianceFirstSe : p.VarianceAllSe).ToList());
        return new VarianceFit
        {
            Ansatz = points[0].Ansatz,
            Cost = points[0].Cost,
            Layers = points[0].Layers,
            Statistic = statistic,
            Qubits = used.Select(p => p.Qubits).ToList(),
            SlopeLn = Finite(fit.Slope),
            SlopeLnSe = Finite(fit.SlopeSe),
            DecayRateBits = Finite(-fit.Slope / Math.Log(2)),
            DecayRateBitsSe = Finite(fit.SlopeSe / Math.Log(2)),
            InterceptLn = Finite(fit.Intercept),
            ReducedChiSquared = Finite(fit.ReducedChiSquared),
        };
    }

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static void WriteCsv(string path, VarianceSummary s)
    {
        var sb = new StringBuilder("ansatz,cost,qubits,layers,weights,samples,mean_first,variance_first,variance_first_se,variance_all,variance_all_se,two_design_first,two_design_interior\n");
        foreach (var p in s.Points)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"{p.Ansatz},{p.Cost},{p.Qubits},{p.Layers},{p.Weights},{p.Samples},{p.MeanFirst:R},{p.VarianceFirst:R},{p.VarianceFirstSe:R},{p.VarianceAll:R},{p.VarianceAllSe:R},{p.TwoDesignFirst:R},{p.TwoDesignInterior:R}\n"));
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
