using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Reporting;

namespace NegLR.Experiments.Study;

/// <summary>
/// <c>study --verify N</c>: re-runs N runs of each selected committed part, drawn at random (seeded by the part's name),
/// with this build, and compares each run's final score with the committed summary bit for bit. The committed parts
/// were run over several sessions while the engines got faster; this is the check that a speed-up changed no result.
/// </summary>
internal static class StudyVerification
{
    public static int Run(StudyPlan plan, IReadOnlyList<StudyPart> parts, int perPart, TextWriter output, TextWriter error,
        CancellationToken cancellationToken)
    {
        var rates = plan.LoadRates();
        string scratch = Path.Combine(Path.GetTempPath(), "neglr-verify-" + Guid.NewGuid().ToString("N"));
        int same = 0, different = 0, skipped = 0;
        try
        {
            foreach (var part in parts)
            {
                string summaryPath = Path.Combine(StudyRunner.ResultFolder(plan, part), "summary.json");
                if (!File.Exists(summaryPath))
                {
                    output.WriteLine($"verify: part {part.Name} is not committed; skipped.");
                    skipped++;
                    continue;
                }

                var summary = JsonSerializer.Deserialize<Summary>(File.ReadAllText(summaryPath), OutputWriter.SummaryJson)
                    ?? throw new InvalidDataException($"{summaryPath} is empty.");
                foreach (var (row, seed, committed) in Sample(part.Name, summary, perPart))
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        return 130;
                    }

                    var key = new RunKey(row.Benchmark, RunKey.ShotsOf(row.Mode), row.Optimizer, seed);
                    string folder = Path.Combine(scratch, part.Name, (same + different).ToString(CultureInfo.InvariantCulture));
                    var args = Override(plan.Arguments(part, rates), key);
                    args.AddRange(new[] { "--out", folder, "--no-progress" });
                    int exit = CommandLine.Run(args, TextWriter.Null, error, cancellationToken);
                    if (exit != 0)
                    {
                        error.WriteLine($"verify: re-running {part.Name} {key.RelativePath} failed (exit {exit}).");
                        return exit;
                    }

                    double now = RunRecord.ReadSealed(Path.Combine(folder, key.RelativePath)).Metric;
                    bool equal = BitConverter.DoubleToInt64Bits(now) == BitConverter.DoubleToInt64Bits(committed);
                    output.WriteLine(Inv($"verify: {part.Name} {row.Benchmark} {row.Mode} {row.Optimizer} seed {seed}: {(equal ? "same" : "DIFFERENT")} (committed {committed:R}, now {now:R})"));
                    if (equal)
                    {
                        same++;
                    }
                    else
                    {
                        different++;
                    }
                }
            }
        }
        finally
        {
            // Only the scratch folder this call made.
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        output.WriteLine(Inv($"verify: {same} runs reproduce the committed final score bit for bit, {different} do not (uncommitted parts skipped: {skipped})."));
        return different == 0 ? 0 : 1;
    }

    /// <summary>N (result row, seed, committed final score) triples, drawn without replacement by a generator seeded from the part's name.</summary>
    private static IEnumerable<(ResultEntry Row, int Seed, double Committed)> Sample(string part, Summary summary, int count)
    {
        var seeds = summary.Protocol.Seeds;
        var cells = new List<(ResultEntry, int, double)>();
        foreach (var row in summary.Results)
        {
            for (int i = 0; i < row.PerSeed.Count && i < seeds.Count; i++)
            {
                cells.Add((row, seeds[i], row.PerSeed[i]));
            }
        }

        ulong streamSeed = 14695981039346656037UL;
        foreach (char c in part)
        {
            streamSeed = (streamSeed ^ c) * 1099511628211UL;
        }

        var random = new SeededRandom(streamSeed);
        for (int k = 0; k < Math.Min(count, cells.Count); k++)
        {
            int pick = k + random.NextInt(cells.Count - k);
            (cells[k], cells[pick]) = (cells[pick], cells[k]);
            yield return cells[k];
        }
    }

    /// <summary>The part's compare arguments narrowed to one run (the rest — budget, splits, tuning — as the part ran).</summary>
    private static List<string> Override(List<string> args, RunKey key)
    {
        Set(args, "--benchmarks", key.Benchmark);
        Set(args, "--optimizers", key.Optimizer);
        Set(args, "--seeds", Inv($"{key.Seed}-{key.Seed}"));
        Set(args, "--shots", key.Shots.ToString(CultureInfo.InvariantCulture));
        return args;
    }

    private static void Set(List<string> args, string option, string value)
    {
        int i = args.IndexOf(option);
        if (i >= 0 && i + 1 < args.Count)
        {
            args[i + 1] = value;
        }
        else
        {
            args.AddRange(new[] { option, value });
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
