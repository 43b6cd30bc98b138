using System.Globalization;

namespace NegLR;

/// <summary>A 1-based line and column in the program text.</summary>
internal readonly record struct QasmPosition(int Line, int Column)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"line {Line}, column {Column}");
}

/// <summary>The kinds of OpenQASM tokens (the last four only in OpenQASM 3).</summary>
internal enum QasmTokenKind
{
    EndOfInput,
    Identifier,
    Integer,
    Real,
    String,
    Semicolon,
    Comma,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Arrow,
    EqualEqual,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Equals,
    DoubleStar,
    At,
    Colon,
}

/// <summary>
/// One token. <see cref="Text"/> is the source text (a string's contents without the quotes); <see cref="Offset"/> and
/// <see cref="End"/> delimit the whole token in the source, so statements can be quoted back in messages.
/// </summary>
internal readonly record struct QasmToken(QasmTokenKind Kind, string Text, QasmPosition Position, int Offset, int End, double Number)
{
    /// <summary>The position just after the token (tokens never span lines).</summary>
    public QasmPosition EndPosition => new(Position.Line, Position.Column + (End - Offset));

    /// <summary>True for the identifier <paramref name="word"/>.</summary>
    public bool Is(string word) => Kind == QasmTokenKind.Identifier && Text == word;

    /// <summary>How the token reads in a message: <c>'x'</c>, <c>"qelib1.inc"</c> or <c>end of input</c>.</summary>
    public string Describe() => Kind switch
    {
        QasmTokenKind.EndOfInput => "end of input",
        QasmTokenKind.String => "\"" + Text + "\"",
        _ => "'" + Text + "'",
    };
}
