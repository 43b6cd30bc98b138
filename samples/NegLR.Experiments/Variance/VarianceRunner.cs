using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Reporting;
using NegLR.Experiments.Stats;

namespace NegLR.Experiments.Variance;

/// <summary>Gradient statistics at one (ansatz, cost, qubits, layers) point.</summary>
internal sealed class VariancePoint
{
    [JsonPropertyName("ansatz")]
    public string Ansatz { get; set; } = string.Empty;

    [JsonPropertyName("cost")]
    public string Cost { get; set; } = string.Empty;

    [JsonPropertyName("qubits")]
    public int Qubits { get; set; }

    [JsonPropertyName("layers")]
    public int Layers { get; set; }

    [JsonPropertyName("weights")]
    public int Weights { get; set; }

    [JsonPropertyName("samples")]
    public int Samples { get; set; }

    /// <summary>Mean of ∂C/∂θ₁ (should be ≈ 0).</summary>
    [JsonPropertyName("meanFirst")]
    public double MeanFirst { get; set; }

    /// <summary>Sample variance of ∂C/∂θ₁, the first weight (McClean et al.'s statistic).</summary>
    [JsonPropertyName("varianceFirst")]
    public double VarianceFirst { get; set; }

    [JsonPropertyName("varianceFirstSe")]
    public double VarianceFirstSe { get; set; }

    /// <summary>Sample variance of ∂C/∂θ_k averaged over every weight k.</summary>
    [JsonPropertyName("varianceAll")]
    public double VarianceAll { get; set; }

    [JsonPropertyName("varianceAllSe")]
    public double VarianceAllSe { get; set; }

    /// <summary>Unitary-2-design prediction for a Pauli-string cost and a Pauli-rotation weight: d²/(2(d²−1)(d+1)) ≈ 2^−(n+1).</summary>
    [JsonPropertyName("twoDesignPrediction")]
    public double TwoDesignPrediction { get; set; }
}

/// <summary>An exponential fit Var ≈ A·2^(−κ n) over qubit counts at fixed ansatz, cost and depth.</summary>
internal sealed class VarianceFit
{
    [JsonPropertyName("ansatz")]
    public string Ansatz { get; set; } = string.Empty;

    [JsonPropertyName("cost")]
    public string Cost { get; set; } = string.Empty;

    [JsonPropertyName("layers")]
    public int Layers { get; set; }

    [JsonPropertyName("statistic")]
    public string Statistic { get; set; } = string.Empty;

    [JsonPropertyName("qubits")]
    public List<int> Qubits { get; set; } = new();

    /// <summary>d ln Var / d n.</summary>
    [JsonPropertyName("slopeLn")]
    public double? SlopeLn { get; set; }

    [JsonPropertyName("slopeLnSe")]
    public double? SlopeLnSe { get; set; }

    /// <summary>κ in Var ∝ 2^(−κ n): −slope/ln 2.</summary>
    [JsonPropertyName("decayRateBits")]
    public double? DecayRateBits { get; set; }

    [JsonPropertyName("decayRateBitsSe")]
    public double? DecayRateBitsSe { get; set; }

    [JsonPropertyName("interceptLn")]
    public double? InterceptLn { get; set; }

    [JsonPropertyName("reducedChiSquared")]
    public double? ReducedChiSquared { get; set; }
}

internal sealed class VarianceSummary
{
    [JsonPropertyName("schemaVersion")]
    public int SchemaVersion { get; set; } = 1;

    [JsonPropertyName("command")]
    public string Command { get; set; } = string.Empty;

    [JsonPropertyName("seed")]
    public ulong Seed { get; set; }

    [JsonPropertyName("samples")]
    public int Samples { get; set; }

    [JsonPropertyName("fitMinQubits")]
    public int FitMinQubits { get; set; }

    [JsonPropertyName("points")]
    public List<VariancePoint> Points { get; set; } = new();

    [JsonPropertyName("fits")]
    public List<VarianceFit> Fits { get; set; } = new();
}

