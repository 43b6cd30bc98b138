using System;
using System.Linq;
using System.Numerics;
using System.Threading;
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

    /// <summary>
    /// <see cref="GeneratedCodeSupport.TileWidth"/> is process-wide and test classes run in parallel: checks read the
    /// width under the read lock, code that changes it holds the write lock, so no check runs on a path it did not choose.
    /// </summary>
    private static readonly ReaderWriterLockSlim PathLock = new(LockRecursionPolicy.SupportsRecursion);

    public static void MatchesOracles(Type ansatz, ulong seed, bool dense)
    {
        PathLock.EnterReadLock();
        (double[] W, double[] X)? narrow;
        try
        {
            narrow = MatchesOraclesOnThisPath(ansatz, seed, dense);
        }
        finally
        {
            PathLock.ExitReadLock();
        }

        if (narrow is { } arguments)
        {
            SameBitsOnNarrowTiles(ansatz, arguments.W, arguments.X);
        }
    }

    /// <summary>The checks on the current path; the arguments to compare both tile widths at when it is the 256-bit one.</summary>
    private static (double[] W, double[] X)? MatchesOraclesOnThisPath(Type ansatz, ulong seed, bool dense)
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

        double value = AnsatzProbe.Call<double>(ansatz, "Evaluate", w, x);
        Assert.Equal(expected, value, Tolerance);
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

        return GeneratedCodeSupport.TileWidth == 256 ? (w, x) : null;
    }

    /// <summary>
    /// The 128-bit tiles (what arm64 and x64 without AVX2 run) give the 256-bit tiles' state, value and gradient bit for
    /// bit. Where the generator wrote no 128-bit tiles (over their size budget), width 128 runs the per-step path, and
    /// this checks nothing more than the tolerance checks do.
    /// </summary>
    public static void SameBitsOnNarrowTiles(Type ansatz, double[] w, double[] x)
    {
        if (!AnsatzProbe.HasNarrowTiles(ansatz))
        {
            return;
        }

        PathLock.EnterWriteLock();
        int original = GeneratedCodeSupport.TileWidth;
        try
        {
            GeneratedCodeSupport.TileWidth = 256;
            var state = AnsatzProbe.Call<Complex[]>(ansatz, "Prepare", w, x);
            double value = AnsatzProbe.Call<double>(ansatz, "Evaluate", w, x);
            var gradient = AnsatzProbe.Call<double[]>(ansatz, "Gradient", w, x);
            GeneratedCodeSupport.TileWidth = 128;

            var narrowState = AnsatzProbe.Call<Complex[]>(ansatz, "Prepare", w, x);
            for (int i = 0; i < state.Length; i++)
            {
                Assert.True(Bits(state[i].Real) == Bits(narrowState[i].Real) && Bits(state[i].Imaginary) == Bits(narrowState[i].Imaginary),
                    $"{ansatz.Name}: amplitude {i} is {narrowState[i]} on 128-bit tiles, {state[i]} on 256-bit tiles");
            }

            Assert.Equal(Bits(value), Bits(AnsatzProbe.Call<double>(ansatz, "Evaluate", w, x)));
            var narrowGradient = AnsatzProbe.Call<double[]>(ansatz, "Gradient", w, x);
            for (int k = 0; k < gradient.Length; k++)
            {
                Assert.True(Bits(gradient[k]) == Bits(narrowGradient[k]), $"{ansatz.Name}: ∂/∂w[{k}] = {narrowGradient[k]} on 128-bit tiles, {gradient[k]} on 256-bit tiles");
            }
        }
        finally
        {
            GeneratedCodeSupport.TileWidth = original;
            PathLock.ExitWriteLock();
        }
    }

    /// <summary>Runs <paramref name="action"/> with the tile width set to <paramref name="width"/> (and no other check running).</summary>
    public static void AtWidth(int width, Action action)
    {
        PathLock.EnterWriteLock();
        int original = GeneratedCodeSupport.TileWidth;
        try
        {
            GeneratedCodeSupport.TileWidth = width;
            action();
        }
        finally
        {
            GeneratedCodeSupport.TileWidth = original;
            PathLock.ExitWriteLock();
        }
    }

    private static long Bits(double d) => BitConverter.DoubleToInt64Bits(d);

    /// <summary>Asserts evaluations and gradients of <paramref name="ansatz"/> allocate nothing (least of a few rounds).</summary>
    public static void AllocatesNothing(Type ansatz, ulong seed)
    {
        var (w, x) = RandomArguments(AnsatzProbe.Call<int>(ansatz, "WeightCount"), AnsatzProbe.Call<int>(ansatz, "InputCount"), seed);
        Assert.Equal(0L, AnsatzProbe.Call<long>(ansatz, "AllocatedPerCall", w, x));
    }

    /// <summary>Runs <paramref name="check"/> on the register tiles (when the machine has them), then on the per-gate kernels.</summary>
    public static void OnBothPaths(Action check)
    {
        PathLock.EnterWriteLock();
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
            PathLock.ExitWriteLock();
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
