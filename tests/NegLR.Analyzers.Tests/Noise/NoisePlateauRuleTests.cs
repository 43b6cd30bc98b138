extern alias analyzers;

using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Trainability;
using analyzers::NegLR.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Noise;

/// <summary>NLR0304: the noise-induced plateau warning, its message, its threshold, suppression and the reduce-layers fix.</summary>
public sealed class NoisePlateauRuleTests
{
    internal const string NoisyDeepTemplate = """
        using NegLR;

        [Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, {|NLR0304:Layers = 20|})]
        [Observable("Z0")]
        [Depolarizing(0.05)]
        public partial struct Noisy;
        """;

    [Fact]
    public Task A_deep_circuit_under_strong_noise_is_flagged_at_Layers() => Verify<NoisePlateauAnalyzer>.Analyzer(NoisyDeepTemplate);

    [Fact]
    public Task Weak_noise_or_a_shallow_circuit_is_not_flagged() => Verify<NoisePlateauAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, Layers = 20)]
        [Observable("Z0")]
        [Depolarizing(1e-4)]
        public partial struct Weak;

        [Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0")]
        [Depolarizing(0.05)]
        public partial struct Shallow;

        [Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, Layers = 20)]
        [Observable("Z0")]
        public partial struct Ideal;
        """);

    [Fact]
    public Task The_threshold_comes_from_editorconfig() => Verify<NoisePlateauAnalyzer>.Analyzer(
        NoisyDeepTemplate.Replace("{|NLR0304:Layers = 20|}", "Layers = 20"), "neglr.min_noise_gradient = 1e-6");

    [Fact]
    public Task A_stricter_threshold_flags_a_shallower_circuit() => Verify<NoisePlateauAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, {|NLR0304:Layers = 4|})]
        [Observable("Z0")]
        [Depolarizing(0.05)]
        public partial struct Noisy;
        """, "neglr.min_noise_gradient = 1.5");

    [Fact]
    public Task A_body_is_flagged_at_its_Circuit_method() => Verify<NoisePlateauAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 4)]
        [Observable("Z0 + Z1")]
        [Depolarizing(0.08, After = NoiseAfter.SingleQubitGates)]
        [TwoQubitDepolarizing(0.05)]
        public partial struct Body
        {
            const int Layers = 30;

            [Circuit]
            static void {|NLR0304:Build|}(Circuit c)
            {
                for (int layer = 0; layer < Layers; layer++)
                {
                    for (int q = 0; q < 4; q++) c.RY(q, c.Weight());
                    for (int q = 0; q + 1 < 4; q++) c.CNOT(q, q + 1);
                }
            }
        }
        """);

    [Fact]
    public async Task The_message_names_the_contraction_the_crossing_depth_and_the_noise()
    {
        var diagnostics = await Diagnose(NoisyDeepTemplate.Replace("{|NLR0304:Layers = 20|}", "Layers = 20"));
        var message = Assert.Single(diagnostics).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("estimated contraction Q ≈ ", message, System.StringComparison.Ordinal);
        Assert.Contains("the bound crosses it at ", message, System.StringComparison.Ordinal);
        Assert.Contains("(of 20 declared)", message, System.StringComparison.Ordinal);
        Assert.Contains("Depolarizing(p=0.05) (100 %)", message, System.StringComparison.Ordinal);
        Assert.Contains("below neglr.min_noise_gradient = 0.125", message, System.StringComparison.Ordinal);
        Assert.Contains("use at most ", message, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_warning_can_be_suppressed_by_pragma_and_by_severity()
    {
        string pragma = "#pragma warning disable NLR0304\n" + NoisyDeepTemplate.Replace("{|NLR0304:Layers = 20|}", "Layers = 20");
        Assert.Empty((await Diagnose(pragma)).Where(d => !d.IsSuppressed));
        await Verify<NoisePlateauAnalyzer>.Analyzer(NoisyDeepTemplate.Replace("{|NLR0304:Layers = 20|}", "Layers = 20"),
            "dotnet_diagnostic.NLR0304.severity = none");
    }

    [Fact]
    public async Task The_fix_reduces_a_template_to_the_deepest_trainable_depth()
    {
        var diagnostic = Assert.Single(await Diagnose(NoisyDeepTemplate.Replace("{|NLR0304:Layers = 20|}", "Layers = 20")));
        Assert.True(diagnostic.Properties.TryGetValue(TrainabilityAnalyzer.TrainableLayersProperty, out var text));
        int layers = int.Parse(text!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(layers, 1, 19);
        // The fixed declaration is the deepest one the rule accepts: one layer more is flagged again.
        await Verify<NoisePlateauAnalyzer, ReduceLayersCodeFix>.CodeFix(NoisyDeepTemplate,
            NoisyDeepTemplate.Replace("{|NLR0304:Layers = 20|}", $"Layers = {layers}"));
        Assert.Single(await Diagnose(NoisyDeepTemplate.Replace("{|NLR0304:Layers = 20|}", $"Layers = {layers + 1}")));
    }

    private const string NoisyBody = """
        using NegLR;

        [Ansatz(Qubits = 4)]
        [Observable("Z0")]
        [Depolarizing(0.05)]
        public partial struct Body
        {
            const int Layers = LAYERS;

            [Circuit]
            static void BUILD(Circuit c)
            {
                for (int layer = 0; layer < Layers; layer++)
                {
                    for (int q = 0; q < 4; q++) c.RY(q, c.Weight());
                    for (int q = 0; q + 1 < 4; q++) c.CNOT(q, q + 1);
                }
            }
        }
        """;

    [Fact]
    public async Task The_fix_scales_a_bodys_layer_loop()
    {
        var diagnostic = Assert.Single(await Diagnose(NoisyBody.Replace("LAYERS", "40").Replace("BUILD", "Build")));
        Assert.True(diagnostic.Properties.TryGetValue(NoisePlateauAnalyzer.TrainableFractionProperty, out var text));
        int layers = (int)System.Math.Floor(40 * double.Parse(text!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(layers, 1, 39);
        await Verify<NoisePlateauAnalyzer, ReduceLayersCodeFix>.CodeFix(
            NoisyBody.Replace("LAYERS", "40").Replace("BUILD", "{|NLR0304:Build|}"),
            NoisyBody.Replace("LAYERS", layers.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("BUILD", "Build"));
        // The noise layers of a body are spread evenly over its loop: the fixed body is within one layer of the boundary.
        Assert.Empty(await Diagnose(NoisyBody.Replace("LAYERS", (layers - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("BUILD", "Build")));
    }

    internal static async Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Diagnose(string source, string? editorConfig = null)
    {
        var compilation = CSharpCompilation.Create("t", new[] { CSharpSyntaxTree.ParseText(source, path: "/0/Test0.cs") }, TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzer = new NoisePlateauAnalyzer();
        var options = new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);
        return await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
            new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
