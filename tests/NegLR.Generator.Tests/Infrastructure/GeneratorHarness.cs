extern alias generator;

using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TrackingNames = generator::NegLR.Generator.TrackingNames;

namespace NegLR.Generator.Tests.Infrastructure;

/// <summary>Runs the NegLR generator on test sources the way the compiler does, with incremental-step tracking.</summary>
internal static class GeneratorHarness
{
    /// <summary>Every tracking name the generator declares (its public constants).</summary>
    private static readonly HashSet<string> OwnSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet();

    public static GeneratorDriver CreateDriver(generator::NegLR.Generator.NegLRGenerator? generator = null, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new generator::NegLR.Generator.NegLRGenerator()).AsSourceGenerator() },
            parseOptions: parseOptions ?? TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator; returns the driver (for incremental re-runs), its result and the output compilation.</summary>
    public static (GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output) Run(Compilation compilation,
        generator::NegLR.Generator.NegLRGenerator? generator = null)
    {
        var parseOptions = compilation.SyntaxTrees.FirstOrDefault()?.Options as CSharpParseOptions;
        var driver = CreateDriver(generator, parseOptions).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver, driver.GetRunResult(), output);
    }

    /// <summary>
    /// Errors and warnings the compiler reports inside generated files: there must be none whenever the user's own code
    /// compiles (whatever the generator thought of the declaration).
    /// </summary>
    public static System.Collections.Generic.List<Diagnostic> GeneratedFileProblems(Compilation output) =>
        output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true)
            .ToList();

    /// <summary>The generated text for <paramref name="hintName"/>.</summary>
    public static string Generated(GeneratorDriverRunResult result, string hintName) =>
        result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Compiles the sources with the generator, asserts no errors or warnings, and loads the assembly.</summary>
    public static Assembly CompileAndLoad(params string[] sources) => CompileAndLoad(null, sources);

    /// <summary>As <see cref="CompileAndLoad(string[])"/>, with a generator configured by the test.</summary>
    public static Assembly CompileAndLoad(generator::NegLR.Generator.NegLRGenerator? generator, params string[] sources) =>
        Assembly.Load(Compile(generator, sources));

    /// <summary>Compiles the sources with the generator and asserts no errors or warnings: the assembly's image (to load here or in a child process).</summary>
    public static byte[] Compile(generator::NegLR.Generator.NegLRGenerator? generator, params string[] sources) =>
        Compile(TestCompilation.Create(sources), generator);

    /// <summary>As <see cref="Compile(generator::NegLR.Generator.NegLRGenerator?, string[])"/>, optimized as a Release build is (the JIT then optimizes it too).</summary>
    public static byte[] CompileOptimized(params string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        return Compile(compilation.WithOptions(compilation.Options.WithOptimizationLevel(OptimizationLevel.Release)), null);
    }

    private static byte[] Compile(CSharpCompilation compilation, generator::NegLR.Generator.NegLRGenerator? generator)
    {
        var (_, result, output) = Run(compilation, generator);
        Assert.Empty(result.Diagnostics);

        // Every compiled fixture also checks the 128-bit rewrite of its tiles knew every statement (it drops the twins otherwise).
        foreach (var generated in result.Results.SelectMany(r => r.GeneratedSources))
        {
            string? failure = generated.SourceText.ToString().Split('\n')
                .FirstOrDefault(l => l.Contains("// No 128-bit tiles: The 128-bit rewrite", StringComparison.Ordinal));
            Assert.True(failure is null, $"{generated.HintName}: the 128-bit rewrite failed:\n{failure}");
        }

        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "generated code must compile without warnings:\n" + string.Join("\n", problems));
        return stream.ToArray();
    }

    /// <summary>
    /// Re-runs the generator on a clone of the compilation (and on an edited one, if given) and asserts every tracked
    /// step's outputs are Cached or Unchanged, and that no step output holds a Roslyn object.
    /// </summary>
    public static void AssertCached(Compilation compilation, Func<Compilation, Compilation>? edit = null)
    {
        var driver = CreateDriver().RunGenerators(compilation);
        AssertNoRoslynObjects(driver.GetRunResult());
        var next = edit is null ? compilation.Clone() : edit(compilation.Clone());
        var rerun = driver.RunGenerators(next).GetRunResult();
        var steps = rerun.Results.Single().TrackedSteps;
        Assert.True(steps.ContainsKey(TrackingNames.AnsatzDeclarations), "the AnsatzDeclarations step must be tracked");
        // Only NegLR's own steps: Roslyn's internal steps (the compilation, syntax discovery) re-run on every edit by design.
        foreach (var (name, runs) in steps.Where(s => OwnSteps.Contains(s.Key)))
        {
            foreach (var run in runs)
            {
                foreach (var (_, reason) in run.Outputs)
                {
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"step {name} re-ran with reason {reason}");
                }
            }
        }

        foreach (var (_, reason) in rerun.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
        {
            Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step re-ran with reason {reason}");
        }
    }

    private static void AssertNoRoslynObjects(GeneratorDriverRunResult result)
    {
        foreach (var (name, runs) in result.Results.Single().TrackedSteps)
        {
            if (!OwnSteps.Contains(name))
            {
                continue;
            }

            foreach (var run in runs)
            {
                foreach (var (value, _) in run.Outputs)
                {
                    Visit(value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static void Visit(object? node, string step, HashSet<object> seen)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum || !seen.Add(node))
        {
            return;
        }

        Assert.False(node is Compilation or ISymbol or SyntaxNode or SemanticModel or SyntaxTree or Location,
            $"step {step} holds a Roslyn object of type {node.GetType()}");
        if (node is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                Visit(item, step, seen);
            }

            return;
        }

        foreach (var field in node.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Visit(field.GetValue(node), step, seen);
        }
    }
}
