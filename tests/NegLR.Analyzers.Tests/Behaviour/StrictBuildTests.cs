extern alias analyzers;
extern alias generator;

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace NegLR.Analyzers.Tests.Behaviour;

/// <summary>
/// What a strict consumer build sees: the README's declaration shape and the documentation's standard workload, with
/// the generator's output in the compilation, every NegLR analyzer, and the .NET SDK's own code-analysis rules (CA…)
/// loaded from the SDK that runs the tests, configured as <c>AnalysisMode=All</c> configures them (the SDK's
/// <c>analysislevel_N_all.globalconfig</c>). Under <c>TreatWarningsAsErrors</c> every warning would fail the build.
/// </summary>
public sealed class StrictBuildTests
{
    private readonly ITestOutputHelper _output;

    public StrictBuildTests(ITestOutputHelper output) => _output = output;

    /// <summary>The standard workload of docs/performance.md, declared as the benchmarks declare it.</summary>
    private const string StandardWorkload = """
        using NegLR;

        namespace Consumer;

        /// <summary>The standard workload: hardware-efficient ansatz, n = 8, L = 8, cost Z0 Z1.</summary>
        [Ansatz(Qubits = 8, Template = AnsatzTemplate.HardwareEfficient, Layers = 8)]
        [Observable("Z0 Z1")]
        public partial struct StandardWorkload;
        """;

    [Fact]
    public async Task ReadmeDeclarationShape_NoWarnings_UnderAnalysisModeAll()
    {
        string shape = ReadmeDeclaration();
        var warnings = await StrictWarnings("using NegLR;\n\nnamespace Consumer;\n\n" + shape, "all");
        Assert.True(warnings.Count == 0, "The README's declaration draws warnings:\n" + string.Join("\n", warnings) + "\n\n" + shape);
    }

    /// <summary>
    /// Issue 12: the standard workload failed <c>TreatWarningsAsErrors</c> on NLR0204 and NLR0303. Now it draws only
    /// suggestions (NLR0207, NLR0303), with the SDK's default analysis mode as a build has it.
    /// </summary>
    [Fact]
    public async Task StandardWorkload_NoWarnings_UnderTheDefaultAnalysisMode()
    {
        var warnings = await StrictWarnings(StandardWorkload, "default");
        Assert.True(warnings.Count == 0, "The standard workload draws warnings:\n" + string.Join("\n", warnings));
    }

    /// <summary>The first declaration in the README's "Declare an ansatz" example: from [Ansatz] to the type's closing brace.</summary>
    private static string ReadmeDeclaration()
    {
        string readme = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "README.md"));
        var match = Regex.Match(readme, @"```csharp\n(\[Ansatz[\s\S]*?\n\})\n", RegexOptions.CultureInvariant);
        Assert.True(match.Success, "README.md has no ```csharp block starting with [Ansatz");
        return match.Groups[1].Value;
    }

    /// <summary>Warnings and errors a strict build of <paramref name="source"/> (+ generated code) reports, compiler's included.</summary>
    private async Task<List<string>> StrictWarnings(string source, string mode)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var (options, netAnalyzers, level) = SdkAnalysis(mode);
        // The SDK writes the assembly's version attributes into every build (GenerateAssemblyInfo): so does this one.
        var assemblyInfo = CSharpSyntaxTree.ParseText("[assembly: System.Reflection.AssemblyVersion(\"1.0.0.0\")]\n", parse, path: "/Consumer/AssemblyInfo.cs");
        var user = CSharpCompilation.Create("Consumer", new[] { CSharpSyntaxTree.ParseText(source, parse, path: "/Consumer/Ansatz.cs"), assemblyInfo },
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(options));
        var driver = CSharpGeneratorDriver.Create(new[] { new generator::NegLR.Generator.NegLRGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(user, out var compilation, out _);

        var analyzers = netAnalyzers.AddRange(AllAnalyzersTest.Analyzers());
        var diagnostics = await compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAllDiagnosticsAsync(CancellationToken.None);
        _output.WriteLine($"{netAnalyzers.Length} SDK analyzers ({level}), {diagnostics.Length} diagnostics: " +
                          string.Join(", ", diagnostics.GroupBy(d => d.Id + " " + d.Severity).Select(g => $"{g.Key} ×{g.Count()}")));
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "NLR0099");
        return diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => d.ToString()).ToList();
    }

    /// <summary>
    /// The SDK's code-analysis analyzers (from the SDK running the tests) and the severities <c>AnalysisMode</c> =
    /// <paramref name="mode"/> gives them at the SDK's own analysis level.
    /// </summary>
    private static (Dictionary<string, ReportDiagnostic> Options, ImmutableArray<DiagnosticAnalyzer> Analyzers, string Level) SdkAnalysis(string mode)
    {
        // AnalysisLevel defaults to the SDK's major version ("latest"): its _all file, else the newest older one.
        var (folder, major) = SdkAnalyzerFolder();
        var config = Directory.GetFiles(Path.Combine(folder, "build", "config"), $"analysislevel_*_{mode}.globalconfig")
            .Select(p => (Path: p, Match: Regex.Match(Path.GetFileName(p), $@"^analysislevel_(\d+)_{mode}\.globalconfig$")))
            .Where(c => c.Match.Success)
            .Select(c => (c.Path, Level: int.Parse(c.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .Where(c => c.Level <= major)
            .OrderByDescending(c => c.Level)
            .First();
        var options = new Dictionary<string, ReportDiagnostic>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Regex.Matches(File.ReadAllText(config.Path), @"^dotnet_diagnostic\.(\w+)\.severity\s*=\s*(\w+)", RegexOptions.Multiline))
        {
            options[m.Groups[1].Value] = m.Groups[2].Value switch
            {
                "error" => ReportDiagnostic.Error,
                "warning" => ReportDiagnostic.Warn,
                "suggestion" => ReportDiagnostic.Info,
                "silent" => ReportDiagnostic.Hidden,
                _ => ReportDiagnostic.Suppress,
            };
        }

        var analyzers = SdkAnalyzers.Value;
        Assert.True(analyzers.Length > 50, $"The SDK's code-analysis analyzers did not load from {folder}");
        return (options, analyzers, Path.GetFileName(config.Path));
    }

    /// <summary>Loaded once for the test run (the analyzers are stateless between compilations).</summary>
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> SdkAnalyzers = new(() =>
    {
        var loader = new Loader();
        string folder = SdkAnalyzerFolder().Folder;
        return new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .SelectMany(name => new AnalyzerFileReference(Path.Combine(folder, name), loader).GetAnalyzers(LanguageNames.CSharp))
            .ToImmutableArray();
    });

    /// <summary>Sdks/Microsoft.NET.Sdk/analyzers of the newest SDK beside the runtime running the tests, and its major version.</summary>
    private static (string Folder, int Major) SdkAnalyzerFolder()
    {
        // …/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll → the dotnet root.
        string root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var sdk = Directory.GetDirectories(Path.Combine(root, "sdk"))
            .Select(dir => (Dir: dir, Version: Version.TryParse(Path.GetFileName(dir).Split('-')[0], out var v) ? v : null))
            .Where(s => s.Version is not null && File.Exists(Path.Combine(s.Dir, "Sdks", "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.NetAnalyzers.dll")))
            .OrderByDescending(s => s.Version)
            .FirstOrDefault();
        Assert.True(sdk.Dir is not null, "No .NET SDK with code-analysis analyzers under " + root);
        return (Path.Combine(sdk.Dir!, "Sdks", "Microsoft.NET.Sdk", "analyzers"), sdk.Version!.Major);
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
