using System;
using System.Linq;
using System.Numerics;
using NegLR.Generator.Tests.Infrastructure;
using NegLR.Tests.Reference;

namespace NegLR.Generator.Tests.Equivalence;

/// <summary>
/// A generated ansatz against its oracles: the runtime interpreter running the same [Circuit] method (state,
/// expectation and adjoint gradient to 1e-10) and, optionally, the dense reference simulator.
/// </summary>
internal static class EquivalenceAssert
{
    public const double Tolerance = 1e-10;

    public static void MatchesOracles(Type ansatz, ulong seed, bool dense)
    {
        var circuit = AnsatzProbe.Call<Circuit>(ansatz, "CreateCircuit");
        var cost = AnsatzProbe.Call<PauliSum>(ansatz, "Cost");
        int p = AnsatzProbe.Call<int>(ansatz, "WeightCount");
        int inputs = AnsatzProbe.Call<int>(ansatz, "InputCount");
        Assert.Equal(circuit.WeightCount, p);
        Assert.Equal(circuit.InputCount, inputs);

        var (w, x) = RandomArguments(p, inputs, seed);
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

    /// <summary>Asserts evaluations and gradients of <paramref name="ansatz"/> allocate nothing (least of a few rounds).</summary>
    public static void AllocatesNothing(Type ansatz, ulong seed)
    {
        var (w, x) = RandomArguments(AnsatzProbe.Call<int>(ansatz, "WeightCount"), AnsatzProbe.Call<int>(ansatz, "InputCount"), seed);
        Assert.Equal(0L, AnsatzProbe.Call<long>(ansatz, "AllocatedPerCall", w, x));
    }

    /// <summary>Runs <paramref name="check"/> on the register tiles (when the machine has them), then on the per-gate kernels.</summary>
    public static void OnBothPaths(Action check)
    {
        bool original = GeneratedCodeSupport.RegisterTiles;
        try
        {
            check();
            GeneratedCodeSupport.RegisterTiles = false;
            check();
        }
        finally
        {
            GeneratedCodeSupport.RegisterTiles = original;
        }
    }

    /// <summary>Weights uniform in [−π, π) and inputs in [0, π), from <paramref name="seed"/>.</summary>
    public static (double[] Weights, double[] Inputs) RandomArguments(int weights, int inputs, ulong seed)
    {
        var random = new SeededRandom(seed);
        var w = Enumerable.Range(0, weights).Select(_ => random.NextDouble(-Math.PI, Math.PI)).ToArray();
        var x = Enumerable.Range(0, inputs).Select(_ => random.NextDouble(0, Math.PI)).ToArray();
        return (w, x);
    }
}
