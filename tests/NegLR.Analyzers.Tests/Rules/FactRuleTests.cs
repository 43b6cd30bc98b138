extern alias analyzers;

using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Facts;
using Microsoft.CodeAnalysis.Testing;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Rules;

/// <summary>NLR02xx: provable circuit facts.</summary>
public sealed class FactRuleTests
{
    private static Task Verify(string statements, int qubits = 2, string observable = "Z0 + Z1") => Verify<QuantumFactsAnalyzer>.Analyzer($$"""
        using NegLR;

        [Ansatz(Qubits = {{qubits}})]
        [Observable("{{observable}}")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
                c.RY(1, c.Weight());
                {{statements}}
            }
        }
        """);

    [Theory]
    [InlineData("c.H({|NLR0201:5|});")]
    [InlineData("c.CNOT(0, {|NLR0201:2|});")]
    [InlineData("c.MultiRZ(0.5, 0, {|NLR0201:9|});")]
    [InlineData("for (int q = 0; q < 3; q++) c.RX({|NLR0201:q|}, c.Weight());")]
    public Task NLR0201_QubitOutOfRange_AtTheArgument(string statements) => Verify(statements);

    [Theory]
    [InlineData("c.CNOT(1, {|NLR0202:1|});")]
    [InlineData("c.RZZ(0, {|NLR0202:0|}, c.Weight());")]
    public Task NLR0202_SameQubitTwice_AtTheSecondUse(string statements) => Verify(statements);

    [Theory]
    [InlineData("c.RZ(0, c.Weight({|NLR0203:-1|}));")]
    [InlineData("c.RZ(0, c.Input({|NLR0203:-2|}));")]
    [InlineData("c.AngleEmbedding(2, Rotation.Y, {|NLR0203:-1|});")]
    public Task NLR0203_NegativeIndex_AtTheIndex(string statements) => Verify(statements);

    [Fact]
    public Task NLR0204_DeadWeight_AtTheGateCall() => Verify("c.CNOT(0, 1); c.{|NLR0204:RY(1, c.Weight())|};", observable: "Z0");

    [Fact]
    public Task NLR0204_DeadOnSomeIterations_OneDiagnosticAtTheCall() => Verify<QuantumFactsAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 3)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                for (int layer = 0; layer < 2; layer++)
                {
                    for (int q = 0; q < 3; q++) c.{|NLR0204:RY(q, c.Weight())|};
                    for (int q = 0; q < 2; q++) c.CNOT(q, q + 1);
                }
            }
        }
        """);

    [Fact]
    public Task NLR0204_WeightNoGateUses_AtTheWeightCall() => Verify("var unused = c.{|NLR0204:Weight()|};");

    [Fact]
    public Task NLR0207_TemplateWithDeadWeights_AtTheTemplate_AsASuggestion() => Verify<QuantumFactsAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 3, Template = AnsatzTemplate.HardwareEfficient, Layers = 2)]
        [Observable("Z0")]
        public partial struct A;
        """, new Microsoft.CodeAnalysis.Testing.DiagnosticResult("NLR0207", Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
        .WithSpan(3, 21, 3, 64)
        .WithMessage("2 of the 12 weighted gates the template records (e.g. RY on qubit 2) lie outside the backward light cone of every observable term: " +
                     "w[8], w[11] can never change the cost (gradient identically zero); the gates are the template's, so a cost that measures where they act, or another template, is the fix"));

    [Fact]
    public Task NLR0204_WeightSeenByASecondObservable_IsNotDead() => Verify("c.CNOT(0, 1); c.RY(1, c.Weight());", observable: "Z0\")]\n[Observable(\"Z1");

    [Fact]
    public Task NLR0205_QubitNoGateTouches_AtTheQubitCount() => Verify<QuantumFactsAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz({|NLR0205:Qubits = 4|})]
        [Observable("Z0 + Z1")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
                c.RY(1, c.Weight());
            }
        }
        """);

    [Theory]
    [InlineData("c.{|NLR0206:RZ(0, c.Weight())|};")]
    [InlineData("c.{|NLR0206:Z(1)|};")]
    [InlineData("c.{|NLR0206:CZ(0, 1)|};")]
    [InlineData("c.{|NLR0206:CNOT(0, 1)|};")]
    [InlineData("c.{|NLR0206:MultiRZ(0.5, 0, 1)|};")]
    public Task NLR0206_GateThatDoesNothingOnZeroState_AtTheCall(string first) => Verify<QuantumFactsAnalyzer>.Analyzer($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                {{first}}
                c.RY(0, c.Weight());
                c.RY(1, c.Weight());
                c.CNOT(0, 1);
            }
        }
        """);

    [Fact]
    public Task NLR0206_DiagonalGateAfterARotation_IsNotReported() => Verify("c.RZ(0, c.Weight()); c.CZ(0, 1);");
}
