using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;
using NegLR.Experiments.Simulate;
using NegLR.Experiments.Tuning;
using NegLR.Experiments.Variance;

namespace NegLR.Experiments.Cli;

/// <summary>Verb dispatch, shared by Main and the tests.</summary>
internal static class CommandLine
{
    public const int ExitUsage = 2;

    private const string Overview = """
        NegLR.Experiments — the negative-learning-rate optimizer against classical optimizers.

        Usage: NegLR.Experiments <verb> [options]        (dotnet run --project samples/NegLR.Experiments -c Release -- <verb> …)

        Verbs:
          compare    NLR against SGD, Momentum, Adam, RMSProp, Adagrad and SPSA on classification, VQE, QAOA and a
                     barren-plateau testbed; writes summary.json, steps.csv, report.md and plots (default: quick preset).
          variance   Gradient variance against qubits and depth, local and global cost, random and hardware-efficient
                     circuits, with fitted exponential decay rates; writes variance.json, variance.csv, report and plots.
          simulate   An OpenQASM 2 program and a Pauli-sum observable in, the expectation (and gradient) out as JSON.
          tune       Chooses each optimizer's hyperparameters on tuning problems outside the benchmark grid and writes
                     the frozen file compare uses.

        `NegLR.Experiments <verb> --help` lists a verb's options.
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            output.WriteLine(Overview);
            return args.Count == 0 ? ExitUsage : 0;
        }

        string verb = args[0];
        var rest = args.Skip(1).ToList();
        (string Summary, OptionSpec[] Options) spec = verb switch
        {
            "compare" => ("Runs the optimizer comparison.", CompareConfig.Options),
            "variance" => ("Measures gradient variance against qubit count and depth (barren plateaus).", VarianceConfig.Options),
            "simulate" => ("Evaluates an OpenQASM 2 program against a Pauli-sum observable and prints JSON.", SimulateCommand.Options),
            "tune" => ("Tunes each optimizer on problems outside the benchmark grid and writes the frozen hyperparameter file.", TuneConfig.Options),
            _ => (string.Empty, Array.Empty<OptionSpec>()),
        };
        if (spec.Options.Length == 0)
        {
            error.WriteLine($"Unknown verb '{verb}'.");
            error.WriteLine(Overview);
            return ExitUsage;
        }

        try
        {
            var parsed = ParsedArguments.Parse(rest, spec.Options);
            if (parsed.Has("help"))
            {
                output.WriteLine(ParsedArguments.Usage(verb, spec.Summary, spec.Options));
                return 0;
            }

            switch (verb)
            {
                case "compare":
                    if (parsed.Has("list"))
                    {
                        ListCatalog(output);
                        return 0;
                    }

                    return CompareRunner.Run(CompareConfig.FromArguments(parsed, rest), output, cancellationToken);
                case "variance":
                    return VarianceRunner.Run(VarianceConfig.FromArguments(parsed, rest), output, cancellationToken);
                case "simulate":
                    return SimulateCommand.Run(parsed, output, error);
                default:
                    return TuneRunner.Run(TuneConfig.FromArguments(parsed, rest), output, cancellationToken);
            }
        }
        catch (UsageException e)
        {
            error.WriteLine("Error: " + e.Message);
            error.WriteLine();
            error.WriteLine(ParsedArguments.Usage(verb, spec.Summary, spec.Options));
            return ExitUsage;
        }
        catch (ArgumentException e)
        {
            error.WriteLine("Error: " + e.Message);
            return ExitUsage;
        }
        catch (Exception e) when (e is IOException or FileNotFoundException or QasmException or InvalidDataException)
        {
            error.WriteLine("Error: " + e.Message);
            return 1;
        }
    }

    private static void ListCatalog(TextWriter output)
    {
        output.WriteLine("Benchmarks (quick preset marked *):");
        foreach (var b in BenchmarkCatalog.All)
        {
            output.WriteLine($"  {(BenchmarkCatalog.QuickIds.Contains(b.Id) ? '*' : ' ')} {b.Id,-34} {b.Family,-15} {b.Qubits,2} qubits  score: {b.MetricName}");
        }

        output.WriteLine();
        output.WriteLine("Optimizers (quick preset marked *):");
        foreach (var o in OptimizerCatalog.All)
        {
            output.WriteLine($"  {(OptimizerCatalog.QuickIds.Contains(o.Id) ? '*' : ' ')} {o.Id,-16} {o.Display}");
        }
    }
}
