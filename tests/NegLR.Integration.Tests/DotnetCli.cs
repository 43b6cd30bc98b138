using System;
using System.Diagnostics;
using System.IO;

namespace NegLR.Integration.Tests;

/// <summary>Runs the dotnet CLI in a folder and returns its exit code and output.</summary>
internal static class DotnetCli
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NegLR.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NegLR.sln not found above " + AppContext.BaseDirectory);
    }

    public static (int ExitCode, string Output) Run(string workingDirectory, string arguments, TimeSpan timeout)
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        return Start(dotnet, workingDirectory, arguments, timeout);
    }

    /// <summary>Runs git; a machine without git gives a non-zero exit code, not an exception.</summary>
    public static (int ExitCode, string Output) Git(string workingDirectory, string arguments)
    {
        try
        {
            return Start("git", workingDirectory, arguments, TimeSpan.FromMinutes(1));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }

    private static (int ExitCode, string Output) Start(string program, string workingDirectory, string arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The test host's MSBuild settings must not leak into the child build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {arguments} did not finish within {timeout}.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
