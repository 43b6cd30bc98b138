using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NegLR.Generator.Tests.Infrastructure;

/// <summary>Builds C# compilations of test sources against the running framework and the NegLR runtime.</summary>
internal static class TestCompilation
{
    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // The test host's trusted platform assemblies are the framework this process runs on (net10.0).
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var refs = tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                                  || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
        refs.Add(MetadataReference.CreateFromFile(typeof(NegLR.Circuit).Assembly.Location));
        return refs.ToArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Preview);

    public static CSharpCompilation Create(params string[] sources) => Create((IEnumerable<string>)sources);

    public static CSharpCompilation Create(IEnumerable<string> sources, string assemblyName = "TestAssembly") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable,
                allowUnsafe: true, deterministic: true));
}
