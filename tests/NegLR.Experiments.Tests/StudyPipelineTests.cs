using System;
using System.IO;
using System.Linq;

namespace NegLR.Experiments.Tests;

/// <summary>
/// The study from end to end on a toy plan: the pilot runs, its analysis picks the rate by the tuning rule, the main
/// part runs at that rate with its base, is published, and the report gives the finished hypothesis a verdict and the
/// others "not yet run"; the Slurm form prints.
/// </summary>
public class StudyPipelineTests : ScratchTest
{
    [Fact]
    public void PilotThenMainThenReport_OnAToyPlan()
    {
        string dir = Temp("study-pipeline");
        string plan = ToyStudyPlan(dir, """
            [
              { "name": "pilot-b1", "stage": "pilot", "block": "B1", "hypothesis": "H1", "benchmarks": ["gorge2"],
                "optimizers": ["sgd@{0.01|1}", "nlr-la-sgd@{0.01|1}", "adam@0.1", "nlr-la-adam@0.1"], "seeds": "900-902", "shots": [0] },
              { "name": "h1-primary", "stage": "main", "block": "B1", "hypothesis": "H1", "primary": true, "purpose": "toy",
                "benchmarks": ["gorge{2|3}"], "optimizers": ["nlr-la-sgd@$sgd"], "seeds": "0-5", "shots": [0] },
              { "name": "h2-primary", "stage": "main", "block": "B1", "hypothesis": "H2", "primary": true, "purpose": "toy",
                "benchmarks": ["gorge2"], "optimizers": ["nlr-las-sgd@$sgd"], "seeds": "0-5", "shots": [100] },
              { "name": "b2-gorge", "stage": "main", "block": "B1", "purpose": "toy",
                "benchmarks": ["gorge2"], "optimizers": ["nlr-la-sgd@$sgd", "noise-la-sgd@$sgd", "rej-la-sgd@$sgd"], "seeds": "0-5", "shots": [0] }
            ]
            """);
        // The report quotes the protocol's deviations (PROTOCOL.md beside the plan), up to the next section.
        File.WriteAllText(Path.Combine(dir, "PROTOCOL.md"), "# Toy\n\n## Deviations from the issue\n\n- **Noise** is not run: a toy.\n\n## Next\n\n- not quoted\n");
        Assert.Equal(0, TestSupport.Run("study", "--plan", plan, "--run", "--stage", "pilot", "--no-progress").Exit);
        var (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--pilot-analysis");
        Assert.True(exit == 0, output + error);
        // On the flat gorge a rate of 0.01 barely moves; 1 closes more of the gap: the rule picks 1.
        Assert.Contains("sgd η = 1", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "results", "pilot", "pilot.md")));

        (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--run", "--part", "h1-primary", "--no-progress");
        Assert.True(exit == 0, output + error);
        Assert.True(File.Exists(Path.Combine(dir, "results", "h1-primary", "summary.json")));
        Assert.True(Directory.Exists(Path.Combine(dir, "runs", "h1-primary", "runs", "gorge3", "exact", "sgd@1")));

        (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--run", "--part", "b2-gorge", "--no-progress");
        Assert.True(exit == 0, output + error);

        (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--report");
        Assert.True(exit == 0, output + error);
        string report = File.ReadAllText(Path.Combine(dir, "results", "report.md"));
        Assert.Contains("(where \"above\" means the protocol):\n\n> - **Noise** is not run: a toy.\n\n", report.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("not quoted", report, StringComparison.Ordinal);
        Assert.Contains("**Verdict (`h1-primary`, 2 primary contrasts, Holm over all of them):**", report, StringComparison.Ordinal);
        Assert.Contains("### H2", report, StringComparison.Ordinal);
        Assert.Contains("**Not yet run** (primary part `h2-primary` incomplete)", report, StringComparison.Ordinal);
        Assert.Contains("| `h1-primary` | B1 | primary H1 | 24 | complete |", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "results", "plots", "gradient-decay-hea4-noise.png")));
        // Exploratory: BH over the finished exploratory part, and NLR against its mechanism's controls.
        Assert.Contains("| `b2-gorge` (report: [b2-gorge/report.md](b2-gorge/report.md)) |", report, StringComparison.Ordinal);
        // One part: the total row repeats its counts, "better (within δ)" included.
        string partRow = report.Split('\n').Single(l => l.StartsWith("| `b2-gorge` (report:", StringComparison.Ordinal));
        string totalRow = report.Split('\n').Single(l => l.StartsWith("| **all** |", StringComparison.Ordinal));
        Assert.Equal(partRow[(partRow.IndexOf(") |", StringComparison.Ordinal) + 1)..], totalRow["| **all**".Length..]);
        Assert.Contains("### NLR against the controls of its mechanism (2 paired contrasts", report, StringComparison.Ordinal);
        Assert.Contains("| `b2-gorge` | noise injection |", report, StringComparison.Ordinal);
        // The toy plan has no plateau circuit: of the outcome maps only variant × block is drawn.
        Assert.Contains("![map](plots/map-variant-block-nlr-all.png)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("map-size-depth", report, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "results", "plots", "map-variant-block-nlr-all.svg")));

        (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--slurm", "print", "--part", "h2-primary", "--shards", "3");
        Assert.True(exit == 0, output + error);
        Assert.Contains("#SBATCH --array=0-2", output, StringComparison.Ordinal);
        Assert.Contains("nlr-las-sgd@1", output, StringComparison.Ordinal);
    }
}
