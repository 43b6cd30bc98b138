extern alias analyzers;

using System.Threading;
using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Noise;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Noise;

/// <summary>NLR06xx: every noise-declaration diagnostic at its exact span (the attribute argument), and clean declarations silent.</summary>
public sealed class NoiseDeclarationRuleTests
{
    private static Task Run(string source, params (string Path, string Text)[] files)
    {
        var test = new AnalyzerTest<NoiseDeclarationAnalyzer>("using NegLR;\n" + source);
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        return test.RunAsync(CancellationToken.None);
    }

    private const string Hea = "[Ansatz(Qubits = 3, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]\n[Observable(\"Z0\")]\n";

    [Fact]
    public Task A_clean_noisy_declaration_is_silent() => Run(Hea + """
        [Depolarizing(1e-3, After = NoiseAfter.SingleQubitGates)]
        [TwoQubitDepolarizing(1e-2, Gates = new[] { GateKind.CNOT, GateKind.CZ })]
        [ThermalRelaxation(100, 150, 0.05, ExcitedPopulation = 0.01)]
        [AmplitudeDamping(0.01, Qubits = new[] { 0, 2 })]
        [ReadoutError(0.02, 0.03)]
        partial struct A;
        """);

    [Fact]
    public Task Probabilities_out_of_range_point_at_the_argument() => Run(Hea + """
        [Depolarizing({|NLR0601:1.5|})]
        [PauliChannel(0.5, 0.4, {|NLR0601:0.3|})]
        [GeneralizedAmplitudeDamping(0.1, {|NLR0601:excitedPopulation: -0.5|})]
        [ThermalRelaxation(100, 150, 0.05, {|NLR0601:ExcitedPopulation = 2|})]
        [ResetError(0.5, {|NLR0601:0.7|})]
        partial struct A;
        """);

    [Fact]
    public Task Relaxation_times_point_at_the_time_at_fault() => Run(Hea + """
        [ThermalRelaxation(50, {|NLR0602:120|}, 0.1)]
        [ThermalRelaxation({|NLR0602:0|}, 10, 0.1)]
        [ThermalRelaxation(50, 60, {|NLR0602:-1|})]
        partial struct A;
        """);

    [Fact]
    public Task Gate_selection_problems_point_at_After_or_the_gate_kind() => Run(Hea + """
        [TwoQubitDepolarizing(0.01, {|NLR0603:After = NoiseAfter.SingleQubitGates|})]
        [TwoQubitDepolarizing(0.01, Gates = new[] { GateKind.CNOT, {|NLR0604:GateKind.RY|} })]
        [TwoQubitDepolarizing(0.01, Gates = [GateKind.CZ, {|NLR0604:GateKind.Toffoli|}])]
        [Depolarizing(0.01, {|NLR0604:Gates = new GateKind[0]|})]
        partial struct A;
        """);

    [Fact]
    public Task Qubits_out_of_range_point_at_the_element() => Run(Hea + """
        [Depolarizing(0.01, Qubits = new[] { 0, {|NLR0605:3|} })]
        [BitFlip(0.01, Qubits = new[] { 1, {|NLR0605:1|} })]
        [TwoQubitDepolarizing(0.01, {|NLR0605:Qubits = new[] { 0 }|})]
        [ReadoutError(0.01, 0.02, Qubits = new[] { {|NLR0607:-1|}, 2 })]
        partial struct A;
        """);

    [Fact]
    public Task Readout_probabilities_point_at_the_argument() => Run(Hea + """
        [ReadoutError({|NLR0606:1.2|}, 0)]
        [ReadoutError(0.6, {|NLR0606:0.5|})]
        partial struct A;
        """);

    [Fact]
    public Task Profile_missing_ambiguous_or_naming_no_file() => Run(Hea + """
        [DeviceProfile({|NLR0608:"nowhere.json"|})]
        partial struct A;
        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile({|NLR0609:"dev.json"|})]
        partial struct B;
        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile({|NLR0608:""|})]
        partial struct C;
        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile("a/dev.json")]
        partial struct D;
        """, ("/0/a/dev.json", NoiseProfilesTests.TwoQubitProfile), ("/0/b/dev.json", NoiseProfilesTests.TwoQubitProfile));

    [Fact]
    public Task A_malformed_profile_is_reported_with_its_json_position() => Run("""
        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile({|NLR0610:"bad.json"|})]
        partial struct A;
        """, ("/0/bad.json", NoiseProfilesTests.TwoQubitProfile.Replace("\"t2\": 80", "\"t2\": 800")));

    [Fact]
    public Task Device_qubits_and_layouts_the_profile_cannot_give() => Run("""
        [Ansatz(Qubits = 3, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile({|NLR0611:"dev.json"|})]
        partial struct A;
        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile("dev.json", Layout = new[] { 0, {|NLR0611:7|} })]
        partial struct B;
        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile("dev.json", {|NLR0612:Layout = new[] { 0 }|})]
        partial struct C;
        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        [DeviceProfile("dev.json", Layout = new[] { 1, {|NLR0612:1|} })]
        partial struct D;
        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        [DeviceProfile({|NLR0611:"dev.json"|})]
        partial struct E
        {
            [Circuit]
            static void Build(Circuit c) { c.RY(0, c.Weight()); c.CZ(0, 1); }
        }
        """, ("/0/dev.json", NoiseProfilesTests.TwoQubitProfile));

    [Fact]
    public Task Noise_on_an_ansatz_without_a_circuit_is_reported_on_each_attribute() => Run("""
        [{|NLR0003:Ansatz(Qubits = 2)|}]
        [Observable("Z0")]
        [{|NLR0613:Depolarizing(0.01)|}]
        [{|NLR0613:ReadoutError(0.01, 0.01)|}]
        partial struct A;
        """.Replace("{|NLR0003:Ansatz(Qubits = 2)|}", "Ansatz(Qubits = 2)"));

    [Fact]
    public Task Noise_on_a_type_without_Ansatz_is_reported()
    {
        var test = new AnalyzerTest<NoiseWithoutAnsatzAnalyzer>("""
            using NegLR;
            [{|NLR0613:Depolarizing(0.01)|}]
            [{|NLR0613:DeviceProfile("x.json")|}]
            class NotAnAnsatz { }
            [Ansatz(Qubits = 1, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
            [Observable("Z0")]
            [Depolarizing(0.01)]
            partial struct Fine;
            """);
        return test.RunAsync(CancellationToken.None);
    }
}
