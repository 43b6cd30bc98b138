using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using NegLR.Experiments.Benchmarks;
using NegLR.Experiments.Compare;
using NegLR.Experiments.Optimizers;
using NegLR.Experiments.Simulate;
using NegLR.Experiments.Tuning;
using NegLR.Experiments.Variance;

namespace NegLR.Experiments.Cli;

/// <summary>
/// The command line, on System.CommandLine: verbs with typed options (parse errors name the option and the value),
/// typo suggestions, <c>--version</c>, <c>help &lt;verb&gt;</c> and <c>&lt;verb&gt; --help</c>, Tab completion through the
/// <c>[suggest]</c> directive (<c>completion bash</c> prints the shell hook). Usage errors go to standard error with
/// exit code 2. Shared by Main and the tests.
/// </summary>
internal static class CommandLine
{
    public const int ExitUsage = 2;

    public const int ExitError = 1;

    private const string Description = """
        NegLR.Experiments — the negative-learning-rate optimizer against classical optimizers.
        (dotnet run --project samples/NegLR.Experiments -c Release -- <verb> …)
        """;

    private static readonly (string Name, string Summary, Func<OptionSpec[]> Options)[] Verbs =
    {
        ("compare", "NLR against SGD, Momentum, Adam, RMSProp, Adagrad and SPSA (and each NLR variant against its own base at the same rate) on classification, VQE, QAOA and barren-plateau testbeds; writes summary.json, steps.csv, report.md and plots (default: quick preset).", () => CompareConfig.Options),
        ("variance", "Gradient variance against qubits and depth, local and global cost, random and hardware-efficient circuits, with fitted exponential decay rates; writes variance.json, variance.csv, report and plots.", () => VarianceConfig.Options),
        ("simulate", "An OpenQASM 2 program and a Pauli-sum observable in, the expectation (and gradient) out as JSON.", () => SimulateCommand.Options),
        ("study", "The pre-registered study (docs/study/PROTOCOL.md): runs the parts of docs/study/plan.json in order, resumably, commits finished parts to docs/results/study, prints Slurm arrays, writes the protocol's cell tables, the pilot's rates and the study report.", () => Study.StudyRunner.Options),
        ("tune", "Chooses each optimizer's hyperparameters on tuning problems outside the benchmark grid and writes the frozen file compare uses.", () => TuneConfig.Options),
    };

    /// <summary>The program's version (informational version of the assembly).</summary>
    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = Build(output, error, cancellationToken);
        if (args.Count == 0)
        {
            error.WriteLine("No verb given.");
            error.WriteLine();
            Help(root, root, error);
            return ExitUsage;
        }

        var result = root.Parse(args.ToArray());
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        if (result.Action is ParseErrorAction)
        {
            // Errors, typo suggestions and the usage of the verb go to standard error; the exit code says "bad usage".
            result.Invoke(new InvocationConfiguration { Output = error, Error = error, EnableDefaultExceptionHandler = false });
            return ExitUsage;
        }

        return result.Invoke(invocation);
    }

    private static RootCommand Build(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = new RootCommand(Description);
        foreach (var (name, summary, optionsOf) in Verbs)
        {
            var specs = optionsOf();
            var command = new Command(name, summary);
            var options = specs.Select(s => s.ToOption()).ToList();
            foreach (var o in options)
            {
                command.Add(o);
            }

            command.SetAction(parse => Execute(root, command, name, new ParsedArguments(parse, options), Raw(parse), output, error, cancellationToken));
            root.Add(command);
        }

        var verbArgument = new Argument<string?>("verb") { Description = "The verb to explain.", Arity = ArgumentArity.ZeroOrOne };
        verbArgument.AcceptOnlyFromAmong(Verbs.Select(v => v.Name).Append("completion").ToArray());
        var help = new Command("help", "Shows the options of a verb (help compare), or this overview.") { verbArgument };
        help.SetAction(parse =>
        {
            string? verb = parse.GetValue(verbArgument);
            Help(root, verb is null ? root : root.Subcommands.First(c => c.Name == verb), output);
            return 0;
        });
        root.Add(help);

        var shell = new Argument<string>("shell") { Description = "The shell (bash or zsh)." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var completion = new Command("completion", "Prints the Tab-completion hook for a shell: eval \"$(NegLR.Experiments completion bash)\".") { shell };
        completion.SetAction(parse =>
        {
            output.Write(Completion.Script(parse.GetValue(shell)!));
            return 0;
        });
        root.Add(completion);
        return root;
    }

    /// <summary>The verb's own arguments as typed (for the command line a report reproduces).</summary>
    private static List<string> Raw(ParseResult parse) => parse.Tokens.Skip(1).Select(t => t.Value).ToList();

    private static void Help(RootCommand root, Command command, TextWriter writer)
    {
        var result = root.Parse(command == root ? new[] { "--help" } : new[] { command.Name, "--help" });
        result.Invoke(new InvocationConfiguration { Output = writer, Error = writer });
    }

    private static int Execute(RootCommand root, Command command, string verb, ParsedArguments parsed, List<string> raw,
        TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            switch (verb)
            {
                case "compare":
                    if (parsed.Has("list"))
                    {
                        ListCatalog(output);
                        return 0;
                    }

                    return CompareRunner.Run(CompareConfig.FromArguments(parsed, raw), output, cancellationToken);
                case "variance":
                    return VarianceRunner.Run(VarianceConfig.FromArguments(parsed, raw), output, cancellationToken);
                case "simulate":
                    return SimulateCommand.Run(parsed, output, error);
                case "study":
                    return Study.StudyRunner.Run(parsed, output, error, cancellationToken);
                default:
                    return TuneRunner.Run(TuneConfig.FromArguments(parsed, raw), output, cancellationToken);
            }
        }
        catch (UsageException e)
        {
            error.WriteLine("Error: " + e.Message);
            error.WriteLine();
            Help(root, command, error);
            return ExitUsage;
        }
        catch (ArgumentException e)
        {
            error.WriteLine("Error: " + e.Message);
            return ExitUsage;
        }
        catch (Exception e) when (UserError.Describe(e) is string message)
        {
            error.WriteLine("Error: " + message);
            return ExitError;
        }
    }

    /// <summary>The configuration a compare command line (starting with "compare") describes, parsed as the verb would.</summary>
    /// <exception cref="UsageException">The arguments do not parse.</exception>
    public static CompareConfig ParseCompare(IReadOnlyList<string> args)
    {
        var options = CompareConfig.Options.Select(s => s.ToOption()).ToList();
        var command = new Command("compare");
        foreach (var o in options)
        {
            command.Add(o);
        }

        var root = new RootCommand { command };
        var result = root.Parse(args.ToArray());
        if (result.Errors.Count > 0)
        {
            throw new UsageException(string.Join("; ", result.Errors.Select(e => e.Message)));
        }

        return CompareConfig.FromArguments(new ParsedArguments(result, options), Raw(result));
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

        output.WriteLine();
        output.WriteLine("Controls: every NLR variant in a grid brings its base optimizer at the same rate (ids such as adam@0.1), the primary contrast.");
    }
}
