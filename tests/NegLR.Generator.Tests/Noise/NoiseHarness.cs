extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Noise;

/// <summary>An AdditionalFiles item held in memory.</summary>
internal sealed class MemoryText : AdditionalText
{
    private readonly string _text;

    public MemoryText(string path, string text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
}

/// <summary>Runs the generator with AdditionalFiles (device profiles), as a project with &lt;AdditionalFiles&gt; items does.</summary>
internal static class NoiseHarness
{
    /// <summary>The example profile shipped with the runtime, read from the repository.</summary>
    public static string ManilaJson { get; } = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "Runtime", "Noise", "Profiles", "ibmq-manila-2024-05-27.json"));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, generator::NegLR.Generator.NegLRGenerator? generator = null) =>
        CSharpGeneratorDriver.Create(
            new[] { (generator ?? new generator::NegLR.Generator.NegLRGenerator()).AsSourceGenerator() },
            additionalTexts: files,
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static (GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output) Run(Compilation compilation,
        IEnumerable<AdditionalText> files, generator::NegLR.Generator.NegLRGenerator? generator = null)
    {
        var driver = CreateDriver(files, generator).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return (driver, driver.GetRunResult(), output);
    }

    /// <summary>Compiles with the generator and the files, asserts no generator exception and no warning or error anywhere, and loads the assembly.</summary>
    public static System.Reflection.Assembly CompileAndLoad(IEnumerable<AdditionalText> files, params string[] sources)
    {
        var (_, result, output) = Run(TestCompilation.Create(sources), files);
        Assert.Empty(result.Diagnostics);
        using var stream = new MemoryStream();
        var emit = output.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "generated code must compile without warnings:\n" + string.Join("\n", problems));
        return System.Reflection.Assembly.Load(stream.ToArray());
    }
}
