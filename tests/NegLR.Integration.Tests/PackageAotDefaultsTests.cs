using System;
using System.IO;
using System.IO.Compression;

namespace NegLR.Integration.Tests;

/// <summary>
/// The package's buildTransitive/NegLR.targets, as a consumer's build sees it: a NativeAOT publish for x64 compiles
/// for x86-64-v3 (so NegLR's 256-bit kernels and register tiles run), unless the project chose an instruction set or
/// switched the default off; arm64 and JIT builds are left alone.
/// </summary>
[Collection(PackedPackageCollection.Name)]
public class PackageAotDefaultsTests(PackedPackage package)
{
    [Fact]
    public void Package_ShipsTheBuildTransitiveTargets_AsInTheRepository()
    {
        package.RequireSuccess();
        using var nupkg = ZipFile.OpenRead(package.Nupkg);
        var entry = nupkg.GetEntry("buildTransitive/NegLR.targets");
        Assert.True(entry is not null, "the package has no buildTransitive/NegLR.targets");
        using var reader = new StreamReader(entry!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(package.RepositoryRoot, "Runtime", "buildTransitive", "NegLR.targets")), reader.ReadToEnd());
    }

    [Theory]
    [InlineData("-p:PublishAot=true -p:RuntimeIdentifier=linux-x64", "x86-64-v3")]
    [InlineData("-p:PublishAot=true -p:RuntimeIdentifier=linux-x64 -p:IlcInstructionSet=x86-64-v2", "x86-64-v2")]
    [InlineData("-p:PublishAot=true -p:RuntimeIdentifier=linux-x64 -p:NegLRAotInstructionSet=false", "")]
    [InlineData("-p:PublishAot=true -p:RuntimeIdentifier=linux-x64 -p:NegLRAotInstructionSet=x86-64-v4", "x86-64-v4")]
    [InlineData("-p:PublishAot=true -p:RuntimeIdentifier=linux-arm64", "")]
    [InlineData("-p:RuntimeIdentifier=linux-x64", "")]
    public void Consumer_IlcInstructionSet_FollowsTheDefaultAndTheProjectsChoice(string properties, string expected)
    {
        package.RequireSuccess();
        string consumer = Consumer();
        // Evaluation only: the restore (once, in Consumer) already wrote the import of the package's targets.
        var result = DotnetCli.Run(consumer, $"msbuild -getProperty:IlcInstructionSet {properties}", TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, $"dotnet msbuild {properties} failed:\n{result.Output}");
        Assert.Equal(expected, result.Output.Trim());
    }

    [Fact]
    public void Consumer_WithoutRuntimeIdentifier_GetsTheDefaultForTheMachinesArchitecture()
    {
        // NativeAOT then compiles for the SDK's own runtime identifier: this machine's.
        package.RequireSuccess();
        var result = DotnetCli.Run(Consumer(), "msbuild -getProperty:IlcInstructionSet -p:PublishAot=true", TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, "dotnet msbuild failed:\n" + result.Output);
        string expected = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64 ? "x86-64-v3" : "";
        Assert.Equal(expected, result.Output.Trim());
    }

    /// <summary>
    /// A restored consumer of the packed package outside the repository (none of its Directory.*.props apply), made
    /// once: the tests of the collection run one after another.
    /// </summary>
    private string Consumer()
    {
        string consumer = Path.Combine(package.Work, "aot-consumer");
        if (Directory.Exists(consumer))
        {
            return consumer;
        }

        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "AotConsumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="NegLR" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), "System.Console.WriteLine(NegLR.Simulation.StateKernels.VectorWidth);");
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        var restore = DotnetCli.Run(consumer, "restore", TimeSpan.FromMinutes(3));
        if (restore.ExitCode != 0)
        {
            Directory.Delete(consumer, recursive: true);
            Assert.Fail("the consumer's restore failed:\n" + restore.Output);
        }

        return consumer;
    }
}
