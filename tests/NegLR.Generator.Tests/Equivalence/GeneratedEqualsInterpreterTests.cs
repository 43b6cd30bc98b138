using System;
using System.Linq;
using System.Numerics;
using System.Reflection;
using NegLR.Generator.Tests.Infrastructure;
using NegLR.Tests.Reference;

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
            AssertEquivalent(AnsatzProbe.Find(assembly, "RandomBodies.R" + i), seed: (ulong)i, dense: true);
        }
    }

    [Fact]
    public void DesignExample_IrisClassifier_EqualsInterpreter()
    {
        var assembly = GeneratorHarness.CompileAndLoad(SampleSources.IrisClassifier);
        AssertEquivalent(AnsatzProbe.Find(assembly, "Samples.IrisClassifier"), seed: 1, dense: true);
    }

    [Fact]
    public void TemplateShorthand_HardwareEfficient_EqualsRuntimeTemplate()
    {
        var assembly = GeneratorHarness.CompileAndLoad(SampleSources.TemplateAnsatz);
        var type = AnsatzProbe.Find(assembly, "Samples.Hea");
        Assert.Equal(new Circuit(5).HardwareEfficient(3).Gates, AnsatzProbe.Call<Circuit>(type, "CreateCircuit").Gates);
        AssertEquivalent(type, seed: 2, dense: true);
    }

    [Fact]
    public void GeneratedCode_AllocatesNothingPerEvaluationOrGradient()
    {
        var assembly = GeneratorHarness.CompileAndLoad(SampleSources.IrisClassifier);
        var type = AnsatzProbe.Find(assembly, "Samples.IrisClassifier");
        int p = AnsatzProbe.Call<int>(type, "WeightCount");
        Assert.Equal(0L, AnsatzProbe.Call<long>(type, "AllocatedPerCall", new double[p], new double[] { 0.1, 0.2, 0.3, 0.4 }));
    }

    private static void AssertEquivalent(Type ansatz, ulong seed, bool dense)
    {
        var circuit = AnsatzProbe.Call<Circuit>(ansatz, "CreateCircuit");
        var cost = AnsatzProbe.Call<PauliSum>(ansatz, "Cost");
        int p = AnsatzProbe.Call<int>(ansatz, "WeightCount");
        int inputs = AnsatzProbe.Call<int>(ansatz, "InputCount");
        Assert.Equal(circuit.WeightCount, p);
        Assert.Equal(circuit.InputCount, inputs);

        var random = new SeededRandom(seed);
        var w = Enumerable.Range(0, p).Select(_ => random.NextDouble(-Math.PI, Math.PI)).ToArray();
        var x = Enumerable.Range(0, inputs).Select(_ => random.NextDouble(0, Math.PI)).ToArray();

        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        var expectedGradient = new double[p];
        double expected = interpreter.EvaluateWithGradient(w, x, cost, expectedGradient, ws);
        var expectedState = new StateVector(circuit.Qubits);
        interpreter.Prepare(w, x, expectedState);

        var state = AnsatzProbe.Call<Complex[]>(ansatz, "Prepare", w, x);
        for (int i = 0; i < state.Length; i++)
        {
            Assert.True(Complex.Abs(state[i] - expectedState[i]) < Tolerance, $"{ansatz.Name}: amplitude {i} is {state[i]}, interpreter {expectedState[i]}");
        }

        Assert.Equal(expected, AnsatzProbe.Call<double>(ansatz, "Evaluate", w, x), Tolerance);
        var gradient = AnsatzProbe.Call<double[]>(ansatz, "Gradient", w, x);
        for (int k = 0; k < p; k++)
        {
            Assert.True(Math.Abs(gradient[k] - expectedGradient[k]) < Tolerance, $"{ansatz.Name}: ∂/∂w[{k}] = {gradient[k]}, interpreter {expectedGradient[k]}");
        }

        if (dense)
        {
            var reference = new DenseReferenceSimulator(circuit.Qubits);
            Assert.Equal(reference.Evaluate(circuit, w, x, cost), expected, Tolerance);
        }
    }
}
