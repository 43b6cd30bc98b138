using System;
using System.IO;
using System.Text.Json.Nodes;

namespace NegLR.Experiments.Tests;

/// <summary>
/// <c>study --verify</c> re-runs committed runs and compares their final scores with the committed summary: a part run
/// with this build passes, a summary whose score was changed by one ulp fails with the run named, an uncommitted part is
/// skipped, and nothing is left behind in the results or runs folders.
/// </summary>
public class StudyVerificationTests : ScratchTest
{
    [Fact]
    public void Verify_PassesOnACommittedPart_AndFailsOnATamperedScore()
    {
        string dir = Temp("study-verify");
        string plan = ToyStudyPlan(dir, """
            [
              { "name": "b2-gorge", "stage": "main", "block": "B1", "purpose": "toy",
                "benchmarks": ["gorge2"], "optimizers": ["nlr-la-sgd@0.3"], "seeds": "0-3", "shots": [0, 100] },
              { "name": "b5-traps", "stage": "main", "block": "B5", "purpose": "toy",
                "benchmarks": ["gorge3"], "optimizers": ["sgd@0.3"], "seeds": "0-1", "shots": [0] }
            ]
            """);
        var (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--run", "--part", "b2-gorge", "--no-progress");
        Assert.True(exit == 0, output + error);
        string[] before = Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories);

        (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--verify", "5");
        Assert.True(exit == 0, output + error);
        Assert.Contains("verify: 5 runs reproduce the committed final score bit for bit, 0 do not (uncommitted parts skipped: 1).", output, StringComparison.Ordinal);
        Assert.Contains("verify: part b5-traps is not committed; skipped.", output, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories));

        // One ulp off in every committed score: every re-run must now disagree.
        string summaryPath = Path.Combine(dir, "results", "b2-gorge", "summary.json");
        var summary = JsonNode.Parse(File.ReadAllText(summaryPath))!;
        foreach (var row in summary["results"]!.AsArray())
        {
            var perSeed = row!["perSeed"]!.AsArray();
            for (int i = 0; i < perSeed.Count; i++)
            {
                perSeed[i] = Math.BitIncrement(perSeed[i]!.GetValue<double>());
            }
        }

        File.WriteAllText(summaryPath, summary.ToJsonString());
        (exit, output, error) = TestSupport.Run("study", "--plan", plan, "--verify", "3", "--part", "b2-gorge");
        Assert.Equal(1, exit);
        Assert.Contains("verify: 0 runs reproduce the committed final score bit for bit, 3 do not", output, StringComparison.Ordinal);
        Assert.Contains("DIFFERENT", output, StringComparison.Ordinal);
    }
}
