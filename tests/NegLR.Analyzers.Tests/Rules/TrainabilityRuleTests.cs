extern alias analyzers;

using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Trainability;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Rules;

/// <summary>NLR03xx: barren-plateau warnings, their thresholds and their .editorconfig keys.</summary>
public sealed class TrainabilityRuleTests
{
    internal const string GlobalCost = """
        using NegLR;

        [Ansatz(Qubits = 8)]
        [Observable({|NLR0301:"Z0 Z1 Z2 Z3 Z4 Z5 Z6 Z7"|})]
        public partial struct Global
        {
            [Circuit]
            static void Build(Circuit c)
            {
                for (int q = 0; q < 8; q++) c.RY(q, c.Weight());
            }
        }
        """;

    internal const string DeepBrickwork = """
        using NegLR;

        [Ansatz(Qubits = 12)]
        [Observable("Z6")]
        public partial struct Deep
        {
            const int Layers = 24;

            [Circuit]
            static void {|NLR0303:Build|}(Circuit c)
            {
                for (int layer = 0; layer < Layers; layer++)
                {
                    for (int q = 0; q < 12; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                    for (int q = layer % 2; q + 1 < 12; q += 2) c.CZ(q, q + 1);
                }
            }
        }
        """;

    internal const string WideLightCone = """
        using NegLR;

        [Ansatz(Qubits = 12, Template = AnsatzTemplate.StronglyEntanglingLayers, {|NLR0302:Layers = 2|})]
        [Observable("Z0")]
        public partial struct Wide;
        """;

    [Fact]
    public Task NLR0301_GlobalCost_AtTheObservable() => Verify<TrainabilityAnalyzer>.Analyzer(GlobalCost);

    [Fact]
    public Task NLR0301_LocalTermMadeGlobalByALadder_AtTheObservable() => Verify<TrainabilityAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 10)]
        [Observable({|NLR0301:"Z9"|})]
        public partial struct Ladder
        {
            [Circuit]
            static void Build(Circuit c)
            {
                for (int q = 0; q < 10; q++) c.RY(q, c.Weight());
                for (int q = 0; q < 9; q++) c.CNOT(q, q + 1);
            }
        }
        """);

    [Fact]
    public Task NLR0302_LocalCostWithAWideLightCone_AtTheLayers() => Verify<TrainabilityAnalyzer>.Analyzer(WideLightCone);

    [Fact]
    public Task NLR0303_TwoDesignDepth_AtTheCircuitMethod() => Verify<TrainabilityAnalyzer>.Analyzer(DeepBrickwork);

    [Fact]
    public Task ShallowLocalCost_NoDiagnostic() => Verify<TrainabilityAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 12, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0")]
        public partial struct Shallow;
        """);

    [Fact]
    public Task SmallRegister_NeverBarren() => Verify<TrainabilityAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 4, Template = AnsatzTemplate.StronglyEntanglingLayers, Layers = 20)]
        [Observable("Z0 Z1 Z2 Z3")]
        public partial struct Small;
        """);

    [Theory]
    [InlineData("neglr.global_cost_min_qubits = 9")]
    [InlineData("neglr.min_gradient_variance = 0.001")]
    public Task EditorConfig_RaisedThresholds_SilenceTheGlobalCost(string setting) =>
        Verify<TrainabilityAnalyzer>.Analyzer(GlobalCost.Replace("{|NLR0301:", "").Replace("\"|})]", "\")]"), setting);

    [Fact]
    public Task EditorConfig_LowerGlobalThreshold_FlagsASmallerGlobalCost() => Verify<TrainabilityAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 5)]
        [Observable({|NLR0301:"Z0 Z1 Z2 Z3 Z4"|})]
        public partial struct Global
        {
            [Circuit]
            static void Build(Circuit c)
            {
                for (int q = 0; q < 5; q++) c.RY(q, c.Weight());
            }
        }
        """, "neglr.global_cost_min_qubits = 4\nneglr.min_gradient_variance = 0.05");

    [Fact]
    public Task EditorConfig_TwoDesignFactor_MovesTheDeepCircuitToNLR0302() =>
        Verify<TrainabilityAnalyzer>.Analyzer(DeepBrickwork.Replace("NLR0303", "NLR0302"), "neglr.two_design_depth_factor = 4");

    [Fact]
    public Task EditorConfig_DepthFactor_SilencesTheWideLightCone() =>
        Verify<TrainabilityAnalyzer>.Analyzer(WideLightCone.Replace("{|NLR0302:Layers = 2|}", "Layers = 2"), "neglr.max_entangling_depth_factor = 4");
}
