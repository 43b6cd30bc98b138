using System;
using System.IO;
using System.Linq;
using NegLR.Experiments.Study;

namespace NegLR.Experiments.Tests;

/// <summary>The study plan: brace expansion, the pilot's rate placeholders, bad plans, and the shipped plan parses.</summary>
public class StudyPlanTests : ScratchTest
{
    private static string RepositoryFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NegLR.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(new[] { dir!.FullName }.Concat(parts).ToArray());
    }

    [Fact]
    public void Expand_BracesMultiplyOut_InOrder()
    {
        Assert.Equal(new[] { "a1bx", "a1by", "a2bx", "a2by" }, StudyPlan.Expand("a{1|2}b{x|y}").ToArray());
        Assert.Equal(new[] { "plain" }, StudyPlan.Expand("plain").ToArray());
        Assert.Throws<InvalidDataException>(() => StudyPlan.Expand("a{1|2").ToArray());
        Assert.Contains("nests", Assert.Throws<InvalidDataException>(() => StudyPlan.Expand("a{1-{x|y}|2}").ToArray()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RatePlaceholders_NeedThePilot_ThenResolvePerBlock()
    {
        var part = new StudyPart { Name = "p", Block = "B1", Benchmarks = { "gorge{2|3}" }, Optimizers = { "nlr-la-adam@$adam_r1" }, Seeds = "0-1" };
        var plan = new StudyPlan { Parts = { part } };
        var e = Assert.Throws<InvalidOperationException>(() => plan.Arguments(part, new System.Collections.Generic.Dictionary<string, System.Collections.Generic.Dictionary<string, double>>()));
        Assert.Contains("pilot-analysis", e.Message, StringComparison.Ordinal);
        var rates = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.Dictionary<string, double>> { ["B1"] = new() { ["adam"] = 0.03 } };
        var args = plan.Arguments(part, rates);
        Assert.Equal("gorge2,gorge3", args[args.IndexOf("--benchmarks") + 1]);
        Assert.Equal("nlr-la-adam@0.03_r1", args[args.IndexOf("--optimizers") + 1]);
    }

    [Fact]
    public void Load_RefusesAForeignOrBrokenPlan_NamingTheFile()
    {
        string dir = Temp("plan");
        string path = Path.Combine(dir, "plan.json");
        File.WriteAllText(path, "{\"schema\":\"other/1\",\"parts\":[]}");
        Assert.Contains("neglr-study-plan/1", Assert.Throws<InvalidDataException>(() => StudyPlan.Load(path)).Message, StringComparison.Ordinal);
        File.WriteAllText(path, "{\"schema\":\"neglr-study-plan/1\",\"parts\":[{\"name\":\"A b\"}]}");
        Assert.Contains("'A b'", Assert.Throws<InvalidDataException>(() => StudyPlan.Load(path)).Message, StringComparison.Ordinal);
        File.WriteAllText(path, "{\"schema\":");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => StudyPlan.Load(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedPlan_EveryPartParsesAsTheRunnerWillRunIt()
    {
        var plan = StudyPlan.Load(RepositoryFile("docs", "study", "plan.json"));
        var rates = plan.Parts.Select(p => p.Block).Distinct().ToDictionary(b => b,
            _ => new System.Collections.Generic.Dictionary<string, double> { ["sgd"] = 0.1, ["adam"] = 0.03 });
        Assert.Equal(new[] { "h1-primary", "h2-primary", "h3-primary", "h4-primary" },
            plan.Parts.Where(p => p.Stage == "main").Take(4).Select(p => p.Name).ToArray());
        foreach (var part in plan.Parts)
        {
            var args = plan.Arguments(part, rates);
            args.AddRange(new[] { "--out", Path.Combine(Temp("plan-parse"), part.Name) });
            var config = NegLR.Experiments.Cli.CommandLine.ParseCompare(args);
            Assert.NotEmpty(config.Benchmarks);
            Assert.Equal(part.Primary ? 50 : part.Stage == "pilot" ? 10 : 30, config.Seeds.Count);
            // Every NLR variant brings its base at the same rate (the primary contrast).
            Assert.All(config.Optimizers.Where(o => o.IsNlr && o.Study is not null),
                o => Assert.Contains(config.Optimizers, x => x.Id == o.Study!.Control!.Id));
        }
    }
}
