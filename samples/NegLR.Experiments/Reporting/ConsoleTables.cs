using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NegLR.Experiments.Optimizers;
using Spectre.Console;

namespace NegLR.Experiments.Reporting;

/// <summary>The end-of-run summary table: NLR against the best baseline per benchmark and mode, then the headlines.</summary>
internal static class ConsoleTables
{
    public static void PrintSummary(Summary s, TextWriter log)
    {
        var names = s.Optimizers.ToDictionary(o => o.Id, o => o.Name, StringComparer.Ordinal);
        var cs = s.Comparisons.Where(c => c.Optimizer == OptimizerCatalog.Headline && c.Metric == "score" && (c.Kind == "primary" || c.IsBestBaseline))
            .OrderBy(c => c.Kind == "primary" ? 0 : 1).ToList();
        if (cs.Count == 0)
        {
            return;
        }

        var table = new Table().Title("NLR (Lookahead) against its own base at the same rate (primary, Holm) and the best baseline (secondary, BH)").AddColumns(
            "benchmark", "mode", "against", "other mean", "NLR mean", "reduction %", "p adj.", "outcome");
        foreach (var c in cs)
        {
            string outcome = c.Outcome switch
            {
                "win" => "[green]win[/]",
                "loss" => "[red]loss[/]",
                _ => c.Equivalence.Equivalent ? "equivalent" : "tie",
            };
            table.AddRow(Markup.Escape(c.Benchmark), c.Mode, Markup.Escape(names[c.Baseline] + (c.Kind == "primary" ? " (own base)" : " (best)")),
                c.MeanBaseline.ToString("G4", CultureInfo.InvariantCulture), c.MeanOptimizer.ToString("G4", CultureInfo.InvariantCulture),
                c.ImprovementPercent?.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) ?? "–",
                c.PAdjusted.ToString("0.0000", CultureInfo.InvariantCulture), outcome);
        }

        var console = Console(log);
        console.Write(table);
        // Spectre lays the sentences out: they wrap between words at the console's width, never inside one.
        foreach (var h in s.Headlines.Where(h => h.Optimizer == OptimizerCatalog.Headline).OrderBy(h => h.Against == "control" ? 0 : 1))
        {
            console.Write(new Padder(new Paragraph(h.Text), new Padding(2, 0, 0, 0)));
            console.WriteLine();
        }
    }

    /// <summary>A Spectre console on <paramref name="log"/>: the live terminal's width and colours, or 150 plain columns when redirected.</summary>
    public static IAnsiConsole Console(TextWriter log)
    {
        bool terminal = log == System.Console.Out && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(log),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal)
        {
            console.Profile.Width = 150;
        }

        return console;
    }
}
