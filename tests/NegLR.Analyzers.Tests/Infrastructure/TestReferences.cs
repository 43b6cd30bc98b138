using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace NegLR.Analyzers.Tests.Infrastructure;

/// <summary>
/// What analysed test sources compile against: the framework this test host runs on (its trusted platform assemblies)
/// and NegLR.dll. Nothing is resolved from a package feed, so the tests need no network.
/// </summary>
internal static class TestReferences
{
    /// <summary>A reference-assembly set that resolves to nothing; <see cref="All"/> is added to every test instead.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> All { get; } = Create();

    private static ImmutableArray<MetadataReference> Create()
    {
        var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return tpa.Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                              || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(NegLR.Circuit).Assembly.Location))
            .ToImmutableArray();
    }
}
