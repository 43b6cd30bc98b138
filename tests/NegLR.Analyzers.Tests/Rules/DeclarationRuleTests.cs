extern alias analyzers;

using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Declarations;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Rules;

/// <summary>NLR00xx, each at its exact span.</summary>
public sealed class DeclarationRuleTests
{
    private const string Body = """
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
                c.RY(1, c.Weight());
            }
        """;

    private static Task Verify(string source) => Verify<AnsatzDeclarationAnalyzer>.Analyzer(source);

    [Fact]
    public Task NLR0001_TypeNotPartial_AtTheName() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public struct {|NLR0001:Classifier|}
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0001_ContainingTypeNotPartial_AtItsName() => Verify($$"""
        using NegLR;

        public static class {|NLR0001:Outer|}
        {
            [Ansatz(Qubits = 2)]
            [Observable("Z0 + Z1")]
            public partial struct Inner
            {
            {{Body}}
            }
        }
        """);

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("-4")]
    public Task NLR0002_QubitsOutOfRange_AtTheArgument(string qubits) => Verify($$"""
        using NegLR;

        [Ansatz({|NLR0002:Qubits = {{qubits}}|})]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c) => c.RY(0, c.Weight());
        }
        """);

    [Fact]
    public Task NLR0002_QubitsMissing_AtTheAttribute() => Verify("""
        using NegLR;

        [{|NLR0002:Ansatz|}]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c) => c.RY(0, c.Weight());
        }
        """);

    [Fact]
    public Task NLR0003_NoCircuit_AtTheName() => Verify("""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct {|NLR0003:A|}
        {
        }
        """);

    [Fact]
    public Task NLR0004_SeveralCircuits_AtEachExtraMethod() => Verify("""
        using NegLR;

        [Ansatz(Qubits = 1)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c) => c.RY(0, c.Weight());

            [Circuit]
            static void {|NLR0004:Other|}(Circuit c) => c.RX(0, c.Weight());
        }
        """);

    [Theory]
    [InlineData("void {|NLR0005:Build|}(Circuit c) { c.RY(0, c.Weight()); }")]
    [InlineData("static void Build{|NLR0005:(Circuit c, int layers)|} { c.RY(0, c.Weight()); }")]
    [InlineData("static void Build{|NLR0005:(int c)|} { }")]
    [InlineData("static int {|NLR0005:Build|}(Circuit c) => 0;")]
    public Task NLR0005_WrongSignature_AtTheNameOrParameters(string method) => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 1)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            {{method}}
        }
        """);

    [Theory]
    [InlineData("\"Z0 + {|NLR0006:Q1|}\"")]
    [InlineData("\"Z0 +{|NLR0006: |}\"")]
    [InlineData("\"0.5 {|NLR0006:Z|}\"")]
    [InlineData("\"Z0 {|NLR0006:2|}\"")]
    [InlineData("\"Z0 Z1 {|NLR0006:Z0|}\"")]
    [InlineData("{|NLR0006:\"\"|}")]
    [InlineData("@\"Z0 {|NLR0006:\"\"|}X\"")]
    [InlineData("\"Z0\\t+ {|NLR0006:\\u00511|}\"")]
    public Task NLR0006_ObservableDoesNotParse_InsideTheString(string literal) => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable({{literal}})]
        public partial struct A
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0006_ConstObservable_AtTheArgument() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable({|NLR0006:Costs.Bad|})]
        public partial struct A
        {
        {{Body}}
        }

        public static class Costs
        {
            public const string Bad = "Z0 +";
        }
        """);

    [Fact]
    public Task NLR0007_ObservableQubitOutOfRange_AtEachOperator() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("0.5 Z0 {|NLR0007:Z2|} - 1.2 {|NLR0007:X7|} + Z1")]
        public partial struct A
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0008_NoObservable_AtTheName() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        public partial struct {|NLR0008:A|}
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0009_TemplateAndCircuit_AtTheTemplate() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2, {|NLR0009:Template = AnsatzTemplate.HardwareEfficient|}, Layers = 2)]
        [Observable("Z0")]
        public partial struct A
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0010_TemplateLayersBelowOne_AtTheArgument() => Verify("""
        using NegLR;

        [Ansatz(Qubits = 2, Template = AnsatzTemplate.HardwareEfficient, {|NLR0010:Layers = 0|})]
        [Observable("Z0")]
        public partial struct A;
        """);

    [Fact]
    public Task ValidDeclarations_NoDiagnostics() => Verify($$""""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        [Observable(@"X0 X1", Name = "Parity")]
        public partial struct A
        {
        {{Body}}
        }

        [Ansatz(Qubits = 3, Template = AnsatzTemplate.StronglyEntanglingLayers, Layers = 2)]
        [Observable("""Z0 Z1 + 0.5 X2""")]
        public partial class B;
        """");
}
