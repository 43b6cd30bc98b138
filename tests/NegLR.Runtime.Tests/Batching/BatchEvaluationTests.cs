using System;

namespace NegLR.Tests.Batching;

public class BatchEvaluationTests
{
    private static (CircuitInterpreter Interpreter, PauliSum Observable, double[] Weights) Classifier()
    {
        var c = new Circuit(4);
        c.AngleEmbedding(4, Rotation.Y);
        c.StronglyEntanglingLayers(2);
        var interpreter = new CircuitInterpreter(c);
        var random = new SeededRandom(11);
        var weights = new double[interpreter.WeightCount];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextDouble(-Math.PI, Math.PI);
        }

        return (interpreter, PauliSum.Parse("Z0 + 0.5 X1 Y2"), weights);
    }

    private static double[] Rows(int rows, int stride, ulong seed)
    {
        var random = new SeededRandom(seed);
        var inputs = new double[rows * stride];
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = random.NextDouble(0, Math.PI);
        }

        return inputs;
    }

    [Fact]
    public void EvaluateBatch_TwoWorkers_EqualsOneCallPerRowBitForBit()
    {
        var (interpreter, observable, weights) = Classifier();
        var inputs = Rows(37, 5, 3);
        var results = new double[37];
        interpreter.EvaluateBatch(weights, inputs, 5, observable, results, interpreter.CreateBatchWorkspace(workers: 2));

        var ws = interpreter.CreateWorkspace();
        for (int r = 0; r < 37; r++)
        {
            Assert.Equal(interpreter.Evaluate(weights, inputs.AsSpan(r * 5, 5), observable, ws), results[r]);
        }
    }

    [Fact]
    public void EvaluateBatchWithGradient_EqualsPerRowAdjointGradients()
    {
        var (interpreter, observable, weights) = Classifier();
        int rows = 9, p = interpreter.WeightCount;
        var inputs = Rows(rows, 4, 5);
        var results = new double[rows];
        var gradients = new double[rows * p];
        interpreter.EvaluateBatchWithGradient(weights, inputs, 4, observable, results, gradients, interpreter.CreateBatchWorkspace(workers: 2));

        var ws = interpreter.CreateWorkspace();
        var g = new double[p];
        for (int r = 0; r < rows; r++)
        {
            Assert.Equal(interpreter.EvaluateWithGradient(weights, inputs.AsSpan(r * 4, 4), observable, g, ws), results[r]);
            Assert.Equal(g, gradients.AsSpan(r * p, p).ToArray());
        }
    }

    [Fact]
    public void EvaluateBatch_AllocationDoesNotGrowWithRows()
    {
        // Parallel.For allocates a little per batch (tasks, closures); nothing may be allocated per row.
        var (interpreter, observable, weights) = Classifier();
        var workspace = interpreter.CreateBatchWorkspace(workers: 1);
        var small = Rows(10, 4, 1);
        var large = Rows(1000, 4, 2);
        var resultsSmall = new double[10];
        var resultsLarge = new double[1000];
        interpreter.EvaluateBatch(weights, small, 4, observable, resultsSmall, workspace);
        interpreter.EvaluateBatch(weights, large, 4, observable, resultsLarge, workspace);

        // The least of five rounds each: how much of Parallel.For's bookkeeping lands on this thread depends on the
        // scheduler (under load a pool thread can take the loop), which is noise, not allocation per row.
        long smallBytes = long.MaxValue, largeBytes = long.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            interpreter.EvaluateBatch(weights, small, 4, observable, resultsSmall, workspace);
            smallBytes = Math.Min(smallBytes, GC.GetAllocatedBytesForCurrentThread() - before);
            before = GC.GetAllocatedBytesForCurrentThread();
            interpreter.EvaluateBatch(weights, large, 4, observable, resultsLarge, workspace);
            largeBytes = Math.Min(largeBytes, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(smallBytes, largeBytes);
    }

    [Fact]
    public void EvaluateBatch_RaggedInputs_ThrowsNamingInputs()
    {
        var (interpreter, observable, weights) = Classifier();
        var ex = Assert.Throws<ArgumentException>(() =>
            interpreter.EvaluateBatch(weights, new double[10], 4, observable, new double[2], interpreter.CreateBatchWorkspace(1)));
        Assert.Equal("inputs", ex.ParamName);
        Assert.Contains("whole number of rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateBatch_ResultsOfWrongLength_ThrowsNamingResults()
    {
        var (interpreter, observable, weights) = Classifier();
        var ex = Assert.Throws<ArgumentException>(() =>
            interpreter.EvaluateBatch(weights, new double[12], 4, observable, new double[2], interpreter.CreateBatchWorkspace(1)));
        Assert.Equal("results", ex.ParamName);
    }
}
