using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace NegLR.Benchmarks.Regression;

/// <summary>
/// The paired, interleaved A/B run behind <c>dotnet run … -- ab-paired</c>: for each size and operation, rounds in
/// which baseline (A), baseline again (A′) and current (B) are timed in short blocks, several times each, interleaved in
/// a seeded random order — so that load changes on a shared machine hit all three alike — keeping each side's least
/// time per call (a preemption only adds time); each round gives the ratios B ÷ A and A′ ÷ A, and the table reports
/// their medians with distribution-free confidence intervals, Bonferroni-corrected over the table's rows. "Within 5 %"
/// is claimed only where the whole interval lies below 1.05, and only where the A/A interval lies inside 0.95–1.05.
/// </summary>
public static class PairedRegressionRun
{
    private const string Usage =
        "ab-paired [--qubits 4,8,12,16,20] [--rounds 40] [--repeats 7] [--block-ms 2] [--seed 1] [--csv FILE]\n"
        + "  Interleaved baseline/current/baseline-again rounds; run with DOTNET_TieredCompilation=0 (see docs/performance.md).";

    /// <summary>Runs the comparison; 0 when it ran, 1 when the two sides compute different things, 2 on bad arguments.</summary>
    public static int Run(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var inv = CultureInfo.InvariantCulture;
        int rows = 2 * options.Qubits.Length;
        double level = 1 - 0.05 / rows;
        bool tiered = Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0";
        Console.WriteLine(string.Create(inv, $"# Paired A/B of the generated kernels: baseline = {BaselineCommit()}, current = this build"));
        Console.WriteLine(string.Create(inv,
            $"# {options.Rounds} rounds per row; a round times baseline, baseline again and current {options.Repeats} times each in blocks of ~{options.BlockMilliseconds} ms"));
        Console.WriteLine(string.Create(inv,
            $"# (one call when a call is longer; once when a call takes 50 ms or more), interleaved in an order seeded {options.Seed}, keeping each side's least time per call;"));
        Console.WriteLine(string.Create(inv, $"# intervals at {level:P2} each (95 % over {rows} rows, Bonferroni)"));
        Console.WriteLine(string.Create(inv,
            $"# GeneratedCodeSupport.TileWidth = {GeneratedCodeSupport.TileWidth}; tiered compilation {(tiered ? "ON (warm-up runs 40 calls per side; DOTNET_TieredCompilation=0 is steadier)" : "off")}"));
        string loadBefore = LoadAverage();
        Console.WriteLine("# load average at start: " + loadBefore);
        if (GeneratedCodeSupport.TileWidth != 256)
        {
            Console.WriteLine("# warning: the baseline only has 256-bit tiles; at this tile width the two sides run different paths.");
        }

        StreamWriter? csv = null;
        if (options.Csv is not null)
        {
            // Never overwrite a file: the raw rounds are a result someone may still need.
            csv = new StreamWriter(new FileStream(options.Csv, FileMode.CreateNew, FileAccess.Write));
            csv.WriteLine("qubits,operation,round,order,baseline_ns,baseline_again_ns,current_ns");
        }

        var table = new StringBuilder();
        table.AppendLine("| n | operation | baseline µs | current µs | current ÷ baseline (interval) | A/A (interval) | verdict |");
        table.AppendLine("|---|---|---|---|---|---|---|");
        var random = new Random(options.Seed);
        bool anySlower = false, anyUndecided = false;
        try
        {
            foreach (int n in options.Qubits)
            {
                RegressionPair pair = RegressionPair.For(n);
                RegressionCheck check = pair.Check();
                Console.WriteLine("# " + check);
                if (!check.Passed)
                {
                    Console.Error.WriteLine("Baseline and current disagree; timing them would compare different work.");
                    return 1;
                }

                foreach (RegressionOperation operation in new[] { RegressionOperation.Expectation, RegressionOperation.Gradient })
                {
                    Row row = Measure(pair, operation, options, tiered, random, csv);
                    MedianInterval ratio = MedianInterval.Of(row.CurrentRatios, level);
                    MedianInterval floor = MedianInterval.Of(row.AgainRatios, level);
                    string verdict = Verdict(ratio, floor);
                    anySlower |= verdict.StartsWith("slower by more", StringComparison.Ordinal);
                    anyUndecided |= verdict.StartsWith("undecided", StringComparison.Ordinal) || verdict.Contains("cannot", StringComparison.Ordinal);
                    string line = string.Create(inv,
                        $"| {n} | {operation} | {Micro(row.BaselineMedian)} | {Micro(row.CurrentMedian)} | "
                        + $"{ratio.Median:F3} ({ratio.Low:F3}–{ratio.High:F3}) | {floor.Median:F3} ({floor.Low:F3}–{floor.High:F3}) | {verdict} |");
                    table.AppendLine(line);
                    Console.WriteLine(line);
                }
            }
        }
        finally
        {
            csv?.Dispose();
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(inv, $"Load average: {loadBefore} at start, {LoadAverage()} at end."));
        Console.Write(table.ToString());
        Console.WriteLine(anySlower
            ? "Some row is shown more than 5 % slower."
            : anyUndecided
                ? "No row is shown more than 5 % slower, but some rows cannot decide 5 % at this noise (see verdicts)."
                : "Every row is shown at most 5 % slower (interval below 1.05, A/A inside 0.95–1.05).");
        return 0;
    }

