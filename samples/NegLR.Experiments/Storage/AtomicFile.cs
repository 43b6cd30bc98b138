using System;
using System.IO;
using System.Text;

namespace NegLR.Experiments.Storage;

/// <summary>
/// Writes a file so that readers (and a resumed runner after a kill -9) see the old content or the new, never a part:
/// the bytes go to a temporary file beside the target, named for this process so that shards writing the same file
/// never share one, then a rename replaces the target.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Utf8.GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        string temporary = TemporaryName(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Writes through a stream (large files such as steps.csv), then renames.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string temporary = TemporaryName(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Whether a file name is one of this class's temporary files (left behind by a killed process).</summary>
    public static bool IsTemporary(string path) => path.EndsWith(".tmp", StringComparison.Ordinal) && path.Contains(".neglr-", StringComparison.Ordinal);

    private static string TemporaryName(string path) =>
        path + ".neglr-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8] + ".tmp";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
