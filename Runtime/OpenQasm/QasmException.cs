using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// An OpenQASM program that NegLR cannot import: a syntax error, a semantic error (unknown gate, bad register index, …)
/// or a construct NegLR does not simulate (mid-circuit measurement, classical control, opaque gates).
/// </summary>
/// <remarks>
/// The message starts with the position, e.g. <c>line 3, column 5: expected ';' after 'h q[0]'</c>, and names what was
/// expected. It derives from <see cref="FormatException"/> so callers that already handle malformed text catch it.
/// </remarks>
public sealed class QasmException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="line"/>, <paramref name="column"/> (both 1-based).</summary>
    /// <param name="line">1-based line of the offending text.</param>
    /// <param name="column">1-based column of the offending text (a tab counts as one column).</param>
    /// <param name="problem">What is wrong and what was expected, without the position.</param>
    public QasmException(int line, int column, string problem)
        : base(string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}: {problem}"))
    {
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>1-based line of the offending text.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending text (a tab counts as one column).</summary>
    public int Column { get; }

    /// <summary>The message without the leading position: what is wrong and what was expected.</summary>
    public string Problem { get; }

    internal static QasmException At(QasmPosition position, string problem) => new(position.Line, position.Column, problem);
}
