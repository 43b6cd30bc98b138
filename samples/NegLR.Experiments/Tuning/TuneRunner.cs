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
        OptionSpec.Integer("jobs", "Runs in parallel (default: processor count).", 1, 1024),
        OptionSpec.Flag("no-progress", "Plain progress lines instead of a live bar."),
    };

    public required string OutputPath { get; init; }

    public required IReadOnlyList<OptimizerSpec> Optimizers { get; init; }

    public string? BasePath { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    public int Steps { get; init; } = 40;

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
            Jobs = a.Int("jobs", Environment.ProcessorCount, 1, 1024),
            LiveProgress = !a.Has("no-progress"),
            CommandLine = "dotnet run --project samples/NegLR.Experiments -c Release -- tune" + string.Concat(raw.Where(r => r != "--no-progress").Select(r => " " + r)),
        };
    }
}

/// <summary>
/// Hyperparameter selection, once per optimizer, on three tuning problems that are not in the comparison grid (a
/// 4-qubit XOR classifier, a 5-qubit open transverse-field Ising chain at h = 0.5, QAOA on K5), exact mode, the same
/// budget rule as compare. Each candidate's score is the geometric mean over the problems of its mean final score over
/// the tuning seeds; the lowest wins and is frozen.
/// </summary>
internal static class TuneRunner
{
    public static readonly double[] Rates = { 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0 };
    public static readonly double[] Ratios = { 0.25, 0.5, 1.0 };
    public static readonly double[] SpsaRates = { 0.003, 0.01, 0.03, 0.1, 0.3, 1.0 };
    public static readonly double[] SpsaPerturbations = { 0.05, 0.1, 0.2 };
    public static readonly string[] NlrBases = { "sgd", "adam" };
    public static readonly double[] PlateauThresholds = { 1e-3, 1e-2, 1e-1 };

    public static IReadOnlyList<Benchmark> Problems() => new Benchmark[]
    {
        new ClassificationBenchmark("xor", ClassifierAnsatz.HardwareEfficient, globalReadout: false, ClassificationLoss.CrossEntropy),
        VqeBenchmark.TfimOpen(5, 0.5),
        new QaoaBenchmark("complete5", 2),
    };

    /// <summary>The candidate grid of one optimizer.</summary>
    public static IEnumerable<OptimizerSettings> Candidates(OptimizerSpec spec)
    {
        if (spec.Id == "spsa")
        {
            return SpsaRates.SelectMany(a => SpsaPerturbations.Select(c => new OptimizerSettings { LearningRate = a, Perturbation = c }));
        }

        if (spec.IsNlr)
        {
            var grid = NlrBases.SelectMany(b => Rates.SelectMany(r => Ratios.Select(q => new OptimizerSettings { Base = b, LearningRate = r, NegativeRatio = q })));
            return spec.Policy == NlrPolicy.Plateau
                ? grid.SelectMany(g => PlateauThresholds.Select(t => { var c = g.Clone(); c.PlateauThreshold = t; return c; }))
                : grid;
        }

        return Rates.Select(r => new OptimizerSettings { LearningRate = r });
    }

    public static int Run(TuneConfig config, TextWriter log, CancellationToken cancellationToken)
    {
        var problems = Problems();
        var sizes = BenchmarkSizes.Quick;
        var jobs = new List<(OptimizerSpec Spec, int Candidate, OptimizerSettings Settings, Benchmark Problem, int Seed)>();
        var candidates = config.Optimizers.ToDictionary(o => o.Id, o => Candidates(o).ToList(), StringComparer.Ordinal);
        foreach (var o in config.Optimizers)
        {
            for (int c = 0; c < candidates[o.Id].Count; c++)
            {
                foreach (var p in problems)
                {
                    foreach (int seed in config.Seeds)
                    {
                        jobs.Add((o, c, candidates[o.Id][c], p, seed));
                    }
                }
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tune: {config.Optimizers.Count} optimizers, {candidates.Values.Sum(c => c.Count)} candidates × {problems.Count} problems × {config.Seeds.Count} seeds = {jobs.Count} runs ({config.Steps} steps' budget each)"));
        var results = new ConcurrentDictionary<int, double>();
        var queue = new ConcurrentQueue<int>(Enumerable.Range(0, jobs.Count));
        ProgressDisplay.Run("tune", jobs.Count, config.LiveProgress, log, progress =>
        {
            var workers = Enumerable.Range(0, Math.Min(config.Jobs, jobs.Count)).Select(_ => Task.Factory.StartNew(() =>
            {
                while (!cancellationToken.IsCancellationRequested && queue.TryDequeue(out int i))
                {
                    var j = jobs[i];
                    var key = new RunKey(j.Problem.Id, 0, j.Spec.Id, j.Seed);
                    var record = RunExecutor.Execute(key, j.Problem, j.Settings, config.Steps, sizes, cancellationToken);
                    if (record is not null)
                    {
                        results[i] = record.Metric;
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
        var table = new StringBuilder("optimizer,candidate,base,learning_rate,negative_ratio,plateau_threshold,perturbation,problem,mean_score,score\n");
        foreach (var o in config.Optimizers)
        {
            double bestScore = double.PositiveInfinity;
            OptimizerSettings? best = null;
            for (int c = 0; c < candidates[o.Id].Count; c++)
            {
                var s = candidates[o.Id][c];
                double logSum = 0;
                var perProblem = new List<(string, double)>();
                foreach (var p in problems)
                {
                    var values = Enumerable.Range(0, jobs.Count).Where(i => jobs[i].Spec.Id == o.Id && jobs[i].Candidate == c && jobs[i].Problem == p)
                        .Select(i => results[i]).ToArray();
                    double mean = values.Average();
                    perProblem.Add((p.Id, mean));
                    logSum += Math.Log(Math.Max(mean, 1e-9));
                }

                double score = Math.Exp(logSum / problems.Count);
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
        file.Description = string.Create(CultureInfo.InvariantCulture,
            $"Hyperparameters were chosen once per optimizer on tuning problems outside the reported grid ({string.Join(", ", problems.Select(p => p.Description))}), exact mode, {config.Steps} gradient steps' budget (same budget rule as compare), seeds {string.Join(", ", config.Seeds)}, then frozen. Grids: η ∈ {{{string.Join(", ", Rates)}}} for SGD, Momentum, Adam, RMSProp, Adagrad; SPSA first gain a₀ ∈ {{{string.Join(", ", SpsaRates)}}} × c ∈ {{{string.Join(", ", SpsaPerturbations)}}}; each NLR policy base ∈ {{SGD, Adam}} × η⁺ ∈ the η grid × η⁻/η⁺ ∈ {{{string.Join(", ", Ratios)}}}, and for the Plateau policy × τ ∈ {{{string.Join(", ", PlateauThresholds)}}} (other policy knobs at their defaults). Score: geometric mean over the problems of the mean final score over seeds; lowest wins.");
        file.Save(config.OutputPath);
        File.WriteAllText(Path.ChangeExtension(config.OutputPath, ".csv"), table.ToString());
        log.WriteLine($"Wrote {config.OutputPath} and {Path.ChangeExtension(config.OutputPath, ".csv")}.");
        return 0;
    }
}
