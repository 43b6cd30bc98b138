using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace NegLR.Tests.Optimizers;

/// <summary>
/// How the shot-aware Lookahead's default z was chosen (docs/optimizers.md, "Lookahead under shot noise"). Slow, so it
/// runs only with NEGLR_TUNING=1:
/// <c>NEGLR_TUNING=1 dotnet test tests/NegLR.Runtime.Tests -c Release --filter FullyQualifiedName~LookaheadToleranceTuning --logger "console;verbosity=detailed"</c>.
/// Under shots the trial's "worse" compares two noisy estimates; z widens the threshold by z standard errors of their
/// difference. The table gives, per z and shot count, the score of the NLR tuning note (geometric mean over problems and
/// base rates of the mean remaining gap at an equal evaluation budget) and the share of steps that ascended.
/// </summary>
public class LookaheadToleranceTuning
{
    private static readonly double[] BaseRates = { 0.05, 0.2 };
    private static readonly double[] Zs = { 0, 0.5, 1, 1.5, 2, 3 };
    private static readonly int[] ShotCounts = { 64, 256 };
    private const long Budget = 60;
    private readonly ITestOutputHelper _output;

    public LookaheadToleranceTuning(ITestOutputHelper output) => _output = output;

    [Fact]
    public void LookaheadToleranceTuning_Grid()
    {
        if (Environment.GetEnvironmentVariable("NEGLR_TUNING") != "1")
        {
            _output.WriteLine("Skipped: set NEGLR_TUNING=1 to measure the shot-aware Lookahead's tolerance (several minutes).");
            return;
        }

        var problems = NlrBenchmarks.All.Where(p => p.Objective is null).ToArray();
        var seeds = Enumerable.Range(1, 10).Select(i => (ulong)i).ToArray();
        var configs = new List<(string Name, int Shots, Func<int, double, IOptimizer> Make)>();
        foreach (int shots in ShotCounts)
        {
            configs.Add(("Adam (base)", shots, (n, rate) => new Adam(n, rate)));
            foreach (double z in Zs)
            {
                configs.Add((string.Create(CultureInfo.InvariantCulture, $"NLR defaults, z = {z}"), shots,
                    (n, rate) => new NegativeLearningRate(new Adam(n, rate), new LookaheadPolicy(0, z))));
            }
        }

        var rows = new List<(string Name, int Shots, double Score, double Ascents, double[] Per)>();
        Parallel.ForEach(configs, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, c =>
        {
            var per = new double[problems.Length];
            double logSum = 0, ascents = 0;
            int runs = 0;
            for (int p = 0; p < problems.Length; p++)
            {
                foreach (double rate in BaseRates)
                {
                    double mean = 0;
                    foreach (ulong seed in seeds)
                    {
                        var problem = problems[p];
                        var w = problem.Start(seed);
                        var trainer = problem.Trainer(c.Make(problem.Weights, rate), Budget, seed, shots: c.Shots);
                        double initial = trainer.EvaluateLoss(w);
                        var result = trainer.Run(w);
                        mean += Math.Max(0, result.FinalLoss - problem.Optimum) / Math.Max(1e-12, initial - problem.Optimum) / seeds.Length;
                        ascents += result.History.Count == 0 ? 0 : (double)result.History.Count(s => s.Phase == NlrPhase.Negative) / result.History.Count;
                        runs++;
                    }

                    per[p] += mean / BaseRates.Length;
                    logSum += Math.Log(Math.Max(mean, 1e-3));
                }
            }

            lock (rows)
            {
                rows.Add((c.Name, c.Shots, Math.Exp(logSum / (problems.Length * BaseRates.Length)), ascents / runs, per));
            }
        });

        var text = new StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Shot-aware Lookahead: budget = {Budget} Adam steps of evaluations, {seeds.Length} seeds, base Adam η ∈ {{{string.Join(", ", BaseRates)}}}, shot parameter shift; exact final loss."));
        text.AppendLine("| shots | configuration | score | ascent steps | " + string.Join(" | ", problems.Select(p => p.Name)) + " |");
        text.AppendLine("|---|---|---|---|" + string.Concat(problems.Select(_ => "---|")));
        foreach (var (name, shots, score, asc, per) in rows.OrderBy(r => r.Shots).ThenBy(r => r.Name == "Adam (base)" ? -1 : 0).ThenBy(r => r.Name, StringComparer.Ordinal))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {shots} | {name} | {score:F4} | {100 * asc:F1} % | {string.Join(" | ", per.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)))} |"));
        }

        _output.WriteLine(text.ToString());
        string? file = Environment.GetEnvironmentVariable("NEGLR_TUNING_OUT");
        if (!string.IsNullOrEmpty(file))
        {
            File.WriteAllText(file, text.ToString());
        }
    }
}
