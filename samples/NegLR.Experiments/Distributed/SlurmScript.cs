using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NegLR.Experiments.Compare;

namespace NegLR.Experiments.Distributed;

/// <summary>
/// <c>compare … --slurm print|submit</c>: a Slurm job array that runs the grid in N shards (each task is
/// <c>compare … --shard env</c>, writing its run files into the shared --out folder) and a merge job that starts when
/// every task succeeded. A task that dies is re-run alone (<c>sbatch --array=K script</c>): it redoes only its missing
/// runs. The script calls the built program (dotnet NegLR.Experiments.dll) so tasks do not build concurrently.
/// </summary>
internal static class SlurmScript
{
    public static int Run(CompareConfig config, IReadOnlyList<RunKey> keys, Func<RunKey, double> cost, string outDir, TextWriter log)
    {
        int shards = Math.Min(config.SlurmShards, Math.Max(1, keys.Count));
        var assignment = Sharding.Assign(keys, cost, shards);
        var loads = Sharding.Loads(keys, cost, assignment, shards);
        string script = Text(config, outDir, shards, loads);
        if (config.Slurm == "print")
        {
            log.Write(script);
            return 0;
        }

        string file = Path.Combine(Path.GetDirectoryName(outDir) ?? ".", Path.GetFileName(outDir) + ".slurm.sh");
        Storage.AtomicFile.WriteAllText(file, script);
        var info = new ProcessStartInfo("bash", new[] { file }) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(info) ?? throw new IOException("Could not start bash to submit the Slurm script.");
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        log.Write(output);
        if (p.ExitCode != 0)
        {
            throw new IOException($"Submitting {file} failed (exit {p.ExitCode}): {error.Trim()}");
        }

        return 0;
    }

    /// <summary>The submit script: sbatch of the array, then sbatch of the merge with afterok on the array.</summary>
    public static string Text(CompareConfig config, string outDir, int shards, double[] loads)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "NegLR.Experiments.dll");
        var args = string.Join(" ", Strip(config.RawArguments).Select(Quote));
        double mean = loads.Average();
        var sb = new StringBuilder();
        sb.Append("#!/usr/bin/env bash\n");
        sb.Append("# NegLR.Experiments compare as a Slurm job array: ").Append(shards.ToString(CultureInfo.InvariantCulture)).Append(" shards balanced by the runner's cost model\n");
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"# (estimated work per shard: max {loads.Max() / mean:F3} × the mean). Each task writes its run files into\n"));
        sb.Append("# the shared output folder; the merge job builds summary.json, report.md and plots once every task succeeded.\n");
        sb.Append("# A task that died: re-run it alone with  sbatch --array=K --export=ALL \"$0.task\"  (it redoes only its missing runs),\n");
        sb.Append("# then the merge:  sbatch \"$0.merge\".\n");
        sb.Append("set -euo pipefail\n");
        sb.Append("OUT=").Append(Quote(outDir)).Append('\n');
        sb.Append("PROGRAM=").Append(Quote(program)).Append('\n');
        sb.Append("ARGS=(").Append(args).Append(")\n");
        sb.Append("DIR=$(dirname \"$OUT\")\n");
        sb.Append("NAME=$(basename \"$OUT\")\n");
        sb.Append("mkdir -p \"$OUT\"\n");
        sb.Append("cat > \"$DIR/$NAME.task.sbatch\" <<EOF\n#!/usr/bin/env bash\n");
        sb.Append("#SBATCH --job-name=neglr-$NAME\n");
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{shards - 1}\n"));
        sb.Append("#SBATCH --cpus-per-task=").Append(config.Jobs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("#SBATCH --output=$OUT/slurm-%A_%a.log\n");
        foreach (var o in config.SlurmOptions)
        {
            sb.Append("#SBATCH ").Append(o).Append('\n');
        }

        sb.Append("export SLURM_ARRAY_TASK_COUNT=\\${SLURM_ARRAY_TASK_COUNT:-").Append(shards.ToString(CultureInfo.InvariantCulture)).Append("}\n");
        sb.Append("exec dotnet \"$PROGRAM\" compare ${ARGS[*]} --out \"$OUT\" --shard env --no-progress --jobs \\${SLURM_CPUS_PER_TASK:-1}\nEOF\n");
        sb.Append("cat > \"$DIR/$NAME.merge.sbatch\" <<EOF\n#!/usr/bin/env bash\n");
        sb.Append("#SBATCH --job-name=neglr-$NAME-merge\n#SBATCH --output=$OUT/slurm-merge-%j.log\n");
        foreach (var o in config.SlurmOptions)
        {
            sb.Append("#SBATCH ").Append(o).Append('\n');
        }

        sb.Append("exec dotnet \"$PROGRAM\" compare ${ARGS[*]} --out \"$OUT\" --merge --no-progress\nEOF\n");
        sb.Append("ARRAY=$(sbatch --parsable \"$DIR/$NAME.task.sbatch\")\n");
        sb.Append("MERGE=$(sbatch --parsable --dependency=afterok:\"$ARRAY\" \"$DIR/$NAME.merge.sbatch\")\n");
        sb.Append("echo \"Submitted array job $ARRAY (").Append(shards.ToString(CultureInfo.InvariantCulture)).Append(" tasks) and merge job $MERGE; output in $OUT\"\n");
        return sb.ToString();
    }

    private static IEnumerable<string> Strip(IReadOnlyList<string> raw)
    {
        string[] valued = { "--out", "--slurm", "--shards", "--slurm-options", "--shard", "--jobs", "--stop-after" };
        string[] flags = { "--resume", "--merge", "--no-progress" };
        for (int i = 0; i < raw.Count; i++)
        {
            if (valued.Contains(raw[i]))
            {
                i++;
                continue;
            }

            if (flags.Contains(raw[i]) || valued.Any(v => raw[i].StartsWith(v + "=", StringComparison.Ordinal)))
            {
                continue;
            }

            yield return raw[i];
        }
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
