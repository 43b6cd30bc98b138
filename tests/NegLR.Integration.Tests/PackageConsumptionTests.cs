using System;
using System.IO;

namespace NegLR.Integration.Tests;

[Collection(PackedPackageCollection.Name)]
public class PackageConsumptionTests(PackedPackage package)
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

        // The trained circuit as OpenQASM 3, read back: the same value.
        string qasm = OpenQasm.Export<Bell>(QasmVersion.OpenQasm3, weights);
        var program = OpenQasm.Parse(qasm);
        var reimported = new CircuitInterpreter(program.Circuit);
        double roundTrip = reimported.Evaluate(ReadOnlySpan<double>.Empty, Bell.Cost, reimported.CreateWorkspace());
        Console.WriteLine(FormattableString.Invariant($"qasm3={roundTrip:R}"));
        return Math.Abs(generated - interpreted) < 1e-12 && Math.Abs(roundTrip - generated) < 1e-12 ? 0 : 1;

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
        package.RequireSuccess();
        string consumer = Path.Combine(package.Work, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NegLR" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), ConsumerProgram);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);

        // The consumer sits outside the repository, so none of its Directory.*.props apply.
        var run = DotnetCli.Run(consumer, "run -c Release", TimeSpan.FromMinutes(5));
        Assert.True(run.ExitCode == 0, "the consumer failed:\n" + run.Output);
        Assert.Contains("generated=", run.Output, StringComparison.Ordinal);
        Assert.Contains("qasm3=", run.Output, StringComparison.Ordinal);
    }
}
