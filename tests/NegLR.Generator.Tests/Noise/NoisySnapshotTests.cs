using Microsoft.CodeAnalysis;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Noise;

/// <summary>
/// The generated text of noisy ansätze, pinned: declared channels and readout on a template, a device profile from
/// AdditionalFiles with a layout, and channels written in a [Circuit] body. Review snapshot diffs like code.
/// </summary>
public class NoisySnapshotTests
{
    internal const string NoisyHea = """
        using NegLR;

        namespace Noisy;

        [Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, Layers = 4)]
        [Observable("Z0 Z1")]
        [Depolarizing(1e-3, After = NoiseAfter.SingleQubitGates)]
        [TwoQubitDepolarizing(1e-2)]
        [ThermalRelaxation(120, 90, 0.05, Gates = new[] { GateKind.RY }, Qubits = new[] { 0, 1 })]
        [ReadoutError(0.02, 0.05)]
        public partial struct NoisyHea;
        """;

    internal const string OnManila = """
        using NegLR;

        namespace Devices;

        [Ansatz(Qubits = 3)]
        [Observable("Z0")]
        [DeviceProfile("ibmq-manila-2024-05-27.json", Layout = new[] { 1, 2, 3 })]
        public partial struct OnManila
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.AngleEmbedding(features: 3, rotation: Rotation.Y);
                for (int q = 0; q < 3; q++) c.RY(q, c.Weight());
                c.CNOT(2, 1).CNOT(1, 0);
            }
        }
        """;

    internal const string BodyChannels = """
        using NegLR;

        namespace Noisy;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + 0.5 X1")]
        public partial class BodyNoise
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight()).AmplitudeDamping(0, 0.05);
                c.CNOT(0, 1).TwoQubitDepolarizing(0, 1, 0.02);
                c.RX(1, c.Input(0)).PhaseDamping(1, 0.1).ThermalRelaxation(1, 100, 80, 0.3);
            }
        }
        """;

    private static void Verify(string source, string hintName, AdditionalText[] files, [System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        var (_, result, _) = NoiseHarness.Run(TestCompilation.Create(source), files);
        Assert.Empty(result.Diagnostics);
        Snapshot.Match(GeneratorHarness.Generated(result, hintName), hintName, nameof(NoisySnapshotTests), test);
    }

    [Fact]
    public void DeclaredChannelsAndReadout_OnATemplate() => Verify(NoisyHea, "Noisy.NoisyHea.Ansatz.g.cs", System.Array.Empty<AdditionalText>());

    [Fact]
    public void DeviceProfile_FromAdditionalFiles_WithALayout() =>
        Verify(OnManila, "Devices.OnManila.Ansatz.g.cs", new AdditionalText[] { new MemoryText("/project/ibmq-manila-2024-05-27.json", NoiseHarness.ManilaJson) });

    [Fact]
    public void ChannelsWrittenInTheBody() => Verify(BodyChannels, "Noisy.BodyNoise.Ansatz.g.cs", System.Array.Empty<AdditionalText>());
}
