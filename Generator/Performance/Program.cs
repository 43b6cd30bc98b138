using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NegLR.Generator;
using NegLR.Generator.Performance;

// What the NegLR source generator costs a user (issue 12's table), each figure beside its baseline from the same run:
//   dotnet run -c Release --project Generator/Performance -- keystroke [--edits 60]   per-keystroke cost vs a trivial generator
//   dotnet run -c Release --project Generator/Performance -- size                     generated lines and bytes
//   dotnet run -c Release --project Generator/Performance -- compile [--case hea140|irregular|hea20|hea4]
//                                                                                     first emit and compiler time
//   dotnet run -c Release --project Generator/Performance -- cancel [--case ...]      how soon a cancelled first emit stops
//   dotnet run -c Release --project Generator/Performance -- all                      all of the above
//   ... -- profile [--edits 30]     where the first pipeline step's time goes on a keystroke
//   ... -- dump --output <folder>   the generated files of the size table, for reading
//   ... -- phases [--case ...]      where a first emit's time goes, phase by phase
//   ... -- compile-profile [--case ...]   where compiling the generated file goes: binding vs emit, slowest methods
string mode = args.Length > 0 ? args[0] : "all";
string[] modes = { "keystroke", "size", "phases", "compile-profile", "profile", "dump", "compile", "cancel", "all" };
if (Array.IndexOf(modes, mode) < 0)
{
    // --help, or a mistyped verb: the usage, not a stack trace.
    bool help = mode is "--help" or "-h" or "-?";
    if (!help)
    {
        Console.Error.WriteLine($"Unknown mode '{mode}'.");
    }

    Console.Error.WriteLine("Usage: dotnet run -c Release --project Generator/Performance -- <mode> [--case hea140,irregular,hea20,hea4] [--edits N] [--output folder]");
    Console.Error.WriteLine("Modes: " + string.Join(", ", modes) + " (see the comment at the top of Program.cs for what each measures).");
    return help ? 0 : 2;
}

var options = Options.Parse(args.Skip(1).ToArray());
var references = References();
Console.WriteLine($"NegLR generator harness: {mode}; {Environment.ProcessorCount} cores, load average {LoadAverage()}");

switch (mode)
{
    case "keystroke":
        Keystrokes();
        break;
    case "size":
        Sizes();
        break;
    case "phases":
        foreach (string key in options.Cases)
        {
            EmitProfile.Run(key, references);
        }

        break;
    case "compile-profile":
        foreach (string key in options.Cases)
        {
            CompileProfile.Run(key, references);
        }

        break;
    case "profile":
        TransformProfile.Run(Workload.Project(), references, options.Edits);
        break;
    case "dump":
        // The generated files of the size table, for reading (--output folder, created if missing).
        Directory.CreateDirectory(options.Output);
        foreach (var (name, source, hint) in Workload.SizeCases)
        {
            var compilation = Compile(references, new[] { ("Case.cs", source) });
            var driver = NewDriver(new NegLRGenerator()).RunGenerators(compilation);
            string text = driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == hint).SourceText.ToString();
            string file = new string(name.Where(char.IsLetterOrDigit).ToArray()) + ".g.cs";
            File.WriteAllText(Path.Combine(options.Output, file), text);
            Console.WriteLine($"{name}: {Path.Combine(options.Output, file)}");
        }

        break;
    case "compile":
        Compiles();
        break;
    case "cancel":
        Cancels();
        break;
    case "all":
        Sizes();
        Keystrokes();
        Compiles();
        Cancels();
        break;
    default:
        throw new ArgumentException($"Unknown mode '{mode}'; use keystroke, size, compile, cancel or all.");
}

return 0;

