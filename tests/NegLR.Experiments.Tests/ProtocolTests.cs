using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;
using NegLR.Experiments.Reporting;
using NegLR.Experiments.Stats;

namespace NegLR.Experiments.Tests;

/// <summary>The protocol defects an audit found, each pinned by a test that the old runner fails.</summary>
public class ProtocolTests : ScratchTest
{
    // The paper grid's file: the audit's cases (Reactive on Adam at 0.1, tuning with unequal trials) are in it.
    private static readonly HyperparameterFile Hyper = HyperparameterFile.Load(TestSupport.V1Hyperparameters);

    [Fact]
    public void LearningRateConfound_EveryNlrVariantGetsItsOwnBaseAtItsOwnRate()
    {
        var grid = OptimizerCatalog.WithControls(OptimizerCatalog.All, Hyper);
        foreach (var n in grid.Where(o => o.IsNlr))
        {
            var h = Hyper.For(n.Id);
            var control = OptimizerCatalog.ControlFor(n, Hyper);
            Assert.Contains(grid, o => o.Id == control.Id);
            Assert.Equal(h.Base, control.Method);
            Assert.Equal(h.LearningRate, OptimizerCatalog.SettingsFor(control, Hyper).LearningRate);
        }

        // The audit's case: Reactive wraps Adam at 0.1 while the tuned Adam runs at 0.3.
        Assert.Contains(grid, o => o.Id == "adam@0.1");
    }

    [Fact]
    public void PlainGradientDescent_AtTheRateOfNlrOnSgd_IsInThePaperGrid()
    {
        var grid = OptimizerCatalog.WithControls(OptimizerCatalog.All, Hyper);
        var nlrSgd = Assert.Single(grid, o => o.Id == "nlr-sgd");
        Assert.Equal("sgd", Hyper.For("nlr-sgd").Base);
        var control = OptimizerCatalog.ControlFor(nlrSgd, Hyper);
        Assert.Equal("sgd", control.Method);
        Assert.Equal(Hyper.For("nlr-sgd").LearningRate, OptimizerCatalog.SettingsFor(control, Hyper).LearningRate);
    }

    [Fact]
    public void PrimaryContrast_EndToEnd_ReactiveAgainstAdamAtPointOne_HolmAdjusted()
    {
        string dir = Temp("protocol-primary");
        var r = TestSupport.Run("compare", "--benchmarks", "vqe-h2,qaoa-ring6-p1", "--optimizers", "nlr-reactive,adam", "--seeds", "4", "--steps", "3",
            "--shots", "0", "--no-plots", "--no-progress", "--bootstrap", "200", "--out", dir, "--hyperparameters", TestSupport.V1Hyperparameters);
        Assert.True(r.Exit == 0, r.Output + r.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var primary = doc.RootElement.GetProperty("comparisons").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "primary").ToList();
        Assert.Equal(2, primary.Count);
        Assert.All(primary, c =>
        {
            Assert.Equal("adam@0.1", c.GetProperty("baseline").GetString());
            Assert.Equal("holm", c.GetProperty("adjustment").GetString());
            Assert.True(c.GetProperty("pAdjusted").GetDouble() >= c.GetProperty("wilcoxon").GetProperty("p").GetDouble());
        });
        var p = primary.Select(c => c.GetProperty("wilcoxon").GetProperty("p").GetDouble()).ToArray();
        var holm = Multiplicity.Holm(p);
        Assert.Equal(holm, primary.Select(c => c.GetProperty("pAdjusted").GetDouble()).ToArray());
        Assert.Equal(2, doc.RootElement.GetProperty("protocol").GetProperty("primaryContrasts").GetInt32());
        var secondary = doc.RootElement.GetProperty("comparisons").EnumerateArray().Where(c => c.GetProperty("kind").GetString() == "secondary").ToList();
        Assert.All(secondary, c => Assert.Equal("bh", c.GetProperty("adjustment").GetString()));
    }

