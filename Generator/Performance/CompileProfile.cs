using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NegLR.Generator.Performance;

/// <summary>
/// Where compiling the generated file's time goes: binding every method body (the compiler's diagnostics pass) apart
/// from the rest of emit (lowering, IL, PDB), and the methods that take longest to bind. Wall time, best of two rounds.
/// </summary>
internal static class CompileProfile
{
    public static void Run(string key, ImmutableArray<MetadataReference> references)
    {
        var (name, source, hint) = Workload.Case(key);
        var input = Keystroke.Compile(references, new[] { ("Case.cs", source) });
        Keystroke.NewDriver(new NegLRGenerator()).RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var generated = output.SyntaxTrees.Single(t => t.FilePath.EndsWith(hint, StringComparison.Ordinal));

        double bind = double.MaxValue, emit = double.MaxValue;
        var perMethod = new Dictionary<string, double>();
        for (int round = 0; round < 2; round++)
        {
            // A fresh compilation each round (the same trees): nothing bound yet.
            var fresh = output.RemoveAllSyntaxTrees().AddSyntaxTrees(output.SyntaxTrees);
            var watch = Stopwatch.StartNew();
            var model = fresh.GetSemanticModel(generated);
            foreach (var method in generated.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                double start = watch.Elapsed.TotalMilliseconds;
                model.GetDiagnostics(method.Span);
                double ms = watch.Elapsed.TotalMilliseconds - start;
                string id = method.Identifier.ValueText + "@" + (method.GetLocation().GetLineSpan().StartLinePosition.Line + 1);
                perMethod[id] = Math.Min(perMethod.TryGetValue(id, out var v) ? v : double.MaxValue, ms);
            }

            bind = Math.Min(bind, watch.Elapsed.TotalSeconds);
            watch.Restart();
            using var stream = new MemoryStream();
            var result = fresh.Emit(stream);
            emit = Math.Min(emit, watch.Elapsed.TotalSeconds);
            if (!result.Success)
            {
                throw new InvalidOperationException("The case does not compile: " + result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error));
            }
        }

        Console.WriteLine($"{name}: bind the generated file's methods {bind:F2} s, then emit (binding reused) {emit:F2} s");
        foreach (var (id, ms) in perMethod.OrderByDescending(p => p.Value).Take(8))
        {
            Console.WriteLine($"    {id,-24} {ms,8:F0} ms");
        }
    }
}
