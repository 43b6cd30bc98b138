using System;
using System.Collections.Generic;
using System.Text;

namespace NegLR.Generator.Emit;

/// <summary>An indenting text writer that always ends lines with '\n', so output is identical on every OS.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    public void Line(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', _indent * 4).Append(text);
        }

        _sb.Append('\n');
    }

    /// <summary>Writes <paramref name="header"/>, an opening brace, and indents until the returned scope is disposed.</summary>
    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this);
    }

    /// <summary>Writes the lines of <paramref name="inner"/> (written from indent 0) at the current indent.</summary>
    public void Append(CodeWriter inner)
    {
        string text = inner.ToString();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            Line(text.Substring(start, end - start));
            start = end + 1;
        }
    }

    /// <summary>
    /// Writes statements several to a line, up to <paramref name="width"/> characters: a run of register operations
    /// reads as one line per gate (under its comment) instead of one line per register. Comment lines stay lines of
    /// their own and start a new run; a statement with a trailing comment ends its line.
    /// </summary>
    public void Packed(IEnumerable<string> lines, int width = 180)
    {
        var current = new StringBuilder();
        foreach (string line in lines)
        {
            bool comment = line.StartsWith("//", StringComparison.Ordinal);
            if (current.Length > 0 && (comment || current.Length + 1 + line.Length > width))
            {
                Line(current.ToString());
                current.Clear();
            }

            if (comment)
            {
                Line(line);
                continue;
            }

            current.Append(current.Length == 0 ? "" : " ").Append(line);
            if (line.IndexOf("//", StringComparison.Ordinal) >= 0)
            {
                // A trailing comment ends the line: anything after it would be commented out.
                Line(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            Line(current.ToString());
        }
    }

    /// <summary>Characters written so far.</summary>
    public int Length => _sb.Length;

    public override string ToString() => _sb.ToString();

    private sealed class Scope : IDisposable
    {
        private readonly CodeWriter _writer;

        public Scope(CodeWriter writer) => _writer = writer;

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}");
        }
    }
}
