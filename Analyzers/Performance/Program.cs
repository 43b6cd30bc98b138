extern alias analyzers;

using NegLR.Analyzers.Performance;

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
using Microsoft.CodeAnalysis.Diagnostics;

// Measures what the NegLR analyzers add to a compilation: the same compilation's diagnostics with and without them,
// fresh compilations each round (so no bound tree is reused), analysis concurrent as in a build, the median of the
// per-round differences after warm-up, plus each analyzer's own execution time as Roslyn's telemetry reports it. Usage:
//   DOTNET_TieredCompilation=0 dotnet run --project Analyzers/Performance -c Release [-- --ansatze 50 --qubits 12 --layers 12 --rounds 31 --warmup 3]
//   ... -- --only NoOp | NoOpEach | Operations | NegLRWithOperations | <analyzer name part>   (other analyzer sets)
//   ... -- --profile            (each step on its own, thread CPU time)
//   ... -- --loop 200           (only the analysed compilation, repeatedly: for perf with DOTNET_PerfMapEnabled=1)
//   ... -- --show File.cs       (prints the NegLR diagnostics of a file)
//   ... -- --document [--open Hea12] [--big] [--filler 200] [--noise]   (--noise adds NoisyHea12 and NoisyTemplate8)
//                               (one open file after a keystroke, as the IDE analyses it: NegLR, then six no-op analyzers
//                                registered with SymbolStart/End, then six registered flat; see DocumentScope.cs)
var options = Options.Parse(args);
var references = References();

