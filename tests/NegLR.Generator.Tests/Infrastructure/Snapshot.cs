extern alias generator;

using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace NegLR.Generator.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions in Verify's file convention, <c>Snapshots/{TestClass}.{TestMethod}#{HintName}.verified.cs</c>
/// beside the test file, so a later move to Verify is a small change. A mismatch writes <c>*.received.cs</c>
/// (git-ignored) and fails. To accept new output, run the tests with <c>NEGLR_ACCEPT_SNAPSHOTS=1</c> and review the
/// diff like code. The package version the generator stamps on its output is written as <c>%VERSION%</c>, so a release
/// does not change every snapshot.
/// </summary>
internal static class Snapshot
{
    public static void Match(string actual, string hintName, string testClass, [CallerMemberName] string testMethod = "",
        [CallerFilePath] string testFile = "")
    {
        actual = actual.Replace(generator::NegLR.Generator.Emit.GeneratorVersion.Value, "%VERSION%", StringComparison.Ordinal);
        string folder = Path.Combine(Path.GetDirectoryName(SourcePath(testFile))!, "Snapshots");
        string stem = $"{testClass}.{testMethod}#{hintName.Replace(".cs", "", StringComparison.Ordinal)}";
        string verified = Path.Combine(folder, stem + ".verified.cs");
        string received = Path.Combine(folder, stem + ".received.cs");
        Directory.CreateDirectory(folder);
        bool accept = Environment.GetEnvironmentVariable("NEGLR_ACCEPT_SNAPSHOTS") == "1";
        if (File.Exists(verified) && File.ReadAllText(verified) == actual)
        {
            File.Delete(received);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail(File.Exists(verified)
            ? $"Generated code differs from {verified}; see {received}. If the change is intended, review it and rerun with NEGLR_ACCEPT_SNAPSHOTS=1."
            : $"No snapshot {verified} yet; the output is in {received}. Review it and rerun with NEGLR_ACCEPT_SNAPSHOTS=1 to accept.");
    }

    /// <summary>
    /// The test file on disk. CI builds set ContinuousIntegrationBuild, which maps source paths to <c>/_/</c>; map them
    /// back to the repository (the folder holding NegLR.sln above the test binaries).
    /// </summary>
    private static string SourcePath(string callerFile)
    {
        const string Mapped = "/_/";
        if (File.Exists(callerFile) || !callerFile.StartsWith(Mapped, StringComparison.Ordinal))
        {
            return callerFile;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NegLR.sln")))
            {
                return Path.Combine(dir.FullName, callerFile.Substring(Mapped.Length));
            }
        }

        throw new InvalidOperationException($"Cannot find the repository of {callerFile} above {AppContext.BaseDirectory}.");
    }
}
