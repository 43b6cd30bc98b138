using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace NegLR.Integration.Tests;

/// <summary>
/// What nuget.org would show and serve: a README that stands on its own, complete metadata whose URLs come from the
/// one <c>NegLRRepositoryUrl</c> property, the library with its XML docs and compiler components, and a symbols
/// package whose PDB carries the sources (and a SourceLink map when the clone has a GitHub remote).
/// </summary>
[Collection(PackedPackageCollection.Name)]
public class PackageContentsTests(PackedPackage package)
{
    // SourceLink's and the embedded-source custom debug information kinds (Portable PDB specification).
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private string RepositoryUrl()
    {
        var props = XDocument.Load(Path.Combine(package.RepositoryRoot, "Directory.Build.props"));
        string? url = props.Descendants("NegLRRepositoryUrl").SingleOrDefault()?.Value;
        Assert.False(string.IsNullOrEmpty(url), "Directory.Build.props defines no NegLRRepositoryUrl");
        return url!;
    }

    private XElement Nuspec(ZipArchive nupkg)
    {
        var entry = nupkg.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream).Root!;
    }

    private static string Text(ZipArchive archive, string path)
    {
        var entry = archive.GetEntry(path);
        Assert.True(entry is not null, $"the package has no {path}; it has: {string.Join(", ", archive.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Readme_IsThePackageReadme_AndSelfContained()
    {
        package.RequireSuccess();
        using var nupkg = ZipFile.OpenRead(package.Nupkg);
        string readme = Text(nupkg, "README.md");
        Assert.Equal(File.ReadAllText(Path.Combine(package.RepositoryRoot, "Runtime", "PackageReadme.md")), readme);

        // Every link is absolute: relative ones and paths outside the repository mean nothing on nuget.org.
        string url = RepositoryUrl();
        var links = Regex.Matches(readme, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith("https://", link, StringComparison.Ordinal));
        Assert.All(
            links.Where(l => l.Contains("/NegLR/", StringComparison.OrdinalIgnoreCase)),
            link => Assert.StartsWith(url, link, StringComparison.Ordinal));
        Assert.DoesNotContain("shared/", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("../", readme, StringComparison.Ordinal);

        // The documents it links to exist in the repository.
        foreach (string link in links.Where(l => l.StartsWith(url + "/blob/main/", StringComparison.Ordinal)))
        {
            string path = link[(url + "/blob/main/").Length..].Split('#')[0];
            Assert.True(File.Exists(Path.Combine(package.RepositoryRoot, path)), $"the README links to {path}, which is not in the repository");
        }
    }

    [Fact]
    public void Metadata_IsComplete_AndTheUrlsComeFromOneProperty()
    {
        package.RequireSuccess();
        using var nupkg = ZipFile.OpenRead(package.Nupkg);
        var metadata = Nuspec(nupkg).Elements().Single(e => e.Name.LocalName == "metadata");
        string Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;
        XElement? Element(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name);

        string url = RepositoryUrl();
        Assert.Equal("NegLR", Field("id"));
        Assert.Equal(package.Version, Field("version"));
        Assert.Equal("NegLR", Field("title"));
        Assert.True(Field("description").Length > 200, "the description is too short to say what the package is");
        Assert.Equal("NegLR contributors", Field("authors"));
        Assert.Equal("README.md", Field("readme"));
        Assert.Equal(url, Field("projectUrl"));
        Assert.Equal("MIT", Field("license"));
        Assert.Equal("expression", Element("license")!.Attribute("type")!.Value);
        var tags = Field("tags").Split(' ');
        Assert.Contains("quantum", tags);
        Assert.Contains("openqasm", tags);
        var repository = Element("repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.Equal(url, repository.Attribute("url")!.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? string.Empty);

        var files = nupkg.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/NegLR.dll", files);
        Assert.Contains("lib/net10.0/NegLR.xml", files);
        Assert.Contains("analyzers/dotnet/cs/NegLR.Generator.dll", files);
        Assert.Contains("analyzers/dotnet/cs/NegLR.Analyzers.dll", files);
        Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Symbols_AreASnupkgWhosePdbCarriesTheSources()
    {
        package.RequireSuccess();
        Assert.True(File.Exists(package.Snupkg), "no .snupkg beside the package in " + package.Feed);
        using var snupkg = ZipFile.OpenRead(package.Snupkg);
        var entry = snupkg.GetEntry("lib/net10.0/NegLR.pdb");
        Assert.NotNull(entry);

        using var pdbStream = new MemoryStream();
        using (var s = entry!.Open())
        {
            s.CopyTo(pdbStream);
        }

        pdbStream.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        var pdb = provider.GetMetadataReader();
        var documents = pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name)).ToList();
        Assert.Contains(documents, d => d.Replace('\\', '/').EndsWith("Runtime/OpenQasm/OpenQasm.cs", StringComparison.Ordinal));

        var embedded = new HashSet<DocumentHandle>();
        bool sourceLink = false;
        foreach (var h in pdb.CustomDebugInformation)
        {
            var info = pdb.GetCustomDebugInformation(h);
            var kind = pdb.GetGuid(info.Kind);
            if (kind == EmbeddedSourceKind && info.Parent.Kind == HandleKind.Document)
            {
                embedded.Add((DocumentHandle)info.Parent);
            }

            sourceLink |= kind == SourceLinkKind;
        }

        // Every source file (the generated ones included) is inside the PDB, so a debugger can show it without a network.
        Assert.Equal(pdb.Documents.Count, embedded.Count);

        // SourceLink maps the sources to the repository when the clone has a GitHub remote; without one it must be
        // absent rather than point somewhere wrong.
        var remote = DotnetCli.Git(package.RepositoryRoot, "remote get-url origin");
        bool github = remote.ExitCode == 0 && remote.Output.Trim().StartsWith("https://github.com/", StringComparison.Ordinal);
        Assert.Equal(github, sourceLink);
    }
}
