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
        var cs = s.Comparisons.Where(c => c.IsBestBaseline && c.Optimizer == OptimizerCatalog.Headline).ToList();
        if (cs.Count == 0)
        {
            return;
        }

        var table = new Table().Title("NLR (Lookahead) against the best baseline").AddColumns(
            "benchmark", "mode", "best baseline", "baseline mean", "NLR mean", "reduction %", "p", "outcome");
        foreach (var c in cs)
        {
            string outcome = c.Outcome switch { "win" => "[green]win[/]", "loss" => "[red]loss[/]", _ => "tie" };
            table.AddRow(Markup.Escape(c.Benchmark), c.Mode, Markup.Escape(names[c.Baseline]),
                c.MeanBaseline.ToString("G4", CultureInfo.InvariantCulture), c.MeanOptimizer.ToString("G4", CultureInfo.InvariantCulture),
                c.ImprovementPercent?.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) ?? "–",
                c.Wilcoxon.P.ToString("0.0000", CultureInfo.InvariantCulture), outcome);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(log),
            Ansi = log == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = log == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (Console.IsOutputRedirected || log != Console.Out)
        {
            console.Profile.Width = 150;
        }

        console.Write(table);
        foreach (var h in s.Headlines.Where(h => h.Optimizer == OptimizerCatalog.Headline))
        {
            log.WriteLine("* " + h.Text);
        }
    }
}
