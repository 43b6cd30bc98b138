using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;

namespace NegLR.Experiments.Tuning;

/// <summary>What the tune verb was asked to do.</summary>
internal sealed class TuneConfig
{
    public static readonly OptionSpec[] Options =
    {
        OptionSpec.PathTo("out", "FILE", "Where to write the frozen hyperparameters (default samples/NegLR.Experiments/Tuning/hyperparameters.json when run from the repository root)."),
        OptionSpec.Text("optimizers", "LIST", "Optimizers to tune (default all); others keep their entry from --base."),
        OptionSpec.PathTo("base", "FILE", "Existing hyperparameter file whose other entries are kept."),
        OptionSpec.IntegerList("seeds", "Tuning seeds (default 1000-1004, disjoint from the comparison's 0-…).", 0),
        OptionSpec.Integer("steps", "Budget in gradient steps per tuning run (default 40).", 1, 100_000),
        OptionSpec.Integer("trials", "Candidate settings per optimizer, the same for every optimizer (default 24; seeded random search).", 1, 10_000),
        OptionSpec.IntegerList("shots", "Modes to tune in, as compare evaluates (default 0,100: exact and 100 shots).", 0),
        OptionSpec.Integer("batch-rows", "Classification rows per step, 0 = full batch (default 0, as the quick preset).", 0, 100_000),
        OptionSpec.Integer("jobs", "Runs in parallel (default: processor count).", 1, 1024),
        OptionSpec.Flag("no-progress", "Plain progress lines instead of a live bar."),
    };

    public required string OutputPath { get; init; }

    public required IReadOnlyList<OptimizerSpec> Optimizers { get; init; }

    public string? BasePath { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    public int Steps { get; init; } = 40;

    public int Trials { get; init; } = 24;

    public IReadOnlyList<int> ShotModes { get; init; } = new[] { 0, 100 };

    public int BatchRows { get; init; }

    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool LiveProgress { get; init; } = true;

    public required string CommandLine { get; init; }

    public static TuneConfig FromArguments(ParsedArguments a, IReadOnlyList<string> raw)
    {
        string defaultOut = Directory.Exists(Path.Combine("samples", "NegLR.Experiments"))
            ? Path.Combine("samples", "NegLR.Experiments", "Tuning", "hyperparameters.json")
            : "hyperparameters.json";
        return new TuneConfig
        {
            OutputPath = a.String("out") ?? defaultOut,
            Optimizers = OptimizerCatalog.Select(a.String("optimizers") ?? "all"),
            BasePath = a.String("base"),
            Seeds = a.String("seeds") is string s ? ParsedArguments.IntList(s, "seeds") : new List<int> { 1000, 1001, 1002, 1003, 1004 },
            Steps = a.Int("steps", 40, 1, 100_000),
            Trials = a.Int("trials", 24, 1, 10_000),
            ShotModes = a.IntegerList("shots")?.Distinct().OrderBy(x => x).ToList() ?? new List<int> { 0, 100 },
            BatchRows = a.Int("batch-rows", 0, 0, 100_000),
            Jobs = a.Int("jobs", Environment.ProcessorCount, 1, 1024),
            LiveProgress = !a.Has("no-progress"),
            CommandLine = "dotnet run --project samples/NegLR.Experiments -c Release -- tune" + string.Concat(raw.Where(r => r != "--no-progress").Select(r => " " + r)),
        };
    }
}

/// <summary>
/// Hyperparameter selection, once per optimizer, on held-out problems of every family that are not in the comparison
/// grid (a 4-qubit XOR classifier, a 5-qubit open transverse-field Ising chain at h = 0.5, QAOA on K5, a 4-qubit random
/// circuit of another structure than the grid's), in the modes compare evaluates (exact and shots), with the same
/// budget rule. Every optimizer gets the same number of candidates, drawn by a seeded random search from its own space
/// (log-uniform rates; NLR's base and η⁻/η⁺ from its sets). A run's score is the fraction of its initial gap it leaves,
/// final/initial (comparable across problems whatever their scale); a candidate's score is the mean over problems of
/// its mean over modes and seeds; the lowest wins and is frozen.
/// </summary>
internal static class TuneRunner
{
    public const double MinRate = 1e-3, MaxRate = 3;
    public const double MinSpsaGain = 3e-3, MaxSpsaGain = 1;
    public const double MinPerturbation = 0.05, MaxPerturbation = 0.2;
    public static readonly double[] Ratios = { 0.25, 0.5, 1.0 };
    public static readonly string[] NlrBases = { "sgd", "adam" };
    public const double MinPlateauThreshold = 1e-3, MaxPlateauThreshold = 1e-1;

