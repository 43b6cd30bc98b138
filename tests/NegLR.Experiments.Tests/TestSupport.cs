using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using NegLR.Experiments.Cli;

namespace NegLR.Experiments.Tests;

/// <summary>Runs the program's verbs in-process and gives each test its own folder.</summary>
internal static class TestSupport
{
    public static (int Exit, string Output, string Error) Run(params string[] args) => Run(CancellationToken.None, args);

    public static (int Exit, string Output, string Error) Run(CancellationToken token, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = CommandLine.Run(args, output, error, token);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>
    /// The paper grid's hyperparameter file (shipped beside the program): tests that pin counts or the audit's cases
    /// (NLR Reactive on Adam at 0.1 while Adam is tuned to 0.3) use it, so a re-tune does not move them.
    /// </summary>
    public static string V1Hyperparameters => Path.Combine(AppContext.BaseDirectory, "Tuning", "hyperparameters-v1.json");

    public static string TempDirectory(string name)
    {
        string path = Path.Combine(Path.GetTempPath(), "neglr-exp-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A tiny compare grid: two cheap benchmarks, three optimizers (one NLR), three seeds, exact and 100 shots.</summary>
    public static List<string> TinyCompare(string outDir, params string[] extra)
    {
        var args = new List<string>
        {
            "compare", "--benchmarks", "vqe-h2,cls-iris-hea-local-ce", "--optimizers", "nlr,adam,spsa", "--seeds", "3", "--steps", "3",
            "--shots", "0,100", "--train-rows", "12", "--test-rows", "8", "--bootstrap", "200", "--no-progress", "--jobs", "2", "--out", outDir,
            "--hyperparameters", V1Hyperparameters,
        };
        args.AddRange(extra);
        return args;
    }
}

/// <summary>Base of tests that write files: every folder made through <see cref="Temp"/> is removed after the test.</summary>
public abstract class ScratchTest : IDisposable
{
    private readonly List<string> _folders = new();

    protected string Temp(string name)
    {
        string path = TestSupport.TempDirectory(name);
        _folders.Add(path);
        return path;
    }

    /// <summary>
    /// Writes a study plan for a toy study in <paramref name="dir"/> (runs, results and rates below it; four steps,
    /// 200 bootstrap draws, no plots) with the given <c>parts</c> array, and returns its path.
    /// </summary>
    protected static string ToyStudyPlan(string dir, string partsJson)
    {
        string Q(string p) => JsonSerializer.Serialize(Path.Combine(dir, p));
        string plan = Path.Combine(dir, "plan.json");
        File.WriteAllText(plan, $$"""
            {
              "schema": "neglr-study-plan/1",
              "runs": {{Q("runs")}}, "results": {{Q("results")}}, "rates": {{Q("results/pilot/rates.json")}},
              "defaults": { "steps": "4", "bootstrap": "200", "no-plots": "" },
              "parts": {{partsJson}}
            }
            """);
        return plan;
    }

    public void Dispose()
    {
        foreach (var f in _folders)
        {
            try
            {
                Directory.Delete(f, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        GC.SuppressFinalize(this);
    }
}