    [Fact]
    public void BestBaseline_IsChosenOnTheTuningProblems_NotOnTheEvaluatedRuns()
    {
        var a = new OptimizerSpec("sgd", "SGD", false, null);
        var b = new OptimizerSpec("adam", "Adam", false, null);
        var settings = new Dictionary<string, OptimizerSettings>
        {
            ["sgd"] = new() { TuningScore = 0.5, ProblemScores = new(StringComparer.Ordinal) { ["tune-cls-xor-hea-local-ce"] = 0.1, ["tune-tfim5-open-h0.5"] = 0.9 } },
            ["adam"] = new() { TuningScore = 0.4, ProblemScores = new(StringComparer.Ordinal) { ["tune-cls-xor-hea-local-ce"] = 0.2, ["tune-tfim5-open-h0.5"] = 0.3 } },
        };
        var config = TinyConfig(BenchmarkCatalog.Get("cls-iris-hea-local-ce"), BenchmarkCatalog.Get("vqe-h2"), BenchmarkCatalog.Get("bp-random4"));
        var best = Aggregator.BestBaselines(config, new[] { a, b }, settings);
        Assert.Equal("sgd", best["classification"]);
        Assert.Equal("adam", best["vqe"]);
        Assert.Equal("adam", best["barren-plateau"]);
    }

    [Fact]
    public void ProtocolText_SaysWhatRan_NotWhatWasDocumented()
    {
        var nlr = OptimizerCatalog.Get("nlr");
        string text = OptimizerCatalog.Describe(nlr, Hyper.For("nlr"));
        // The runtime defaults that ran: cap 1, cooldown 3, base state updated (the old text claimed 3 and frozen).
        Assert.Contains("at most 1 ascent step in a row", text);
        Assert.Contains("cooldown of 3 descent steps", text);
        Assert.Contains("state updated during ascent", text);
        Assert.DoesNotContain("at most 3 ascent steps", text);
        var configuration = OptimizerCatalog.Configuration(nlr, Hyper.For("nlr"));
        Assert.Equal("1", configuration["maxAscentSteps"]);
        Assert.Equal("3", configuration["cooldown"]);
        Assert.Equal("true", configuration["updateBaseStateDuringAscent"]);
    }

