using System;
using System.IO;

namespace NegLR;

/// <summary>Saves and restores an optimizer's state as a byte array, for callers that keep state in memory or their own files.</summary>
public static class OptimizerStateExtensions
{
    /// <summary>The optimizer's full state as bytes (see <see cref="IOptimizer.SaveState"/>).</summary>
    public static byte[] SaveState(this IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var stream = new MemoryStream();
        var writer = new CheckpointWriter(stream);
        optimizer.SaveState(writer);
        writer.Flush();
        return stream.ToArray();
    }

    /// <summary>Restores a state from <see cref="SaveState(IOptimizer)"/>; the bytes must be consumed exactly.</summary>
    /// <exception cref="CheckpointException">The bytes are truncated, corrupt, carry trailing data, or belong to another optimizer.</exception>
    public static void RestoreState(this IOptimizer optimizer, ReadOnlySpan<byte> state)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        using var stream = new MemoryStream(state.ToArray(), writable: false);
        optimizer.RestoreState(new CheckpointReader(stream));
        if (stream.Position != stream.Length)
        {
            throw new CheckpointException($"The saved state has {stream.Length - stream.Position} bytes left over after {optimizer.Name}'s state; it belongs to another optimizer or is corrupt.");
        }
    }
}
