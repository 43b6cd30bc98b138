using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Reporting;
using ScottPlot;

namespace NegLR.Experiments.Study;

/// <summary>
/// Where NLR helps, ties or hurts against its base, along the study's factors: qubits × depth, qubits × shots per
/// evaluation, noise × depth, and NLR variant × block. Each cell counts every finished contrast that falls in it
/// (primary ones with their family's Holm correction, exploratory ones with BH) and is coloured by the net share
/// (better − worse) / contrasts, so a reader sees the whole study at once instead of 2,000 rows.
/// </summary>
internal static partial class OutcomeMaps
{
    /// <summary>One drawn map: its PNG file name (in the plots folder) and what it shows.</summary>
    public sealed record Map(string File, string Caption);

    /// <summary>The factors of a plateau benchmark id such as <c>bp-random8-l24-cg-s2+dp0.001+ro0.01</c>.</summary>
    public sealed record PlateauFactors(string Family, int Qubits, int Layers, string Cost, double? P2, bool Device);

    [GeneratedRegex(@"^bp-(?<family>[a-z]+)(?<n>\d+)-l(?<l>\d+)-(?<cost>[a-z]+)-s\d+(?<noise>\+dp(?<p2>[0-9.eE-]+)\+ro[0-9.]+)?(?<device>\+dev-.+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlateauId();

    [GeneratedRegex(@"@[0-9.eE-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Rate();

    public static PlateauFactors? Parse(string benchmark)
    {
        var m = PlateauId().Match(benchmark);
        if (!m.Success)
        {
            return null;
        }

        double? p2 = m.Groups["noise"].Success ? double.Parse(m.Groups["p2"].Value, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
        return new PlateauFactors(
            m.Groups["family"].Value,
            int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["l"].Value, CultureInfo.InvariantCulture),
            m.Groups["cost"].Value,
            p2,
            m.Groups["device"].Success);
    }

    /// <summary>Depth as the grid names it: 2, n, 3n, 10n, or the layer count when it is none of these.</summary>
    public static string DepthClass(int qubits, int layers) =>
        layers == 2 ? "L = 2" : layers == qubits ? "L = n" : layers == 3 * qubits ? "L = 3n" : layers == 10 * qubits ? "L = 10n" : Inv($"L = {layers}");

    /// <summary>An NLR variant without its rate: <c>nlr-la-adam@0.1_r1</c> → <c>nlr-la-adam_r1</c>.</summary>
    public static string Variant(string optimizer) => Rate().Replace(optimizer, string.Empty);

    public static IReadOnlyList<Map> Draw(IReadOnlyList<StudyContrast> contrasts, IReadOnlyDictionary<string, string> blockOfPart, string directory)
    {
        var maps = new List<Map>();
        var plateau = contrasts.Select(c => (c, f: Parse(c.Entry.Benchmark))).Where(x => x.f is not null).Select(x => (x.c, f: x.f!)).ToList();
        // Random and hardware-efficient circuits without noise; identity-block starts (b1-idb) are a start, not a size.
        var clean = plateau.Where(x => x.f.P2 is null && !x.f.Device && x.f.Family is "random" or "hea").ToList();

        var exact = clean.Where(x => x.c.Entry.Mode == "exact").ToList();
        if (exact.Count > 0)
        {
            maps.Add(new Map(
                Grid("map-size-depth", "NLR against its base: qubits × depth (exact)", exact.Select(x => (Qubits(x.f), x.f.Qubits, DepthClass(x.f.Qubits, x.f.Layers), DepthOrder(x.f), x.c)), "depth", "qubits", directory),
                "plateau circuits (McClean random and hardware-efficient, ZZ, Cerezo local and global costs) with exact expectations, no noise"));
        }

        var shotRows = clean.Where(x => clean.Any(y => y.f.Qubits == x.f.Qubits && y.c.Entry.Mode != "exact")).ToList();
        if (shotRows.Any(x => x.c.Entry.Mode != "exact"))
        {
            maps.Add(new Map(
                Grid("map-size-shots", "NLR against its base: qubits × shots per evaluation", shotRows.Select(x => (Qubits(x.f), x.f.Qubits, Plots.ModeText(x.c.Entry.Mode), ModeOrder(x.c.Entry.Mode), x.c)), "shots per evaluation", "qubits", directory),
                Inv($"the same circuits at the sizes that also ran with shots, exact against {string.Join(" and ", shotRows.Select(x => x.c.Entry.Mode).Where(m => m != "exact").Distinct().OrderBy(ModeOrder).Select(m => Plots.ModeText(m)))} per evaluation (every depth and cost together)")));
        }

        var noisy = plateau.Where(x => x.f.P2 is not null || x.f.Device).ToList();
        if (noisy.Count > 0)
        {
            maps.Add(new Map(
                Grid("map-noise-depth", "NLR against its base: noise × depth", noisy.Select(x => (NoiseRow(x.f), x.f.Device ? int.MaxValue : (int)Math.Round(x.f.P2!.Value * 1e6), Inv($"L = {x.f.Layers}"), x.f.Layers, x.c)), "layers", "noise", directory),
                "noisy plateau circuits (local depolarizing p₂ with p₁ = p₂/10 and 1–2 % readout error, density matrices and trajectories; one device profile), every size and cost together"));
        }

        maps.Add(new Map(
            Grid("map-variant-block", "NLR against its base: variant × block", contrasts.Select(c => (Variant(c.Entry.Optimizer), 0, blockOfPart[c.Part], BlockOrder(blockOfPart[c.Part]), c)), "block", "NLR variant (rate left out)", directory, sortRowsByLabel: true),
            "every contrast of the study, by NLR variant (policy, base, η⁻/η⁺ ratio `_r1` or 0.25, mitigation `_idb`, `_gauss`, `_lw`, `_rs4`) and block"));
        return maps;
    }

    private static string Qubits(PlateauFactors f) => Inv($"n = {f.Qubits}");

    private static int DepthOrder(PlateauFactors f) =>
        f.Layers == 2 ? 0 : f.Layers == f.Qubits ? 1 : f.Layers == 3 * f.Qubits ? 2 : f.Layers == 10 * f.Qubits ? 3 : 4 + f.Layers;

    private static int ModeOrder(string mode) => RunKey.ShotsOf(mode);

    private static int BlockOrder(string block) => block switch { "B1" => 0, "B1s" => 1, "B2" => 2, "B3" => 3, "B4" => 4, "B5" => 5, _ => 6 };

    private static string NoiseRow(PlateauFactors f) => f.Device ? "device profile" : f.P2 == 0 ? "p₂ = 0 (readout only)" : Inv($"p₂ = {f.P2:G3}");

    /// <summary>
    /// Draws one map: a cell per (row, column) present, coloured from orange (every contrast NLR worse) through light grey
    /// (as many better as worse, or none decided) to blue (every contrast better), with the counts written in it.
    /// </summary>
    private static string Grid(
        string stem,
        string title,
        IEnumerable<(string Row, int RowOrder, string Column, int ColumnOrder, StudyContrast Contrast)> cells,
        string columnLabel,
        string rowLabel,
        string directory,
        bool sortRowsByLabel = false)
    {
        var list = cells.ToList();
        var rows = list.Select(x => (x.Row, x.RowOrder)).Distinct()
            .OrderBy(x => sortRowsByLabel ? 0 : x.RowOrder).ThenBy(x => x.Row, StringComparer.Ordinal).Select(x => x.Row).Distinct().ToList();
        var columns = list.Select(x => (x.Column, x.ColumnOrder)).Distinct()
            .OrderBy(x => x.ColumnOrder).ThenBy(x => x.Column, StringComparer.Ordinal).Select(x => x.Column).Distinct().ToList();
        var plt = Plots.NewPlot();
        foreach (var g in list.GroupBy(x => (x.Row, x.Column)))
        {
            int r = rows.IndexOf(g.Key.Row), k = columns.IndexOf(g.Key.Column);
            int better = g.Count(x => x.Contrast.Win), worse = g.Count(x => x.Contrast.Loss);
            int equivalent = g.Count(x => x.Contrast.Outcome == "equivalent"), total = g.Count();
            var rect = plt.Add.Rectangle(k + 0.02, k + 0.98, -r - 0.98, -r - 0.02);
            rect.FillStyle.Color = NetColour((better - worse) / (double)total);
            rect.LineStyle.Width = 0;
            var text = plt.Add.Text(Inv($"{better} / {equivalent} / {worse}\nof {total}"), k + 0.5, -r - 0.5);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontSize = 11;
            text.LabelFontColor = Colors.Black;
        }

        plt.Axes.Left.SetTicks(rows.Select((_, i) => -i - 0.5).ToArray(), rows.ToArray());
        plt.Axes.Bottom.SetTicks(columns.Select((_, i) => i + 0.5).ToArray(), columns.ToArray());
        plt.Axes.Left.Label.Text = rowLabel;
        plt.Axes.Bottom.Label.Text = columnLabel + " — in each cell: NLR better / equivalent / worse, of all contrasts";
        plt.Axes.Left.MinimumSize = sortRowsByLabel ? 200 : 120;
        plt.Axes.SetLimits(0, columns.Count, -rows.Count, 0);
        plt.Axes.Title.Label.Text = title;
        int height = Math.Clamp(160 + (44 * rows.Count), 360, 2400);
        return System.IO.Path.GetFileName(Plots.Save(plt, stem, "nlr", "all", directory, title, height).Png);
    }

    /// <summary>Net share −1 → orange (#D55E00), 0 → light grey (#F2F2F2), +1 → blue (#0072B2).</summary>
    public static Color NetColour(double net)
    {
        static byte Mix(int from, int to, double t) => (byte)Math.Round(from + ((to - from) * t));
        double t = Math.Min(1, Math.Abs(net));
        var (r, g, b) = net < 0 ? (0xD5, 0x5E, 0x00) : (0x00, 0x72, 0xB2);
        return new Color(Mix(0xF2, r, t), Mix(0xF2, g, t), Mix(0xF2, b, t));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