// Every analyzer the NegLR analyzer assembly ships (as the compiler loads them: each [DiagnosticAnalyzer] type in it).
var analyzersUnderTest = typeof(analyzers::NegLR.Analyzers.Infrastructure.AnsatzAnalyzer).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), false))
    .OrderBy(t => t.FullName, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();

if (options.Only == "NoOp")
{
    analyzersUnderTest = ImmutableArray.Create<DiagnosticAnalyzer>(new NegLR.Analyzers.Performance.NoOpAnalyzer());
}
else if (options.Only == "Operations")
{
    analyzersUnderTest = ImmutableArray.Create<DiagnosticAnalyzer>(new NegLR.Analyzers.Performance.OperationNoOpAnalyzer());
}
else if (options.Only == "NegLRWithOperations")
{
    analyzersUnderTest = analyzersUnderTest.Add(new NegLR.Analyzers.Performance.OperationNoOpAnalyzer());
}
else if (options.Only == "NoOpEach")
{
    // The same plumbing once per NegLR analyzer, as the rule families register it.
    analyzersUnderTest = analyzersUnderTest.Select(_ => (DiagnosticAnalyzer)new NegLR.Analyzers.Performance.NoOpAnalyzer()).ToImmutableArray();
}
else if (options.Only is { } only)
{
    analyzersUnderTest = analyzersUnderTest.Where(a => a.GetType().Name.Contains(only, StringComparison.Ordinal)).ToImmutableArray();
}

if (options.Document)
{
    int count = analyzersUnderTest.Length;
    var sets = new List<(string, ImmutableArray<DiagnosticAnalyzer>)>
    {
        ($"NegLR ({count} analyzers)", analyzersUnderTest),
        ("6 no-op, SymbolStart/End", Enumerable.Range(0, 6).Select(_ => (DiagnosticAnalyzer)new NoOpAnalyzer()).ToImmutableArray()),
        ("6 no-op, flat", Enumerable.Range(0, 6).Select(_ => (DiagnosticAnalyzer)new FlatNoOpAnalyzer()).ToImmutableArray()),
        ("6 no-op, semantic-model action", Enumerable.Range(0, 6).Select(_ => (DiagnosticAnalyzer)new SemanticModelNoOpAnalyzer()).ToImmutableArray()),
    };
    DocumentScope.Run(options, references, sets);
    return;
}

if (options.Profile)
{
    // Each step on its own fresh compilation, minimum over rounds (the least disturbed by other load on the machine).
    var compilation = Compile(references, Enumerable.Range(0, options.Ansatze).Select(i => Ansatz(i, options.Qubits, options.Layers)));
    var best = new Dictionary<string, double>();
    void Time(string name, Action<Compilation> step)
    {
        var fresh = compilation.Clone();
        GC.Collect();
        double start = ThreadClock.Milliseconds;
        step(fresh);
        double ms = ThreadClock.Milliseconds - start;
        best[name] = best.TryGetValue(name, out var b) ? Math.Min(b, ms) : ms;
    }

    static IEnumerable<(SemanticModel Model, Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax Method)> Methods(Compilation c) =>
        c.SyntaxTrees.Select(t => (c.GetSemanticModel(t), t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>().First()));

    var circuits = Methods(compilation).Select(m => analyzers::NegLR.Generator.Parsing.CircuitBodyReader.Read(m.Method, m.Model, options.Qubits, CancellationToken.None).Circuit!).ToList();
    var local = Enumerable.Range(0, options.Qubits).Select(q => (0.5, 0, 1 << q)).ToList();
    for (int round = 0; round < 12; round++)
    {
        Time("GetDiagnostics(method span)", c => { foreach (var (m, s) in Methods(c)) m.GetDiagnostics(s.Span); });
        Time("GetOperation(method)", c => { foreach (var (m, s) in Methods(c)) m.GetOperation(s); });
        Time("CircuitBodyReader.Read (all of it)", c => { foreach (var (m, s) in Methods(c)) analyzers::NegLR.Generator.Parsing.CircuitBodyReader.Read(s, m, options.Qubits, CancellationToken.None); });
        Time("BodyChecker.Check", c =>
        {
            foreach (var (m, s) in Methods(c))
            {
                var body = ((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)m.GetOperation(s)!).BlockBody!;
                var parameter = m.GetDeclaredSymbol(s)!.Parameters[0];
                analyzers::NegLR.Generator.Parsing.BodyChecker.Check(body, parameter, new List<analyzers::NegLR.Generator.Parsing.BodyProblem>(), CancellationToken.None);
            }
        });
        Time("BodyRunner.Run", c =>
        {
            foreach (var (m, s) in Methods(c))
            {
                var body = ((Microsoft.CodeAnalysis.Operations.IMethodBodyOperation)m.GetOperation(s)!).BlockBody!;
                analyzers::NegLR.Generator.Parsing.BodyRunner.Run(body, new analyzers::NegLR.Circuit(options.Qubits), 20000, 2000000,
                    new List<analyzers::NegLR.Generator.Parsing.BodyProblem>(), new analyzers::NegLR.Generator.Parsing.BodySites(), CancellationToken.None);
            }
        });
        Time("variance model, 1 term", _ => { foreach (var circuit in circuits) analyzers::NegLR.Analyzers.Trainability.GradientVarianceModel.Estimate(circuit, local.Take(1).ToList()); });
        Time($"variance model, {options.Qubits} terms", _ => { foreach (var circuit in circuits) analyzers::NegLR.Analyzers.Trainability.GradientVarianceModel.Estimate(circuit, local); });
        Time($"light cones, {options.Qubits} terms", _ => { foreach (var circuit in circuits) foreach (var t in local) circuit.BackwardLightCone(t.Item3); });
    }

    // The analyzers' own pipeline, step by step, on one fresh compilation per round.
    var families = new (string Name, object Analyzer)[]
    {
        ("declarations", new analyzers::NegLR.Analyzers.Declarations.AnsatzDeclarationAnalyzer()),
        ("body", new analyzers::NegLR.Analyzers.Body.CircuitBodyAnalyzer()),
        ("facts", new analyzers::NegLR.Analyzers.Facts.QuantumFactsAnalyzer()),
        ("trainability", new analyzers::NegLR.Analyzers.Trainability.TrainabilityAnalyzer()),
        ("resources", new analyzers::NegLR.Analyzers.Resources.ResourceAnalyzer()),
    };
    var analyze = typeof(analyzers::NegLR.Analyzers.Infrastructure.AnsatzAnalyzer).GetMethod("AnalyzeBody", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!;
    var sink = new analyzers::NegLR.Analyzers.Infrastructure.DiagnosticSink(_ => { }, analyzers::NegLR.Analyzers.Infrastructure.HelpLinks.Default);
    for (int round = 0; round < 12; round++)
    {
        var fresh = compilation.Clone();
        fresh.GetDiagnostics();
        var known = analyzers::NegLR.Analyzers.Infrastructure.KnownSymbols.Create(fresh)!;
        var declarations = new List<analyzers::NegLR.Analyzers.Infrastructure.AnsatzDeclaration>();
        var methods = Methods(fresh).ToList();
        GC.Collect();
        double opStart = ThreadClock.Milliseconds;
        foreach (var (m, s) in methods)
        {
            m.GetOperation(s);
        }

        double ops = ThreadClock.Milliseconds - opStart;
        best["pipeline: GetOperation after compiling"] = best.TryGetValue("pipeline: GetOperation after compiling", out var o0) ? Math.Min(o0, ops) : ops;
        double start = ThreadClock.Milliseconds;
        foreach (var (m, s) in methods)
        {
            var type = (INamedTypeSymbol)m.GetDeclaredSymbol((Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)s.Parent!)!;
            var method = new analyzers::NegLR.Analyzers.Infrastructure.CircuitMethodSyntax(m.GetDeclaredSymbol(s)!, s, m);
            var declaration = analyzers::NegLR.Analyzers.Infrastructure.AnsatzReader.Get(fresh, known, type, known.AnsatzOf(type)!, CancellationToken.None);
            declarations.Add(analyzers::NegLR.Analyzers.Infrastructure.AnsatzReader.GetWithBody(fresh, declaration, method, CancellationToken.None));
        }

        double read = ThreadClock.Milliseconds - start;
        best["pipeline: AnsatzReader.Get"] = best.TryGetValue("pipeline: AnsatzReader.Get", out var r0) ? Math.Min(r0, read) : read;
        foreach (var (name, analyzer) in families)
        {
            start = ThreadClock.Milliseconds;
            foreach (var d in declarations)
            {
                analyze.Invoke(analyzer, new object[] { d, analyzers::NegLR.Analyzers.Infrastructure.AnalyzerSettings.Default, sink, CancellationToken.None });
            }

            double ms = ThreadClock.Milliseconds - start;
            string key = "pipeline: " + name;
            best[key] = best.TryGetValue(key, out var b0) ? Math.Min(b0, ms) : ms;
        }
    }

    foreach (var (name, ms) in best)
    {
        Console.WriteLine($"{name,-36} {ms,8:F1} ms for {options.Ansatze} ansätze (thread CPU time, min over 12 rounds)");
    }

    return;
}

if (options.Show is { } file)
{
    var compilation = Compile(references, new[] { File.ReadAllText(file) });
    var diagnostics = compilation.WithAnalyzers(analyzersUnderTest).GetAllDiagnosticsAsync().Result;
    foreach (var d in diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).OrderBy(d => d.Location.SourceSpan.Start))
    {
        Console.WriteLine(d.ToString());
    }

    return;
}

Console.WriteLine("analyzers: " + string.Join(", ", analyzersUnderTest.Select(a => a.GetType().Name)));
var sources = Enumerable.Range(0, options.Ansatze).Select(i => Ansatz(i, options.Qubits, options.Layers)).ToArray();
Console.WriteLine($"{options.Ansatze} ansätze of {options.Qubits} qubits × {options.Layers} layers, {options.Warmup} warm-up + {options.Rounds} measured rounds, " +
                  $"concurrent analysis, {Environment.ProcessorCount} cores");

// Each round compiles the same sources twice on fresh compilations (so no bound tree is reused): once for the compiler's
// diagnostics alone, once with the analyzers under test attached as a build attaches them (concurrent analysis, no
// execution-time logging: csc logs only with /reportanalyzer). The order alternates between rounds, so neither run
// always goes first after the GC; the overhead is the median of the per-round differences (paired, so load on the
// machine that slows both runs of a round cancels out), with its quartiles and range.
if (options.Loop > 0)
{
    // For an external profiler (perf with DOTNET_PerfMapEnabled=1): only the analysed compilation, over and over.
    for (int i = 0; i < options.Loop; i++)
    {
        RunAnalysed();
    }

    return;
}

var without = new List<double>();
var with = new List<double>();
var withoutCpu = new List<double>();
var withCpu = new List<double>();
var added = new List<double>();
var addedCpu = new List<double>();
int reported = 0;
for (int round = 0; round < options.Warmup + options.Rounds; round++)
{
    bool analysedFirst = round % 2 == 1;
    (double Wall, double Cpu) plain, analysed;
    if (analysedFirst)
    {
        analysed = RunAnalysed();
        plain = RunPlain();
    }
    else
    {
        plain = RunPlain();
        analysed = RunAnalysed();
    }

    if (round == 0)
    {
        Console.WriteLine($"cold (JIT included): compile {plain.Wall:F1} ms, compile + analyzers {analysed.Wall:F1} ms");
    }

    if (round < options.Warmup)
    {
        continue;
    }

    without.Add(plain.Wall);
    with.Add(analysed.Wall);
    withoutCpu.Add(plain.Cpu);
    withCpu.Add(analysed.Cpu);
    added.Add(analysed.Wall - plain.Wall);
    addedCpu.Add(analysed.Cpu - plain.Cpu);
}

(double Wall, double Cpu) RunPlain()
{
    var plain = Compile(references, sources);
    GC.Collect();
    GC.WaitForPendingFinalizers();
    double cpu = ThreadClock.ProcessMilliseconds;
    var watch = Stopwatch.StartNew();
    var compilerOnly = plain.GetDiagnostics();
    watch.Stop();
    double cpuMs = ThreadClock.ProcessMilliseconds - cpu;
    if (compilerOnly.Any(d => d.Severity == DiagnosticSeverity.Error))
    {
        throw new InvalidOperationException("The workload does not compile: " + compilerOnly.First(d => d.Severity == DiagnosticSeverity.Error));
    }

    return (watch.Elapsed.TotalMilliseconds, cpuMs);
}

(double Wall, double Cpu) RunAnalysed()
{
    var analysed = Compile(references, sources);
    var withAnalyzers = analysed.WithAnalyzers(analyzersUnderTest, new CompilationWithAnalyzersOptions(
        AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
    GC.Collect();
    GC.WaitForPendingFinalizers();
    double cpu = ThreadClock.ProcessMilliseconds;
    var watch = Stopwatch.StartNew();
    var all = withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    watch.Stop();
    double cpuMs = ThreadClock.ProcessMilliseconds - cpu;
    reported = all.Count(d => d.Id.StartsWith("NLR", StringComparison.Ordinal));
    if (all.FirstOrDefault(d => d.Id == analyzers::NegLR.Analyzers.DiagnosticDescriptors.AnalyzerFailureId || d.Id == "AD0001") is { } failure)
    {
        throw new InvalidOperationException("An analyzer failed: " + failure);
    }

    return (watch.Elapsed.TotalMilliseconds, cpuMs);
}

static double Quantile(List<double> xs, double q)
{
    // Linear interpolation between order statistics (type 7); q = 0.5 is the usual median.
    var sorted = xs.OrderBy(x => x).ToList();
    double h = (sorted.Count - 1) * q;
    int lo = (int)Math.Floor(h);
    int hi = Math.Min(lo + 1, sorted.Count - 1);
    return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
}

static double Median(List<double> xs) => Quantile(xs, 0.5);

Console.WriteLine($"NLR diagnostics reported: {reported}");
Console.WriteLine($"wall clock, median: compile {Median(without):F1} ms, compile + analyzers {Median(with):F1} ms");
Console.WriteLine($"added wall clock (paired): median {Median(added):F1} ms, quartiles {Quantile(added, 0.25):F1}–{Quantile(added, 0.75):F1} ms, " +
                  $"range {added.Min():F1}–{added.Max():F1} ms over {added.Count} rounds");
Console.WriteLine($"process CPU, median: compile {Median(withoutCpu):F1} ms, compile + analyzers {Median(withCpu):F1} ms");
Console.WriteLine($"added process CPU (paired): median {Median(addedCpu):F1} ms, quartiles {Quantile(addedCpu, 0.25):F1}–{Quantile(addedCpu, 0.75):F1} ms, " +
                  $"range {addedCpu.Min():F1}–{addedCpu.Max():F1} ms");

// Where it goes: each analyzer's own callback time as Roslyn's telemetry reports it (separate runs, since logging the
// time costs time; sequential, so one analyzer's time is not counted while another waits for a core).
var perAnalyzer = new Dictionary<string, List<double>>();
for (int round = 0; round < Math.Min(options.Rounds, 9); round++)
{
    var analysed = Compile(references, sources).WithAnalyzers(analyzersUnderTest, new CompilationWithAnalyzersOptions(
        AnalyzerOptions(), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
    var result = analysed.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
    foreach (var (analyzer, info) in result.AnalyzerTelemetryInfo)
    {
        string name = analyzer.GetType().Name;
        if (!perAnalyzer.TryGetValue(name, out var list))
        {
            perAnalyzer[name] = list = new List<double>();
        }

        list.Add(info.ExecutionTime.TotalMilliseconds);
    }
}

double total = 0;
foreach (var (name, times) in perAnalyzer)
{
    total += Median(times);
    Console.WriteLine($"  {name,-28} {Median(times),7:F2} ms (callback time, median of {times.Count} logged runs)");
}

Console.WriteLine($"  {"sum",-28} {total,7:F2} ms");

static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, IEnumerable<string> sources) =>
    CSharpCompilation.Create("Workload",
        sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"Ansatz{i}.cs")),
        references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

static AnalyzerOptions AnalyzerOptions() => new(ImmutableArray<AdditionalText>.Empty);

static ImmutableArray<MetadataReference> References()
{
    var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
    return tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
        .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
        .Append(MetadataReference.CreateFromFile(typeof(NegLR.Circuit).Assembly.Location))
        .ToImmutableArray();
}

// A hardware-efficient ansatz written as users write one: an encoding loop, a const layer count, RY/RZ and a CNOT ladder,
// with a cost that varies from ansatz to ansatz (local, sum of locals, a two-qubit term).
static string Ansatz(int i, int qubits, int layers)
{
    string cost = (i % 3) switch
    {
        0 => "Z0",
        1 => string.Join(" + ", Enumerable.Range(0, qubits).Select(q => "0.5 Z" + q.ToString(CultureInfo.InvariantCulture))),
        _ => "Z0 Z1 - 0.25 X2",
    };

    return $$"""
        using NegLR;

        namespace Workload;

        [Ansatz(Qubits = {{qubits}})]
        [Observable("{{cost}}")]
        public partial struct Ansatz{{i}}
        {
            const int Layers = {{layers}};

            [Circuit]
            static void Build(Circuit c)
            {
                for (int q = 0; q < {{qubits}}; q++) c.RY(q, c.Input(q));
                for (int layer = 0; layer < Layers; layer++)
                {
                    for (int q = 0; q < {{qubits}}; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                    for (int q = 0; q + 1 < {{qubits}}; q++) c.CNOT(q, q + 1);
                }
            }
        }
        """;
}

internal sealed record Options(int Ansatze, int Qubits, int Layers, int Rounds, string? Show, string? Only = null, bool Profile = false, int Warmup = 3, int Loop = 0,
    bool Document = false, bool Big = false, string? Open = null, int Filler = 200, bool Noise = false)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(50, 12, 12, 15, null);
        if (args.Contains("--profile"))
        {
            o = o with { Profile = true };
            args = args.Where(a => a != "--profile").ToArray();
        }

        if (args.Contains("--document"))
        {
            o = o with { Document = true };
            args = args.Where(a => a != "--document").ToArray();
        }

        if (args.Contains("--noise"))
        {
            o = o with { Noise = true };
            args = args.Where(a => a != "--noise").ToArray();
        }

        if (args.Contains("--big"))
        {
            o = o with { Big = true };
            args = args.Where(a => a != "--big").ToArray();
        }

        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            int Int() => int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            o = args[i] switch
            {
                "--ansatze" => o with { Ansatze = Int() },
                "--qubits" => o with { Qubits = Int() },
                "--layers" => o with { Layers = Int() },
                "--rounds" => o with { Rounds = Int() },
                "--warmup" => o with { Warmup = Int() },
                "--loop" => o with { Loop = Int() },
                "--show" => o with { Show = args[i + 1] },
                "--only" => o with { Only = args[i + 1] },
                "--open" => o with { Open = args[i + 1] },
                "--filler" => o with { Filler = Int() },
                _ => throw new ArgumentException("Unknown option " + args[i]),
            };
        }

        return o;
    }
}
