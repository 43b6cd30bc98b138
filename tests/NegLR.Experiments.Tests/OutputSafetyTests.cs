using System;
using System.IO;
using System.Linq;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Storage;

namespace NegLR.Experiments.Tests;

/// <summary>
/// Never lose a user's data: the runner writes only into folders it owns, deletes only what it provably wrote, and
/// every fault a run file or config.json can have has one clear outcome.
/// </summary>
public class OutputSafetyTests : ScratchTest
{
    private static string[] Grid(string dir, params string[] extra) =>
        new[] { "compare", "--benchmarks", "vqe-h2", "--optimizers", "nlr,adam", "--seeds", "3", "--steps", "2", "--shots", "0",
            "--no-plots", "--no-progress", "--bootstrap", "100", "--jobs", "1", "--out", dir, "--hyperparameters", TestSupport.V1Hyperparameters }.Concat(extra).ToArray();

    private static string Seed(string dir, string optimizer, int seed) =>
        Path.Combine(dir, "runs", "vqe-h2", "exact", optimizer, $"seed-{seed:D3}.json");

    [Fact]
    public void FreshRun_IntoAFolderWithSomeoneElsesRuns_RefusesAndTouchesNothing()
    {
        string dir = Temp("safety-foreign");
        string theirs = Path.Combine(dir, "runs", "mine.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(theirs)!);
        File.WriteAllText(theirs, "a user's file");
        var r = TestSupport.Run(Grid(dir));
        Assert.Equal(1, r.Exit);
        Assert.Contains(dir, r.Error);
        Assert.Contains("did not write", r.Error);
        Assert.Contains("--out", r.Error);
        Assert.Equal("a user's file", File.ReadAllText(theirs));
        Assert.Equal(new[] { "runs" }, Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Where(n => !n!.StartsWith(".neglr-lock", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void FreshRun_OverItsOwnRuns_RemovesOnlySealedRecords()
    {
        string dir = Temp("safety-own");
        Assert.Equal(0, TestSupport.Run(Grid(dir)).Exit);
        string stray = Path.Combine(dir, "runs", "vqe-h2", "notes.txt");
        File.WriteAllText(stray, "kept");
        var again = TestSupport.Run(Grid(dir));
        Assert.True(again.Exit == 0, again.Error);
        Assert.Contains("Left alone", again.Output);
        Assert.Equal("kept", File.ReadAllText(stray));
        Assert.True(File.Exists(Seed(dir, "adam", 2)));
    }

    [Fact]
    public void DamagedMarker_Refused()
    {
        string dir = Temp("safety-marker");
        Assert.Equal(0, TestSupport.Run(Grid(dir)).Exit);
        string marker = Path.Combine(dir, OutputFolder.MarkerName);
        File.WriteAllText(marker, File.ReadAllText(marker).Replace("\"verb\": \"compare\"", "\"verb\": \"variance\"", StringComparison.Ordinal));
        var r = TestSupport.Run(Grid(dir));
        Assert.Equal(1, r.Exit);
        Assert.Contains("not a valid NegLR.Experiments marker", r.Error);
    }

    [Fact]
    public void RunFileReplacedByEmptyObject_IsRedone_SameSummary()
    {
        AssertRedone("safety-empty", path => File.WriteAllText(path, "{}"), "fails its integrity seal");
    }

    [Fact]
    public void OneSeedsFileCopiedOverAnother_IsRedone_SameSummary()
    {
        string? source = null;
        AssertRedone("safety-copied", path =>
        {
            source ??= path.Replace("seed-001", "seed-000", StringComparison.Ordinal);
            File.Copy(source, path, overwrite: true);
        }, "holds the run of");
    }

    [Fact]
    public void EditedMetric_FailsTheSeal_IsRedone_SameSummary()
    {
        AssertRedone("safety-edited", path =>
        {
            string text = File.ReadAllText(path);
            int at = text.IndexOf("\"metric\":", StringComparison.Ordinal) + "\"metric\":".Length;
            int end = text.IndexOf(',', at);
            File.WriteAllText(path, text[..at] + "0.001" + text[end..]);
        }, "fails its integrity seal");
    }

    [Fact]
    public void TruncatedConfigJson_IsReportedAndRewritten_ResumeFinishes()
    {
        string clean = Temp("safety-config-clean");
        string dir = Temp("safety-config");
        Assert.Equal(0, TestSupport.Run(Grid(clean)).Exit);
        Assert.Equal(CompareRunner.ExitInterrupted, TestSupport.Run(Grid(dir, "--stop-after", "2")).Exit);
        string config = Path.Combine(dir, "config.json");
        File.WriteAllText(config, File.ReadAllText(config)[..40]);
        var r = TestSupport.Run(Grid(dir, "--resume"));
        Assert.True(r.Exit == 0, r.Output + r.Error);
        Assert.Contains("config.json is damaged", r.Output);
        Assert.Equal(Summary(clean), Summary(dir));
    }

    [Fact]
    public void RunMadeWithOtherSettings_IsRefusedEvenWithoutConfigJson()
    {
        string dir = Temp("safety-settings");
        Assert.Equal(0, TestSupport.Run(Grid(dir)).Exit);
        File.Delete(Path.Combine(dir, "config.json"));
        var r = TestSupport.Run(Grid(dir, "--resume").Select(a => a == "2" ? "3" : a).ToArray());
        Assert.Equal(1, r.Exit);
        Assert.Contains("other settings", r.Error);
    }

    [Fact]
    public void TwoRunnersOnOneFolder_TheSecondIsRefusedWithAClearMessage()
    {
        string dir = Temp("safety-lock");
        Assert.Equal(0, TestSupport.Run(Grid(dir)).Exit);
        using (OutputFolder.Open(dir, "compare", "all"))
        {
            var r = TestSupport.Run(Grid(dir, "--resume"));
            Assert.Equal(1, r.Exit);
            Assert.Contains("is in use", r.Error);
            Assert.Contains("another runner", r.Error);
            var shard = TestSupport.Run(Grid(dir, "--shard", "0/2"));
            Assert.Equal(1, shard.Exit);
        }

        // The lock goes with its holder: the same command now works.
        Assert.Equal(0, TestSupport.Run(Grid(dir, "--resume")).Exit);
    }

    [Fact]
    public void Seal_DetectsAnyChangedByte()
    {
        string sealedText = Seal.Apply("{\"a\":1.5,\"b\":\"x\"}");
        Assert.Equal("{\"a\":1.5,\"b\":\"x\"}", Seal.Verify(sealedText));
        Assert.Null(Seal.Verify(sealedText.Replace("1.5", "1.6", StringComparison.Ordinal)));
        Assert.Null(Seal.Verify(sealedText[..^3]));
        Assert.Null(Seal.Verify("{}"));
    }

    private void AssertRedone(string name, Action<string> damage, string reason)
    {
        string clean = Temp(name + "-clean");
        string dir = Temp(name);
        Assert.Equal(0, TestSupport.Run(Grid(clean)).Exit);
        Assert.Equal(0, TestSupport.Run(Grid(dir)).Exit);
        string victim = Seed(dir, "adam", 1);
        damage(victim);
        var r = TestSupport.Run(Grid(dir, "--resume"));
        Assert.True(r.Exit == 0, r.Output + r.Error);
        Assert.Contains("Redoing runs", r.Output.Replace(Path.DirectorySeparatorChar, '/'));
        Assert.Contains(reason, r.Output);
        Assert.Contains("5 on disk, 1 to run", r.Output);
        Assert.True(File.Exists(victim + ".rejected"), "the damaged file is kept aside, never deleted");
        Assert.Equal(Summary(clean), Summary(dir));
    }

    private static string Summary(string dir) => File.ReadAllText(Path.Combine(dir, "summary.json")).Replace(dir, "OUT", StringComparison.Ordinal);
}
