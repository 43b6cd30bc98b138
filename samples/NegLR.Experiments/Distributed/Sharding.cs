using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NegLR.Experiments.Cli;
using NegLR.Experiments.Compare;

namespace NegLR.Experiments.Distributed;

/// <summary>One shard of a grid: index K of N, 0-based.</summary>
internal readonly record struct Shard(int Index, int Count)
{
    /// <summary>Lock and log name, e.g. "shard-2-of-4".</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"shard-{Index}-of-{Count}");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>
    /// Parses <c>K/N</c>, or <c>env</c>: K from SLURM_ARRAY_TASK_ID (a Slurm array task) or JOB_COMPLETION_INDEX (a
    /// Kubernetes Indexed Job), N from NEGLR_SHARD_COUNT, or for a Slurm array numbered from 0 from
    /// SLURM_ARRAY_TASK_COUNT. The generated Slurm script sets NEGLR_SHARD_COUNT, so a task re-submitted alone
    /// (<c>sbatch --array=2 …</c>, an array of one) still runs shard 2 of the original N.
    /// </summary>
    public static Shard Parse(string text, Func<string, string?> environment)
    {
        if (text == "env")
        {
            string? fixedCount = environment("NEGLR_SHARD_COUNT");
            if (environment("SLURM_ARRAY_TASK_ID") is string id)
            {
                int count;
                if (fixedCount is not null)
                {
                    count = Int(fixedCount, "NEGLR_SHARD_COUNT");
                }
                else
                {
                    if (environment("SLURM_ARRAY_TASK_MIN") is string min && min != "0")
                    {
                        throw new UsageException($"--shard env: this Slurm array starts at {min}, not 0; set NEGLR_SHARD_COUNT to the number of shards (the generated script does).");
                    }

                    count = Int(environment("SLURM_ARRAY_TASK_COUNT") ?? throw new UsageException("--shard env: SLURM_ARRAY_TASK_ID is set but neither NEGLR_SHARD_COUNT nor SLURM_ARRAY_TASK_COUNT is."), "SLURM_ARRAY_TASK_COUNT");
                }

                return Make(Int(id, "SLURM_ARRAY_TASK_ID"), count, "the Slurm array");
            }

            if (environment("JOB_COMPLETION_INDEX") is string index)
            {
                int count = Int(fixedCount ?? throw new UsageException("--shard env: JOB_COMPLETION_INDEX is set; set NEGLR_SHARD_COUNT to the Job's completions too."), "NEGLR_SHARD_COUNT");
                return Make(Int(index, "JOB_COMPLETION_INDEX"), count, "the Indexed Job");
            }

            throw new UsageException("--shard env: neither SLURM_ARRAY_TASK_ID (a Slurm array task) nor JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) is set; give --shard K/N.");
        }

        var parts = text.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            throw new UsageException($"--shard must be K/N (e.g. 0/4; K from 0 to N − 1) or env, not '{text}'.");
        }

        return Make(k, n, "--shard");
    }

    private static Shard Make(int index, int count, string source)
    {
        if (count < 1 || index < 0 || index >= count)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{source}: shard {index} of {count} does not exist (0 ≤ K < N)."));
        }

        return new Shard(index, count);
    }

    private static int Int(string text, string name) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) ? v
            : throw new UsageException($"--shard env: {name} is '{text}', not an integer.");
}

/// <summary>
/// Splits a grid into shards of nearly equal estimated cost: longest-processing-time-first (each run, most expensive
/// first, goes to the shard with the least estimated work so far; ties to the lower index). The assignment depends only
/// on the grid and the cost model, never on what is on disk, so a shard that died is re-run with exactly its own runs.
/// </summary>
internal static class Sharding
{
    public static int[] Assign(IReadOnlyList<RunKey> keys, Func<RunKey, double> cost, int shards)
    {
        var order = Enumerable.Range(0, keys.Count)
            .Select(i => (Index: i, Cost: cost(keys[i]), Path: keys[i].RelativePath))
            .OrderByDescending(x => x.Cost).ThenBy(x => x.Path, StringComparer.Ordinal).ToList();
        var load = new double[shards];
        var assignment = new int[keys.Count];
        foreach (var (index, c, _) in order)
        {
            int best = 0;
            for (int s = 1; s < shards; s++)
            {
                if (load[s] < load[best])
                {
                    best = s;
                }
            }

            assignment[index] = best;
            load[best] += c;
        }

        return assignment;
    }

    /// <summary>Estimated work per shard under an assignment.</summary>
    public static double[] Loads(IReadOnlyList<RunKey> keys, Func<RunKey, double> cost, int[] assignment, int shards)
    {
        var load = new double[shards];
        for (int i = 0; i < keys.Count; i++)
        {
            load[assignment[i]] += cost(keys[i]);
        }

        return load;
    }
}