    /// <summary>Baseline against current to 1e-10 on every size; 0 when all agree, 1 otherwise.</summary>
    public static int Check()
    {
        bool passed = true;
        foreach (int n in RegressionPair.Sizes)
        {
            RegressionCheck check = RegressionPair.For(n).Check();
            Console.WriteLine(check);
            passed &= check.Passed;
        }

        Console.WriteLine(passed
            ? "Baseline (" + BaselineCommit() + ") and current give the same expectation and gradient to 1e-10 at every size."
            : "Baseline and current DISAGREE at some size (above).");
        return passed ? 0 : 1;
    }

    private static Row Measure(RegressionPair pair, RegressionOperation operation, Options options, bool tiered, Random random, StreamWriter? csv)
    {
        // Warm-up: with tiered compilation each method must pass its call-count threshold (30) and be recompiled.
        int warmCalls = tiered ? 40 : 2;
        foreach (RegressionSide side in new[] { RegressionSide.Baseline, RegressionSide.Current })
        {
            pair.Run(side, operation, warmCalls);
        }

        if (tiered)
        {
            Thread.Sleep(300);
        }

        long start = Stopwatch.GetTimestamp();
        pair.Run(RegressionSide.Baseline, operation, 3);
        double perCall = Stopwatch.GetElapsedTime(start).TotalMilliseconds / 3;
        int calls = Math.Max(1, (int)Math.Round(options.BlockMilliseconds / perCall));

        // Calls longer than 50 ms cannot dodge a preemption by repeating them, and would make a row take minutes.
        int repeats = perCall >= 50 ? 1 : options.Repeats;
        var baseline = new double[options.Rounds];
        var again = new double[options.Rounds];
        var current = new double[options.Rounds];
        Span<int> order = stackalloc int[3];
        for (int r = 0; r < options.Rounds; r++)
        {
            order[0] = 0;
            order[1] = 1;
            order[2] = 2;
            random.Shuffle(order);
            baseline[r] = again[r] = current[r] = double.PositiveInfinity;
            for (int repeat = 0; repeat < repeats; repeat++)
            {
                foreach (int slot in order)
                {
                    RegressionSide side = slot == 2 ? RegressionSide.Current : RegressionSide.Baseline;
                    long t0 = Stopwatch.GetTimestamp();
                    pair.Run(side, operation, calls);
                    double ns = Stopwatch.GetElapsedTime(t0).TotalNanoseconds / calls;
                    double[] times = slot == 0 ? baseline : slot == 1 ? again : current;
                    times[r] = Math.Min(times[r], ns); // preemption only ever adds time: keep the least
                }
            }

            csv?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pair.Qubits},{operation},{r},{string.Concat(order[0], order[1], order[2])},{baseline[r]:R},{again[r]:R},{current[r]:R}"));
        }

