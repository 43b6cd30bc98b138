extern alias analyzers;

using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLR.Analyzers.Tests.Infrastructure;
using Parsing = analyzers::NegLR.Generator.Parsing;
using Shared = analyzers::NegLR;

namespace NegLR.Analyzers.Tests.Noise;

/// <summary>
/// The shared noise declaration reader (Generator/Parsing/Noise*.cs, linked into the analyzers): what it reads from the
/// attributes, that equal declarations are equal (the generator caches on it), the problems validation finds and where,
/// the model it builds against one written by hand with the runtime's API, and the profile's resolution and parse.
/// </summary>
public sealed class NoiseDeclarationReaderTests
{
    private const string Header = "using NegLR;\n";

    internal static (INamedTypeSymbol Type, Parsing.NoiseDeclaration Declaration) Read(string source, string typeName = "A")
    {
        var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(Header + source) }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var type = compilation.GetTypeByMetadataName(typeName)!;
        return (type, Parsing.NoiseDeclarationReader.Read(type.GetAttributes()));
    }

    [Fact]
    public void Reads_every_channel_in_written_order_with_its_selection()
    {
        var (type, d) = Read("""
            [Ansatz(Qubits = 3, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
            [Observable("Z0")]
            [Depolarizing(1e-3, After = NoiseAfter.SingleQubitGates)]
            [BitFlip(0.01, Qubits = new[] { 2, 0 })]
            [PhaseFlip(0.02)]
            [BitPhaseFlip(0.03)]
            [PauliChannel(0.01, 0.02, 0.03, Gates = new[] { GateKind.RY, GateKind.CNOT })]
            [AmplitudeDamping(0.04)]
            [GeneralizedAmplitudeDamping(0.05, 0.1)]
            [PhaseDamping(0.06)]
            [ThermalRelaxation(100, 80, 0.5, ExcitedPopulation = 0.02)]
            [ResetError(0.01, 0.002)]
            [TwoQubitDepolarizing(0.02, After = NoiseAfter.TwoQubitGates)]
            [ReadoutError(0.02, 0.03)]
            [ReadoutError(0.1, 0.2, Qubits = new[] { 1 })]
            [DeviceProfile("dev.json", Layout = new[] { 4, 2, 0 })]
            partial struct A;
            """);
        var kinds = d.Channels.Select(c => c.Kind).ToArray();
        Assert.Equal(new[]
        {
            Shared.ChannelKind.Depolarizing, Shared.ChannelKind.BitFlip, Shared.ChannelKind.PhaseFlip, Shared.ChannelKind.BitPhaseFlip,
            Shared.ChannelKind.PauliChannel, Shared.ChannelKind.AmplitudeDamping, Shared.ChannelKind.GeneralizedAmplitudeDamping,
            Shared.ChannelKind.PhaseDamping, Shared.ChannelKind.ThermalRelaxation, Shared.ChannelKind.ResetError, Shared.ChannelKind.TwoQubitDepolarizing,
        }, kinds);
        Assert.All(d.Channels, c => Assert.True(c.Bound));
        var attributes = type.GetAttributes();
        Assert.All(d.Channels, c => Assert.EndsWith(c.Kind + "Attribute", attributes[c.AttributeIndex].AttributeClass!.Name));
        Assert.Equal(Parsing.DeclaredNoiseAfter.SingleQubitGates, d.Channels[0].After);
        Assert.Equal(new[] { 1e-3 }, d.Channels[0].Parameters.Items);
        Assert.True(d.Channels[1].QubitsSet);
        Assert.Equal(new[] { 2, 0 }, d.Channels[1].Qubits.Items);
        Assert.False(d.Channels[1].GatesSet);
        Assert.Equal(new[] { (int)GateKind.RY, (int)GateKind.CNOT }, d.Channels[4].Gates.Items);
        Assert.Equal(new[] { 0.01, 0.02, 0.03 }, d.Channels[4].Parameters.Items);
        Assert.Equal(new[] { 100, 80, 0.5, 0.02 }, d.Channels[8].Parameters.Items);
        Assert.Equal(2, d.Channels[10].ChannelQubits);
        Assert.Equal(2, d.Readouts.Count);
        Assert.False(d.Readouts[0].QubitsSet);
        Assert.Equal(new[] { 1 }, d.Readouts[1].Qubits.Items);
        Assert.Equal(0.2, d.Readouts[1].Probability0Given1);
        Assert.NotNull(d.Profile);
        Assert.Equal("dev.json", d.Profile!.Path);
        Assert.Equal(new[] { 4, 2, 0 }, d.Profile.Layout.Items);
        Assert.Equal("DeviceProfileAttribute", attributes[d.Profile.AttributeIndex].AttributeClass!.Name);
        Assert.Empty(Parsing.NoiseValidation.Validate(d, 3));
    }

    [Fact]
    public void No_noise_reads_as_the_shared_empty_declaration()
    {
        var (_, d) = Read("""[Ansatz(Qubits = 2)] [Observable("Z0")] partial struct A { }""");
        Assert.True(d.IsEmpty);
        Assert.Same(Parsing.NoiseDeclaration.None, d);
    }

    [Fact]
    public void Equal_declarations_from_different_compilations_are_equal_and_any_change_is_not()
    {
        const string source = """
            [Ansatz(Qubits = 3)]
            [Depolarizing(1e-3, Gates = new[] { GateKind.RX })]
            [ThermalRelaxation(50, 70, 0.1)]
            [ReadoutError(0.02, 0.03, Qubits = new[] { 0, 1 })]
            [DeviceProfile("a/dev.json")]
            partial struct A;
            """;
        var first = Read(source).Declaration;
        var second = Read("// an unrelated edit\n" + source).Declaration;
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        foreach (var (from, to) in new[]
        {
            ("1e-3", "2e-3"), ("GateKind.RX", "GateKind.RY"), ("70, 0.1", "70, 0.2"), ("0, 1 }", "1, 0 }"), ("a/dev.json", "b/dev.json"),
        })
        {
            Assert.NotEqual(first, Read(source.Replace(from, to)).Declaration);
        }

        // Written order is the rule order: swapping two channel attributes is a different model.
        var swapped = Read(source.Replace("[Depolarizing(1e-3, Gates = new[] { GateKind.RX })]\n[ThermalRelaxation(50, 70, 0.1)]",
            "[ThermalRelaxation(50, 70, 0.1)]\n[Depolarizing(1e-3, Gates = new[] { GateKind.RX })]")).Declaration;
        Assert.NotEqual(first, swapped);
    }

    public static IEnumerable<object[]> BadDeclarations() => new[]
    {
        new object[] { "[Depolarizing(1.5)]", "ProbabilityOutOfRange", "p", -1, "outside [0, 1]" },
        new object[] { "[BitFlip(-0.1)]", "ProbabilityOutOfRange", "p", -1, "outside [0, 1]" },
        new object[] { "[PauliChannel(0.5, 0.4, 0.3)]", "ProbabilityOutOfRange", "pZ", -1, "more than 1" },
        new object[] { "[GeneralizedAmplitudeDamping(0.1, 2)]", "ProbabilityOutOfRange", "excitedPopulation", -1, "outside [0, 1]" },
        new object[] { "[ThermalRelaxation(50, 120, 0.1)]", "InvalidRelaxationTimes", "t2", -1, "2·T1" },
        new object[] { "[ThermalRelaxation(0, 10, 0.1)]", "InvalidRelaxationTimes", "t1", -1, "positive" },
        new object[] { "[ThermalRelaxation(50, 60, -1)]", "InvalidRelaxationTimes", "gateTime", -1, "0 or more" },
        new object[] { "[ThermalRelaxation(50, 60, 1, ExcitedPopulation = 1.5)]", "ProbabilityOutOfRange", "ExcitedPopulation", -1, "outside [0, 1]" },
        new object[] { "[ResetError(0.6, 0.6)]", "ProbabilityOutOfRange", "p1", -1, "more than 1" },
        new object[] { "[TwoQubitDepolarizing(0.01, After = NoiseAfter.SingleQubitGates)]", "TwoQubitChannelAfterSingleQubitGates", "After", -1, "two-qubit channel" },
        new object[] { "[TwoQubitDepolarizing(0.01, Gates = new[] { GateKind.CNOT, GateKind.RY })]", "GatesNotFollowable", "Gates", 1, "RY acts on one qubit" },
        new object[] { "[Depolarizing(0.01, Gates = new GateKind[0])]", "GatesNotFollowable", "Gates", -1, "Gates is empty" },
        new object[] { "[Depolarizing(0.01, After = (NoiseAfter)7)]", "GatesNotFollowable", "After", -1, "not a NoiseAfter" },
        new object[] { "[Depolarizing(0.01, Qubits = new[] { 0, 3 })]", "QubitOutOfRange", "Qubits", 1, "qubits 0 to 2" },
        new object[] { "[Depolarizing(0.01, Qubits = new[] { 1, 1 })]", "QubitOutOfRange", "Qubits", 1, "second time" },
        new object[] { "[TwoQubitDepolarizing(0.01, Qubits = new[] { 0 })]", "QubitOutOfRange", "Qubits", -1, "exactly two" },
        new object[] { "[ReadoutError(1.2, 0)]", "ReadoutProbabilityOutOfRange", "probability1Given0", -1, "not a probability" },
        new object[] { "[ReadoutError(0.6, 0.5)]", "ReadoutProbabilityOutOfRange", "probability0Given1", -1, "add up to 1 or more" },
        new object[] { "[ReadoutError(0.01, 0.01, Qubits = new[] { -1 })]", "ReadoutQubitOutOfRange", "Qubits", 0, "qubits 0 to 2" },
        new object[] { "[DeviceProfile(\"\")]", "ProfileMissing", "path", -1, "names no file" },
        new object[] { "[DeviceProfile(\"d.json\", Layout = new[] { 0, 1 })]", "LayoutWrongSize", "Layout", -1, "maps 2 qubits" },
        new object[] { "[DeviceProfile(\"d.json\", Layout = new[] { 0, 1, 0 })]", "LayoutWrongSize", "Layout", 2, "second time" },
    };

    [Theory]
    [MemberData(nameof(BadDeclarations))]
    public void Validation_names_the_problem_at_its_argument(string attribute, string kind, string argument, int element, string fragment)
    {
        var (_, d) = Read("[Ansatz(Qubits = 3)]\n" + attribute + "\npartial struct A;");
        var problems = Parsing.NoiseValidation.Validate(d, 3);
        var problem = Assert.Single(problems);
        Assert.Equal(kind, problem.Kind.ToString());
        Assert.Equal(argument, problem.Argument.Name);
        Assert.Equal(element, problem.Argument.Element);
        Assert.Contains(fragment, problem.Message, System.StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", problem.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_model_places_channels_where_the_runtime_model_written_by_hand_does()
    {
        var (_, d) = Read("""
            [Ansatz(Qubits = 3)]
            [Depolarizing(1e-3, After = NoiseAfter.SingleQubitGates)]
            [TwoQubitDepolarizing(1e-2)]
            [AmplitudeDamping(0.02, Qubits = new[] { 2 })]
            [PhaseFlip(0.03, Gates = new[] { GateKind.CNOT }, Qubits = new[] { 0 })]
            [ThermalRelaxation(100, 150, 1)]
            [ReadoutError(0.02, 0.03)]
            [ReadoutError(0.1, 0.05, Qubits = new[] { 1 })]
            partial struct A;
            """);
        Assert.Empty(Parsing.NoiseValidation.Validate(d, 3));
        var shared = Parsing.NoiseModelBuilder.Build(d, SharedCircuit(), null);
        var runtime = new NoiseModel()
            .AfterEach(NoiseChannel.Depolarizing(1e-3), NoiseModel.SingleQubitGates)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(1e-2), NoiseModel.TwoQubitGates);
        foreach (var kind in System.Enum.GetValues<GateKind>())
        {
            runtime = runtime.AfterEachOn(NoiseChannel.AmplitudeDamping(0.02), kind, 2);
        }

        runtime = runtime.AfterEachOn(NoiseChannel.PhaseFlip(0.03), GateKind.CNOT, 0)
            .AfterEach(NoiseChannel.ThermalRelaxation(100, 150, 1))
            .WithReadout(ReadoutError.Uniform(3, 0.02, 0.03).With(1, 0.1, 0.05));
        var expected = runtime.ApplyTo(RuntimeCircuit()).Channels.Select(c => c.ToString()).ToArray();
        var actual = shared.ApplyTo(SharedCircuit()).Channels.Select(c => c.ToString()).ToArray();
        Assert.Equal(expected, actual);
        Assert.Equal(runtime.Readout!.ToString(), shared.Readout!.ToString());
        Assert.Contains(actual, a => a.StartsWith("AmplitudeDamping", System.StringComparison.Ordinal));
    }

    private static Circuit RuntimeCircuit()
    {
        var c = new Circuit(3);
        c.RY(0, c.Weight()).RX(1, c.Weight()).CNOT(0, 1).CNOT(1, 2).RZ(2, c.Weight()).CZ(2, 0);
        return c;
    }

    private static Shared.Circuit SharedCircuit()
    {
        var c = new Shared.Circuit(3);
        c.RY(0, c.Weight()).RX(1, c.Weight()).CNOT(0, 1).CNOT(1, 2).RZ(2, c.Weight()).CZ(2, 0);
        return c;
    }
}
