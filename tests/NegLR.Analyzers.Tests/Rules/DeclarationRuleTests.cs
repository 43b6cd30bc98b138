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

    /// <summary>The fuzz run's 54 crashes: a lone surrogate escape in the observable (char.ConvertFromUtf32 threw on it).</summary>
    [Theory]
    [InlineData("\\uD800", "\\uD800")]
    [InlineData("\\uDC00", "\\uDC00")]
    [InlineData("\\0", "\\0")]
    [InlineData("\\u0007", "\\u0007")]
    [InlineData("\\u202E", "\\u202E")]
    public Task NLR0006_LoneSurrogateOrControlCharacter_AtTheEscape_PrintedAsAnEscape(string escape, string printed) =>
        Verify<AnsatzDeclarationAnalyzer>.Analyzer($$"""
            using NegLR;

            [Ansatz(Qubits = 2)]
            [Observable("Z0 {|#0:{{escape}}|} Z1")]
            public partial struct A
            {
            {{Body}}
            }
            """, Verify<AnsatzDeclarationAnalyzer>.Diagnostic("NLR0006").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithLocation(0)
            .WithMessage($"The observable does not parse: expected '+', '-' or a Pauli operator (X, Y, Z or I), found '{printed}' (at character 3 of \"Z0 {printed} Z1\")"));

    [Fact]
    public Task NLR0010_TemplateBeyondTheGateBudget_AtTheArgument_WithoutExpandingIt() => Verify<AnsatzDeclarationAnalyzer>.Analyzer("""
        using NegLR;

        [Ansatz(Qubits = 20, Template = AnsatzTemplate.HardwareEfficient, Layers = 100000)]
        [Observable("Z0")]
        public partial struct Huge;
        """, Verify<AnsatzDeclarationAnalyzer>.Diagnostic("NLR0010").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Error).WithSpan(3, 67, 3, 82)
        .WithMessage("Layers = 100000 of HardwareEfficient on 20 qubits would record 5,900,000 gates, more than the 20,000 the generator unrolls; use at most 338 layers"));

    [Fact]
    public Task NLR0011_GenericAnsatz_AtTheTypeParameters() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public partial struct Classifier{|NLR0011:<T>|}
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0011_AnsatzInAGenericType_AtTheContainingTypesParameters() => Verify($$"""
        using NegLR;

        public partial class Outer{|NLR0011:<T>|}
        {
            [Ansatz(Qubits = 2)]
            [Observable("Z0 + Z1")]
            public partial struct Inner
            {
            {{Body}}
            }
        }
        """);

    [Fact]
    public Task NLR0012_RefStruct_AtTheRefModifier() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public {|NLR0012:ref|} partial struct Classifier
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0012_StaticClass_AtTheStaticModifier() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public {|NLR0012:static|} partial class Classifier
        {
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0013_MemberNamedLikeAGeneratedOne_AtTheUsersMember() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        [Observable("X0")]
        public partial struct Classifier
        {
            public static int {|NLR0013:Qubits|} => 3;
            private static void {|NLR0013:__Forward|}() { }
            public static double {|NLR0013:Observable1|} => 0;
            public static double Observable2 => 0;
            public static double Evaluated => 0;
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0013_NoisyOnlyNames_OnAnAnsatzThatDeclaresNoise() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        [Depolarizing(0.01)]
        public partial struct Noisy
        {
            public static double {|NLR0013:Probabilities|} => 0;
            public static void {|NLR0013:EstimateWithTrajectories|}() { }
            public static int Trajectories => 0;
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0013_NoisyOnlyNames_OnAnAnsatzWhoseBodyWritesChannels() => Verify("""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public partial struct Noisy
        {
            public static double {|NLR0013:PrepareDensityMatrix|} => 0;

            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight()).AmplitudeDamping(0, 0.05).CNOT(0, 1);
            }
        }
        """);

    [Fact]
    public Task NLR0013_NoisyOnlyNames_AreFreeOnANoiseFreeAnsatz() => Verify($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public partial struct Ideal
        {
            public static double Probabilities => 0;
            public static void CreateNoisyCircuit() { }
        {{Body}}
        }
        """);

    [Fact]
    public Task NLR0013_InAnotherPartOfTheType() => Verify<AnsatzDeclarationAnalyzer>.Analyzer($$"""
        using NegLR;

        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        public partial struct Classifier
        {
        {{Body}}
        }

        public partial struct Classifier
        {
            public static int {|NLR0013:WeightCount|} => 3;
        }
        """);

    [Theory]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10, true)]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp9, true)]
    [InlineData(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp11, false)]
    public async Task NLR0014_LangVersionBelowTheGeneratedCodes_AtTheAttribute(Microsoft.CodeAnalysis.CSharp.LanguageVersion version, bool reported)
    {
        string attribute = reported ? "{|NLR0014:Ansatz(Qubits = 2)|}" : "Ansatz(Qubits = 2)";
        var test = new AnalyzerTest<AnsatzDeclarationAnalyzer>($$"""
            using NegLR;

            namespace Old
            {
                [{{attribute}}]
                [Observable("Z0 + Z1")]
                public partial struct Classifier
                {
                {{Body}}
                }
            }
            """) { LanguageVersion = version };
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

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
