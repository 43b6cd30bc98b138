extern alias generator;

using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Robustness;

/// <summary>
/// The declarations a fuzz run of 10,000 mutated [Ansatz] types found breaking builds (issue 12), one test each: the
/// user's own code compiles, so the generated code must too — either a working ansatz, a stub whose members throw, or
/// nothing (where the analyzers report why) — and one bad declaration never costs another ansatz its code.
/// </summary>
public class DeclarationRobustnessTests
{
    private const string Good = """
        namespace Robust
        {
            [global::NegLR.Ansatz(Qubits = 2)]
            [global::NegLR.Observable("Z0")]
            public partial struct Good
            {
                [global::NegLR.Circuit]
                static void Build(global::NegLR.Circuit c) => c.RY(0, c.Weight()).CNOT(0, 1);
            }
        }
        """;

    private static GeneratorRunResult RunClean(params string[] sources) => RunClean(TestCompilation.Create(sources.Append(Good)));

    /// <summary>Runs the generator, asserts it reported no exception, that the good ansatz still got its code, and that no generated file has an error.</summary>
    private static GeneratorRunResult RunClean(Compilation compilation)
    {
        var (_, result, output) = GeneratorHarness.Run(compilation);
        var run = result.Results.Single();
        Assert.Null(run.Exception);
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Robust.Good.Ansatz.g.cs");
        var problems = GeneratorHarness.GeneratedFileProblems(output);
        Assert.True(problems.Count == 0, "generated code must compile:\n" + string.Join("\n", problems));
        return run;
    }

