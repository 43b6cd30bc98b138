using System;
using System.Globalization;
using System.IO;

namespace NegLR.Integration.Tests;

/// <summary>
/// Packs <c>Runtime/NegLR.Runtime.csproj</c> once for every test in the collection, into a temporary folder feed, with
/// a unique prerelease version (so NuGet's global cache can never hand back an older build of the package).
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        RepositoryRoot = DotnetCli.RepositoryRoot();
        Work = Path.Combine(Path.GetTempPath(), "neglr-package-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Work, "feed");
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(Work);
        (ExitCode, Output) = DotnetCli.Run(
            RepositoryRoot,
            $"pack Runtime/NegLR.Runtime.csproj -c Release -o \"{Feed}\" -p:Version={Version} --artifacts-path \"{Path.Combine(Work, "artifacts")}\"",
            TimeSpan.FromMinutes(5));
    }

    public string RepositoryRoot { get; }

    public string Work { get; }

    public string Feed { get; }

    public string Version { get; }

    public int ExitCode { get; }

    public string Output { get; }

    public string Nupkg => Path.Combine(Feed, $"NegLR.{Version}.nupkg");

    public string Snupkg => Path.Combine(Feed, $"NegLR.{Version}.snupkg");

    /// <summary>Fails the calling test with the pack output unless the pack succeeded.</summary>
    public void RequireSuccess() => Assert.True(ExitCode == 0, "dotnet pack failed:\n" + Output);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}

/// <summary>The tests that share one packed package (run one after another, not in parallel with each other).</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "Packed NegLR package";
}
