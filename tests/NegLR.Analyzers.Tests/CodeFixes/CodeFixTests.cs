extern alias analyzers;

using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Declarations;
using analyzers::NegLR.Analyzers.Facts;
using analyzers::NegLR.Analyzers.Trainability;
using analyzers::NegLR.CodeFixes;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.CodeFixes;

/// <summary>Every code fix: the source before, the source after, and what the analyzer says about the result.</summary>
public sealed class CodeFixTests
{
    private const string GlobalBefore = """
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

    [Fact]
    public Task GlobalObservable_BecomesASumOfLocalTerms() => Verify<TrainabilityAnalyzer, LocalObservableCodeFix>.CodeFix(GlobalBefore,
        GlobalBefore.Replace("{|NLR0301:\"Z0 Z1 Z2 Z3 Z4 Z5 Z6 Z7\"|}", "\"Z0 + Z1 + Z2 + Z3 + Z4 + Z5 + Z6 + Z7\""));

    [Fact]
    public Task GlobalObservable_BecomesTheMeanOfLocalTerms() => Verify<TrainabilityAnalyzer, LocalObservableCodeFix>.CodeFix(GlobalBefore,
        GlobalBefore.Replace("{|NLR0301:\"Z0 Z1 Z2 Z3 Z4 Z5 Z6 Z7\"|}",
            "\"0.125 Z0 + 0.125 Z1 + 0.125 Z2 + 0.125 Z3 + 0.125 Z4 + 0.125 Z5 + 0.125 Z6 + 0.125 Z7\""),
        codeActionIndex: 1);

    [Fact]
    public void LocalForm_KeepsCoefficientsAndMergesLikeTerms()
    {
        var terms = analyzers::NegLR.PauliSumParser.ParseTerms("0.5 Z0 Z1 - 2 X1 Y2 + 0.3", out _)!;

        Assert.Equal("0.5 Z0 + 0.5 Z1 - 2 X1 - 2 Y2 + 0.3", LocalObservableCodeFix.Localise(terms, mean: false));
        Assert.Equal("0.25 Z0 + 0.25 Z1 - X1 - Y2 + 0.3", LocalObservableCodeFix.Localise(terms, mean: true));
        Assert.Equal("2 Z0 + Z1", LocalObservableCodeFix.Localise(analyzers::NegLR.PauliSumParser.ParseTerms("Z0 Z1 + Z0", out _)!, mean: false));
    }

    [Fact]
    public Task DeepTemplate_LayersReducedToTheTrainableDepth() => Verify<TrainabilityAnalyzer, ReduceLayersCodeFix>.CodeFix("""
        using NegLR;

        [Ansatz(Qubits = 12, Template = AnsatzTemplate.HardwareEfficient, {|NLR0303:Layers = 12|})]
        [Observable("Z0")]
        public partial struct Deep;
        """, """
        using NegLR;

        [Ansatz(Qubits = 12, Template = AnsatzTemplate.HardwareEfficient, Layers = 6)]
        [Observable("Z0")]
        public partial struct Deep;
        """);

    [Fact]
    public Task DeepBody_LayerConstantReducedToTheTrainableDepth() => Verify<TrainabilityAnalyzer, ReduceLayersCodeFix>.CodeFix(
        Rules.TrainabilityRuleTests.DeepBrickwork,
        Rules.TrainabilityRuleTests.DeepBrickwork.Replace("const int Layers = 24;", "const int Layers = 3;").Replace("{|NLR0303:Build|}", "Build"));

    [Fact]
    public Task DeadGate_Removed() => Verify<QuantumFactsAnalyzer, RemoveGateCodeFix>.CodeFix("""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
                c.RY(1, c.Weight());
                c.CNOT(1, 0);
                c.{|NLR0204:RX(1, c.Weight())|};
            }
        }
        """, """
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
                c.RY(1, c.Weight());
                c.CNOT(1, 0);
            }
        }
        """);

    [Fact]
    public Task DeadGateInAChain_ReplacedByItsReceiver() => Verify<QuantumFactsAnalyzer, RemoveGateCodeFix>.CodeFix("""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight()).RY(1, c.Weight()).CNOT(1, 0).{|NLR0204:RX(1, c.Weight())|};
            }
        }
        """, """
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight()).RY(1, c.Weight()).CNOT(1, 0);
            }
        }
        """);

    [Fact]
    public Task IneffectiveGate_Removed() => Verify<QuantumFactsAnalyzer, RemoveGateCodeFix>.CodeFix("""
        using NegLR;

        [Ansatz(Qubits = 1)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.{|NLR0206:T(0)|};
                c.RY(0, c.Weight());
            }
        }
        """, """
        using NegLR;

        [Ansatz(Qubits = 1)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
            }
        }
        """);

    [Fact]
    public Task DeadOnSomeIterationsOnly_NoFixOffered() => Verify<QuantumFactsAnalyzer, RemoveGateCodeFix>.CodeFix("""
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
        """, """
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

    [Theory]
    [InlineData("void {|NLR0005:Build|}(Circuit c)", "static void Build(Circuit c)")]
    [InlineData("private void {|NLR0005:Build|}(Circuit c)", "private static void Build(Circuit c)")]
    [InlineData("static void {|NLR0005:Build|}<T>(Circuit c)", "static void Build(Circuit c)")]
    [InlineData("static void Build{|NLR0005:(Circuit circuit, int layers)|}", "static void Build(Circuit circuit)")]
    [InlineData("static void Build{|NLR0005:(ref Circuit c)|}", "static void Build(Circuit c)")]
    [InlineData("static void Build{|NLR0005:()|}", "static void Build(Circuit c)")]
    public Task WrongSignature_Fixed(string before, string after)
    {
        const string Template = """
            using NegLR;

            [Ansatz(Qubits = 1)]
            [Observable("Z0")]
            public partial struct A
            {
                [Circuit]
                SIGNATURE
                {
                }
            }
            """;

        return Verify<AnsatzDeclarationAnalyzer, CircuitSignatureCodeFix>.CodeFix(Template.Replace("SIGNATURE", before), Template.Replace("SIGNATURE", after));
    }
}
