extern alias generator;

using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLR.Generator.Tests.Equivalence;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Noise;

/// <summary>
/// Noise in the generator's pipeline: a profile edit re-emits only the ansätze that name it, an unrelated edit re-emits
/// nothing, a noise-free declaration's output is byte-identical with or without noise around it (and to its pinned
/// snapshot), and invalid noise never throws into the compiler (a stub that says why, or nothing).
/// </summary>
public class NoisePipelineTests
{
    private const string FourAnsaetze = """
        using NegLR;

        namespace Mixed;

        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0")]
        [DeviceProfile("a.json")]
        public partial struct UsesA;

        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0")]
        [DeviceProfile("b.json")]
        public partial struct UsesB;

        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0")]
        [Depolarizing(0.01)]
        public partial struct NoProfile;

        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0")]
        public partial struct Ideal;
        """;

    [Fact]
    public void EditingAProfile_ReEmitsOnlyTheAnsatzThatNamesIt_AndAnUnrelatedEditNothing()
    {
        var a = new MemoryText("/project/a.json", NoiseHarness.ManilaJson);
        var b = new MemoryText("/project/b.json", NoiseHarness.ManilaJson);
        var generator = new generator::NegLR.Generator.NegLRGenerator();
        var compilation = TestCompilation.Create(FourAnsaetze);
        var driver = NoiseHarness.CreateDriver(new AdditionalText[] { a, b }, generator).RunGenerators(compilation);
        var before = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.Equal(4, before.Count);
        Assert.Equal(4, generator.Counters.Emits);

        // An unrelated keystroke: nothing is built or emitted again.
        var unrelated = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class Unrelated { int X => 1; }", TestCompilation.ParseOptions));
        driver = driver.RunGenerators(unrelated);
        Assert.Equal(4, generator.Counters.Emits);

        // The profile a.json edited (its description): only UsesA is emitted again.
        var edited = new MemoryText("/project/a.json", NoiseHarness.ManilaJson.Replace("\"name\": \"", "\"name\": \"edited ", StringComparison.Ordinal));
        Assert.NotEqual(NoiseHarness.ManilaJson, edited.GetText()!.ToString());
        driver = driver.ReplaceAdditionalText(a, edited).RunGenerators(unrelated);
        Assert.Equal(5, generator.Counters.Emits);
        var after = driver.GetRunResult().Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        Assert.NotEqual(before["Mixed.UsesA.Ansatz.g.cs"], after["Mixed.UsesA.Ansatz.g.cs"]);
        foreach (string hint in new[] { "Mixed.UsesB.Ansatz.g.cs", "Mixed.NoProfile.Ansatz.g.cs", "Mixed.Ideal.Ansatz.g.cs" })
        {
            Assert.Equal(before[hint], after[hint]);
        }
    }

    [Fact]
    public void ANoiseFreeDeclaration_IsByteIdentical_BesideNoise_AndToItsPinnedSnapshot()
    {
        const string hint = "Samples.Hea.Ansatz.g.cs";
        var (_, alone, _) = GeneratorHarness.Run(TestCompilation.Create(SampleSources.TemplateAnsatz));
        string text = GeneratorHarness.Generated(alone, hint);
        var (_, beside, _) = NoiseHarness.Run(TestCompilation.Create(SampleSources.TemplateAnsatz, FourAnsaetze, NoisySnapshotTests.BodyChannels),
            new AdditionalText[] { new MemoryText("/project/a.json", NoiseHarness.ManilaJson), new MemoryText("/project/b.json", NoiseHarness.ManilaJson) });
        Assert.Equal(text, GeneratorHarness.Generated(beside, hint));

        string pinned = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "tests", "NegLR.Generator.Tests", "Snapshots", "Snapshots",
            "GeneratorSnapshotTests.TemplateShorthand_NoBody#Samples.Hea.Ansatz.g.verified.cs"));
        Assert.Equal(pinned, text.Replace(generator::NegLR.Generator.Emit.GeneratorVersion.Value, "%VERSION%", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Invalid() => new()
    {
        { "[Depolarizing(1.5)]", "1.5" },
        { "[ThermalRelaxation(50, 150, 0.1)]", "T2" },
        { "[ReadoutError(0.7, 0.6)]", "" },
        { "[TwoQubitDepolarizing(0.01, Gates = new[] { GateKind.RY })]", "" },
        { "[Depolarizing(0.01, Qubits = new[] { 9 })]", "9" },
        { "[DeviceProfile(\"missing.json\")]", "missing.json" },
        { "[DeviceProfile(\"broken.json\")]", "broken.json" },
        { "[DeviceProfile(\"a.json\", Layout = new[] { 0, 7 })]", "" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void InvalidNoise_NeverThrowsIntoTheCompiler_TheStubSaysWhy(string attribute, string named)
    {
        string source = $$"""
            using NegLR;

            namespace Bad;

            [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
            [Observable("Z0")]
            {{attribute}}
            public partial struct Declared;
            """;
        var files = new AdditionalText[]
        {
            new MemoryText("/project/a.json", NoiseHarness.ManilaJson),
            new MemoryText("/project/broken.json", "{ \"name\": \"x\", \"qubits\": [ { \"t1\": -3 } ] "),
        };
        var (_, result, output) = NoiseHarness.Run(TestCompilation.Create(source), files);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.GeneratedFileProblems(output));
        var generated = result.Results.Single().GeneratedSources;
        if (generated.Length == 0)
        {
            return;   // nothing at all: the analyzers report the cause
        }

        string text = generated.Single().SourceText.ToString();
        Assert.Contains("NotCompiled", text, StringComparison.Ordinal);
        Assert.Contains(named, text, StringComparison.Ordinal);
    }

    [Fact]
    public void AUserMemberNamedLikeANoisyMember_GetsAStubOnANoisyAnsatz_AndNothingChangesOnAnIdealOne()
    {
        const string source = """
            using NegLR;

            namespace Clash;

            [Ansatz(Qubits = 2)]
            [Observable("Z0")]
            public partial struct Noisy
            {
                public static int Probabilities => 1;

                [Circuit]
                static void Build(Circuit c) => c.RY(0, c.Weight()).Depolarizing(0, 0.01);
            }

            [Ansatz(Qubits = 2)]
            [Observable("Z0")]
            public partial struct Ideal
            {
                public static int Probabilities => 1;

                [Circuit]
                static void Build(Circuit c) => c.RY(0, c.Weight());
            }
            """;
        var (_, result, output) = NoiseHarness.Run(TestCompilation.Create(source), Array.Empty<AdditionalText>());
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.GeneratedFileProblems(output));
        string noisy = GeneratorHarness.Generated(result, "Clash.Noisy.Ansatz.g.cs");
        Assert.Contains("NotCompiled", noisy, StringComparison.Ordinal);
        Assert.Contains("'Probabilities'", noisy, StringComparison.Ordinal);
        Assert.DoesNotContain("NotCompiled", GeneratorHarness.Generated(result, "Clash.Ideal.Ansatz.g.cs"), StringComparison.Ordinal);
    }
}