void Keystrokes()
{
    // Three projects, each typed into in turn: the issue's 221 files, and the same with one 5,600-weight ansatz added.
    var projects = new (string Name, List<(string Path, string Text)> Files)[]
    {
        ("221 files, 20 ansätze", Workload.Project()),
        ("+ HEA 20 × 140 (template)", Workload.Project().Append(("Big/Hea.cs", Workload.HeaTemplate(20, 140))).ToList()),
        ("+ irregular 20 × 140 body", Workload.Project().Append(("Big/Irregular.cs", Workload.IrregularBody(20, 140))).ToList()),
    };

    Console.WriteLine();
    Console.WriteLine($"## Per keystroke ({options.Edits} single-character edits in {Workload.EditedFile}, after {options.Warmup} warm-up edits)");
    Console.WriteLine("Each edit makes one new compilation per driver (incremental reparse of the edited file; each driver types into its own chain,");
    Console.WriteLine("so neither finds the other's binding done); the drivers run in alternating order.");
    Console.WriteLine();
    Console.WriteLine("| project | first run: NegLR / trivial (ms) | NegLR per keystroke: median / p95 (ms) | trivial: median / p95 (ms) | NegLR ÷ trivial (median of paired ratios) |");
    Console.WriteLine("|---|---|---|---|---|");
    // One discarded run first, so the JIT's work on both generators is not counted against the first row.
    Keystroke.Run(projects[0].Files, references, edits: 5, warmup: 5);
    double? baseMedian = null;
    foreach (var (name, files) in projects)
    {
        var result = Keystroke.Run(files, references, options.Edits, options.Warmup);
        baseMedian ??= result.NegLR.Median;
        double over = result.NegLR.Median - baseMedian.Value;
        string extra = result.NegLR.Median == baseMedian ? "" : $" ({(over < 0 ? "−" : "+")}{Math.Abs(over):F1} ms against the first row)";
        Console.WriteLine($"| {name} | {result.FirstNegLR:F0} / {result.FirstTrivial:F0} | {result.NegLR.Median:F1} / {result.NegLR.P95:F1}{extra} | " +
                          $"{result.Trivial.Median:F1} / {result.Trivial.P95:F1} | {result.PairedRatio:F2}× |");
    }
}

void Sizes()
{
    Console.WriteLine();
    Console.WriteLine("## Generated size");
    Console.WriteLine();
    Console.WriteLine("| circuit | lines | bytes | largest method (lines) |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var (name, source, hint) in Workload.SizeCases)
    {
        var compilation = Compile(references, new[] { ("Case.cs", source) });
        var driver = NewDriver(new NegLRGenerator()).RunGenerators(compilation);
        string text = driver.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == hint).SourceText.ToString();
        var (method, methodLines) = LargestMethod(text);
        Console.WriteLine($"| {name} | {Workload.Lines(text):N0} | {System.Text.Encoding.UTF8.GetByteCount(text):N0} | {methodLines:N0} ({method}) |");
    }

    // What the 128-bit twins cost the smallest case (TileOptions.NarrowTiles off: width 128 would run the per-step path).
    var (smallName, smallSource, smallHint) = Workload.SizeCases[0];
    var plain = NewDriver(new NegLRGenerator { Tiles = new NegLR.Generator.Emit.TileOptions { NarrowTiles = false } })
        .RunGenerators(Compile(references, new[] { ("Case.cs", smallSource) }));
    string without = plain.GetRunResult().Results[0].GeneratedSources.Single(s => s.HintName == smallHint).SourceText.ToString();
    Console.WriteLine($"| {smallName} without 128-bit twins | {Workload.Lines(without):N0} | {System.Text.Encoding.UTF8.GetByteCount(without):N0} | {LargestMethod(without).Lines:N0} |");
}

void Compiles()
{
    Console.WriteLine();
    Console.WriteLine("## Compiler time for a consumer holding one big ansatz");
    Console.WriteLine();
    Console.WriteLine("In-process (Roslyn 4.8 from NuGet, warmed on a small case first), then the SDK's own compiler in a fresh process per run");
    Console.WriteLine("(as dotnet build runs it with UseSharedCompilation=false): best of 3 runs each, CPU seconds of the compiler process (wall).");
    Console.WriteLine();
    Console.WriteLine("| circuit | first emit, cold (s) | first emit, warm (s) | compile the output, in-process (s) | SDK csc, generator on: CPU (wall) | SDK csc, generator off | generator's share |");
    Console.WriteLine("|---|---|---|---|---|---|---|");

    // The in-process compiler is JIT-compiled as it runs: compile a small generated case first, so the first row does not pay for that.
    NewDriver(new NegLRGenerator()).RunGeneratorsAndUpdateCompilation(Compile(references, new[] { ("Warm.cs", Workload.SizeCases[0].Source) }), out var warmup, out _);
    EmitSeconds(warmup);
    string? csc = SdkCompiler.FindCsc();
    foreach (string key in options.Cases)
    {
        var (name, source, _) = Workload.Case(key);
        var files = new[] { ("Case.cs", source) };

        // Cold: the generator's code is JIT-compiled as it runs (a build's first project); warm: as a build server sees it.
        double cold = 0, warm = double.MaxValue;
        Compilation? output = null;
        for (int round = 0; round < 2; round++)
        {
            var compilation = Compile(references, files);
            var watch = Stopwatch.StartNew();
            NewDriver(new NegLRGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);
            watch.Stop();
            if (round == 0)
            {
                cold = watch.Elapsed.TotalSeconds;
            }
            else
            {
                warm = watch.Elapsed.TotalSeconds;
            }
        }

        double emit = Math.Min(EmitSeconds(output!), EmitSeconds(output!.RemoveAllSyntaxTrees().AddSyntaxTrees(output.SyntaxTrees)));
        string sdk = "(no SDK compiler found) | | ";
        if (csc is not null)
        {
            var (on, off) = SdkCompiler.Measure(csc, source, references, rounds: 3);
            sdk = $"{on.Cpu:F2} ({on.Wall:F2}) | {off.Cpu:F2} ({off.Wall:F2}) | {on.Cpu - off.Cpu:F2} ({on.Wall - off.Wall:F2})";
        }

        Console.WriteLine($"| {name} | {cold:F2} | {warm:F2} | {emit:F2} | {sdk} |");
    }
}

