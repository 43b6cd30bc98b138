extern alias analyzers;

using System.Collections.Immutable;
using System.Linq;
using Parsing = analyzers::NegLR.Generator.Parsing;
using Shared = analyzers::NegLR;

namespace NegLR.Analyzers.Tests.Noise;

/// <summary>The profile side of the shared reader: finding the AdditionalFiles item, parsing it, checking the layout.</summary>
public sealed class NoiseProfilesTests
{
    internal const string TwoQubitProfile = """
        {
          "name": "tiny",
          "source": "test",
          "timeUnit": "us",
          "qubits": [
            { "t1": 100, "t2": 80, "readout": { "p1Given0": 0.01, "p0Given1": 0.02 } },
            { "t1": 90, "t2": 70, "readout": { "p1Given0": 0.01, "p0Given1": 0.03 } }
          ],
          "gates": [
            { "gate": "any", "arity": 1, "error": 0.001, "duration": 0.05 },
            { "gate": "cx", "qubits": [0, 1], "error": 0.01, "duration": 0.3 }
          ]
        }
        """;

    private static readonly string[] Files =
    {
        "/src/app/profiles/dev.json", "/src/app/other/dev.json", "/src/app/manila.json", "/src/app/notes.txt",
    };

    private static Parsing.DeclaredProfile Profile(string path, params int[] layout) =>
        new(path, layout.Length > 0, new analyzers::NegLR.Generator.Model.EquatableArray<int>(layout.ToImmutableArray()), 3);

    [Theory]
    [InlineData("manila.json", null, 2)]
    [InlineData("profiles/dev.json", null, 0)]
    [InlineData("./other/dev.json", null, 1)]
    [InlineData("profiles\\dev.json", null, 0)]
    [InlineData("/src/app/manila.json", null, 2)]
    [InlineData("../app/profiles/dev.json", "/src/app", 0)]
    [InlineData("dev.json", "/src/app/profiles/", 0)]
    public void A_relative_path_or_a_file_name_finds_its_item(string declared, string? projectDirectory, int index)
    {
        var resolution = Parsing.NoiseProfiles.Resolve(Profile(declared), Files, projectDirectory);
        Assert.Null(resolution.Problem);
        Assert.Equal(index, resolution.Index);
    }

    [Fact]
    public void An_ambiguous_name_lists_the_matches_and_a_missing_one_says_how_to_add_it()
    {
        var ambiguous = Parsing.NoiseProfiles.Resolve(Profile("dev.json"), Files, null);
        Assert.Equal(-1, ambiguous.Index);
        Assert.Equal(Parsing.NoiseProblemKind.ProfileAmbiguous, ambiguous.Problem!.Kind);
        Assert.Contains("\"/src/app/profiles/dev.json\", \"/src/app/other/dev.json\"", ambiguous.Problem.Message, System.StringComparison.Ordinal);
        Assert.Equal("path", ambiguous.Problem.Argument.Name);

        var missing = Parsing.NoiseProfiles.Resolve(Profile("ev.json"), Files, null);
        Assert.Equal(Parsing.NoiseProblemKind.ProfileMissing, missing.Problem!.Kind);
        Assert.Contains("<AdditionalFiles Include=\"ev.json\" />", missing.Problem.Message, System.StringComparison.Ordinal);
        Assert.Contains("\"dev.json\"", missing.Problem.Message, System.StringComparison.Ordinal);
        Assert.Equal(3, missing.Problem.AttributeIndex);
    }

    [Fact]
    public void A_malformed_file_is_reported_with_the_parsers_position()
    {
        var profile = Parsing.NoiseProfiles.Parse(Profile("d.json"), TwoQubitProfile.Replace("\"error\": 0.01", "\"error\": 1.5"), out var problem);
        Assert.Null(profile);
        Assert.Equal(Parsing.NoiseProblemKind.ProfileMalformed, problem!.Kind);
        Assert.Contains("$.gates[1].error", problem.Message, System.StringComparison.Ordinal);
        Assert.Contains("line 11", problem.Message, System.StringComparison.Ordinal);

        Assert.Null(Parsing.NoiseProfiles.Parse(Profile("d.json"), "{ \"name\": ", out problem));
        Assert.Contains("line 1", problem!.Message, System.StringComparison.Ordinal);
        Assert.NotNull(Parsing.NoiseProfiles.Parse(Profile("d.json"), TwoQubitProfile, out problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Device_qubits_the_profile_lacks_and_uncalibrated_gates_are_problems()
    {
        var device = Parsing.NoiseProfiles.Parse(Profile("d.json"), TwoQubitProfile, out _)!;
        var tooMany = Parsing.NoiseProfiles.Check(Profile("d.json"), device, 3, null);
        Assert.Equal(Parsing.NoiseProblemKind.ProfileLacksQubits, Assert.Single(tooMany).Kind);
        Assert.Contains("describes 2", tooMany[0].Message, System.StringComparison.Ordinal);

        var layout = Parsing.NoiseProfiles.Check(Profile("d.json", 1, 5), device, 2, null);
        Assert.Equal(("Layout", 1), (Assert.Single(layout).Argument.Name, layout[0].Argument.Element));

        var c = new Shared.Circuit(2);
        c.RY(0, c.Weight()).CZ(0, 1);
        var uncalibrated = Parsing.NoiseProfiles.Check(Profile("d.json"), device, 2, c);
        Assert.Contains("no calibration for CZ", Assert.Single(uncalibrated).Message, System.StringComparison.Ordinal);

        var ok = new Shared.Circuit(2);
        ok.RY(0, ok.Weight()).CNOT(1, 0);
        Assert.Empty(Parsing.NoiseProfiles.Check(Profile("d.json", 0, 1), device, 2, ok));
    }

    [Fact]
    public void A_profile_declaration_builds_the_profiles_model_then_the_attributes()
    {
        var (_, d) = NoiseDeclarationReaderTests.Read("""
            [Ansatz(Qubits = 2)]
            [DeviceProfile("d.json", Layout = new[] { 1, 0 })]
            [PhaseFlip(0.01)]
            [ReadoutError(0.05, 0.05, Qubits = new[] { 0 })]
            partial struct A;
            """);
        var device = Parsing.NoiseProfiles.Parse(d.Profile!, TwoQubitProfile, out _)!;
        var c = new Shared.Circuit(2);
        c.RY(0, c.Weight()).CNOT(1, 0);
        var model = Parsing.NoiseModelBuilder.Build(d, c, device);
        var expected = device.NoiseModelFor(c, new[] { 1, 0 }).AfterEach(Shared.NoiseChannel.PhaseFlip(0.01));
        Assert.Equal(expected.Rules.Select(r => r.ToString()), model.Rules.Select(r => r.ToString()));
        Assert.True(expected.Rules.SequenceEqual(model.Rules)); // NoiseRule equality: channel, target, kinds, qubits, gate
        // Device qubit 1 is circuit qubit 0, overridden by the attribute; circuit qubit 1 keeps device qubit 0's readout.
        Assert.Equal(new[] { 0.05, 0.01 }, model.Readout!.Probability1Given0);
        Assert.Equal(new[] { 0.05, 0.02 }, model.Readout.Probability0Given1);
    }
}
