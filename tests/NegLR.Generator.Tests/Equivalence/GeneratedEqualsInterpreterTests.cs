using System;
using System.Linq;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Equivalence;

/// <summary>
/// The generated kernels against the two oracles: the runtime interpreter (running the same [Circuit] method at run
/// time) and the dense reference simulator. 200 random bodies on 1–10 qubits, written as source and compiled with the
/// generator (body i on 1 + i mod 10 qubits): the README's test command runs the bodies of the even tens (0–9, 20–29, …;
/// the dense oracle up to 8 qubits, where its 2^n × 2^n gate matrices stay cheap), and <c>.ci/run</c>'s long pass
/// (Category=Long) runs those of the odd tens with the dense oracle at every size — so CI checks all 200 bodies and the
/// quick command stays inside its time budget.
/// </summary>
public class GeneratedEqualsInterpreterTests
{
    private const int RandomBodies = 200;
    private const int Batches = 10;
    private const int QuickDenseQubits = 8;

    private static readonly Lazy<(string[] Sources, int[] Qubits)> RandomSources = new(() =>
    {
        // One seeded sequence for all 200 bodies, so each half is the same bodies whichever half runs first.
        var random = new SeededRandom(20261124);
        var qubits = new int[RandomBodies];
        var sources = new string[RandomBodies];
        for (int i = 0; i < RandomBodies; i++)
        {
            qubits[i] = 1 + (i % 10);
            sources[i] = "namespace RandomBodies;\n" + RandomAnsatzSource.Declaration("R" + i, qubits[i], random);
        }

        return (sources, qubits);
    });

    private static readonly Lazy<Assembly> EvenTens = new(() => CompileHalf(parity: 0));

    private static readonly Lazy<Assembly> OddTens = new(() => CompileHalf(parity: 1));

    public static TheoryData<int> BatchNumbers() => new(Enumerable.Range(0, Batches));

    [Theory]
    [MemberData(nameof(BatchNumbers))]
    public void RandomBodies_StateValueAndGradient_EqualInterpreterAndDenseReference(int batch) =>
        CheckHalf(EvenTens.Value, parity: 0, batch, denseUpTo: QuickDenseQubits);

    [Theory]
    [Trait("Category", "Long")]
    [MemberData(nameof(BatchNumbers))]
    public void RandomBodiesOfTheOddTens_EqualInterpreterAndDenseReferenceAtEverySize(int batch) =>
        CheckHalf(OddTens.Value, parity: 1, batch, denseUpTo: int.MaxValue);

    private static Assembly CompileHalf(int parity)
    {
        var sources = RandomSources.Value.Sources;
        return GeneratorHarness.CompileAndLoad(Enumerable.Range(0, RandomBodies).Where(i => (i / 10) % 2 == parity).Select(i => sources[i]).ToArray());
    }

    private static void CheckHalf(Assembly assembly, int parity, int batch, int denseUpTo)
    {
        var qubits = RandomSources.Value.Qubits;
        // Batch b: the bodies on 1 + b qubits in this half (one size per batch, as the batches ran before the split).
        for (int i = (10 * parity) + batch; i < RandomBodies; i += 20)
        {
            EquivalenceAssert.MatchesOracles(AnsatzProbe.Find(assembly, "RandomBodies.R" + i), seed: (ulong)i, dense: qubits[i] <= denseUpTo);
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