void Cancels()
{
    Console.WriteLine();
    Console.WriteLine("## Cancelling a first emit");
    Console.WriteLine();
    Console.WriteLine("| circuit | cancelled after (ms) | stopped after (ms) | outcome |");
    Console.WriteLine("|---|---|---|---|");
    foreach (string key in options.Cases)
    {
        var (name, source, _) = Workload.Case(key);
        foreach (int after in new[] { 20, 100, 300 })
        {
            var compilation = Compile(references, new[] { ("Case.cs", source) });
            using var cts = new CancellationTokenSource();
            var driver = NewDriver(new NegLRGenerator());
            var watch = Stopwatch.StartNew();
            cts.CancelAfter(after);
            string outcome;
            try
            {
                driver.RunGenerators(compilation, cts.Token);
                outcome = "finished before the cancellation";
            }
            catch (OperationCanceledException)
            {
                outcome = "cancelled";
            }

            watch.Stop();
            Console.WriteLine($"| {name} | {after} | {watch.Elapsed.TotalMilliseconds:F0} | {outcome} |");
        }
    }
}

static double EmitSeconds(Compilation compilation)
{
    using var stream = new MemoryStream();
    var watch = Stopwatch.StartNew();
    var result = compilation.Emit(stream);
    watch.Stop();
    if (!result.Success)
    {
        throw new InvalidOperationException("The case does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
    }

    return watch.Elapsed.TotalSeconds;
}

static (string Name, int Lines) LargestMethod(string text)
{
    // Methods of generated code start at 8 spaces of indent inside a type inside a namespace; count lines to the next.
    var lines = text.Split('\n');
    string best = "", current = "";
    int bestLines = 0, count = 0;
    foreach (string line in lines)
    {
        string trimmed = line.TrimStart();
        if ((trimmed.StartsWith("private static ", StringComparison.Ordinal) || trimmed.StartsWith("public static ", StringComparison.Ordinal))
            && trimmed.Contains('(', StringComparison.Ordinal))
        {
            if (count > bestLines)
            {
                (best, bestLines) = (current, count);
            }

            int paren = trimmed.IndexOf('(', StringComparison.Ordinal);
            current = trimmed.Substring(0, paren).Split(' ').Last();
            count = 0;
        }

        count++;
    }

    return count > bestLines ? (current, count) : (best, bestLines);
}

static string LoadAverage()
{
    try
    {
        return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
    }
    catch (IOException)
    {
        return "unknown";
    }
}

static GeneratorDriver NewDriver(IIncrementalGenerator generator) => Keystroke.NewDriver(generator);

static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, IEnumerable<(string Path, string Text)> files) =>
    Keystroke.Compile(references, files);

static ImmutableArray<MetadataReference> References()
{
    var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
    return tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .Append(MetadataReference.CreateFromFile(typeof(NegLR.IAnsatz).Assembly.Location))
        .ToImmutableArray();
}

internal sealed record Options(int Edits, int Warmup, string[] Cases, string Output = ".")
{
    public static Options Parse(string[] args)
    {
        var o = new Options(60, 10, new[] { "hea140", "irregular" });
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int Int() => int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--edits" => o with { Edits = Int() },
                "--warmup" => o with { Warmup = Int() },
                "--case" => o with { Cases = args[i + 1].Split(',') },
                "--output" => o with { Output = args[i + 1] },
                _ => throw new ArgumentException("Unknown option " + args[i]),
            };
        }

        return o;
    }
}
