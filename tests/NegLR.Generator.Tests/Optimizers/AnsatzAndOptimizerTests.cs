using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// One type may carry [Ansatz] and optimizer attributes at once; the two generated parts must then compile together.
/// Both used to put [GeneratedCode] on the type, which allows it once (CS0579); the ansatz part keeps it.
/// </summary>
public class AnsatzAndOptimizerTests
{
    private const string Ansatz = """
        [Ansatz(Qubits = 2)]
        [Observable("Z0 + Z1")]
        """;

    /// <summary>A body the ansatz generator refuses (a while loop), so its part is the stub, which has members of its own.</summary>
    private const string BrokenCircuit = """
        {
            [Circuit]
            static void Build(Circuit c)
            {
                int q = 0;
                while (q < 2) { c.RY(q, c.Weight()); q++; }
            }
        }
        """;

    private const string Circuit = """
        {
            [Circuit]
            static void Build(Circuit c)
            {
                c.RY(0, c.Weight());
                c.RY(1, c.Weight());
                c.CNOT(0, 1);
            }
        }
        """;

    public static TheoryData<string, string, bool> Declarations()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (string keyword in new[] { "class", "struct", "record class", "record struct" })
        {
            foreach (bool brokenAnsatz in new[] { false, true })
            {
                // A valid NLR optimizer, a plain gradient method (another member set) and an invalid one (the stub).
                data.Add("[Adam(LearningRate = 0.05)] [NegativeLearningRate(MaxAscentSteps = 3)]", keyword, brokenAnsatz);
                data.Add("[Sgd] [StepSchedule(StepSize = 10)]", keyword, brokenAnsatz);
                data.Add("[Adam(LearningRate = 0)]", keyword, brokenAnsatz);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Declarations))]
    public void AnsatzAndOptimizerOnOneType_CompileWithoutErrors(string optimizer, string keyword, bool brokenAnsatz)
    {
        string source = $"using NegLR;\n{Ansatz}\n{optimizer}\npublic partial {keyword} Both\n{(brokenAnsatz ? BrokenCircuit : Circuit)}\n";
        var (_, result, output) = GeneratorHarness.Run(TestCompilation.Create(source));
        OptimizerHarness.AssertGeneratorRanCleanly(result);
        Assert.Equal(2, result.Results.Single().GeneratedSources.Length);
        using var stream = new MemoryStream();
        var problems = output.Emit(stream).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, "generated code must compile without errors or warnings:\n" + string.Join("\n", problems));
    }

    [Theory]
    [InlineData("class")]
    [InlineData("struct")]
    public void BothParts_Work_TheOptimizerStepCountThroughTheInterface(string keyword)
    {
        var assembly = GeneratorHarness.CompileAndLoad($"using NegLR;\n{Ansatz}\n[Sgd(LearningRate = 0.5)]\npublic partial {keyword} Both\n{Circuit}\n");
        var type = assembly.GetType("Both")!;
        Assert.Equal(3, (int)type.GetField("GateCount")!.GetValue(null)!);
        var optimizer = (IGradientOptimizer)System.Activator.CreateInstance(type, 2)!;
        var parameters = new double[] { 1, 1 };
        optimizer.Step(parameters, new double[] { 1, -1 });
        Assert.Equal(new[] { 0.5, 1.5 }, parameters);
        Assert.Equal(1, optimizer.StepCount);
    }

    [Fact]
    public void OptimizerAlone_KeepsItsGeneratedCodeAttribute()
    {
        string text = OptimizerHarness.Generate("using NegLR;\n[Adam]\npublic partial class Alone;\n", "Alone.Optimizer.g.cs");
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(", text, System.StringComparison.Ordinal);
    }

    [Fact]
    public void WithAnsatz_OnlyTheAnsatzPartCarriesTheAttribute()
    {
        string source = $"using NegLR;\n{Ansatz}\n[Adam]\npublic partial class Both\n{Circuit}\n";
        var (_, result, _) = GeneratorHarness.Run(TestCompilation.Create(source));
        var sources = result.Results.Single().GeneratedSources;
        string optimizer = sources.Single(s => s.HintName == "Both.Optimizer.g.cs").SourceText.ToString();
        string ansatz = sources.Single(s => s.HintName == "Both.Ansatz.g.cs").SourceText.ToString();
        Assert.DoesNotContain("GeneratedCode(", optimizer, System.StringComparison.Ordinal);
        Assert.Contains("GeneratedCode(", ansatz, System.StringComparison.Ordinal);
    }
}
