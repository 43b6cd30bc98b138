using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Optimizers;
using NegLR.Experiments.Reporting;

namespace NegLR.Experiments.Compare;

/// <summary>
/// The compare verb: runs every (benchmark, mode, optimizer, seed) cell that is not on disk yet, each to its own file
/// as soon as it finishes, then aggregates all cells from disk into summary.json, steps.csv, report.md and plots.
/// Reading back from disk is what makes an interrupted-then-resumed run identical to an uninterrupted one.
/// </summary>
internal static class CompareRunner
{
    public const int ExitInterrupted = 130;

    /// <summary>
    /// Version of the benchmark and run definitions, part of the resume fingerprint: bump it when a change makes old run
    /// files incomparable (a benchmark's circuit, data preparation or scoring), so --resume refuses to mix them.
    /// Version 2: shot estimates draw parity-pattern counts instead of single shots (same distribution, other draws).
    /// </summary>
    public const int RunnerVersion = 2;

    public static int Run(CompareConfig config, TextWriter log, CancellationToken cancellationToken)
    {
        var hyper = HyperparameterFile.Load(config.HyperparametersPath);
        var settings = config.Optimizers.ToDictionary(o => o.Id, o => hyper.For(o.Id), StringComparer.Ordinal);
        string outDir = Path.GetFullPath(config.OutputDirectory);
        Directory.CreateDirectory(outDir);
        PrepareOutputFolder(config, outDir, settings, log);

        var keys = Grid(config);
        var pending = keys.Where(k => RunRecord.TryLoad(Path.Combine(outDir, k.RelativePath)) is null).ToList();
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare ({config.Preset}): {config.Benchmarks.Count} benchmarks × {config.ShotModes.Count} modes × {config.Optimizers.Count} optimizers × {config.Seeds.Count} seeds = {keys.Count} runs; {keys.Count - pending.Count} on disk, {pending.Count} to run; output {outDir}"));

        var clock = Stopwatch.StartNew();
        bool interrupted = Execute(config, outDir, settings, pending, log, cancellationToken);
        double runSeconds = clock.Elapsed.TotalSeconds;
        if (interrupted)
        {
            int done = keys.Count(k => File.Exists(Path.Combine(outDir, k.RelativePath)));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Interrupted: {done} of {keys.Count} runs are on disk in {outDir}. Rerun with --resume to finish the rest."));
            return ExitInterrupted;
        }

        var records = keys.Select(k => RunRecord.Load(Path.Combine(outDir, k.RelativePath))).ToList();
        var summary = Aggregator.Build(config, settings, hyper, records);
        OutputWriter.WriteAll(config, summary, records, outDir, log);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {pending.Count} runs in {runSeconds:F1} s; {outDir}/summary.json, steps.csv, report.md{(config.Plots ? ", plots/" : string.Empty)}"));
        ConsoleTables.PrintSummary(summary, log);
        return 0;
    }

    /// <summary>Every cell of the grid; shot modes a benchmark does not support are skipped.</summary>
    public static List<RunKey> Grid(CompareConfig config)
    {
        var keys = new List<RunKey>();
        foreach (var b in config.Benchmarks)
        {
            foreach (int shots in config.ShotModes)
            {
                if (shots > 0 && !b.SupportsShots(shots))
                {
                    continue;
                }

                foreach (var o in config.Optimizers)
                {
                    foreach (int seed in config.Seeds)
                    {
                        keys.Add(new RunKey(b.Id, shots, o.Id, seed));
                    }
                }
            }
        }

        return keys;
    }

