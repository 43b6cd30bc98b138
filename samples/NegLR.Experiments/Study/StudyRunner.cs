using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Compare;

namespace NegLR.Experiments.Study;

/// <summary>
/// The <c>study</c> verb: runs the parts of a study plan in order as resumable compare grids (one worker unless told
/// otherwise), commits each finished part's summary, report and plots to the results folder, prints a part's Slurm
/// array, writes the protocol's cell tables and the study report from the plan and the finished parts.
/// </summary>
internal static class StudyRunner
{
    public static readonly OptionSpec[] Options =
    {
        OptionSpec.PathTo("plan", "FILE", "The study plan (default docs/study/plan.json)."),
        OptionSpec.Choice("stage", "Which parts: pilot, main (default) or all.", "pilot", "main", "all"),
        OptionSpec.Text("part", "LIST", "Only these parts (comma-separated names); default every part of the stage, in plan order."),
        OptionSpec.Flag("list", "List the parts with their cells and state (runs on disk, committed), then exit."),
        OptionSpec.Flag("run", "Run the parts (resuming whatever is on disk) and copy each finished part's outputs to the results folder."),
        OptionSpec.Integer("jobs", "Runs in parallel within a part (default 1: the study shares its machine).", 1, 1024),
        OptionSpec.Flag("protocol", "Write the protocol's generated section (cells, sizes, order, contrasts) to docs/study/cells.md."),
        OptionSpec.Flag("pilot-analysis", "Apply the tuning rule and the power analysis to the pilot parts; writes rates.json and pilot.md beside them."),
        OptionSpec.Flag("report", "Write the study report (results folder/report.md) from the committed parts."),
        OptionSpec.Integer("verify", "Re-run N randomly drawn runs of each selected committed part and check their final scores against the committed summary bit for bit.", 1, 100_000),
        OptionSpec.Choice("slurm", "Print the Slurm job array of each selected part (compare --slurm print).", "print"),
        OptionSpec.Integer("shards", "Shards per part for --slurm (default 8).", 1, 10_000),
        OptionSpec.Flag("no-progress", "Plain progress lines."),
    };

    public static int Run(ParsedArguments a, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var plan = StudyPlan.Load(a.String("plan") ?? Path.Combine("docs", "study", "plan.json"));
        string stage = a.String("stage") ?? "main";
        var parts = Select(plan, stage, a.String("part"));
        if (a.Has("pilot-analysis"))
        {
            return PilotAnalysis.Run(plan, output);
        }

        if (a.Has("protocol"))
        {
            string path = Path.Combine("docs", "study", "cells.md");
            File.WriteAllText(path, StudyProtocol.Cells(plan, output));
            output.WriteLine($"Wrote {path}.");
            return 0;
        }

        if (a.Has("report"))
        {
            return StudyReport.Write(plan, output);
        }

        if (a.Has("verify"))
        {
            return StudyVerification.Run(plan, parts, a.Int("verify", 4, 1, 100_000), output, error, cancellationToken);
        }

        var rates = plan.LoadRates();
        if (a.String("slurm") is not null)
        {
            foreach (var part in parts)
            {
                output.WriteLine($"# ---- part {part.Name} ({part.Block}{(part.Primary ? ", primary for " + part.Hypothesis : string.Empty)}) ----");
                var args = plan.Arguments(part, rates);
                args.AddRange(new[] { "--out", Path.Combine(plan.Runs, part.Name), "--slurm", "print", "--shards", a.Int("shards", 8, 1, 10_000).ToString(CultureInfo.InvariantCulture) });
                int exit = CommandLine.Run(args, output, error, cancellationToken);
                if (exit != 0)
                {
                    return exit;
                }
            }

            return 0;
        }

        if (a.Has("run"))
        {
            int jobs = a.Int("jobs", 1, 1, 1024);
            foreach (var part in parts)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    return 130;
                }

                output.WriteLine($"study: part {part.Name} ({part.Stage}, {part.Block}{(part.Primary ? ", primary for " + part.Hypothesis : string.Empty)})");
                string runs = Path.Combine(plan.Runs, part.Name);
                var args = plan.Arguments(part, rates);
                args.AddRange(new[] { "--out", runs, "--resume", "--jobs", jobs.ToString(CultureInfo.InvariantCulture) });
                if (a.Has("no-progress"))
                {
                    args.Add("--no-progress");
                }

                int exit = CommandLine.Run(args, output, error, cancellationToken);
                if (exit != 0 || cancellationToken.IsCancellationRequested)
                {
                    output.WriteLine($"study: part {part.Name} stopped (exit {exit}); `study --run --part {part.Name}` resumes it.");
                    return exit != 0 ? exit : 130;
                }

                Publish(plan, part, runs, output);
            }

