extern alias analyzers;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Infrastructure;
using analyzers::NegLR.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>
/// Seeded mutations of [Ansatz] declarations, compiled in-process with every analyzer attached, as the fuzz run of
/// issue 12 made them (observable text with control characters and lone surrogates, huge and negative layer and qubit
/// counts, template values out of the enum, generic / ref struct / static types, members named like generated ones,
/// mangled bodies). No analyzer may throw (NLR0099, AD0001), and the work each read does is bounded by counts: no
/// circuit beyond the gate budget, no body run beyond the step budget. Wall clock is not asserted.
/// </summary>
public sealed class FuzzTests
{
    private const int Declarations = 180;
    private const int PerCompilation = 30;

    private readonly ITestOutputHelper _output;

    public FuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task MutatedDeclarations_NoAnalyzerFailure_AndBoundedWork()
    {
        var random = new Random(20_261_201);
        var sources = Enumerable.Range(0, Declarations).Select(i => Fuzzer.Declaration(random, i)).ToList();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        int clean = 0;
        for (int start = 0; start < sources.Count; start += PerCompilation)
        {
            var batch = sources.Skip(start).Take(PerCompilation).ToList();
            var compilation = CSharpCompilation.Create("Fuzz",
                batch.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: $"/Fuzz{start + i}.cs")),
                TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var diagnostics = await compilation.WithAnalyzers(AllAnalyzersTest.Analyzers().ToImmutableArray(), new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            foreach (var d in diagnostics)
            {
                counts[d.Id] = counts.TryGetValue(d.Id, out int n) ? n + 1 : 1;
                if (d.Id is "AD0001" or "NLR0099")
                {
                    failures.Add($"{d.Location.SourceTree?.FilePath}: {d.GetMessage(CultureInfo.InvariantCulture)}\n{d.Location.SourceTree?.GetText()}");
                }
            }

            clean += compilation.SyntaxTrees.Count(t => !diagnostics.Any(d => d.Location.SourceTree == t));
            CheckWorkIsBounded(compilation, failures);
        }

        _output.WriteLine($"{Declarations} declarations, {clean} without any NLR diagnostic; by ID: " +
                          string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));

        // The mutations reach the rules they are meant to: otherwise the run proves nothing.
        foreach (string id in new[] { "NLR0002", "NLR0006", "NLR0010", "NLR0011", "NLR0012", "NLR0013", "NLR0204", "NLR0206" })
        {
            Assert.True(counts.ContainsKey(id), $"No mutation drew {id}: " + string.Join(", ", counts.Keys));
        }

