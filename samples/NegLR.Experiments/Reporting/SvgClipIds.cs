using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NegLR.Experiments.Reporting;

/// <summary>
/// Numbers an SVG's clip-path ids from zero in order of first appearance. The SVG canvas takes them from a counter
/// that lives as long as the process, so without this a figure's bytes depended on how many figures the process had
/// drawn before it (a study report with one more part rewrote every later part's SVG).
/// </summary>
internal static partial class SvgClipIds
{
    [GeneratedRegex(@"(?<=id=""|url\(#)cl_([0-9a-f]+)(?=[""\)])", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();

    public static string Renumber(string svg)
    {
        var numbers = new Dictionary<string, int>(System.StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            string old = m.Groups[1].Value;
            if (!numbers.TryGetValue(old, out int n))
            {
                n = numbers.Count;
                numbers.Add(old, n);
            }

            return "cl_" + n.ToString("x", CultureInfo.InvariantCulture);
        });
    }
}
