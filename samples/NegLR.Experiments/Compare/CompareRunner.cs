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
using NegLR.Experiments.Distributed;
using NegLR.Experiments.Storage;
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
    /// Version 3: sealed run files with a settings hash; classification runs record test_loss.
    /// </summary>
    public const int RunnerVersion = 3;

    public static int Run(CompareConfig config, TextWriter log, CancellationToken cancellationToken)
    {
        var hyper = HyperparameterFile.Load(config.HyperparametersPath);
        var settings = config.Optimizers.ToDictionary(o => o.Id, o => OptimizerCatalog.SettingsFor(o, hyper), StringComparer.Ordinal);
        string outDir = Path.GetFullPath(config.OutputDirectory);
        var keys = Grid(config);
        var byId = config.Benchmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
        var costModel = new CostModel(config.Steps, config.Sizes);
        Func<RunKey, double> cost = k => costModel.Estimate(byId[k.Benchmark], k);
        if (config.Slurm is not null)
        {
            return SlurmScript.Run(config, keys, cost, outDir, log);
        }

        using var folder = OutputFolder.Open(outDir, "compare", config.Shard?.Name ?? "all");
        string settingsHash = PrepareOutputFolder(config, folder, settings, log);

        var mine = keys;
        if (config.Shard is { } shard)
        {
            var assignment = Sharding.Assign(keys, cost, shard.Count);
            mine = keys.Where((_, i) => assignment[i] == shard.Index).ToList();
        }

        var pending = new List<RunKey>();
        foreach (var k in mine)
        {
            string path = Path.Combine(outDir, k.RelativePath);
            var (record, problem) = RunRecord.Inspect(path, k);
            if (record is null)
            {
                if (problem is not null && !config.Merge)
                {
                    string aside = SetAside(path);
                    log.WriteLine($"Redoing {k.RelativePath}: the file {problem}; it was kept as {Path.GetFileName(aside)}.");
                }
                else if (problem is not null)
                {
                    log.WriteLine($"{k.RelativePath}: the file {problem}.");
                }

                pending.Add(k);
            }
            else if (record.SettingsHash != settingsHash)
            {
                throw new OutputFolderException(
                    $"{path} was made with other settings (budget, split or batch sizes, hyperparameters or runner version) than this command's; the runs would not be comparable. Use the same settings, another --out, or drop --resume to start again.");
            }
        }

        string what = config.Shard is { } s0 ? $"shard {s0} holds {mine.Count} of them; " : string.Empty;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare ({config.Preset}): {config.Benchmarks.Count} benchmarks × {config.ShotModes.Count} modes × {config.Optimizers.Count} optimizers × {config.Seeds.Count} seeds = {keys.Count} runs; {what}{mine.Count - pending.Count} on disk, {pending.Count} to run; output {outDir}"));

        if (config.Merge && pending.Count > 0)
        {
            throw new OutputFolderException(string.Create(CultureInfo.InvariantCulture,
                $"--merge: {pending.Count} of {keys.Count} runs are missing or damaged in {outDir} (e.g. {pending[0].RelativePath}). Re-run the shards that did not finish (the same command with --shard K/N instead of --merge: each redoes only its missing runs), then merge again."));
        }

        var clock = Stopwatch.StartNew();
        bool interrupted = !config.Merge && Execute(config, outDir, settings, settingsHash, pending, cost, log, cancellationToken);
        double runSeconds = clock.Elapsed.TotalSeconds;
        if (interrupted)
        {
            int done = mine.Count(k => File.Exists(Path.Combine(outDir, k.RelativePath)));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Interrupted: {done} of {mine.Count} runs are on disk in {outDir}. Rerun with --resume to finish the rest."));
            return ExitInterrupted;
        }

        if (config.Shard is { } finished)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Shard {finished} done: {pending.Count} runs in {runSeconds:F1} s. When every shard is done, run the same command with --merge instead of --shard."));
            return 0;
        }

        var records = keys.Select(k => RunRecord.Load(Path.Combine(outDir, k.RelativePath), k)).ToList();
        var summary = Aggregator.Build(config, settings, hyper, records);
        OutputWriter.WriteAll(config, summary, records, outDir, log);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Done: {pending.Count} runs in {runSeconds:F1} s; {outDir}/summary.json, steps.csv, report.md{(config.Plots ? ", plots/" : string.Empty)}"));
        ConsoleTables.PrintSummary(summary, log);
        return 0;
    }

    /// <summary>Moves a run file that cannot be trusted out of the way (never deleted: it may be someone's evidence).</summary>
    private static string SetAside(string path)
    {
        string aside = path + ".rejected";
        for (int n = 2; File.Exists(aside); n++)
        {
            aside = path + ".rejected-" + n.ToString(CultureInfo.InvariantCulture);
        }

        File.Move(path, aside);
        return aside;
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
    /// Writes config.json and returns the settings hash every run file carries. A fresh run removes the runs an earlier
    /// run wrote (sealed records only); --resume, a shard and a merge keep them but refuse if the settings that change
    /// results differ. A damaged config.json is reported and rewritten: each run file carries its own settings hash,
    /// so nothing depends on it.
    /// </summary>
    private static string PrepareOutputFolder(CompareConfig config, OutputFolder folder, IReadOnlyDictionary<string, OptimizerSettings> settings, TextWriter log)
    {
        string outDir = folder.Path;
        string configPath = Path.Combine(outDir, "config.json");
        string fingerprint = Fingerprint(config, settings);
        string runs = Path.Combine(outDir, "runs");
        bool keep = config.Resume || config.Shard is not null || config.Merge;
        if (keep)
        {
            if (File.Exists(configPath))
            {
                try
                {
                    using var doc = JsonDocument.Parse(File.ReadAllText(configPath));
                    using var current = JsonDocument.Parse(fingerprint);
                    if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("resultSettings", out var previous) && !JsonElement.DeepEquals(previous, current.RootElement))
                    {
                        throw new UsageException(
                            $"--resume: {configPath} was written with other steps, split or batch sizes, hyperparameters or runner version; finished runs would not be comparable. Use the same settings, another --out, or drop --resume to start again.");
                    }
                }
                catch (JsonException e)
                {
                    log.WriteLine($"Warning: {configPath} is damaged ({e.Message}); it is rewritten from this command. Every run file carries its own settings hash, so runs made with other settings are still refused.");
                }
            }
        }
        else if (Directory.Exists(runs))
        {
            var kept = folder.ClearRuns(runs, RunRecord.IsSealed);
            log.WriteLine($"Starting fresh: removed the earlier runs in {runs} (use --resume to keep them).");
            if (kept.Count > 0)
            {
                log.WriteLine($"Left alone in {runs}: {kept.Count} files the runner did not write ({string.Join(", ", kept.Take(3))}{(kept.Count > 3 ? ", …" : string.Empty)}).");
            }
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
            ["settingsHash"] = Seal.Hash(fingerprint),
        };
        AtomicFile.WriteAllText(configPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return Seal.Hash(fingerprint);
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
    private static bool Execute(CompareConfig config, string outDir, IReadOnlyDictionary<string, OptimizerSettings> settings, string settingsHash,
        List<RunKey> pending, Func<RunKey, double> cost, TextWriter log, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return cancellationToken.IsCancellationRequested;
        }

        var byId = config.Benchmarks.ToDictionary(b => b.Id, StringComparer.Ordinal);
        // Longest first (estimated), so the two workers finish together; results do not depend on the order.
        var ordered = pending.OrderByDescending(cost).ThenBy(k => k.RelativePath, StringComparer.Ordinal).ToList();
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

                        record.SettingsHash = settingsHash;
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
}