            return 0;
        }

        List(plan, parts, rates, output);
        return 0;
    }

    /// <summary>Where a part's committed outputs go.</summary>
    public static string ResultFolder(StudyPlan plan, StudyPart part) =>
        part.Stage == "pilot" ? Path.Combine(plan.Results, "pilot", part.Name) : Path.Combine(plan.Results, part.Name);

    private static IReadOnlyList<StudyPart> Select(StudyPlan plan, string stage, string? names)
    {
        var parts = plan.Parts.Where(p => stage == "all" || p.Stage == stage).ToList();
        if (names is null)
        {
            return parts;
        }

        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = wanted.Where(w => plan.Parts.All(p => p.Name != w)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"--part: no part named {string.Join(", ", unknown)}; the plan has {string.Join(", ", plan.Parts.Select(p => p.Name))}.");
        }

        return plan.Parts.Where(p => wanted.Contains(p.Name)).ToList();
    }

    /// <summary>Copies summary.json, its schema, report.md and the plots of a finished part into the results folder.</summary>
    private static void Publish(StudyPlan plan, StudyPart part, string runs, TextWriter output)
    {
        string target = ResultFolder(plan, part);
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "summary.json", "summary.schema.json", "report.md" })
        {
            string source = Path.Combine(runs, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(target, file), overwrite: true);
            }
        }

        string plots = Path.Combine(runs, "plots");
        if (Directory.Exists(plots))
        {
            string targetPlots = Path.Combine(target, "plots");
            Directory.CreateDirectory(targetPlots);
            foreach (var f in Directory.GetFiles(plots))
            {
                File.Copy(f, Path.Combine(targetPlots, Path.GetFileName(f)), overwrite: true);
            }
        }

        output.WriteLine($"study: part {part.Name} complete; its summary, report and plots are in {target}.");
    }

    private static void List(StudyPlan plan, IReadOnlyList<StudyPart> parts, IReadOnlyDictionary<string, Dictionary<string, double>> rates, TextWriter output)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            string state;
            string cells;
            try
            {
                var grid = StudyProtocol.GridOf(plan, part, rates);
                int onDisk = grid.Keys.Count(k => File.Exists(Path.Combine(plan.Runs, part.Name, k.RelativePath)));
                bool committed = File.Exists(Path.Combine(ResultFolder(plan, part), "summary.json"));
                cells = Inv($"{grid.Config.Benchmarks.Count} benchmarks × {grid.Config.ShotModes.Count} modes × {grid.Config.Optimizers.Count} optimizers × {grid.Config.Seeds.Count} seeds = {grid.Keys.Count} runs");
                state = committed ? "complete, committed" : Inv($"{onDisk}/{grid.Keys.Count} runs on disk");
            }
            catch (InvalidOperationException e)
            {
                cells = e.Message;
                state = "waiting";
            }

            string role = part.Stage == "pilot" ? "pilot" : part.Primary ? "primary " + part.Hypothesis : "exploratory";
            sb.AppendLine(Inv($"{part.Name,-22} {part.Stage,-5} {part.Block,-3} {role,-12} {cells}  [{state}]"));
        }

        output.Write(sb.ToString());
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
