using System;
using System.Globalization;
using System.IO;

namespace NegLR.Integration.Tests;

public class PackageConsumptionTests
{
    private const string ConsumerProgram = """
        using System;
        using System.Numerics;
        using NegLR;

        // An ansatz declared by attributes in a project outside the solution: the packaged generator compiles it.
        var weights = new double[Bell.WeightCount];
        weights[0] = 0.3;
        var state = new Complex[Bell.StateLength];
        double generated = Bell.Evaluate(weights, ReadOnlySpan<double>.Empty, state);
        var interpreter = new CircuitInterpreter(Bell.CreateCircuit());
        double interpreted = interpreter.Evaluate(weights, Bell.Cost, interpreter.CreateWorkspace());
        Console.WriteLine(FormattableString.Invariant($"generated={generated:R} interpreted={interpreted:R}"));
        return Math.Abs(generated - interpreted) < 1e-12 ? 0 : 1;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 Z1 + 0.5 X0")]
        partial struct Bell
        {
            [Circuit]
            static void Build(Circuit c) => c.RY(0, c.Weight()).CNOT(0, 1);
        }
        """;

    [Fact]
    public void PackedNegLR_ConsumedFromLocalFolderFeed_GeneratesAndRunsAnsatz()
    {
        string root = DotnetCli.RepositoryRoot();
        string work = Path.Combine(Path.GetTempPath(), "neglr-package-" + Guid.NewGuid().ToString("N"));
        string feed = Path.Combine(work, "feed");
        string consumer = Path.Combine(work, "consumer");
        Directory.CreateDirectory(consumer);
        // A unique prerelease version, so NuGet's global cache can never hand back an older build of the package.
        string version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        try
        {
            var pack = DotnetCli.Run(root,
                $"pack Runtime/NegLR.Runtime.csproj -c Release -o \"{feed}\" -p:Version={version} --artifacts-path \"{Path.Combine(work, "artifacts")}\"",
                TimeSpan.FromMinutes(5));
            Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.Output);

            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="NegLR" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            // The consumer sits outside the repository, so none of its Directory.*.props apply.
            var run = DotnetCli.Run(consumer, "run -c Release", TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, "the consumer failed:\n" + run.Output);
            Assert.Contains("generated=", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
