using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NegLR.Experiments.Compare;

namespace NegLR.Experiments.Tests;

/// <summary>The compare verb end to end on a tiny grid: outputs, schema, determinism and --resume.</summary>
public class CompareTests : ScratchTest
{
    [Fact]
    public void Compare_TinyGrid_WritesEveryOutputAndAValidSummary()
    {
        string dir = Temp("compare-smoke");
        var (exit, output, error) = TestSupport.Run(TestSupport.TinyCompare(dir).ToArray());
        Assert.True(exit == 0, output + error);
        foreach (var f in new[] { "summary.json", "summary.schema.json", "steps.csv", "report.md", "config.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir, f)), f + " is missing");
        }

        // 2 benchmarks × 2 modes × 3 optimizers × 3 seeds.
        Assert.Equal(36, Directory.GetFiles(Path.Combine(dir, "runs"), "*.json", SearchOption.AllDirectories).Length);
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("## Headline", report);
        Assert.Contains("against the best baseline", report);
        Assert.Contains("![", report);
        var plots = Directory.GetFiles(Path.Combine(dir, "plots"));
        Assert.Contains(plots, p => p.EndsWith("loss-vqe-h2-exact.png", StringComparison.Ordinal));
        Assert.Contains(plots, p => p.EndsWith("gradnorm-vqe-h2-shots100.svg", StringComparison.Ordinal));
        Assert.Contains(plots, p => p.EndsWith("final-cls-iris-hea-local-ce-exact.png", StringComparison.Ordinal));
        Assert.Contains(plots, p => p.EndsWith("improvement-all-exact.png", StringComparison.Ordinal));
        Assert.Contains("NLR (Lookahead) against its own base at the same rate", output);

        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.schema.json")));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var errors = SchemaValidator.Validate(schema.RootElement, summary.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var root = summary.RootElement;
        Assert.Equal(2 * 2 * 3, root.GetProperty("results").GetArrayLength());
        // Per benchmark and mode: NLR against its control (Adam at NLR's rate, which is Adam's tuned rate: the baseline
        // itself) on the score, against each tuned baseline (Adam, SPSA); classification adds test loss and test error.
        Assert.Equal((2 * 3) + (2 * 5), root.GetProperty("comparisons").GetArrayLength());
        Assert.Equal(3, root.GetProperty("protocol").GetProperty("seeds").GetArrayLength());

        var csv = File.ReadAllLines(Path.Combine(dir, "steps.csv"));
        Assert.Equal(Reporting.OutputWriter.StepsHeader, csv[0]);
        Assert.True(csv.Length > 36);
    }

    [Fact]
    public void Compare_PlotBenchmarks_DrawsOnlyThoseFigures_AndTheReportSaysSo()
    {
        string dir = Temp("compare-plot-subset");
        var (exit, output, error) = TestSupport.Run(TestSupport.TinyCompare(dir, "--plot-benchmarks", "vqe-*").ToArray());
        Assert.True(exit == 0, output + error);
        var plots = Directory.GetFiles(Path.Combine(dir, "plots")).Select(Path.GetFileName).ToList();
        Assert.Contains("loss-vqe-h2-exact.png", plots);
        Assert.Contains("improvement-all-exact.svg", plots);
        Assert.DoesNotContain(plots, p => p!.Contains("cls-iris", StringComparison.Ordinal));
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.Contains("Per-benchmark figures were drawn for 1 of the 2 benchmarks (`vqe-h2`", report);
        Assert.DoesNotContain("plots/loss-cls-iris", report, StringComparison.Ordinal);
        Assert.Contains("--plot-benchmarks vqe-*", report.Replace("\"", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_SummarySchema_RejectsABrokenSummary()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reporting", "summary.schema.json");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));
        using var broken = JsonDocument.Parse("""{"schemaVersion": 3, "preset": "huge", "extra": 1}""");
        var errors = SchemaValidator.Validate(schema.RootElement, broken.RootElement);
        Assert.Contains(errors, e => e.Contains("missing required property 'results'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.schemaVersion", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("$.preset", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unexpected property 'extra'", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_ResumeAfterInterruption_ReproducesTheUninterruptedResult()
    {
        string whole = Temp("compare-whole");
        string parts = Temp("compare-parts");
        var a = TestSupport.Run(TestSupport.TinyCompare(whole, "--no-plots").ToArray());
        Assert.True(a.Exit == 0, a.Output + a.Error);

        // Interrupt after 5 finished runs (as Ctrl-C would): exit 130, finished runs on disk, no summary.
        var b1 = TestSupport.Run(TestSupport.TinyCompare(parts, "--no-plots", "--stop-after", "5").ToArray());
        Assert.Equal(CompareRunner.ExitInterrupted, b1.Exit);
        Assert.Contains("--resume", b1.Output);
        Assert.False(File.Exists(Path.Combine(parts, "summary.json")));
        int onDisk = Directory.GetFiles(Path.Combine(parts, "runs"), "*.json", SearchOption.AllDirectories).Length;
        Assert.InRange(onDisk, 5, 35);

        var b2 = TestSupport.Run(TestSupport.TinyCompare(parts, "--no-plots", "--resume").ToArray());
        Assert.True(b2.Exit == 0, b2.Output + b2.Error);
        Assert.Contains($"{onDisk} on disk, {36 - onDisk} to run", b2.Output);

        Assert.Equal(Normalise(whole, "summary.json"), Normalise(parts, "summary.json"));
        Assert.Equal(File.ReadAllText(Path.Combine(whole, "steps.csv")), File.ReadAllText(Path.Combine(parts, "steps.csv")));
        Assert.Equal(Normalise(whole, "report.md"), Normalise(parts, "report.md"));
    }

    [Fact]
    public void Compare_SameSeeds_BitIdenticalSummary()
    {
        string first = Temp("compare-det1");
        string second = Temp("compare-det2");
        var args = new[] { "--benchmarks", "qaoa-ring6-p1", "--optimizers", "nlr,nlr-stochastic,sgd,spsa", "--seeds", "2", "--steps", "4", "--shots", "0,100", "--no-plots", "--no-progress", "--bootstrap", "100" };
        Assert.Equal(0, TestSupport.Run(new[] { "compare", "--out", first, "--jobs", "1" }.Concat(args).ToArray()).Exit);
        Assert.Equal(0, TestSupport.Run(new[] { "compare", "--out", second, "--jobs", "2" }.Concat(args).ToArray()).Exit);
        Assert.Equal(Normalise(first, "summary.json"), Normalise(second, "summary.json"));
    }

    [Fact]
    public void Compare_ResumeWithOtherBudget_IsRefused()
    {
        string dir = Temp("compare-refuse");
        var args = new[] { "compare", "--benchmarks", "vqe-h2", "--optimizers", "adam", "--seeds", "1", "--steps", "2", "--shots", "0", "--no-plots", "--no-progress", "--out", dir };
        Assert.Equal(0, TestSupport.Run(args).Exit);
        var again = TestSupport.Run(args.Select(a => a == "2" ? "3" : a).Append("--resume").ToArray());
        Assert.Equal(2, again.Exit);
        Assert.Contains("--resume", again.Error);
    }

    [Fact]
    public void Compare_EqualBudget_EveryOptimizerStaysWithinItAndNlrPaysForItsTrials()
    {
        string dir = Temp("compare-budget");
        var run = TestSupport.Run("compare", "--benchmarks", "vqe-h2", "--optimizers", "nlr,adam,spsa", "--seeds", "1", "--steps", "5",
            "--shots", "0,100", "--no-plots", "--no-progress", "--out", dir);
        Assert.True(run.Exit == 0, run.Error);
        var records = Directory.GetFiles(Path.Combine(dir, "runs"), "*.json", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.Ordinal)).Select(RunRecord.ReadSealed).ToList();
        // H2: 2 layers × 8 rotations = 16 trainable angles → R = 32 shift runs, one gradient step = 33 evaluations.
        foreach (var r in records)
        {
            Assert.Equal(5 * 33, r.BudgetEvaluations);
            Assert.InRange(r.EvaluationsUsed, 1, r.BudgetEvaluations);
            Assert.Equal(r.Shots == 0 ? 0 : r.BudgetEvaluations * 100, r.BudgetShots);
            Assert.InRange(r.ShotsUsed, 0, Math.Max(0, r.BudgetShots));
        }

        Assert.All(records.Where(r => r.Optimizer == "adam"), r => Assert.Equal(5, r.Steps));
        // NLR Lookahead pays 33 + 1 per step: 165 / 34 → 4 steps.
        Assert.All(records.Where(r => r.Optimizer == "nlr"), r => Assert.Equal(4, r.Steps));
        Assert.All(records.Where(r => r.Optimizer == "nlr"), r => Assert.Equal(4 * 34, r.EvaluationsUsed));
        // SPSA pays 2 per step: 165 / 2 → 82 steps.
        Assert.All(records.Where(r => r.Optimizer == "spsa"), r => Assert.Equal(82, r.Steps));
    }

    [Fact]
    public void Compare_PlotsCannotBeWritten_ReportAndSummaryStillWritten()
    {
        string dir = Temp("compare-noplots");
        Assert.Equal(0, TestSupport.Run("compare", "--benchmarks", "vqe-h2", "--optimizers", "adam", "--seeds", "1", "--steps", "1",
            "--shots", "0", "--no-progress", "--no-plots", "--out", dir).Exit);
        // A file where the plots folder should go makes every figure fail to save.
        File.WriteAllText(Path.Combine(dir, "plots"), "not a folder");
        var run = TestSupport.Run("compare", "--benchmarks", "vqe-h2", "--optimizers", "nlr,adam", "--seeds", "2", "--steps", "2",
            "--shots", "0", "--no-progress", "--out", dir);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("Plots unavailable", run.Output);
        Assert.True(File.Exists(Path.Combine(dir, "summary.json")));
        Assert.Contains("Plots unavailable: ", File.ReadAllText(Path.Combine(dir, "report.md")));
    }

    [Fact]
    public void Compare_Minibatches_BudgetCountsTheBatchRows()
    {
        string dir = Temp("compare-batch");
        var run = TestSupport.Run("compare", "--benchmarks", "cls-iris-hea-local-ce", "--optimizers", "nlr,adam", "--seeds", "1", "--steps", "3",
            "--shots", "0", "--train-rows", "12", "--test-rows", "4", "--batch-rows", "4", "--no-plots", "--no-progress", "--out", dir);
        Assert.True(run.Exit == 0, run.Error);
        var records = Directory.GetFiles(Path.Combine(dir, "runs"), "*.json", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.Ordinal)).Select(RunRecord.ReadSealed).ToList();
        // HEA, 2 layers on 4 qubits: 16 angles → R = 32; a step over 4 rows costs 4 × 33 = 132 evaluations.
        Assert.All(records, r => Assert.Equal(4, r.Rows));
        Assert.All(records, r => Assert.Equal(3 * 132, r.BudgetEvaluations));
        Assert.Equal(3, records.Single(r => r.Optimizer == "adam").Steps);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        Assert.Equal(4, summary.RootElement.GetProperty("protocol").GetProperty("batchRows").GetInt32());
    }

    private static string Normalise(string dir, string file) =>
        File.ReadAllText(Path.Combine(dir, file)).Replace(dir, "OUT", StringComparison.Ordinal);
}
