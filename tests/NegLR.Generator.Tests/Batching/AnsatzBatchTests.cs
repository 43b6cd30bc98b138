using System;
using System.Linq;
using NegLR.Generator.Tests.Equivalence;
using NegLR.Generator.Tests.Infrastructure;

namespace NegLR.Generator.Tests.Batching;

public class AnsatzBatchTests
{
    [Fact]
    public void GeneratedAnsatz_BatchOnTwoWorkers_EqualsInterpreterBatch()
    {
        var type = AnsatzProbe.Find(GeneratorHarness.CompileAndLoad(SampleSources.IrisClassifier), "Samples.IrisClassifier");
        var circuit = AnsatzProbe.Call<Circuit>(type, "CreateCircuit");
        var random = new SeededRandom(5);
        var weights = Enumerable.Range(0, circuit.WeightCount).Select(_ => random.NextDouble(-3, 3)).ToArray();
        int rows = 23, stride = 4, p = circuit.WeightCount;
        var inputs = Enumerable.Range(0, rows * stride).Select(_ => random.NextDouble(0, 3)).ToArray();

        var results = new double[rows];
        var gradients = new double[rows * p];
        typeof(AnsatzBatch).GetMethod(nameof(AnsatzBatch.EvaluateWithGradient))!.MakeGenericMethod(type).Invoke(null, new object[]
        {
            new ReadOnlyMemory<double>(weights), new ReadOnlyMemory<double>(inputs), stride,
            new Memory<double>(results), new Memory<double>(gradients), new AnsatzBatchWorkspace(16, workers: 2),
        });

        var interpreter = new CircuitInterpreter(circuit);
        var expected = new double[rows];
        var expectedGradients = new double[rows * p];
        interpreter.EvaluateBatchWithGradient(weights, inputs, stride, AnsatzProbe.Call<PauliSum>(type, "Cost"), expected, expectedGradients,
            interpreter.CreateBatchWorkspace(workers: 2));
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(expected[i], results[i], 1e-10);
        }

        for (int i = 0; i < gradients.Length; i++)
        {
            Assert.Equal(expectedGradients[i], gradients[i], 1e-10);
        }
    }

    [Fact]
    public void Workspace_WrongStateLength_ThrowsNamingStateLength()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AnsatzBatchWorkspace(12));
        Assert.Equal("stateLength", ex.ParamName);
    }
}