    public static IReadOnlyList<Benchmark> Problems() => new Benchmark[]
    {
        new ClassificationBenchmark("xor", ClassifierAnsatz.HardwareEfficient, globalReadout: false, ClassificationLoss.CrossEntropy),
        VqeBenchmark.TfimOpen(5, 0.5),
        new QaoaBenchmark("complete5", 2),
        new BarrenPlateauBenchmark(4, 40, instance: 9),
    };

    /// <summary>
    /// The <paramref name="trials"/> candidates of one optimizer: a seeded random search of its space (the same count for
    /// every optimizer, so none is favoured by a finer grid). The stream depends only on the optimizer's id.
    /// </summary>
    public static IReadOnlyList<OptimizerSettings> Candidates(OptimizerSpec spec, int trials)
    {
        var random = new SeededRandom(Reporting.Aggregator.StableHash("tune|" + spec.Id));
        // Rounded to 3 significant digits: readable ids for controls (adam@0.115) at no cost to the search.
        double LogUniform(double lo, double hi) => RoundSignificant(Math.Exp(random.NextDouble(Math.Log(lo), Math.Log(hi))), 3);
        var list = new List<OptimizerSettings>(trials);
        for (int i = 0; i < trials; i++)
        {
            if (spec.Id == "spsa")
            {
                list.Add(new OptimizerSettings { LearningRate = LogUniform(MinSpsaGain, MaxSpsaGain), Perturbation = LogUniform(MinPerturbation, MaxPerturbation) });
            }
            else if (spec.IsNlr)
            {
                string b = spec.Id == "nlr-sgd" ? "sgd" : NlrBases[random.NextInt(NlrBases.Length)];
                var c = new OptimizerSettings { Base = b, LearningRate = LogUniform(MinRate, MaxRate), NegativeRatio = Ratios[random.NextInt(Ratios.Length)] };
                if (spec.Policy == NlrPolicy.Plateau)
                {
                    c.PlateauThreshold = LogUniform(MinPlateauThreshold, MaxPlateauThreshold);
                }

                list.Add(c);
            }
            else
            {
                list.Add(new OptimizerSettings { LearningRate = LogUniform(MinRate, MaxRate) });
            }
        }

        return list;
    }