    /// <summary>
    /// Writes config.json. A fresh run clears earlier runs; --resume keeps them but refuses if the settings that
    /// change results (budget, split sizes, hyperparameters) differ from the ones they were made with.
    /// </summary>
    private static void PrepareOutputFolder(CompareConfig config, string outDir, IReadOnlyDictionary<string, OptimizerSettings> settings, TextWriter log)
    {
        string configPath = Path.Combine(outDir, "config.json");
        string fingerprint = Fingerprint(config, settings);
        string runs = Path.Combine(outDir, "runs");
        if (config.Resume)
        {
            if (File.Exists(configPath))
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(configPath));
                using var current = JsonDocument.Parse(fingerprint);
                if (doc.RootElement.TryGetProperty("resultSettings", out var previous) && !JsonElement.DeepEquals(previous, current.RootElement))
                {
                    throw new UsageException(
                        $"--resume: {configPath} was written with other steps, split or batch sizes, hyperparameters or runner version; finished runs would not be comparable. Use the same settings, another --out, or drop --resume to start again.");
                }
            }
        }
        else if (Directory.Exists(runs))
        {
            log.WriteLine($"Starting fresh: removing earlier runs in {runs} (use --resume to keep them).");
            Directory.Delete(runs, recursive: true);
        }

        var json = new Dictionary<string, object?>
        {
            ["command"] = config.CommandLine,
            ["preset"] = config.Preset,
            ["benchmarks"] = config.Benchmarks.Select(b => b.Id).ToArray(),
            ["optimizers"] = config.Optimizers.Select(o => o.Id).ToArray(),
            ["seeds"] = config.Seeds.ToArray(),
            ["shotModes"] = config.ShotModes.ToArray(),
            ["resultSettings"] = JsonDocument.Parse(fingerprint).RootElement,
        };
        File.WriteAllText(configPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static string Fingerprint(CompareConfig config, IReadOnlyDictionary<string, OptimizerSettings> settings)
    {
        var value = new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["runnerVersion"] = RunnerVersion,
            ["steps"] = config.Steps,
            ["trainRows"] = config.Sizes.TrainRows,
            ["testRows"] = config.Sizes.TestRows,
            ["batchRows"] = config.Sizes.BatchRows,
            ["hyperparameters"] = new SortedDictionary<string, OptimizerSettings>(settings.ToDictionary(kv => kv.Key, kv => kv.Value), StringComparer.Ordinal),
        };
        return JsonSerializer.Serialize(value);
    }

    /// <summary>Runs the pending cells in parallel; returns true when interrupted.</summary>
    private static bool Execute(CompareConfig config, string outDir, IReadOnlyDictionary<string, OptimizerSettings> settings,
        List<RunKey> pending, TextWriter log, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return cancellationToken.IsCancellationRequested;
        }

        var byId = config.Benchmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
        // Longest first (estimated), so the two workers finish together; results do not depend on the order.
        var ordered = pending.OrderByDescending(k => EstimatedCost(byId[k.Benchmark], k, config)).ThenBy(k => k.RelativePath, StringComparer.Ordinal).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        int finished = 0;
        var errors = new ConcurrentQueue<Exception>();
        ProgressDisplay.Run("compare", ordered.Count, config.LiveProgress, log, progress =>
        {
            var queue = new ConcurrentQueue<RunKey>(ordered);
            var workers = Enumerable.Range(0, Math.Min(config.Jobs, ordered.Count)).Select(_ => Task.Factory.StartNew(() =>
            {
                while (!stop.IsCancellationRequested && queue.TryDequeue(out var key))
                {
                    try
                    {
                        var record = RunExecutor.Execute(key, byId[key.Benchmark], settings[key.Optimizer], config.Steps, config.Sizes, stop.Token);
                        if (record is null)
                        {
                            return;
                        }

                        record.Save(Path.Combine(outDir, key.RelativePath));
                        int n = Interlocked.Increment(ref finished);
                        progress.Advance(key.Benchmark);
                        if (config.StopAfter is int limit && n >= limit)
                        {
                            stop.Cancel();
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        errors.Enqueue(new InvalidOperationException($"Run {key.RelativePath} failed: {e.Message}", e));
                        stop.Cancel();
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Task.WaitAll(workers, CancellationToken.None);
        });
        if (!errors.IsEmpty)
        {
            throw new AggregateException(errors);
        }

        return stop.IsCancellationRequested && finished < ordered.Count;
    }

    private static double EstimatedCost(Benchmark b, RunKey k, CompareConfig config) =>
        config.Steps * (double)(1 << b.Qubits) * (b.Family == BenchmarkFamily.Classification ? (config.Sizes.BatchRows > 0 ? config.Sizes.BatchRows : config.Sizes.TrainRows) : 1)
        * (k.Shots > 0 ? 1 + (k.Shots / 100.0) : 0.2);
}