    [Fact]
    public void Statements_AreStoredInTheSummary_AndStateUnequalTuningAndThePowerLimit()
    {
        string dir = Temp("protocol-statements");
        var r = TestSupport.Run("compare", "--benchmarks", "vqe-h2", "--optimizers", "nlr,nlr-plateau,adam,sgd", "--seeds", "3", "--steps", "2",
            "--shots", "0", "--no-plots", "--no-progress", "--bootstrap", "100", "--out", dir, "--hyperparameters", TestSupport.V1Hyperparameters);
        Assert.True(r.Exit == 0, r.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var statements = doc.RootElement.GetProperty("protocol").GetProperty("statements").EnumerateArray().Select(s => s.GetString()!).ToList();
        string report = File.ReadAllText(Path.Combine(dir, "report.md"));
        Assert.All(statements, s => Assert.Contains(s, report));
        Assert.Contains(statements, s => s.Contains("144 for NLR (Plateau)", StringComparison.Ordinal) && s.Contains("8 for", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("no primary contrast can reach significance", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("at most 1 ascent step in a row", StringComparison.Ordinal));
    }

    [Fact]
    public void Tuning_GivesEveryOptimizerTheSameNumberOfCandidates_InTheEvaluatedModes()
    {
        // The shipped file (tuned by the current tune verb): equal trials for every optimizer, exact and shot modes, one
        // held-out problem per family. The paper grid's file had 48 (Plateau 144) against 8.
        var shipped = HyperparameterFile.Load(null);
        Assert.Single(shipped.Optimizers.Values.Select(o => o.Trials).Distinct());
        Assert.All(OptimizerCatalog.All, o => Assert.Equal(24, Tuning.TuneRunner.Candidates(o, 24).Count));
        Assert.Contains("exact and 100 shots", shipped.Description, StringComparison.Ordinal);
        Assert.Equal(4, shipped.TuningProblems.Select(Aggregator.TuningProblemFamily).Distinct().Count());
        Assert.NotEqual(1, HyperparameterFile.Load(TestSupport.V1Hyperparameters).Optimizers.Values.Select(o => o.Trials).Distinct().Count());
    }

    [Fact]
    public void Holm_And_BenjaminiHochberg_MatchRsPAdjust()
    {
        double[] p = { 0.01, 0.04, 0.03, 0.005 };
        Assert.Equal(new[] { 0.03, 0.06, 0.06, 0.02 }, Multiplicity.Holm(p).Select(v => Math.Round(v, 12)));
        Assert.Equal(new[] { 0.02, 0.04, 0.04, 0.02 }, Multiplicity.BenjaminiHochberg(p).Select(v => Math.Round(v, 12)));
        Assert.Equal(2 / 1024.0, Multiplicity.SmallestWilcoxonP(10));
    }

    [Fact]
    public void HodgesLehmann_IsTheMedianOfWalshAverages()
    {
        // d = 1, 2, 3 → Walsh averages 1, 1.5, 2, 2, 2.5, 3 → median 2; an outlier barely moves it.
        Assert.Equal(2, EffectSize.HodgesLehmann(new double[] { 1, 2, 3 }, new double[] { 0, 0, 0 }));
        Assert.Equal(2.75, EffectSize.HodgesLehmann(new double[] { 1, 2, 3, 1000 }, new double[] { 0, 0, 0, 0 }));
    }

    [Fact]
    public void Tost_SmallDifferencesAreEquivalent_LargeOnesAreNot()
    {
        var y = Enumerable.Range(0, 10).Select(i => 1.0 + (0.1 * i)).ToArray();
        var close = y.Select((v, i) => v + (0.001 * (i - 4.5))).ToArray();
        var far = y.Select(v => v + 0.5).ToArray();
        var eq = Equivalence.Tost(close, y, 0.05);
        Assert.Equal(1 / 1024.0, eq.P, 12);
        Assert.True(Equivalence.Tost(far, y, 0.05).P > 0.5);
    }

    [Fact]
    public void KaplanMeier_AndLogRank_MatchHandComputation()
    {
        var a = new[] { new TimeToEvent(1, true), new TimeToEvent(2, true) };
        var b = new[] { new TimeToEvent(3, false), new TimeToEvent(3, false) };
        var curve = Survival.KaplanMeier(a.Concat(b).ToList());
        Assert.Equal(0.75, curve[0].Survival, 12);
        Assert.Equal(0.5, curve[1].Survival, 12);
        Assert.Equal(2.0, Survival.Median(curve));
        // O − E = (1 − 1/2) + (1 − 1/3); V = 1/4 + 2/9.
        double chi = Math.Pow(0.5 + (2.0 / 3), 2) / (0.25 + (2.0 / 9));
        var (statistic, p) = Survival.LogRank(a, b);
        Assert.Equal(chi, statistic, 12);
        Assert.Equal(0.0896, p, 3);
        Assert.Equal((0.0, 1.0), Survival.LogRank(a, a));
    }

    [Fact]
    public void SuccessAndTimeToTarget_ComeFromEachRunsOwnInitialGap()
    {
        string dir = Temp("protocol-success");
        var r = TestSupport.Run("compare", "--benchmarks", "vqe-h2", "--optimizers", "adam", "--seeds", "3", "--steps", "30", "--shots", "0",
            "--target-fraction", "0.5", "--no-plots", "--no-progress", "--bootstrap", "100", "--out", dir);
        Assert.True(r.Exit == 0, r.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var result = doc.RootElement.GetProperty("results")[0];
        var perSeed = result.GetProperty("perSeed").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        double initial = result.GetProperty("initialMetric").GetProperty("mean").GetDouble();
        Assert.Equal(perSeed.Count(v => v <= 0.5 * initial) / 3.0, result.GetProperty("successProbability").GetDouble());
        var ttt = result.GetProperty("timeToTarget");
        Assert.Equal("evaluations", ttt.GetProperty("unit").GetString());
        Assert.Equal(3, ttt.GetProperty("reached").GetInt32() + ttt.GetProperty("censored").GetInt32());
    }

    private static CompareConfig TinyConfig(params Benchmark[] benchmarks) => new()
    {
        Preset = "quick",
        Benchmarks = benchmarks,
        Optimizers = Array.Empty<OptimizerSpec>(),
        Seeds = new[] { 0 },
        ShotModes = new[] { 0 },
        Steps = 1,
        Sizes = BenchmarkSizes.Quick,
        OutputDirectory = "unused",
        CommandLine = "unused",
    };
}
