using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;

namespace NegLR;

/// <summary>
/// The on-disk envelope of a trainer checkpoint: an 8-byte magic, a format version, the payload length, the payload and
/// its SHA-256. Writes go to a temporary file that is flushed to disk and then renamed over the target, so a crash leaves
/// either the old checkpoint or the new one, never half of one; a reader that finds a short, altered or foreign file says
/// so instead of starting over.
/// </summary>
internal static class CheckpointFile
{
    private const int FormatVersion = 1;
    private const int HeaderLength = 8 + 4 + 8;
    private const int HashLength = 32;
    private static ReadOnlySpan<byte> Magic => "NEGLRCKP"u8;

    /// <summary>Writes <paramref name="payload"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, ReadOnlySpan<byte> payload)
    {
        string full = Path.GetFullPath(path);
        string? directory = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // The temporary file sits beside the target so the rename stays on one file system (and so is atomic).
        string temporary = full + ".tmp";
        Span<byte> header = stackalloc byte[HeaderLength];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], payload.Length);
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(payload, hash);
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(header);
            stream.Write(payload);
            stream.Write(hash);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, full, overwrite: true);
    }

    /// <summary>Reads and verifies the payload of the checkpoint at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no checkpoint at the path.</exception>
    /// <exception cref="CheckpointException">The file is not a checkpoint, is truncated, or its checksum does not match.</exception>
    public static byte[] Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"There is no checkpoint at '{path}'. Start with Run(), or pass the CheckpointPath an earlier run wrote.", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, 8).SequenceEqual(Magic))
        {
            throw new CheckpointException($"'{path}' is not a NegLR checkpoint (it does not start with the NEGLRCKP header), or it is truncated.");
        }

        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (version != FormatVersion)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"'{path}' has checkpoint format version {version}; this build reads version {FormatVersion}."));
        }

        long length = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(12));
        long expected = HeaderLength + length + HashLength;
        if (length < 0 || expected != bytes.Length)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"'{path}' is {bytes.Length} bytes, but its header announces {expected}: the checkpoint is truncated or was only partly written."));
        }

        var payload = bytes.AsSpan(HeaderLength, (int)length);
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(bytes.AsSpan(HeaderLength + (int)length, HashLength)))
        {
            throw new CheckpointException($"'{path}' is corrupt: its SHA-256 checksum does not match its contents.");
        }

        return payload.ToArray();
    }
}
