extern alias generator;

using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLRGenerator = generator::NegLR.Generator.NegLRGenerator;
using TileOptions = generator::NegLR.Generator.Emit.TileOptions;

namespace NegLR.Benchmarks.Ablation;

/// <summary>
/// Compiles an [Ansatz] declaration with the NegLR generator configured with <see cref="TileOptions"/> (optimised, as a
/// Release build would be) and loads the result, so layouts the compiler never emits can be timed.
/// </summary>
internal static class InProcessGenerator
{
    public static Type CompileAnsatz(string source, string typeName, TileOptions tiles)
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var references = tpa
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Circuit).Assembly.Location));
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var compilation = CSharpCompilation.Create(
            "Ablation" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, parse) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: true, deterministic: true));
        var generator = new NegLRGenerator { Tiles = tiles };
        CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, parseOptions: parse)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("The ablation source did not compile:\n" +
                string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return Assembly.Load(stream.ToArray()).GetType(typeName, throwOnError: true)!;
    }
}
