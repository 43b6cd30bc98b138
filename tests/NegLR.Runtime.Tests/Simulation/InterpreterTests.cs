using System;
using System.Linq;
using System.Threading.Tasks;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

/// <summary>Interpreter behaviour beyond single values: the state it leaves, snapshots, and concurrent use.</summary>
public class InterpreterTests
{
    [Fact]
    public void Evaluate_LeavesThePreparedStateInTheWorkspace()
    {
        var rng = new SeededRandom(700);
        var c = TestData.RandomCircuit(rng, 4, 25, weightPool: 5, inputPool: 2);
        var interpreter = new CircuitInterpreter(c);
        var ws = interpreter.CreateWorkspace();
        var w = TestData.RandomVector(rng, c.WeightCount, -3, 3);
        var x = TestData.RandomVector(rng, c.InputCount, -3, 3);
        var observable = TestData.RandomObservable(rng, 4, 4);
        double value = interpreter.Evaluate(w, x, observable, ws);
        var dense = new DenseReferenceSimulator(4).Run(c, w, x);
        TestData.AssertStatesEqual(dense, ws.State.Amplitudes, 1e-12, "workspace state");
        Assert.Equal(value, observable.Expectation(ws.State), 15);
    }

    [Fact]
    public void Interpreter_IsASnapshotOfTheCircuitWhenCompiled()
    {
        var c = new Circuit(1);
        c.RY(0, c.Weight());
        var interpreter = new CircuitInterpreter(c);
        c.RY(0, c.Weight()).X(0);
        Assert.Equal(1, interpreter.WeightCount);
        Assert.Equal(1, interpreter.GateCount);
        Assert.Equal(Math.Cos(0.3), interpreter.Evaluate(new[] { 0.3 }, PauliSum.Z(0), interpreter.CreateWorkspace()), 14);
    }

    [Fact]
    public void OneInterpreter_OnManyThreadsWithTheirOwnWorkspaces_GivesTheSerialResults()
    {
        var rng = new SeededRandom(701);
        var c = TestData.RandomCircuit(rng, 6, 40, weightPool: 8, inputPool: 0);
        var interpreter = new CircuitInterpreter(c);
        var observable = TestData.RandomObservable(rng, 6, 5);
        var weightSets = Enumerable.Range(0, 64).Select(_ => TestData.RandomVector(rng, c.WeightCount, -3, 3)).ToArray();

        var serialWs = interpreter.CreateWorkspace();
        var serial = weightSets.Select(w =>
        {
            var g = new double[c.WeightCount];
            return (interpreter.EvaluateWithGradient(w, observable, g, serialWs), g);
        }).ToArray();

        var parallel = new (double, double[])[weightSets.Length];
        Parallel.For(0, weightSets.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            () => interpreter.CreateWorkspace(),
            (i, _, ws) =>
            {
                var g = new double[c.WeightCount];
                parallel[i] = (interpreter.EvaluateWithGradient(weightSets[i], observable, g, ws), g);
                return ws;
            },
            _ => { });

        for (int i = 0; i < weightSets.Length; i++)
        {
            Assert.Equal(serial[i].Item1, parallel[i].Item1);
            Assert.Equal(serial[i].Item2, parallel[i].Item2);
        }
    }
}
