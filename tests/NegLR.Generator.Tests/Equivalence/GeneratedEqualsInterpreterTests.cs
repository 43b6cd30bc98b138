using System;
using System.Linq;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Equivalence;

/// <summary>
/// The generated kernels against the two oracles: the runtime interpreter (running the same [Circuit] method at run
/// time) and the dense reference simulator. 200 random bodies, written as source and compiled with the generator.
/// </summary>
public class GeneratedEqualsInterpreterTests
{
    private const int RandomBodies = 200;
    private const double Tolerance = 1e-10;

    private static readonly Lazy<(Assembly Assembly, int[] Qubits)> RandomAssembly = new(() =>
    {
        var random = new SeededRandom(20261124);
        var qubits = new int[RandomBodies];
        var sources = new string[RandomBodies];
        for (int i = 0; i < RandomBodies; i++)
        {
            qubits[i] = 1 + (i % 10);
            sources[i] = "namespace RandomBodies;\n" + RandomAnsatzSource.Declaration("R" + i, qubits[i], random);
        }

        return (GeneratorHarness.CompileAndLoad(sources), qubits);
    });

    public static TheoryData<int> Batches() => new(Enumerable.Range(0, 10));

    [Theory]
    [MemberData(nameof(Batches))]
    public void RandomBodies_StateValueAndGradient_EqualInterpreterAndDenseReference(int batch)
    {
        var (assembly, _) = RandomAssembly.Value;
        for (int i = batch; i < RandomBodies; i += 10)
        {
            EquivalenceAssert.MatchesOracles(AnsatzProbe.Find(assembly, "RandomBodies.R" + i), seed: (ulong)i, dense: true);
        }
    }

    [Fact]
    public void DesignExample_IrisClassifier_EqualsInterpreter()
    {
        var assembly = GeneratorHarness.CompileAndLoad(SampleSources.IrisClassifier);
        EquivalenceAssert.MatchesOracles(AnsatzProbe.Find(assembly, "Samples.IrisClassifier"), seed: 1, dense: true);
    }

    [Fact]
    public void TemplateShorthand_HardwareEfficient_EqualsRuntimeTemplate()
    {
        var assembly = GeneratorHarness.CompileAndLoad(SampleSources.TemplateAnsatz);
        var type = AnsatzProbe.Find(assembly, "Samples.Hea");
        Assert.Equal(new Circuit(5).HardwareEfficient(3).Gates, AnsatzProbe.Call<Circuit>(type, "CreateCircuit").Gates);
        EquivalenceAssert.MatchesOracles(type, seed: 2, dense: true);
    }

    [Fact]
    public void GeneratedCode_AllocatesNothingPerEvaluationOrGradient()
    {
        var assembly = GeneratorHarness.CompileAndLoad(SampleSources.IrisClassifier);
        var type = AnsatzProbe.Find(assembly, "Samples.IrisClassifier");
        int p = AnsatzProbe.Call<int>(type, "WeightCount");
        Assert.Equal(0L, AnsatzProbe.Call<long>(type, "AllocatedPerCall", new double[p], new double[] { 0.1, 0.2, 0.3, 0.4 }));
    }
}
