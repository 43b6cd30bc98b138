using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using NegLR.Experiments.Cli;

namespace NegLR.Experiments.Storage;

/// <summary>
/// An output folder the runner owns. Ownership is proven by a marker file (<see cref="MarkerName"/>) holding the tool's
/// name, a folder id and a SHA-256 fingerprint of both: the runner writes into a folder only if it is new, empty or
/// carries a valid marker, and it deletes only files it can prove it wrote (sealed run records, its own temporary
/// files). A lock file per scope keeps two runners out of the same work: a whole-grid run, a merge and every shard hold
/// their own lock, and a whole-grid run or merge also refuses while any shard holds one. Locks are operating-system
/// file locks, so a killed runner (kill -9, a cancelled Slurm task) leaves none behind.
/// </summary>
internal sealed class OutputFolder : IDisposable
{
    public const string MarkerName = ".neglr-experiments";

    private const string Tool = "NegLR.Experiments";

    private readonly FileStream _lock;

    private OutputFolder(string path, FileStream heldLock)
    {
        Path = path;
        _lock = heldLock;
    }

    public string Path { get; }

    /// <summary>
    /// Opens (creating if needed) an output folder for <paramref name="verb"/> and takes the lock of
    /// <paramref name="scope"/> ("all" for a whole grid or a merge, "shard-K-of-N" for a shard).
    /// </summary>
    public static OutputFolder Open(string path, string verb, string scope)
    {
        path = System.IO.Path.GetFullPath(path);
        if (File.Exists(path))
        {
            throw new OutputFolderException($"--out: '{path}' is a file; give a folder.");
        }

        Directory.CreateDirectory(path);
        string marker = System.IO.Path.Combine(path, MarkerName);
        if (!File.Exists(marker))
        {
            // Shards of one grid start together on an empty folder: whoever writes the marker first writes it before
            // any other file, so a folder whose entries appeared after the marker was checked is still ours.
            var foreign = Directory.EnumerateFileSystemEntries(path).Select(System.IO.Path.GetFileName)
                .Where(n => !IsLockName(n!) && !n!.StartsWith(MarkerName, StringComparison.Ordinal)).ToList();
            if (foreign.Count > 0 && !File.Exists(marker))
            {
                throw new OutputFolderException(
                    $"'{path}' already holds files that NegLR.Experiments did not write ({Describe(foreign)}; no {MarkerName} marker), and the runner never deletes or overwrites what it did not write. " +
                    "Give another --out (a new or empty folder), or move those files away. To continue a folder an earlier runner version wrote, start it afresh in a new folder.");
            }

            if (!File.Exists(marker))
            {
                AtomicFile.WriteAllText(marker, NewMarker(verb));
            }
        }

        if (ReadMarker(marker) is not string owner)
        {
            throw new OutputFolderException(
                $"'{marker}' is not a valid NegLR.Experiments marker (damaged or edited), so the runner cannot prove it wrote '{path}' and will not touch it. Give another --out, or restore the marker.");
        }
        else if (owner != verb)
        {
            throw new OutputFolderException($"'{path}' was written by the '{owner}' verb, not '{verb}'. Give another --out.");
        }

        var held = TakeLock(path, scope);
        try
        {
            if (scope == "all")
            {
                foreach (var other in Directory.EnumerateFiles(path, ".neglr-lock-shard-*"))
                {
                    ProbeLock(other, path, scope);
                }
            }
            else
            {
                string whole = System.IO.Path.Combine(path, LockName("all"));
                if (File.Exists(whole))
                {
                    ProbeLock(whole, path, scope);
                }
            }
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return new OutputFolder(path, held);
    }

    /// <summary>
    /// Removes the runs an earlier runner wrote in <paramref name="runsFolder"/>: sealed run records and leftover
    /// temporary files only; anything else stays where it is and is reported.
    /// </summary>
    public IReadOnlyList<string> ClearRuns(string runsFolder, Func<string, bool> isSealedRun)
    {
        var kept = new List<string>();
        if (!Directory.Exists(runsFolder))
        {
            return kept;
        }

        foreach (var file in Directory.EnumerateFiles(runsFolder, "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal).ToList())
        {
            if (AtomicFile.IsTemporary(file) || isSealedRun(file))
            {
                File.Delete(file);
            }
            else
            {
                kept.Add(file);
            }
        }

        foreach (var dir in Directory.EnumerateDirectories(runsFolder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(runsFolder))
        {
            if (!Directory.EnumerateFileSystemEntries(dir).Any())
            {
                Directory.Delete(dir);
            }
        }

        return kept;
    }

    public void Dispose() => _lock.Dispose();

    private static bool IsLockName(string name) => name.StartsWith(".neglr-lock-", StringComparison.Ordinal);

    private static string LockName(string scope) => ".neglr-lock-" + scope;

    private static FileStream TakeLock(string folder, string scope)
    {
        string file = System.IO.Path.Combine(folder, LockName(scope));
        try
        {
            return new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new OutputFolderException(Busy(folder, scope == "all" ? "another runner is working on this grid" : $"another runner is already running {scope}"));
        }
    }

    private static void ProbeLock(string file, string folder, string scope)
    {
        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (FileNotFoundException)
        {
        }
        catch (IOException)
        {
            string holder = System.IO.Path.GetFileName(file)[".neglr-lock-".Length..];
            throw new OutputFolderException(Busy(folder, holder == "all"
                ? $"a whole-grid run or merge is working in it, so {scope} cannot start"
                : $"{holder} is still running, so a whole-grid run or merge cannot start"));
        }
    }

    private static string Busy(string folder, string why) =>
        $"'{folder}' is in use: {why}. Wait for it to finish (or stop it), or give another --out. A killed runner holds no lock.";

    private static string Describe(List<string?> names) =>
        string.Join(", ", names.Take(5).Select(n => "'" + n + "'")) + (names.Count > 5 ? $" and {names.Count - 5} more" : string.Empty);

    private static string NewMarker(string verb)
    {
        string id = Guid.NewGuid().ToString("N");
        var marker = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["tool"] = Tool,
            ["verb"] = verb,
            ["folderId"] = id,
            ["fingerprint"] = "sha256:" + Fingerprint(verb, id),
            ["note"] = "Written by NegLR.Experiments: it proves the runner owns this folder, so it may replace its own outputs here. Do not copy it into other folders.",
        };
        return JsonSerializer.Serialize(marker, new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>The verb that owns the folder, or null when the marker is not a valid one.</summary>
    private static string? ReadMarker(string file)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("tool", out var tool) || tool.GetString() != Tool
                || !root.TryGetProperty("verb", out var verb) || verb.GetString() is not string v
                || !root.TryGetProperty("folderId", out var id) || id.GetString() is not string folderId
                || !root.TryGetProperty("fingerprint", out var fp) || fp.GetString() != "sha256:" + Fingerprint(v, folderId))
            {
                return null;
            }

            return v;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static string Fingerprint(string verb, string id) => Seal.Hash(Tool + "|" + verb + "|" + id);
}
