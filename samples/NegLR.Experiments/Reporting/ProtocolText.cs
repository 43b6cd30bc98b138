using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;
using NegLR.Experiments.Stats;

namespace NegLR.Experiments.Reporting;

/// <summary>
/// The protocol as sentences, each generated from the configuration that ran (optimizer objects, analysis settings,
/// the hyperparameter file, the grid), stored in summary.json and printed in the report. Nothing here is a fixed claim
/// about settings: change a default and the text changes with it.
/// </summary>
internal static class ProtocolText
{
    public static List<string> Statements(CompareConfig config, Summary summary, HyperparameterFile hyper, IReadOnlyDictionary<string, string> best,
        IReadOnlyDictionary<string, string> controls, IReadOnlyDictionary<string, string> names)
    {
        var p = summary.Protocol;
        var a = config.Analysis;
        var list = new List<string>
        {
            Inv($"Seeds: {p.Seeds.Count} ({string.Join(", ", p.Seeds)}). A seed fixes the initial weights (uniform in [0, 2π)), the classification split and the shot-noise stream; every optimizer sees the same ones, so all comparisons are paired by seed."),
            Inv($"Budget: {p.BudgetSteps} gradient steps' worth per run. {p.BudgetRule}"),
        };

        if (controls.Count > 0)
        {
            int m = p.PrimaryContrasts;
            double smallest = p.SmallestPossibleP;
            double threshold = m > 0 ? Aggregator.Alpha / m : Aggregator.Alpha;
            list.Add(Inv($"Primary contrasts (fixed before the run): each NLR variant against its own base optimizer at the same learning rate — {string.Join("; ", controls.Select(kv => $"{names[kv.Key]} against {names[kv.Value]}"))} — on the final score, per benchmark and mode: {m} paired two-sided Wilcoxon signed-rank tests, Holm-corrected at α = {Aggregator.Alpha} (family-wise)."));
            list.Add(Inv($"With {p.Seeds.Count} seeds the smallest two-sided Wilcoxon p is 2/2^{p.Seeds.Count} = {smallest:G3}; Holm's strictest threshold here is α/{m} = {threshold:G3}, so {(smallest < threshold ? "a primary contrast can reach significance when every seed agrees" : "no primary contrast can reach significance whatever the data: more seeds are needed for a confirmatory answer, and equivalence (TOST) is the only finding this grid can make")}."));
        }

        var baselines = config.Optimizers.Where(o => !o.IsNlr && !o.IsControl).ToList();
        int secondary = summary.Comparisons.Count(c => c.Kind == "secondary");
        if (secondary > 0)
        {
            list.Add(Inv($"Secondary, exploratory (Benjamini–Hochberg over {secondary} tests, q < {Aggregator.Alpha}): each NLR variant against each tuned baseline ({string.Join(", ", baselines.Select(b => names[b.Id]))}), and test loss and test error (1 − test accuracy) against the primary control on classification."));
        }

        if (best.Count > 0)
        {
            list.Add("The best baseline of a family is chosen on the tuning problems, never on the evaluated runs: " + string.Join("; ", best.Select(kv =>
            {
                var h = hyper.Optimizers.GetValueOrDefault(kv.Value);
                var problem = h?.ProblemScores?.FirstOrDefault(x => Aggregator.TuningProblemFamily(x.Key) == kv.Key);
                return problem is { Key: not null } hit
                    ? Inv($"{kv.Key}: {names[kv.Value]} (mean final score {hit.Value:G4} on {hit.Key})")
                    : Inv($"{kv.Key}: {names[kv.Value]} (no tuning problem of this family; lowest overall tuning score {h?.TuningScore:G4})");
            })) + ".");
        }

        list.Add(Inv($"Effect sizes: the difference of means (absolute, in score units), the Hodges–Lehmann paired shift and the log-ratio of means, each with a 95 % percentile-bootstrap CI ({p.BootstrapResamples} resamples, seeded); the relative change 100·(base − NLR)/base is kept beside them but is unstable where scores are near zero."));
        list.Add(Inv($"Equivalence: two one-sided Wilcoxon tests (TOST) with margin δ = {a.EquivalenceMargin:G3} × the base's mean initial score for final scores, {a.EquivalenceMargin:G3} × its mean test loss for test loss, and {a.EquivalenceMargin:G3} in accuracy for test error; the TOST p is adjusted like the test of its family, and 'equivalent' means adjusted p < {Aggregator.Alpha}."));
        list.Add(Inv($"Success: the final exact score is at most (1 − {a.TargetFraction:G3}) × the run's initial score (it closed {100 * a.TargetFraction:G3} % of its initial gap); probabilities with Wilson 95 % intervals. Time to target: shots (circuit evaluations in exact mode) spent before the first step whose loss reaches that level (the optimizer's own estimate in shot modes), censored at the end of the budget; Kaplan–Meier curves and a log-rank test (which ignores the pairing) against each comparison's other optimizer."));
        list.Add(Inv($"Modelled wall-clock: {a.JobLatencySeconds:G3} s per device job; a gradient step (all its circuits batched) or an SPSA step is one job, a Lookahead step with its trial loss two jobs in sequence."));
        foreach (var o in config.Optimizers.Where(o => o.IsNlr))
        {
            list.Add($"{names[o.Id]}: {summary.Optimizers.First(x => x.Id == o.Id).Description}.");
        }

        list.Add("Every optimizer is judged at its last iterate (NLR's keep-best is off: it would select among iterates with information the baselines are not allowed to use).");
        var fixedRate = config.Optimizers.Where(o => o.Study is not null).Select(o => names[o.Id]).ToList();
        var tunedOptimizers = config.Optimizers.Where(o => !o.IsControl && o.Study is null).ToList();
        if (fixedRate.Count > 0)
        {
            list.Add(Inv($"Not tuned by the runner: {string.Join(", ", fixedRate)} — each runs at the rate its id names (a grid fixed before the run), with the same rate for an NLR variant and its base."));
        }

        if (tunedOptimizers.Count > 0)
        {
            var trials = tunedOptimizers.Select(o => (Name: names[o.Id], Trials: hyper.Optimizers.GetValueOrDefault(o.Id)?.Trials)).ToList();
            if (trials.All(t => t.Trials is not null))
            {
                var distinct = trials.Select(t => t.Trials!.Value).Distinct().ToList();
                list.Add(distinct.Count == 1
                    ? Inv($"Tuning gave every optimizer the same number of candidate settings ({distinct[0]}).")
                    : Inv($"Tuning did not give every optimizer the same number of candidate settings: {string.Join(", ", trials.GroupBy(t => t.Trials).OrderByDescending(g => g.Key).Select(g => $"{g.Key} for {string.Join(", ", g.Select(t => t.Name))}"))}; the optimizers tuned on more candidates had more chances to fit the tuning problems."));
            }

            list.Add(Inv($"Tuning ran on {string.Join(", ", hyper.TuningProblems)} with seeds {string.Join(", ", hyper.TuningSeeds)} and a {hyper.TuningSteps}-step budget (`{hyper.Command}`); the evaluated grid runs {p.BudgetSteps} steps in {string.Join(", ", p.Modes)} with {(p.BatchRows > 0 ? $"minibatches of {p.BatchRows} rows" : "full batches")}{(hyper.Description.Contains("exact mode", StringComparison.Ordinal) && p.Modes.Any(m => m != "exact") ? ", while tuning ran in exact mode only" : string.Empty)}."));
        }

        list.Add(Inv($"Multiplicity: {p.PrimaryContrasts} primary tests (Holm) and {secondary} secondary tests (Benjamini–Hochberg) in this summary; outcomes (win, tie, loss) are read from the adjusted p-values."));
        return list;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
