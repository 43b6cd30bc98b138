using System;
using System.IO;
using System.Text;

namespace NegLR;

/// <summary>
/// Writes optimizer and trainer state in a small tagged binary form: every value is written with its exact bits
/// (doubles as IEEE-754 words), so a restored run continues bit-identically. Sections name who wrote them, so a
/// reader can tell "state of another optimizer" apart from "corrupt".
/// </summary>
/// <remarks>Generated optimizers and user-written ones use the same writer, so their state fits in a trainer checkpoint.</remarks>
public sealed class CheckpointWriter
{
    private readonly BinaryWriter _writer;

    /// <summary>Writes to <paramref name="stream"/> (left open).</summary>
    public CheckpointWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Starts a section: a name (the optimizer's or policy's) and a format version the reader checks.</summary>
    public void WriteSection(string name, int version)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _writer.Write(CheckpointReader.SectionMarker);
        _writer.Write(name);
        _writer.Write(version);
    }

    /// <summary>Writes a 64-bit integer.</summary>
    public void WriteInt64(long value) => _writer.Write(value);

    /// <summary>Writes a 32-bit integer.</summary>
    public void WriteInt32(int value) => _writer.Write(value);

    /// <summary>Writes a flag.</summary>
    public void WriteBoolean(bool value) => _writer.Write(value);

    /// <summary>Writes a double with its exact bits (NaN payloads and signed zeros included).</summary>
    public void WriteDouble(double value) => _writer.Write(BitConverter.DoubleToInt64Bits(value));

    /// <summary>Writes a string (UTF-8, length-prefixed).</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _writer.Write(value);
    }

    /// <summary>Writes a length-prefixed block of doubles with their exact bits.</summary>
    public void WriteDoubles(ReadOnlySpan<double> values)
    {
        _writer.Write(values.Length);
        foreach (double v in values)
        {
            _writer.Write(BitConverter.DoubleToInt64Bits(v));
        }
    }

    /// <summary>Writes a length-prefixed block of 32-bit integers.</summary>
    public void WriteInt32s(ReadOnlySpan<int> values)
    {
        _writer.Write(values.Length);
        foreach (int v in values)
        {
            _writer.Write(v);
        }
    }

    /// <summary>Writes a generator's state (see <see cref="SeededRandom.SaveState"/>) and its seed.</summary>
    public void WriteRandom(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<ulong> state = stackalloc ulong[4];
        random.SaveState(state);
        _writer.Write(random.Seed);
        foreach (ulong word in state)
        {
            _writer.Write(word);
        }
    }

    /// <summary>Pushes buffered bytes to the stream.</summary>
    public void Flush() => _writer.Flush();
}