        return new Row(
            baseline.Zip(current, (a, b) => b / a).ToArray(),
            baseline.Zip(again, (a, b) => b / a).ToArray(),
            MedianInterval.Of(baseline, 0.5).Median,
            MedianInterval.Of(current, 0.5).Median);
    }

    private static string Verdict(MedianInterval ratio, MedianInterval floor)
    {
        if (!ratio.Exists || !floor.Exists)
        {
            return "undecided: too few rounds for an interval";
        }

        string result = ratio.High < 1.05
            ? ratio.High < 1 ? "faster" : ratio.Low > 1 ? "slower, by less than 5 %" : "within 5 %"
            : ratio.Low > 1.05 ? "slower by more than 5 %" : "undecided (interval spans 1.05)";
        return floor.Low < 0.95 || floor.High > 1.05 ? result + "; A/A outside ±5 %: cannot decide 5 %" : result;
    }

    private static string Micro(double nanoseconds) =>
        (nanoseconds / 1000).ToString(nanoseconds < 10_000 ? "F3" : nanoseconds < 1_000_000 ? "F1" : "N0", CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            string[] parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts.Length >= 3 ? $"{parts[0]} {parts[1]} {parts[2]}" : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    // The commit benchmarks/baseline/make.sh generated Baseline/*.g.cs from (it writes BaselineInfo.g.cs too).
    private static string BaselineCommit() => NegLR.Benchmarks.Baseline.BaselineInfo.Commit;

    private sealed record Row(double[] CurrentRatios, double[] AgainRatios, double BaselineMedian, double CurrentMedian);

    private sealed record Options(int[] Qubits, int Rounds, int Repeats, double BlockMilliseconds, int Seed, string? Csv)
    {
        public static Options Parse(string[] args)
        {
            int[] qubits = RegressionPair.Sizes;
            int rounds = 40, repeats = 7, seed = 1;
            double block = 2;
            string? csv = null;
            for (int i = 0; i < args.Length; i++)
            {
                string name = args[i];
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"Option '{name}' needs a value.", nameof(args));
                }

                string value = args[++i];
                switch (name)
                {
                    case "--qubits":
                        qubits = value.Split(',').Select(s => ParseInt(name, s, 1)).ToArray();
                        foreach (int n in qubits)
                        {
                            if (Array.IndexOf(RegressionPair.Sizes, n) < 0)
                            {
                                throw new ArgumentException($"--qubits: {n} is not a workload size; use some of 4,8,12,16,20.", nameof(args));
                            }
                        }

                        break;
                    case "--rounds":
                        rounds = ParseInt(name, value, 5);
                        break;
                    case "--repeats":
                        repeats = ParseInt(name, value, 1);
                        break;
                    case "--block-ms":
                        block = ParseInt(name, value, 1);
                        break;
                    case "--seed":
                        seed = ParseInt(name, value, 0);
                        break;
                    case "--csv":
                        if (File.Exists(value))
                        {
                            throw new ArgumentException($"--csv: '{value}' exists; give a new file name (results are never overwritten).", nameof(args));
                        }

                        csv = value;
                        break;
                    default:
                        throw new ArgumentException($"Unknown option '{name}'.", nameof(args));
                }
            }

            return new Options(qubits, rounds, repeats, block, seed, csv);
        }

        private static int ParseInt(string name, string value, int minimum)
        {
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result) || result < minimum)
            {
                throw new ArgumentException($"{name}: '{value}' is not a whole number ≥ {minimum}.", "args");
            }

            return result;
        }
    }
}
