using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace NegLR.Generator.Tests.Infrastructure;

/// <summary>The folder holding NegLR.sln, found from this source file (or, in CI builds with mapped paths, from the test binaries).</summary>
internal static class RepositoryRoot
{
    public static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string start in new[] { Path.GetDirectoryName(sourceFile) ?? "", AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start.Length > 0 && Directory.Exists(start) ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NegLR.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Cannot find NegLR.sln above {sourceFile}, {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }
}
