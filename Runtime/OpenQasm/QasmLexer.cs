using System.Globalization;

namespace NegLR;

/// <summary>
/// Splits OpenQASM text into tokens on demand, so errors surface in source order. Skips whitespace, <c>//</c> line
/// comments and <c>/* */</c> block comments (part of OpenQASM 3; accepted in 2.0 too, as many tools emit them).
/// </summary>
/// <remarks>
/// It starts in OpenQASM 2.0 mode; after the header names version 3 the parser switches it on
/// <see cref="OpenQasm3"/>, which adds <c>=</c>, <c>**</c>, <c>@</c>, <c>:</c>, Unicode letters in identifiers
/// (<c>θ</c>, <c>π</c>), <c>_</c> between digits and single-quoted file names.
/// </remarks>
internal sealed class QasmLexer
{
    private readonly string _source;
    private int _offset;
    private int _line = 1;
    private int _column = 1;

    public QasmLexer(string source) => _source = source;

    /// <summary>Lexes OpenQASM 3 tokens from the next token on.</summary>
    public bool OpenQasm3 { get; set; }

    /// <summary>Reads the next token; at the end it keeps returning <see cref="QasmTokenKind.EndOfInput"/>.</summary>
    public QasmToken Next()
    {
        SkipTrivia();
        var start = new QasmPosition(_line, _column);
        int begin = _offset;
        if (_offset >= _source.Length)
        {
            return new QasmToken(QasmTokenKind.EndOfInput, string.Empty, start, begin, begin, 0);
        }

        char c = _source[_offset];
        if (IsIdentifierStart(c))
        {
            while (_offset < _source.Length && (IsIdentifierStart(_source[_offset]) || char.IsAsciiDigit(_source[_offset])))
            {
                Advance();
            }

            return Make(QasmTokenKind.Identifier, start, begin);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && _offset + 1 < _source.Length && char.IsAsciiDigit(_source[_offset + 1])))
        {
            return ReadNumber(start, begin);
        }

        if (c == '"' || (OpenQasm3 && c == '\''))
        {
            return ReadString(start, begin, c);
        }

