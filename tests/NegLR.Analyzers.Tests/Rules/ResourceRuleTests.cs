extern alias analyzers;

using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Resources;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Rules;

/// <summary>NLR04xx.</summary>
public sealed class ResourceRuleTests
{
    private static string Source(string qubits) => $$"""
        using NegLR;

        [Ansatz({{qubits}}, Template = AnsatzTemplate.HardwareEfficient, Layers = 1)]
        [Observable("Z0")]
        public partial struct Big;
        """;

    [Fact]
    public Task NLR0401_StateVectorBeyondDefault_AtTheQubitCount() => Verify<ResourceAnalyzer>.Analyzer(Source("{|NLR0401:Qubits = 25|}"));

    [Fact]
    public Task NLR0401_AtTheDefaultLimit_NoDiagnostic() => Verify<ResourceAnalyzer>.Analyzer(Source("Qubits = 24"));

    [Fact]
    public Task NLR0401_EditorConfigThreshold() => Verify<ResourceAnalyzer>.Analyzer(Source("{|NLR0401:Qubits = 20|}"), "neglr.max_state_vector_mb = 8");
}
