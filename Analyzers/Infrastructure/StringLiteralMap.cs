using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// Maps positions in a string's value to source positions inside the literal that wrote it, so a diagnostic about
/// character 7 of <c>"Z0 Z1 X"</c> underlines that character, escapes and verbatim quotes included. A value that is not
/// one plain literal (a const, a concatenation, a multi-line raw string) maps every position to the whole expression.
/// </summary>
internal sealed class StringLiteralMap
{
    private readonly SyntaxTree _tree;
    private readonly TextSpan _whole;

    // _starts[i] = source position of the first source character of value character i; _starts[Length] = end of the content.
    private readonly int[]? _starts;

    private StringLiteralMap(SyntaxTree tree, TextSpan whole, int[]? starts)
    {
        _tree = tree;
        _whole = whole;
        _starts = starts;
    }

    /// <summary>True when positions map into the literal; false when every position maps to the whole expression.</summary>
    public bool IsPrecise => _starts is not null;

    /// <summary>Builds the map for <paramref name="expression"/>, whose constant value is <paramref name="value"/>.</summary>
    public static StringLiteralMap Create(ExpressionSyntax expression, string value)
    {
        int[]? starts = null;
        if (expression is LiteralExpressionSyntax { Token: var token } && token.IsKind(SyntaxKind.StringLiteralToken))
        {
            starts = Decode(token, value);
        }
        else if (expression is LiteralExpressionSyntax { Token: var raw } && raw.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
        {
            starts = DecodeRaw(raw, value);
        }

        return new StringLiteralMap(expression.SyntaxTree, expression.Span, starts);
    }

    /// <summary>The source location of value characters [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public Location Locate(int start, int end)
    {
        if (_starts is null)
        {
            return Location.Create(_tree, _whole);
        }

        int length = _starts.Length - 1;
        start = Clamp(start, 0, length);
        end = Clamp(end, start, length);
        return Location.Create(_tree, TextSpan.FromBounds(_starts[start], _starts[end]));
    }

    /// <summary>The whole expression.</summary>
    public Location Whole => Location.Create(_tree, _whole);

    private static int Clamp(int x, int lo, int hi) => x < lo ? lo : x > hi ? hi : x;

    private static int[]? Decode(SyntaxToken token, string value)
    {
        string text = token.Text;
        bool verbatim = text.StartsWith("@", System.StringComparison.Ordinal);
        int i = verbatim ? 2 : 1;
        int close = text.Length - 1;
        if (close < i || text[close] != '"')
        {
            return null;
        }

        var starts = new List<int>(value.Length + 1);
        var decoded = new System.Text.StringBuilder(value.Length);
        while (i < close)
        {
            int at = token.SpanStart + i;
            char c = text[i];
            if (verbatim)
            {
                if (c == '"' && i + 1 < close && text[i + 1] == '"')
                {
                    i += 2;
                }
                else
                {
                    i++;
                }

                Add(starts, decoded, at, c);
                continue;
            }

            if (c != '\\' || i + 1 >= close)
            {
                Add(starts, decoded, at, c);
                i++;
                continue;
            }

            char e = text[i + 1];
            switch (e)
            {
                case 'u':
                case 'x':
                case 'U':
                {
                    int maxDigits = e == 'u' ? 4 : e == 'U' ? 8 : 4;
                    int j = i + 2;
                    while (j < close && j - (i + 2) < maxDigits && Uri.IsHexDigit(text[j]))
                    {
                        j++;
                    }

                    if (!int.TryParse(text.Substring(i + 2, j - (i + 2)), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
                    {
                        return null;
                    }

                    // \u and \x name one UTF-16 unit, which may be half of a surrogate pair (or a lone one: C# allows it,
                    // and char.ConvertFromUtf32 would throw on it); \U names a code point, two units above U+FFFF.
                    if (code <= 0xFFFF)
                    {
                        Add(starts, decoded, at, (char)code);
                    }
                    else if (code <= 0x10FFFF)
                    {
                        foreach (char unit in char.ConvertFromUtf32(code))
                        {
                            Add(starts, decoded, at, unit);
                        }
                    }
                    else
                    {
                        return null;
                    }

                    i = j;
                    break;
                }

                default:
                    char simple = e switch
                    {
                        '\'' => '\'',
                        '"' => '"',
                        '\\' => '\\',
                        '0' => '\0',
                        'a' => '\a',
                        'b' => '\b',
                        'f' => '\f',
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'v' => '\v',
                        'e' => '\u001b',
                        _ => '\uffff',
                    };

                    if (simple == '\uffff')
                    {
                        return null;
                    }

                    Add(starts, decoded, at, simple);
                    i += 2;
                    break;
            }
        }

        starts.Add(token.SpanStart + close);

        // Anything this decoder got wrong falls back to the whole literal rather than a wrong squiggle.
        return decoded.ToString() == value ? starts.ToArray() : null;
    }

    private static int[]? DecodeRaw(SyntaxToken token, string value)
    {
        string text = token.Text;
        int quotes = 0;
        while (quotes < text.Length && text[quotes] == '"')
        {
            quotes++;
        }

        if (text.Length < 2 * quotes || text.Substring(quotes, text.Length - (2 * quotes)) != value)
        {
            return null;
        }

        var starts = new int[value.Length + 1];
        for (int i = 0; i <= value.Length; i++)
        {
            starts[i] = token.SpanStart + quotes + i;
        }

        return starts;
    }

    private static void Add(List<int> starts, System.Text.StringBuilder decoded, int at, char c)
    {
        starts.Add(at);
        decoded.Append(c);
    }

    private static class Uri
    {
        public static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');
    }
}