        Advance();
        switch (c)
        {
            case ';': return Make(QasmTokenKind.Semicolon, start, begin);
            case ',': return Make(QasmTokenKind.Comma, start, begin);
            case '(': return Make(QasmTokenKind.LeftParen, start, begin);
            case ')': return Make(QasmTokenKind.RightParen, start, begin);
            case '[': return Make(QasmTokenKind.LeftBracket, start, begin);
            case ']': return Make(QasmTokenKind.RightBracket, start, begin);
            case '{': return Make(QasmTokenKind.LeftBrace, start, begin);
            case '}': return Make(QasmTokenKind.RightBrace, start, begin);
            case '+': return Make(QasmTokenKind.Plus, start, begin);
            case '*':
                if (OpenQasm3 && Peek() == '*')
                {
                    Advance();
                    return Make(QasmTokenKind.DoubleStar, start, begin);
                }

                return Make(QasmTokenKind.Star, start, begin);
            case '/': return Make(QasmTokenKind.Slash, start, begin);
            case '^': return Make(QasmTokenKind.Caret, start, begin);
            case '-':
                if (Peek() == '>')
                {
                    Advance();
                    return Make(QasmTokenKind.Arrow, start, begin);
                }

                return Make(QasmTokenKind.Minus, start, begin);
            case '=':
                if (Peek() == '=')
                {
                    Advance();
                    return Make(QasmTokenKind.EqualEqual, start, begin);
                }

                if (OpenQasm3)
                {
                    return Make(QasmTokenKind.Equals, start, begin);
                }

                throw QasmException.At(start, "unexpected character '=' (OpenQASM 2.0 has no assignment; '==' only appears in 'if')");
            case '@' when OpenQasm3: return Make(QasmTokenKind.At, start, begin);
            case ':' when OpenQasm3: return Make(QasmTokenKind.Colon, start, begin);
            default:
                throw QasmException.At(start, "unexpected character " + Quote(c));
        }
    }

    private static string Quote(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c)
            ? string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")
            : "'" + c + "'";

    /// <summary>A letter or '_'; OpenQASM 3 also takes Unicode letters (its grammar's Lu, Ll, Lt, Lm, Lo and Nl).</summary>
    private bool IsIdentifierStart(char c) =>
        char.IsAsciiLetter(c) || c == '_'
        || (OpenQasm3 && !char.IsAscii(c) && (char.IsLetter(c) || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber));

    private QasmToken ReadNumber(QasmPosition start, int begin)
    {
        bool real = false;
        SkipDigits();
        if (Peek() == '.')
        {
            real = true;
            Advance();
            SkipDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            real = true;
            Advance();
            if (Peek() is '+' or '-')
            {
                Advance();
            }

            if (!char.IsAsciiDigit(Peek()))
            {
                throw QasmException.At(
                    start, $"malformed number '{_source[begin.._offset]}': expected digits after the exponent marker");
            }

            SkipDigits();
        }

        string text = _source[begin.._offset];
        if (OpenQasm3 && text.Contains('_', System.StringComparison.Ordinal))
        {
            text = text.Replace("_", string.Empty, System.StringComparison.Ordinal);
        }

        double value = double.Parse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw QasmException.At(start, $"the number '{text}' is too large to be a finite double");
        }

        return new QasmToken(real ? QasmTokenKind.Real : QasmTokenKind.Integer, text, start, begin, _offset, value);
    }

    private QasmToken ReadString(QasmPosition start, int begin, char quote)
    {
        Advance();
        int contentStart = _offset;
        while (_offset < _source.Length && _source[_offset] != quote && _source[_offset] != '\n' && _source[_offset] != '\r')
        {
            Advance();
        }

        if (Peek() != quote)
        {
            throw QasmException.At(start, $"unterminated string: expected a closing '{quote}' on the same line");
        }

        string content = _source[contentStart.._offset];
        Advance();
        return new QasmToken(QasmTokenKind.String, content, start, begin, _offset, 0);
    }

    private void SkipTrivia()
    {
        while (_offset < _source.Length)
        {
            char c = _source[_offset];
            if (char.IsWhiteSpace(c))
            {
                Advance();
            }
            else if (c == '/' && Peek(1) == '/')
            {
                while (_offset < _source.Length && _source[_offset] != '\n')
                {
                    Advance();
                }
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var open = new QasmPosition(_line, _column);
                Advance();
                Advance();
                while (!(Peek() == '*' && Peek(1) == '/'))
                {
                    if (_offset >= _source.Length)
                    {
                        throw QasmException.At(open, "unterminated comment: '/*' is never closed by '*/'");
                    }

                    Advance();
                }

                Advance();
                Advance();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipDigits()
    {
        // OpenQASM 3 allows '_' between digits (1_000); it must be followed by a digit.
        while (char.IsAsciiDigit(Peek()) || (OpenQasm3 && Peek() == '_' && char.IsAsciiDigit(Peek(1)) && _offset > 0 && char.IsAsciiDigit(_source[_offset - 1])))
        {
            Advance();
        }
    }

    private char Peek(int ahead = 0) => _offset + ahead < _source.Length ? _source[_offset + ahead] : '\0';

    private void Advance()
    {
        if (_source[_offset] == '\n')
        {
            _line++;
            _column = 1;
        }
        else if (_source[_offset] != '\r')
        {
            // A lone '\r' (old Mac line ends) is treated as spacing; "\r\n" counts as one line break via its '\n'.
            _column++;
        }

        _offset++;
    }

    private QasmToken Make(QasmTokenKind kind, QasmPosition start, int begin) =>
        new(kind, _source[begin.._offset], start, begin, _offset, 0);
}