        Assert.True(clean >= Declarations / 10, $"Only {clean} of {Declarations} declarations were clean: the mutations break too much.");
    }

    /// <summary>Every declaration's read, by the analyzers' own reader: circuits within the gate budget, runs within the step budget.</summary>
    private static void CheckWorkIsBounded(Compilation compilation, List<string> failures)
    {
        var known = KnownSymbols.Create(compilation)!;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var syntax in tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(syntax) is not { } type || known.AnsatzOf(type) is not { } ansatz)
                {
                    continue;
                }

                var declaration = AnsatzReader.Get(compilation, known, type, ansatz, CancellationToken.None);
                if (declaration.CompiledCircuitMethod is { } method
                    && method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is MethodDeclarationSyntax body && body.SyntaxTree == tree)
                {
                    declaration = AnsatzReader.GetWithBody(compilation, declaration, new CircuitMethodSyntax(method, body, model), CancellationToken.None);
                }

                if (declaration.Circuit is { } circuit && circuit.Gates.Count > CircuitBodyReader.DefaultGateBudget)
                {
                    failures.Add($"{tree.FilePath}: a circuit of {circuit.Gates.Count} gates was built, beyond the budget");
                }

                // The runner stops at the first gate past the budget (a template call is counted before it runs).
                if (declaration.Body is { } read && (read.Steps > CircuitBodyReader.DefaultStepBudget || read.RecordedGates > CircuitBodyReader.DefaultGateBudget + 1))
                {
                    failures.Add($"{tree.FilePath}: the body ran {read.Steps} steps and recorded {read.RecordedGates} gates");
                }
            }
        }
    }

    /// <summary>
    /// Declarations mutated from valid seeds: each takes none, one or two mutations, so most stay close to what users
    /// write and every rule's neighbourhood is reached. Each declaration is in its own namespace so a batch compiles together.
    /// </summary>
    private static class Fuzzer
    {
        private static readonly string[] Templates = { "HardwareEfficient", "BasicEntanglerLayers", "StronglyEntanglingLayers" };

        // Characters the fuzz run found in observable text: control characters, newlines, quotes, lone surrogates, a
        // surrogate pair, combining marks, right-to-left and zero-width characters, the Unicode minus, full-width letters.
        private static readonly string[] Noise =
        {
            "\\n", "\\r\\n", "\\t", "\\0", "\\u0007", "\\\"", "\\\\", "\\uD800", "\\uDC00", "\\uD83D\\uDE00", "\\U0001F600",
            "\\u0301", "\\u202E", "\\u200B", "\\u2212", "\\x41", "é", "Ｚ", "٣", "\\uFFFF", "{", "}", ";", "/*", "//",
        };

        private static readonly string[] Gates =
        {
            "c.RY(q, c.Weight());", "c.RZ(q, c.Weight());", "c.RX(q, c.Input(q));", "c.H(q);", "c.T(q);", "c.PhaseShift(q, 0.5);",
            "c.Rot(q, c.Weight(), c.Weight(), c.Weight());",
        };

        private static readonly string[] BadGates =
        {
            "c.RY({q}, double.NaN);", "c.CNOT({q}, {q});", "c.RY(-1, c.Weight());", "c.RY({big}, c.Weight());", "c.Weight(-2);",
            "c.HardwareEfficient(1000000);", "c.StronglyEntanglingLayers(0);", "c.Toffoli(0, 1, 0);", "System.Console.WriteLine();",
            "c.PauliRot(c.Weight(), \"XQ\", new[] { 0, 1 });", "c.MultiRZ(c.Weight(), new[] { 0, 0 });", "while (true) { }",
            "for (int i = 0; i < 100000; i++) c.RY(0, c.Weight());", "int k = 1 / (1 - 1);", "var s = new string('x', 3);",
        };

        public static string Declaration(Random random, int index)
        {
            var d = Seed(random, index);
            int mutations = Pick(random, 0, 1, 1, 1, 2, 2);
            for (int m = 0; m < mutations; m++)
            {
                Mutate(random, d);
            }

            string source = d.Render();
            return random.Next(25) == 0 ? source.Substring(0, random.Next(source.Length / 2, source.Length)) : source;
        }

        private static Parts Seed(Random random, int index)
        {
            int qubits = Pick(random, 2, 3, 4, 6, 8);
            var d = new Parts { Namespace = "Fuzz" + Int(index), Name = "A" + Int(index), Qubits = Int(qubits), Observable = Observable(random, qubits) };
            switch (random.Next(4))
            {
                case 0:
                    d.Template = "AnsatzTemplate." + Pick(random, Templates);
                    d.Layers = Int(random.Next(1, 4));
                    break;
                case 1:
                    d.Body = $"c.{Pick(random, "StronglyEntanglingLayers(2)", "BasicEntanglerLayers(2, Rotation.Y)", "HardwareEfficient(2)")};";
                    break;
                default:
                    string gate = Pick(random, Gates);
                    d.Body = $$"""
                        for (int layer = 0; layer < {{Int(random.Next(1, 5))}}; layer++)
                                {
                                    for (int q = 0; q < {{Int(qubits)}}; q++) {{gate}}
                                    for (int q = 0; q + 1 < {{Int(qubits)}}; q++) c.{{Pick(random, "CNOT", "CZ")}}(q, q + 1);
                                }
                        """;
                    break;
            }

            return d;
        }

        private static void Mutate(Random random, Parts d)
        {
            switch (random.Next(12))
            {
                case 0:
                case 1:
                    d.Observable = d.Observable.Insert(random.Next(d.Observable.Length + 1), Pick(random, Noise));
                    break;
                case 2:
                    d.Qubits = Int(Pick(random, 0, -3, 31, 30, 1, 20, int.MaxValue));
                    break;
                case 3:
                    d.Template ??= "AnsatzTemplate." + Pick(random, Templates);
                    d.Layers = Int(Pick(random, 0, -1, 400, 10_000, 100_000, int.MaxValue));
                    d.Body = random.Next(3) == 0 ? d.Body : null;
                    break;
                case 4:
                    d.Template = "(AnsatzTemplate)" + Int(random.Next(-2, 9));
                    d.Layers ??= "2";
                    d.Body = null;
                    break;
                case 5:
                    d.Kind = Pick(random, "ref partial struct", "static partial class", "partial class", "sealed partial class", "readonly partial struct",
                        "partial record struct", "partial record class", "struct", "abstract partial class");
                    break;
                case 6:
                    d.TypeParameters = Pick(random, "<T>", "<T, U>");
                    break;
                case 7:
                    d.Members += Pick(random, "public static int Qubits => 3;", "private static void __Forward() { }", "public const int WeightCount = 1;",
                        "public static double Observable1 => 0;", "public static int Evaluate;", "public static int Helper => 1;", "public class Cost { }");
                    break;
                case 8:
                    d.Body = (d.Body ?? "") + "\n        " + Pick(random, BadGates).Replace("{q}", Int(random.Next(0, 3))).Replace("{big}", Int(Pick(random, 8, 30, 31)));
                    break;
                case 9:
                    d.Signature = Pick(random, "void Build(Circuit c)", "static int Build(Circuit c)", "static void Build()", "static void Build<T>(Circuit c)",
                        "static async void Build(Circuit c)", "static void Build(Circuit c, int k)");
                    break;
                case 10:
                    int depth = random.Next(20, 120);
                    d.Body = new string('{', depth) + (d.Body ?? "") + new string('}', depth);
                    break;
                default:
                    d.Observable = Pick(random, "", " ", "+", "Z", "Z99", "1e400 Z0", "NaN Z0", "Z0 Z0", "X0 Y0 Z0", "0.5");
                    break;
            }
        }

        private static string Observable(Random random, int qubits)
        {
            var text = new StringBuilder();
            int terms = random.Next(1, 4);
            for (int t = 0; t < terms; t++)
            {
                text.Append(t == 0 ? "" : Pick(random, " + ", " - ")).Append(random.Next(3) == 0 ? "0.5 " : "");
                int letters = random.Next(1, 3);
                for (int l = 0; l < letters; l++)
                {
                    text.Append(l == 0 ? "" : " ").Append(Pick(random, "X", "Y", "Z", "Z")).Append(Int(random.Next(qubits)));
                }
            }

            return text.ToString();
        }

        private sealed class Parts
        {
            public string Namespace = "";
            public string Name = "";
            public string Qubits = "2";
            public string? Template;
            public string? Layers;
            public string Observable = "Z0";
            public string Kind = "partial struct";
            public string TypeParameters = "";
            public string Members = "";
            public string Signature = "static void Build(Circuit c)";
            public string? Body;

            public string Render()
            {
                string template = Template is null ? "" : $", Template = {Template}, Layers = {Layers ?? "1"}";
                string circuit = Body is null ? "" : $$"""
                    [Circuit]
                            {{Signature}}
                            {
                                {{Body}}
                            }
                    """;
                return $$"""
                    using NegLR;

                    namespace {{Namespace}}
                    {
                        [Ansatz(Qubits = {{Qubits}}{{template}})]
                        [Observable("{{Observable}}")]
                        public {{Kind}} {{Name}}{{TypeParameters}}
                        {
                            {{Members}}
                            {{circuit}}
                        }
                    }
                    """;
            }
        }

        private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];

        private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
