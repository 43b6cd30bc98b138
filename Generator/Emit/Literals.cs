using System.Globalization;
using System.Text;

namespace NegLR.Generator.Emit;

/// <summary>
/// C# literals and comment text written the same way under every culture. Every user string the generator writes goes
/// through here: into a string literal escaped, into a comment or doc comment with anything that could end the comment
/// line (a newline, U+0085, U+2028, U+2029) or not survive as text (a control character, a lone surrogate) shown as an
/// escape instead.
/// </summary>
internal static class Literals
{
    /// <summary>A round-trip double literal (<c>0.5</c>, <c>-1.5707963267948966</c>, <c>1E-05</c>), always typed double.</summary>
    public static string Double(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.IndexOf('.') < 0 && text.IndexOf('E') < 0)
        {
            text += ".0";
        }

        return value < 0 ? "(" + text + ")" : text;
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A long literal in hexadecimal (<c>unchecked((long)0x8000000000000000UL)</c> for negative values).</summary>
    public static string Long(long value) =>
        value >= 0
            ? "0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "L"
            : "unchecked((long)0x" + value.ToString("X16", CultureInfo.InvariantCulture) + "UL)";

    /// <summary>A C# string literal: quotes, backslashes and every character outside printable ASCII escaped.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Text for a <c>//</c> comment: line breaks, control characters and lone surrogates shown as <c>\uXXXX</c>.</summary>
    public static string Comment(string text)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool lone = char.IsHighSurrogate(c) ? i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])
                : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1]));
            bool escape = c < ' ' || c is '\u007f' or '\u0085' or '\u2028' or '\u2029' || (c >= '\u0080' && c <= '\u009f') || lone;
            if (escape && sb is null)
            {
                sb = new StringBuilder(text, 0, i, text.Length + 16);
            }

            if (escape)
            {
                sb!.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>Text for an XML doc comment: XML-escaped, and safe as a comment line (<see cref="Comment"/>).</summary>
    public static string Xml(string text) => Comment(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
