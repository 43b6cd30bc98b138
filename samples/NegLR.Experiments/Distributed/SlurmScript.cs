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

        string file = outDir + ".submit.sh";
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

    /// <summary>
    /// The submit script: it writes the array's task script and the merge script beside the output folder (literal
    /// here-documents, so arguments reach the program exactly as quoted), submits the array, then the merge with
    /// afterok on it.
    /// </summary>
    public static string Text(CompareConfig config, string outDir, int shards, double[] loads)
    {
        string program = Path.Combine(AppContext.BaseDirectory, "NegLR.Experiments.dll");
        string args = string.Join(" ", Strip(config.RawArguments).Select(Quote));
        string n = shards.ToString(CultureInfo.InvariantCulture);
        string name = Path.GetFileName(outDir);
        string task = outDir + ".task.sbatch";
        string merge = outDir + ".merge.sbatch";
        var extra = string.Concat(config.SlurmOptions.Select(o => "#SBATCH " + o + "\n"));
        var sb = new StringBuilder();
        sb.Append("#!/usr/bin/env bash\n");
        sb.Append("# NegLR.Experiments compare as a Slurm job array of ").Append(n).Append(" shards, balanced by the runner's cost model\n");
        sb.Append(string.Create(CultureInfo.InvariantCulture, $"# (estimated work of the largest shard: {loads.Max() / loads.Average():F3} x the mean). Every task writes its run files into\n"));
        sb.Append("# the shared output folder (logs in <out>.logs); the merge job builds summary.json, report.md and plots once every task succeeded.\n");
        sb.Append("# A task that died: re-run it alone, then the merge (it redoes only its missing runs):\n");
        sb.Append("#   sbatch --array=K ").Append(Quote(task)).Append(" && sbatch ").Append(Quote(merge)).Append('\n');
        sb.Append("set -euo pipefail\n");
        sb.Append("mkdir -p ").Append(Quote(outDir + ".logs")).Append('\n');
        sb.Append("cat > ").Append(Quote(task)).Append(" <<'NEGLR_EOF'\n");
        sb.Append("#!/usr/bin/env bash\n");
        sb.Append("#SBATCH --job-name=neglr-").Append(name).Append('\n');
        sb.Append("#SBATCH --array=0-").Append((shards - 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("#SBATCH --cpus-per-task=").Append(config.Jobs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("#SBATCH --output=").Append(outDir).Append(".logs/slurm-%A_%a.log\n");
        sb.Append(extra);
        sb.Append("export NEGLR_SHARD_COUNT=").Append(n).Append('\n');
        sb.Append("exec dotnet ").Append(Quote(program)).Append(" compare ").Append(args).Append(" --out ").Append(Quote(outDir))
            .Append(" --shard env --no-progress --jobs \"${SLURM_CPUS_PER_TASK:-1}\"\n");
        sb.Append("NEGLR_EOF\n");
        sb.Append("cat > ").Append(Quote(merge)).Append(" <<'NEGLR_EOF'\n");
        sb.Append("#!/usr/bin/env bash\n");
        sb.Append("#SBATCH --job-name=neglr-").Append(name).Append("-merge\n");
        sb.Append("#SBATCH --output=").Append(outDir).Append(".logs/slurm-merge-%j.log\n");
        sb.Append(extra);
        sb.Append("exec dotnet ").Append(Quote(program)).Append(" compare ").Append(args).Append(" --out ").Append(Quote(outDir)).Append(" --merge --no-progress\n");
        sb.Append("NEGLR_EOF\n");
        sb.Append("ARRAY=$(sbatch --parsable ").Append(Quote(task)).Append(")\n");
        sb.Append("MERGE=$(sbatch --parsable --dependency=afterok:\"$ARRAY\" ").Append(Quote(merge)).Append(")\n");
        sb.Append("echo \"Submitted array job $ARRAY (").Append(n).Append(" tasks) and merge job $MERGE; output in ").Append(outDir.Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n");
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
