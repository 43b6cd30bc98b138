using System;
using System.Collections.Generic;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Quantum natural gradient (Stokes, Izaac, Killoran &amp; Carleo, Quantum 4, 269 (2020); PennyLane's <c>QNGOptimizer</c>):
/// θ ← θ − η_t·(g + λI)⁺∇L, with g the block-diagonal Fubini–Study metric tensor at θ_t (one block per parametrised layer,
/// see <see cref="CircuitStructure"/>), averaged over the batch rows, computed exactly by the simulator in exact mode and
/// estimated from each layer's measurement in shot mode; ⁺ is the Moore–Penrose pseudo-inverse (singular values below
/// 1e-15 × the largest treated as zero, NumPy's <c>pinv</c> default, which PennyLane uses).
/// </summary>
/// <remarks>
/// <para>Cost per step on a device: the gradient's circuits plus one circuit per parametrised layer and batch row for the
/// metric (PennyLane: 2d + L with parameter shift); the metric circuits need only θ_t, so they join the gradient's round
/// trip (1 round trip per step). <see cref="MetricApproximation.Diagonal"/> runs the same circuits.</para>
/// <para>Under shot noise the estimated blocks can have small negative eigenvalues, which the pseudo-inverse inverts as it
/// finds them (as PennyLane's does); a regularisation λ of about the metric's noise keeps the step a descent.</para>
/// </remarks>
public sealed class QuantumNaturalGradient : ICircuitOptimizer
{
    private const int StateVersion = 1;
    private readonly double[] _metric;
    private int[][] _components = Array.Empty<int[]>();
    private double[] _block = Array.Empty<double>();
    private double[] _vectors = Array.Empty<double>();
    private double[] _right = Array.Empty<double>();
    private double[] _solution = Array.Empty<double>();
    private double[] _scratch = Array.Empty<double>();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameterCount">Number of weights.</param>
    /// <param name="learningRate">η or a schedule; default 0.01 (PennyLane).</param>
    /// <param name="regularization">λ ≥ 0 added to the metric's diagonal; default 0 (PennyLane's <c>lam</c>).</param>
    /// <param name="approximation">Block-diagonal (default) or diagonal metric.</param>
    public QuantumNaturalGradient(int parameterCount, LearningRateSchedule? learningRate = null,
        double regularization = OptimizerDefaults.MetricRegularization, MetricApproximation approximation = MetricApproximation.BlockDiagonal)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        if (!(regularization >= 0) || !double.IsFinite(regularization))
        {
            throw new ArgumentOutOfRangeException(nameof(regularization), regularization, "The regularisation λ must be 0 or a positive number.");
        }

        if (!Enum.IsDefined(approximation))
        {
            throw new ArgumentOutOfRangeException(nameof(approximation), approximation, "Choose BlockDiagonal or Diagonal.");
        }

        ParameterCount = parameterCount;
        Schedule = learningRate ?? OptimizerDefaults.NaturalGradientRate;
        Regularization = regularization;
        Approximation = approximation;
        _metric = new double[parameterCount * parameterCount];
    }

    /// <inheritdoc/>
    public string Name => "QNG";

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <summary>η_t.</summary>
    public LearningRateSchedule Schedule { get; }

    /// <summary>λ.</summary>
    public double Regularization { get; }

    /// <summary>Which metric approximation is used.</summary>
    public MetricApproximation Approximation { get; }

    /// <summary>The metric tensor of the last step (weight count², row-major), regularisation not included.</summary>
    public ReadOnlySpan<double> LastMetric => _metric;

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public int MaxTrialEvaluationsPerStep => 0;

    /// <inheritdoc/>
    public bool NeedsGradient => true;

    /// <inheritdoc/>
    public StepCost Attach(CircuitStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.WeightCount != ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"QNG was made for {ParameterCount} weights, but the circuit has {structure.WeightCount}."), nameof(structure));
        }

        _components = Approximation == MetricApproximation.Diagonal ? Singletons(ParameterCount) : Components(structure);
        int widest = 1;
        foreach (var c in _components)
        {
            widest = Math.Max(widest, c.Length);
        }

        _block = new double[widest * widest];
        _vectors = new double[widest * widest];
        _right = new double[widest];
        _solution = new double[widest];
        _scratch = new double[widest];
        return new StepCost(structure.LayerCount, 0);
    }

    /// <inheritdoc/>
    public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ICircuitOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        int n = ParameterCount;
        if (parameters.Length != n || gradient.Length != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"QNG was made for {n} parameters, but got {parameters.Length} parameters and a gradient of {gradient.Length}."), nameof(parameters));
        }

        if (_block.Length == 0 && n > 0)
        {
            throw new InvalidOperationException("QNG needs the circuit's structure: train it with a Trainer (which calls Attach).");
        }

        double rate = Schedule.Rate(StepCount);
        oracle.MetricTensor(_metric, Approximation == MetricApproximation.Diagonal);
        // Weights in different components have no metric entries between them, so each component is solved on its own:
        // the pseudo-inverse of a block-diagonal matrix is the block-diagonal of the blocks' pseudo-inverses.
        foreach (var component in _components)
        {
            int size = component.Length;
            for (int a = 0; a < size; a++)
            {
                _right[a] = gradient[component[a]];
                for (int b = 0; b < size; b++)
                {
                    _block[(a * size) + b] = _metric[(component[a] * n) + component[b]] + (a == b ? Regularization : 0);
                }
            }

            SymmetricEigen.Decompose(_block, _vectors, size);
            double largest = 0;
            for (int a = 0; a < size; a++)
            {
                largest = Math.Max(largest, Math.Abs(_block[(a * size) + a]));
            }

            SymmetricEigen.Apply(_block, _vectors, size, PseudoInverse, largest, _right, _solution, _scratch);
            for (int a = 0; a < size; a++)
            {
                parameters[component[a]] -= rate * _solution[a];
            }
        }

        StepCount++;
        return new OptimizerStep(NlrPhase.Positive, rate, double.NaN);
    }

    private static readonly Func<double, double, double> PseudoInverse = static (lambda, largest) =>
        Math.Abs(lambda) > 1e-15 * largest ? 1 / lambda : 0;

    /// <summary>Groups of weights joined by sharing a parametrised layer (connected components).</summary>
    private int[][] Components(CircuitStructure structure)
    {
        var parent = new int[ParameterCount];
        for (int i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        for (int l = 0; l < structure.LayerCount; l++)
        {
            var weights = structure.LayerWeights(l);
            for (int k = 1; k < weights.Count; k++)
            {
                parent[Find(weights[k])] = Find(weights[0]);
            }
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (int w = 0; w < ParameterCount; w++)
        {
            int root = Find(w);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = new List<int>();
            }

            list.Add(w);
        }

        var result = new int[groups.Count][];
        int i2 = 0;
        foreach (var list in groups.Values)
        {
            result[i2++] = list.ToArray();
        }

        return result;
    }

    private static int[][] Singletons(int n)
    {
        var result = new int[n][];
        for (int i = 0; i < n; i++)
        {
            result[i] = new[] { i };
        }

        return result;
    }

    /// <inheritdoc/>
    public void Reset() => StepCount = 0;

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection(Name, StateVersion);
        writer.WriteInt32(ParameterCount);
        writer.WriteInt64(StepCount);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection(Name, StateVersion);
        GeneratedOptimizerSupport.CheckSavedCount(Name, reader.ReadInt32(), ParameterCount);
        long steps = reader.ReadInt64();
        if (steps < 0)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"The saved {Name} state has a negative step count ({steps})."));
        }

        StepCount = steps;
    }
}

/// <summary>Which approximation of the Fubini–Study metric tensor <see cref="QuantumNaturalGradient"/> uses.</summary>
public enum MetricApproximation
{
    /// <summary>One block per parametrised layer (PennyLane's <c>approx="block-diag"</c>).</summary>
    BlockDiagonal = 0,

    /// <summary>Only the diagonal (PennyLane's <c>approx="diag"</c>): the same circuits, less classical work.</summary>
    Diagonal = 1,
}