    [Fact]
    public void GenericAnsatzBesideANonGenericOneOfTheSameName_NeitherCostsTheOtherItsCode()
    {
        var run = RunClean("""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0")]
                public partial struct Twin<T> { [global::NegLR.Circuit] static void Build(global::NegLR.Circuit c) => c.H(0); }

                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0")]
                public partial struct Twin { [global::NegLR.Circuit] static void Build(global::NegLR.Circuit c) => c.H(0); }
            }
            """);

        // The generic one gets nothing (the analyzers reject it); the plain one is compiled.
        Assert.Contains(run.GeneratedSources, s => s.HintName == "Robust.Twin.Ansatz.g.cs");
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.StartsWith("Robust.Twin`", StringComparison.Ordinal));
    }

    [Fact]
    public void NestedTypeAndNamespaceOfTheSameDottedName_GetDifferentFiles()
    {
        var run = RunClean("""
            namespace A
            {
                [global::NegLR.Ansatz(Qubits = 1)] [global::NegLR.Observable("Z0")]
                public partial struct B { [global::NegLR.Circuit] static void Build(global::NegLR.Circuit c) => c.H(0); }
            }

            public partial class A
            {
                [global::NegLR.Ansatz(Qubits = 1)] [global::NegLR.Observable("Z0")]
                public partial struct B { [global::NegLR.Circuit] static void Build(global::NegLR.Circuit c) => c.X(0); }
            }
            """);

        Assert.Contains(run.GeneratedSources, s => s.HintName == "A.B.Ansatz.g.cs");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "A+B.Ansatz.g.cs");
    }

    [Theory]
    [InlineData("public ref partial struct RefAnsatz")]
    [InlineData("public static partial class StaticAnsatz")]
    public void DeclarationsNoCodeCanImplementIAnsatzFor_GetNoFile(string declaration)
    {
        var run = RunClean($$"""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0")]
                {{declaration}}
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c) => c.H(0);
                }
            }
            """);

        Assert.Single(run.GeneratedSources);
    }

    [Fact]
    public void AnsatzInsideAGenericType_GetsNoFile()
    {
        var run = RunClean("""
            namespace Robust
            {
                public partial class Outer<T>
                {
                    [global::NegLR.Ansatz(Qubits = 1)]
                    [global::NegLR.Observable("Z0")]
                    public partial struct Inner { [global::NegLR.Circuit] static void Build(global::NegLR.Circuit c) => c.H(0); }
                }
            }
            """);

        Assert.Single(run.GeneratedSources);
    }

    [Theory]
    [InlineData("public static int Qubits => 3;")]
    [InlineData("public const double Cost = 1;")]
    [InlineData("private static void __Forward() { }")]
    [InlineData("public static double Evaluate(System.ReadOnlySpan<double> weights, System.ReadOnlySpan<double> inputs, System.Span<System.Numerics.Complex> state) => 0;")]
    public void UserMemberNamedLikeAGeneratedOne_GetsNoFileInsteadOfADuplicate(string member)
    {
        var run = RunClean($$"""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0")]
                public partial struct Clash
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c) => c.H(0);
                }

                public partial struct Clash
                {
                    {{member}}
                }
            }
            """);

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == "Robust.Clash.Ansatz.g.cs");
    }

    [Fact]
    public void AnOverloadOfAGeneratedMethod_IsNoClash()
    {
        var run = RunClean("""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0")]
                public partial struct Overload
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c) => c.RY(0, c.Weight());

                    public static double Evaluate(double weight) => Evaluate(new[] { weight }, default, new System.Numerics.Complex[StateLength]);
                }
            }
            """);

        Assert.Contains(run.GeneratedSources, s => s.HintName == "Robust.Overload.Ansatz.g.cs");
    }

    [Fact]
    public void LangVersionBelowCSharp11_GetsNoCodeThatCouldNotCompile()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp10);
        var compilation = CSharpCompilation.Create("Old", new[]
            {
                CSharpSyntaxTree.ParseText(Good, options, "Good.cs"),
            },
            TestCompilation.Create().References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var (_, result, output) = GeneratorHarness.Run(compilation);

        Assert.Null(result.Results.Single().Exception);
        Assert.Empty(result.Results.Single().GeneratedSources);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("Z0\\nZ1")]
    [InlineData("Z0\\r\\n+ Z1")]
    [InlineData("Z0 \\u2028 Z1")]
    [InlineData("Z0 \\u0085 + Z1")]
    [InlineData("Z0\\u0001")]
    [InlineData("Z0 \\ud800")]
    [InlineData("Z0 \\\"quoted\\\" */ /// <x>")]
    public void ObservableTextWithLineBreaksControlsAndLoneSurrogates_GeneratesCodeThatCompiles(string escaped)
    {
        var run = RunClean($$"""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 2)]
                [global::NegLR.Observable("{{escaped}}")]
                [global::NegLR.Observable("Z1", Name = "Other")]
                public partial struct OddText
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c) => c.H(0);
                }
            }
            """);

        Assert.Contains(run.GeneratedSources, s => s.HintName == "Robust.OddText.Ansatz.g.cs");
    }

    [Theory]
    [InlineData("My Cost")]
    [InlineData("class")]
    [InlineData("Z\\n0")]
    public void ObservableNameThatIsNoIdentifier_GetsNoFile(string name)
    {
        var run = RunClean($$"""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0", Name = "{{name}}")]
                public partial struct BadName
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c) => c.H(0);
                }
            }
            """);

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == "Robust.BadName.Ansatz.g.cs");
    }

    [Fact]
    public void KeywordNamesEscaped_GeneratedCodeCompiles()
    {
        RunClean("""
            namespace Robust.@event
            {
                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0", Name = "Energy")]
                public partial struct @class
                {
                    [global::NegLR.Circuit]
                    static void @for(global::NegLR.Circuit c) => c.RY(0, c.Weight());
                }
            }
            """);
    }

    [Fact]
    public void TemplateWithHugeLayers_IsRefusedByItsSizeBeforeItIsExpanded()
    {
        var run = RunClean("""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 20, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = 100000)]
                [global::NegLR.Observable("Z0")]
                public partial struct Huge;
            }
            """);

        string stub = run.GeneratedSources.Single(s => s.HintName == "Robust.Huge.Ansatz.g.cs").SourceText.ToString();
        Assert.Contains("5,900,000 gates", stub, StringComparison.Ordinal);
        Assert.Contains("NotCompiled", stub, StringComparison.Ordinal);
    }

    [Fact]
    public void BodyNested2000Deep_OnASmallStack_IsAStubNotACrash()
    {
        string deep = string.Concat(Enumerable.Repeat("{ ", 2000)) + "c.H(0);" + string.Concat(Enumerable.Repeat(" }", 2000));
        var compilation = TestCompilation.Create(Good, $$"""
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 1)]
                [global::NegLR.Observable("Z0")]
                public partial struct Deep
                {
                    [global::NegLR.Circuit]
                    static void Build(global::NegLR.Circuit c) { {{deep}} }
                }
            }
            """);

        // The fuzz run overflowed a 2 MiB thread stack in the reader; the reader now stops at its nesting bound first, and
        // the dependency record no longer asks the compiler about names inside such a body (binding it ran the compiler's
        // nullable walk over 2,000 nested blocks, which overflowed now and then in a full test run). 1 MiB: Windows' default.
        GeneratorRunResult? run = null;
        var thread = new Thread(() => run = GeneratorHarness.Run(compilation).Result.Results.Single(), maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(run);
        Assert.Null(run!.Value.Exception);
        string stub = run.Value.GeneratedSources.Single(s => s.HintName == "Robust.Deep.Ansatz.g.cs").SourceText.ToString();
        Assert.Contains("nested more than", stub, StringComparison.Ordinal);
    }

    [Fact]
    public void AnsatzAttributeOnTwoParts_OneFileNoException()
    {
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(Good, """
            namespace Robust
            {
                [global::NegLR.Ansatz(Qubits = 1)] [global::NegLR.Observable("Z0")]
                public partial struct Twice { [global::NegLR.Circuit] static void Build(global::NegLR.Circuit c) => c.H(0); }

                [global::NegLR.Ansatz(Qubits = 1)]
                public partial struct Twice;
            }
            """));

        var run = result.Results.Single();
        Assert.Null(run.Exception);
        Assert.Single(run.GeneratedSources, s => s.HintName == "Robust.Twice.Ansatz.g.cs");
    }

    [Fact]
    public void AttributesAreNegLRsByIdentity_LookAlikesInOtherNamespacesIgnored_AliasesRead()
    {
        // The parser compares attribute classes by name parts, not display strings: a user's own ObservableAttribute or
        // CircuitAttribute (or a generic one of that name) is not NegLR's, and an alias of NegLR's still is.
        var run = RunClean("""
            namespace Mine
            {
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ObservableAttribute(string text) : System.Attribute { public string Text => text; }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ObservableAttribute<T>(string text) : System.Attribute { public string Text => text; }
                [System.AttributeUsage(System.AttributeTargets.All)] public sealed class CircuitAttribute : System.Attribute { }
            }

            namespace Robust
            {
                using Obs = global::NegLR.ObservableAttribute;

                [global::NegLR.Ansatz(Qubits = 2)]
                [Mine.Observable("X0")]
                [Mine.Observable<int>("X1")]
                [Obs("Z1", Name = "Aliased")]
                public partial struct LookAlike
                {
                    [Mine.Circuit] static void NotTheCircuit(global::NegLR.Circuit c) => c.X(0);
                    [global::NegLR.Circuit] static void Build(global::NegLR.Circuit c) => c.RY(1, c.Weight());
                }
            }
            """);

        string text = run.GeneratedSources.Single(s => s.HintName == "Robust.LookAlike.Ansatz.g.cs").SourceText.ToString();
        // Compiled (a stub would say "more than one [Circuit] method"), with the aliased observable as its only one.
        Assert.DoesNotContain("__Fail", text, StringComparison.Ordinal);
        Assert.Contains("public static global::NegLR.PauliSum Aliased", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Observable1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Observable2", text, StringComparison.Ordinal);
    }
}
