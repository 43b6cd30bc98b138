using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace NegLR;

/// <summary>
/// Reads what a <see cref="CheckpointWriter"/> wrote. Every mismatch — a truncated stream, a section written by another
/// optimizer, a newer format version, a block of the wrong length, a malformed string, a non-finite value where state must
/// be finite — throws <see cref="CheckpointException"/> with what was expected and what was found.
/// </summary>
public sealed class CheckpointReader
{
    internal const int SectionMarker = 0x4E4C5253; // "NLRS": catches readers that drift out of step with the writer.

    private readonly BinaryReader _reader;

    /// <summary>Reads from <paramref name="stream"/> (left open).</summary>
    public CheckpointReader(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>
    /// Reads a section header and checks it is <paramref name="expectedName"/> at a version this code understands
    /// (1 to <paramref name="maxVersion"/>); returns the version.
    /// </summary>
    /// <exception cref="CheckpointException">Another section, an unknown version, or a truncated/corrupt stream.</exception>
    public int ReadSection(string expectedName, int maxVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(expectedName);
        int marker = Guard(() => _reader.ReadInt32());
        if (marker != SectionMarker)
        {
            throw new CheckpointException(Invariant(
                $"Expected the state of '{expectedName}', but the data at this point is not a section header (corrupt, or written by different code)."));
        }

        string name = Guard(() => _reader.ReadString());
        int version = Guard(() => _reader.ReadInt32());
        if (!string.Equals(name, expectedName, StringComparison.Ordinal))
        {
            throw new CheckpointException(Invariant(
                $"Expected the state of '{expectedName}', but found the state of '{name}': it was saved by a different optimizer or setup."));
        }

        if (version < 1 || version > maxVersion)
        {
            throw new CheckpointException(Invariant(
                $"The state of '{name}' has format version {version}; this build reads versions 1 to {maxVersion}."));
        }

        return version;
    }

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => Guard(() => _reader.ReadInt64());

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => Guard(() => _reader.ReadInt32());

    /// <summary>Reads a flag.</summary>
    public bool ReadBoolean() => Guard(() => _reader.ReadBoolean());

    /// <summary>Reads a double with its exact bits.</summary>
    public double ReadDouble() => BitConverter.Int64BitsToDouble(Guard(() => _reader.ReadInt64()));

    /// <summary>Reads a string.</summary>
    public string ReadString() => Guard(() => _reader.ReadString());

    /// <summary>
    /// Reads a block of doubles into <paramref name="destination"/>, whose length must match what was written. Blocks hold
    /// state that is always finite (parameters, moments, accumulators), so NaN or ±∞ is rejected as corrupt data.
    /// </summary>
    /// <param name="destination">Receives the values.</param>
    /// <param name="what">What the block holds, for the error message (e.g. "Adam's first moments").</param>
    /// <exception cref="CheckpointException">A length mismatch, a truncated stream, or a non-finite value.</exception>
    public void ReadDoubles(Span<double> destination, string what)
    {
        int length = ReadLength(destination.Length, what);
        for (int i = 0; i < length; i++)
        {
            double value = ReadDouble();
            if (!double.IsFinite(value))
            {
                throw new CheckpointException(Invariant(
                    $"The saved {what} hold {value} at index {i}; this state is always finite, so the data is corrupt."));
            }

            destination[i] = value;
        }
    }

    /// <summary>
    /// Reads a block like <see cref="ReadDoubles"/> whose values must also be 0 or more (second moments, accumulators of
    /// squares): a negative value would make a square root NaN at the next step.
    /// </summary>
    /// <exception cref="CheckpointException">As <see cref="ReadDoubles"/>, or a negative value.</exception>
    public void ReadNonNegativeDoubles(Span<double> destination, string what)
    {
        ReadDoubles(destination, what);
        for (int i = 0; i < destination.Length; i++)
        {
            if (destination[i] < 0)
            {
                throw new CheckpointException(Invariant(
                    $"The saved {what} hold {destination[i]} at index {i}, but they are sums of squares (0 or more); the data is corrupt."));
            }
        }
    }

    /// <summary>Reads a double that must be finite.</summary>
    /// <param name="what">What the value is, for the error message.</param>
    /// <exception cref="CheckpointException">The value is NaN or infinite, or the stream ends.</exception>
    public double ReadFiniteDouble(string what)
    {
        double value = ReadDouble();
        if (!double.IsFinite(value))
        {
            throw new CheckpointException(Invariant($"The saved {what} is {value}, but it is always finite; the data is corrupt."));
        }

        return value;
    }

    /// <summary>Reads a block of 32-bit integers into <paramref name="destination"/>, whose length must match.</summary>
    public void ReadInt32s(Span<int> destination, string what)
    {
        int length = ReadLength(destination.Length, what);
        for (int i = 0; i < length; i++)
        {
            destination[i] = ReadInt32();
        }
    }

    /// <summary>Restores <paramref name="random"/> to a state written by <see cref="CheckpointWriter.WriteRandom"/>.</summary>
    /// <exception cref="CheckpointException">The saved generator had another seed, or the state is invalid.</exception>
    public void ReadRandom(SeededRandom random, string what)
    {
        ArgumentNullException.ThrowIfNull(random);
        ulong seed = Guard(() => _reader.ReadUInt64());
        Span<ulong> state = stackalloc ulong[4];
        for (int i = 0; i < 4; i++)
        {
            state[i] = Guard(() => _reader.ReadUInt64());
        }

        if (seed != random.Seed)
        {
            throw new CheckpointException(Invariant(
                $"The {what} was saved from a generator seeded with {seed}, but this one has seed {random.Seed}; use the same seed to resume."));
        }

        try
        {
            random.RestoreState(state);
        }
        catch (ArgumentException e)
        {
            throw new CheckpointException(Invariant($"The saved state of the {what} is invalid: {e.Message}"), e);
        }
    }

    private int ReadLength(int expected, string what)
    {
        int length = ReadInt32();
        if (length != expected)
        {
            throw new CheckpointException(Invariant(
                $"The saved {what} has {length} values, but {expected} are expected: the state belongs to a problem of another size."));
        }

        return length;
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (EndOfStreamException e)
        {
            throw new CheckpointException("The saved state ends early: the data is truncated.", e);
        }
        catch (IOException e)
        {
            throw new CheckpointException("The saved state could not be read: " + e.Message, e);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or DecoderFallbackException)
        {
            // BinaryReader's answers to a malformed length prefix or string: the bytes are not what a writer wrote.
            throw new CheckpointException("The saved state is malformed (" + e.Message + ").", e);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
