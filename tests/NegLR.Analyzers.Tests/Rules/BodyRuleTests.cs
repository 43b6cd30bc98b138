extern alias analyzers;

using System.Threading.Tasks;
using analyzers::NegLR.Analyzers.Body;
using NegLR.Analyzers.Tests.Infrastructure;

namespace NegLR.Analyzers.Tests.Rules;

/// <summary>NLR01xx: what the reader could not run, each at the construct, argument or loop header at fault.</summary>
public sealed class BodyRuleTests
{
    private static Task Verify(string statements) => Verify<CircuitBodyAnalyzer>.Analyzer($$"""
        using System;
        using NegLR;

        public static class Config
        {
            public static readonly int Dynamic = 2;
        }

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                {{statements}}
            }
        }
        """);

    [Theory]
    [InlineData("int i = 0; {|NLR0101:while (i < 2) { c.RY(i, c.Weight()); i++; }|}")]
    [InlineData("{|NLR0101:try { c.H(0); } catch { }|}")]
    [InlineData("Func<int, int> f = {|NLR0101:q => q + 1|};")]
    [InlineData("int[] qs = {|NLR0101:[0, 1]|};")]
    public Task NLR0101_UnsupportedConstruct_Named(string statements) => Verify(statements);

    [Fact]
    public Task NLR0102_ValueNotKnownAtCompileTime_AtTheValue() => Verify("c.H({|NLR0102:Config.Dynamic|});");

    [Fact]
    public Task NLR0103_LoopBoundNotConstant_AtTheBound() => Verify("for (int q = 0; {|NLR0103:q < Config.Dynamic|}; q++) c.RY(q, c.Weight());");

    [Theory]
    [InlineData("{|NLR0104:Console.WriteLine(\"hi\")|};")]
    [InlineData("var r = {|NLR0104:new Random(1)|};")]
    public Task NLR0104_CallThatIsNotAGate_AtTheCall(string statements) => Verify(statements);

    [Fact]
    public Task NLR0105_UnrollingOverTheBudget_AtTheGateCall() =>
        Verify("for (int i = 0; i < 100000; i++) c.{|NLR0105:RY(0, c.Weight())|};");

    [Theory]
    [InlineData("c.RY(0, {|NLR0106:double.NaN|});")]
    [InlineData("c.PauliRot(0.5, {|NLR0106:\"XQ\"|}, 0, 1);")]
    [InlineData("c.HardwareEfficient({|NLR0106:0|});")]
    public Task NLR0106_ArgumentTheCircuitRejects_AtTheArgument(string statements) => Verify(statements);

    [Fact]
    public Task CircuitFacts_AreNotReportedAsBodyProblems() => Verify("c.H(5); c.CNOT(0, 0); c.RY(0, c.Weight(-1));");

    [Fact]
    public Task BodyThatDoesNotCompile_IsLeftToTheCompiler() => Verify<CircuitBodyAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0")]
        public partial struct A
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, {|CS0103:undefined|});
            }
        }
        """);
}
