using System.Globalization;
using System.Text;

namespace NegLR.Analyzers.Infrastructure;

/// <summary>
/// User text quoted in a diagnostic message, made safe to print on one line: control characters, lone surrogates and
/// the invisible or direction-changing format characters become C# escapes (<c>\n</c>, <c>\uD800</c>, <c>\u202E</c>),
/// so a message never breaks a build log's line, never carries half a UTF-16 pair into a UTF-8 log, and shows what is
/// really in the string. Everything else, well-formed surrogate pairs included, is kept.
/// </summary>
internal static class Printable
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            if (Escape(c) is { } escape)
            {
                builder.Append(escape);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? Escape(char c)
    {
        switch (c)
        {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\0':
                return "\\0";
        }

        // Here a surrogate is a lone one: its pair was kept above.
        return char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture)
            : null;
    }
}
