using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Distributed;
using NegLR.Experiments.Optimizers;

namespace NegLR.Experiments.Tests;

/// <summary>A grid split into shards (a Slurm array, a Kubernetes Indexed Job) and merged gives a single machine's bytes.</summary>
public class ShardingTests : ScratchTest
{
    [Fact]
    public void ShardsThenMerge_ByteIdenticalToOneMachine_AndAMissingShardIsNamed()
    {
        string whole = Temp("shard-whole");
        string parts = Temp("shard-parts");
        var a = TestSupport.Run(TestSupport.TinyCompare(whole).ToArray());
        Assert.True(a.Exit == 0, a.Output + a.Error);

        for (int k = 0; k < 3; k++)
        {
            if (k == 1)
            {
                continue;
            }

            var shard = TestSupport.Run(TestSupport.TinyCompare(parts, "--shard", $"{k}/3").ToArray());
            Assert.True(shard.Exit == 0, shard.Output + shard.Error);
            Assert.Contains($"Shard {k}/3 done", shard.Output);
            Assert.False(File.Exists(Path.Combine(parts, "summary.json")));
        }

        var early = TestSupport.Run(TestSupport.TinyCompare(parts, "--merge").ToArray());
        Assert.Equal(1, early.Exit);
        Assert.Contains("runs are missing", early.Error);
        Assert.Contains("--shard K/N", early.Error);

        Assert.Equal(0, TestSupport.Run(TestSupport.TinyCompare(parts, "--shard", "1/3").ToArray()).Exit);
        var merge = TestSupport.Run(TestSupport.TinyCompare(parts, "--merge").ToArray());
        Assert.True(merge.Exit == 0, merge.Output + merge.Error);
        Assert.Contains("0 to run", merge.Output);
        foreach (var file in new[] { "summary.json", "steps.csv", "report.md" })
        {
            Assert.Equal(Normalise(whole, file), Normalise(parts, file));
        }

        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "plots", "improvement-all-exact.png")), File.ReadAllBytes(Path.Combine(parts, "plots", "improvement-all-exact.png")));
    }

    [Fact]
    public void Assign_EveryRunInExactlyOneShard_Deterministic()
    {
        var keys = Enumerable.Range(0, 50).Select(i => new RunKey("b" + (i % 7), 0, "o" + (i % 3), i)).ToList();
        Func<RunKey, double> cost = k => 1 + (k.Seed % 11);
        var first = Sharding.Assign(keys, cost, 4);
        Assert.Equal(first, Sharding.Assign(keys, cost, 4));
        Assert.All(first, s => Assert.InRange(s, 0, 3));
        Assert.Equal(4, first.Distinct().Count());
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void PaperGrid_NoShardAbove1Point2TimesTheMean(int shards)
    {
        var hyper = HyperparameterFile.Load(null);
        var config = new CompareConfig
        {
            Preset = "paper",
            Benchmarks = BenchmarkCatalog.All,
            Optimizers = OptimizerCatalog.WithControls(OptimizerCatalog.All, hyper),
            Seeds = Enumerable.Range(0, 10).ToList(),
            ShotModes = new[] { 0, 100, 1000 },
            Steps = 100,
            Sizes = BenchmarkSizes.Paper,
            OutputDirectory = "unused",
            CommandLine = "unused",
        };
        var keys = CompareRunner.Grid(config);
        var model = new CostModel(config.Steps, config.Sizes);
        var byId = config.Benchmarks.ToDictionary(b => b.Id);
        Func<RunKey, double> cost = k => model.Estimate(byId[k.Benchmark], k);
        var loads = Sharding.Loads(keys, cost, Sharding.Assign(keys, cost, shards), shards);
        Assert.True(loads.Max() <= 1.2 * loads.Average(), $"max {loads.Max() / loads.Average():F3} × mean");
    }

    [Fact]
    public void CostModel_RanksTheKnownExpensiveCellsFirst()
    {
        // Measured on the paper grid: SPSA on bp-random10 in exact mode took ~200 s a run, Adam on vqe-h2 well under 1 s.
        var model = new CostModel(100, BenchmarkSizes.Paper);
        double spsa = model.Estimate(BenchmarkCatalog.Get("bp-random10"), new RunKey("bp-random10", 0, "spsa", 0));
        double adam = model.Estimate(BenchmarkCatalog.Get("bp-random10"), new RunKey("bp-random10", 0, "adam", 0));
        double small = model.Estimate(BenchmarkCatalog.Get("vqe-h2"), new RunKey("vqe-h2", 0, "adam", 0));
        Assert.True(spsa > 50 * adam);
        Assert.True(adam > 100 * small);
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=2,SLURM_ARRAY_TASK_MIN=2,SLURM_ARRAY_TASK_COUNT=1,NEGLR_SHARD_COUNT=4", 2, 4)]
    [InlineData("SLURM_ARRAY_TASK_ID=2,SLURM_ARRAY_TASK_COUNT=4", 2, 4)]
    [InlineData("JOB_COMPLETION_INDEX=7,NEGLR_SHARD_COUNT=8", 7, 8)]
    public void ShardFromEnvironment_SlurmArrayOrIndexedJob(string variables, int index, int count)
    {
        var env = variables.Split(',').Select(v => v.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(new Shard(index, count), Shard.Parse("env", name => env.GetValueOrDefault(name)));
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("x/2")]
    [InlineData("1")]
    public void BadShard_IsAUsageError(string text)
    {
        var r = TestSupport.Run("compare", "--shard", text, "--no-progress", "--out", Temp("bad-shard"));
        Assert.Equal(2, r.Exit);
        Assert.Contains("shard", r.Error);
    }

    [Fact]
    public void ShardEnv_WithoutAScheduler_SaysWhatToSet()
    {
        Assert.Throws<Cli.UsageException>(() => Shard.Parse("env", _ => null));
    }

    [Fact]
    public void SlurmPrint_ArrayTaskPerShard_MergeAfterAllSucceeded()
    {
        string dir = Temp("slurm-print");
        var r = TestSupport.Run("compare", "--benchmarks", "vqe-h2", "--seeds", "2", "--slurm", "print", "--shards", "3",
            "--slurm-options", "--partition=short;--time=01:00:00", "--out", Path.Combine(dir, "grid"));
        Assert.True(r.Exit == 0, r.Error);
        Assert.Contains("#SBATCH --array=0-2", r.Output);
        Assert.Contains("#SBATCH --partition=short", r.Output);
        Assert.Contains("--shard env", r.Output);
        Assert.Contains("--merge", r.Output);
        Assert.Contains("--dependency=afterok:", r.Output);
        Assert.Contains("'--benchmarks' 'vqe-h2'", r.Output);
        Assert.DoesNotContain("--slurm", r.Output.Replace("--slurm-", string.Empty, StringComparison.Ordinal).Replace("slurm-%", string.Empty, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(dir, "grid")), "printing the script runs nothing");
    }

    private static string Normalise(string dir, string file) =>
        File.ReadAllText(Path.Combine(dir, file)).Replace(dir, "OUT", StringComparison.Ordinal);
}

/// <summary>The Kubernetes example stays consistent with the runner's sharding contract.</summary>
public class KubernetesManifestTests
{
    [Fact]
    public void IndexedJob_ShardCountEqualsCompletions_AndPodsReadTheirIndex()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "samples", "NegLR.Experiments", "Distributed", "kubernetes-indexed-job.yaml");
        string text = File.ReadAllText(path);
        Assert.Contains("completionMode: Indexed", text);
        int completions = int.Parse(System.Text.RegularExpressions.Regex.Match(text, @"completions: (\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"value: \"{completions}\"", text);
        Assert.Contains("\"--shard\", \"env\"", text);
        Assert.Contains("\"--merge\"", text);
        Assert.Equal(new Shard(3, completions), Shard.Parse("env", n => n switch { "JOB_COMPLETION_INDEX" => "3", "NEGLR_SHARD_COUNT" => completions.ToString(System.Globalization.CultureInfo.InvariantCulture), _ => null }));
    }
}

/// <summary>The variance verb splits its points into shards and merges them to the same bytes.</summary>
public class VarianceShardingTests : ScratchTest
{
    [Fact]
    public void VarianceShardsThenMerge_SameBytesAsOneRun()
    {
        string whole = Temp("var-whole");
        string parts = Temp("var-parts");
        string[] grid = { "variance", "--qubits", "2,4", "--layers", "1,3", "--samples", "8", "--ansatz", "random,hea", "--cost", "local", "--no-plots", "--no-progress" };
        Assert.Equal(0, TestSupport.Run(grid.Concat(new[] { "--out", whole }).ToArray()).Exit);
        Assert.Equal(0, TestSupport.Run(grid.Concat(new[] { "--out", parts, "--shard", "0/2" }).ToArray()).Exit);
        var early = TestSupport.Run(grid.Concat(new[] { "--out", parts, "--merge" }).ToArray());
        Assert.Equal(1, early.Exit);
        Assert.Contains("points are missing", early.Error);
        Assert.Equal(0, TestSupport.Run(grid.Concat(new[] { "--out", parts, "--shard", "1/2" }).ToArray()).Exit);
        var merge = TestSupport.Run(grid.Concat(new[] { "--out", parts, "--merge" }).ToArray());
        Assert.True(merge.Exit == 0, merge.Error);
        foreach (var file in new[] { "variance.json", "variance.csv", "report.md" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(whole, file)).Replace(whole, "OUT", StringComparison.Ordinal),
                File.ReadAllText(Path.Combine(parts, file)).Replace(parts, "OUT", StringComparison.Ordinal));
        }
    }
}