    private static double RoundSignificant(double v, int digits)
    {
        double scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(v))));
        return Math.Round(v * scale) / scale;
    }

    public static int Run(TuneConfig config, TextWriter log, CancellationToken cancellationToken)
    {
        var problems = Problems();
        var sizes = BenchmarkSizes.Quick with { BatchRows = config.BatchRows };
        var jobs = new List<(OptimizerSpec Spec, int Candidate, OptimizerSettings Settings, Benchmark Problem, int Shots, int Seed)>();
        var candidates = config.Optimizers.ToDictionary(o => o.Id, o => Candidates(o, config.Trials), StringComparer.Ordinal);
        foreach (var o in config.Optimizers)
        {
            for (int c = 0; c < config.Trials; c++)
            {
                foreach (var p in problems)
                {
                    foreach (int shots in config.ShotModes.Where(s => s == 0 || p.SupportsShots(s)))
                    {
                        foreach (int seed in config.Seeds)
                        {
                            jobs.Add((o, c, candidates[o.Id][c], p, shots, seed));
                        }
                    }
                }
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tune: {config.Optimizers.Count} optimizers × {config.Trials} candidates × {problems.Count} problems × modes {string.Join(",", config.ShotModes)} × {config.Seeds.Count} seeds = {jobs.Count} runs ({config.Steps} steps' budget each)"));
        var results = new ConcurrentDictionary<int, double>();
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, jobs.Count).OrderByDescending(i => jobs[i].Shots).ThenBy(i => i));
        ProgressDisplay.Run("tune", jobs.Count, config.LiveProgress, log, progress =>
        {
            var workers = Enumerable.Range(0, Math.Min(config.Jobs, jobs.Count)).Select(_ => Task.Factory.StartNew(() =>
            {
                while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out int i))
                {
                    var j = jobs[i];
                    var key = new RunKey(j.Problem.Id, j.Shots, j.Spec.Id, j.Seed);
                    var record = RunExecutor.Execute(key, j.Problem, j.Settings, config.Steps, sizes, cancellationToken);
                    if (record is not null)
                    {
                        // The fraction of the initial gap left: scale-free, so no problem dominates the mean.
                        results[i] = record.InitialMetric > 0 ? record.Metric / record.InitialMetric : record.Metric;
                        progress.Advance();
                    }
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            Task.WaitAll(workers, CancellationToken.None);
        });
        if (cancellationToken.IsCancellationRequested)
        {
            log.WriteLine("Interrupted; nothing written.");
            return CompareRunner.ExitInterrupted;
        }

        var file = config.BasePath is not null ? HyperparameterFile.Load(config.BasePath) : File.Exists(config.OutputPath) ? HyperparameterFile.Load(config.OutputPath) : new HyperparameterFile();
        var table = new StringBuilder("optimizer,candidate,base,learning_rate,negative_ratio,plateau_threshold,perturbation,problem,mean_gap_left,score\n");
        var byCandidate = Enumerable.Range(0, jobs.Count).GroupBy(i => (jobs[i].Spec.Id, jobs[i].Candidate)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var o in config.Optimizers)
        {
            double bestScore = double.PositiveInfinity;
            OptimizerSettings? best = null;
            for (int c = 0; c < config.Trials; c++)
            {
                var s = candidates[o.Id][c];
                var perProblem = new SortedDictionary<string, double>(StringComparer.Ordinal);
                foreach (var p in problems)
                {
                    perProblem[p.Id] = byCandidate[(o.Id, c)].Where(i => jobs[i].Problem == p).Select(i => results[i]).Average();
                }

                double score = perProblem.Values.Average();
                foreach (var (problem, mean) in perProblem)
                {
                    table.Append(string.Create(CultureInfo.InvariantCulture,
                        $"{o.Id},{c},{s.Base},{s.LearningRate:R},{s.NegativeRatio:R},{s.PlateauThreshold:R},{s.Perturbation:R},{problem},{mean:R},{score:R}\n"));
                }

                if (score < bestScore)
                {
                    bestScore = score;
                    best = s.Clone();
                    best.TuningScore = score;
                    best.ProblemScores = perProblem;
                    best.Trials = config.Trials;
                }
            }

            file.Optimizers[o.Id] = best!;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {o.Id,-16} η = {best!.LearningRate:G3}{(best.Base is null ? string.Empty : $", base {best.Base}, η⁻/η⁺ = {best.NegativeRatio:G3}")}{(best.PlateauThreshold is null ? string.Empty : $", τ = {best.PlateauThreshold:G3}")}{(best.Perturbation is null ? string.Empty : $", c = {best.Perturbation:G3}")}  (score {bestScore:G4})"));
        }

        file.Command = config.CommandLine;
        file.TuningProblems = problems.Select(p => p.Id).ToList();
        file.TuningSeeds = config.Seeds.ToList();
        file.TuningSteps = config.Steps;
        string modes = string.Join(" and ", config.ShotModes.Select(m => m == 0 ? "exact" : m.ToString(CultureInfo.InvariantCulture) + " shots"));
        file.Description = string.Create(CultureInfo.InvariantCulture,
            $"Hyperparameters were chosen once per optimizer on held-out problems of every family, none of them in the reported grid ({string.Join("; ", problems.Select(p => p.Description))}), in the modes compare evaluates ({modes}), {(config.BatchRows > 0 ? $"minibatches of {config.BatchRows} rows" : "full batches")}, {config.Steps} gradient steps' budget (same budget rule as compare), seeds {string.Join(", ", config.Seeds)}, then frozen. Every optimizer got {config.Trials} candidates from a seeded random search of its space: η log-uniform in [{MinRate}, {MaxRate}] (every sampled value rounded to 3 significant digits) (SGD, Momentum, Adam, RMSProp, Adagrad, and η⁺ of every NLR variant); SPSA first gain a₀ log-uniform in [{MinSpsaGain}, {MaxSpsaGain}] and perturbation c in [{MinPerturbation}, {MaxPerturbation}]; NLR base ∈ {{SGD, Adam}} (SGD only for NLR (Lookahead, SGD)) and η⁻/η⁺ ∈ {{{string.Join(", ", Ratios)}}}, τ log-uniform in [{MinPlateauThreshold}, {MaxPlateauThreshold}] for the Plateau policy (other policy knobs at their defaults). Score of a run: final score / initial score (the fraction of the initial gap left); of a candidate: the mean over problems of its mean over modes and seeds; lowest wins.");
        file.Save(config.OutputPath);
        Storage.AtomicFile.WriteAllText(Path.ChangeExtension(config.OutputPath, ".csv"), table.ToString());
        log.WriteLine($"Wrote {config.OutputPath} and {Path.ChangeExtension(config.OutputPath, ".csv")}.");
        return 0;
    }
}