/// <summary>
/// The variance verb: Var[∂C/∂θ] over uniformly random weights (and, for McClean's random circuits, random gate axes
/// per sample), against qubit count and depth, for a local (Z0) and a global (Z on every qubit) cost; exponential
/// decay rates fitted with their standard errors. Gradients are exact (adjoint).
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
        // Biggest first so the workers finish together.
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, points.Count).OrderByDescending(i => (1L << points[i].n) * points[i].l * points[i].n));
        ProgressDisplay.Run("variance", points.Count, config.LiveProgress, log, progress =>
        {
            var workers = Enumerable.Range(0, Math.Min(config.Jobs, points.Count)).Select(_ => Task.Factory.StartNew(() =>
            {
                while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out int i))
                {
                    var (a, c, n, l) = points[i];
                    var p = Measure(a, c, n, l, config.Samples, config.Seed, cancellationToken);
                    if (p is not null)
                    {
                        results[i] = p;
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

    private static string Fmt(double? v) => v is double x ? x.ToString("F3", CultureInfo.InvariantCulture) : "–";

    /// <summary>The observable: Z0 (local) or Z0 Z1 … Z(n−1) (global).</summary>
    public static PauliSum Observable(string cost, int n) =>
        cost == "local" ? PauliSum.Z(0) : new PauliSum(new[] { new PauliTerm(1, 0, (1 << n) - 1) });

    /// <summary>Samples the gradient at one point; null when cancelled.</summary>
    public static VariancePoint? Measure(string ansatz, string cost, int n, int layers, int samples, ulong seed, CancellationToken cancellationToken)
    {
        var random = SeededRandom.ForStream(seed, Aggregator.StableHash($"{ansatz}|{cost}|{n}|{layers}"));
        var observable = Observable(cost, n);
        CircuitInterpreter? fixedInterpreter = null;
        SimulationWorkspace? fixedWorkspace = null;
        if (ansatz == "hea")
        {
            fixedInterpreter = new CircuitInterpreter(new Circuit(n).HardwareEfficient(layers));
            fixedWorkspace = fixedInterpreter.CreateWorkspace();
        }

        int k = ansatz == "hea" ? 2 * n * layers : n * layers;
        var gradients = new double[samples][];
        for (int s = 0; s < samples; s++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            var interpreter = fixedInterpreter ?? new CircuitInterpreter(RandomCircuits.McClean(n, layers, random));
            var workspace = fixedWorkspace ?? interpreter.CreateWorkspace();
            var weights = new double[interpreter.WeightCount];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = random.NextDouble(0, 2 * Math.PI);
            }

            gradients[s] = new double[k];
            interpreter.EvaluateWithGradient(weights, observable, gradients[s], workspace);
        }

        var means = new double[k];
        foreach (var g in gradients)
        {
            for (int i = 0; i < k; i++)
            {
                means[i] += g[i] / samples;
            }
        }

        // Per-sample squared deviations: their mean (× N/(N−1)) is the variance, their spread its standard error.
        var qFirst = new double[samples];
        var qAll = new double[samples];
        for (int s = 0; s < samples; s++)
        {
            double d0 = gradients[s][0] - means[0];
            qFirst[s] = d0 * d0;
            double sum = 0;
            for (int i = 0; i < k; i++)
            {
                double deviation = gradients[s][i] - means[i];
                sum += deviation * deviation;
            }

            qAll[s] = sum / k;
        }

        double bessel = samples / (samples - 1.0);
        double d = Math.Pow(2, n);
        return new VariancePoint
        {
            Ansatz = ansatz,
            Cost = cost,
            Qubits = n,
            Layers = layers,
            Weights = k,
            Samples = samples,
            MeanFirst = means[0],
            VarianceFirst = bessel * Descriptive.Mean(qFirst),
            VarianceFirstSe = bessel * Descriptive.StandardDeviation(qFirst) / Math.Sqrt(samples),
            VarianceAll = bessel * Descriptive.Mean(qAll),
            VarianceAllSe = bessel * Descriptive.StandardDeviation(qAll) / Math.Sqrt(samples),
            TwoDesignPrediction = d * d / (2 * ((d * d) - 1) * (d + 1)),
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
        var sb = new StringBuilder("ansatz,cost,qubits,layers,weights,samples,mean_first,variance_first,variance_first_se,variance_all,variance_all_se,two_design_prediction\n");
        foreach (var p in s.Points)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture,
                $"{p.Ansatz},{p.Cost},{p.Qubits},{p.Layers},{p.Weights},{p.Samples},{p.MeanFirst:R},{p.VarianceFirst:R},{p.VarianceFirstSe:R},{p.VarianceAll:R},{p.VarianceAllSe:R},{p.TwoDesignPrediction:R}\n"));
        }

        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
    }
}
