using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Quantum natural SPSA (Gacon, Zoufal, Carleo &amp; Woerner, Quantum 5, 567 (2021)), step for step as PennyLane's
/// <c>QNSPSAOptimizer</c>: an SPSA gradient ĝ = [L(θ + εh) − L(θ − εh)]/(2ε)·h and a 2-SPSA estimate of the Fubini–Study
/// metric from four fidelities, ĝ_F = −δF/(8ε²)·(h₁h₂ᵀ + h₂h₁ᵀ) with
/// δF = F(θ, θ + ε(h₁ + h₂)) − F(θ, θ + εh₁) − F(θ, θ − εh₁ + εh₂) + F(θ, θ − εh₁), averaged over
/// <see cref="Resamplings"/>; the metric is a running mean G ← k/(k+1)·G + ĝ_F/(k+1) (G₀ = I, k from 1) regularised as
/// G ← (√(G·G) + βI)/(1 + β) and kept so; the step is θ' = θ − η·G⁻¹ĝ. With <see cref="Blocking"/>, θ' is evaluated and
/// rejected when L(θ') &gt; L(θ) + 2·std of the last <see cref="HistoryLength"/> step losses.
/// </summary>
/// <remarks>
/// Cost per step: 6 circuit evaluations per batch row and resampling (2 losses, 4 fidelity circuits U(b)†U(a) read out as
/// the all-zeros probability), all known at θ_t, so they join the step's first round trip; plus the trainer's loss at θ_t;
/// with blocking one more evaluation per row and a second round trip. Classically O(d³) per step for the matrix square root
/// and inverse (a symmetric eigen-decomposition of the d × d metric), and O(d²) state to checkpoint: meant for the small
/// circuits QN-SPSA was designed for.
/// </remarks>
public sealed class QnSpsa : ICircuitOptimizer
{
    private const int StateVersion = 1;
    private readonly double[] _metric;
    private readonly double[] _estimate;
    private readonly double[] _gradient;
    private readonly double[] _h;
    private readonly double[] _h1;
    private readonly double[] _h2;
    private readonly double[] _points;
    private readonly double[] _anchor;
    private readonly double[] _fidelities;
    private readonly double[] _vectors;
    private readonly double[] _work;
    private readonly double[] _scratch;
    private readonly double[] _next;
    private readonly double[] _history;
    private double[] _outputs = Array.Empty<double>();
    private long _k = 1;

    /// <summary>Creates QN-SPSA.</summary>
    /// <param name="parameterCount">Number of weights.</param>
    /// <param name="seed">Seed of the perturbation directions.</param>
    /// <param name="learningRate">η; default 1e-3 (PennyLane).</param>
    /// <param name="regularization">β &gt; 0; default 1e-3.</param>
    /// <param name="finiteDifferenceStep">ε &gt; 0; default 1e-2.</param>
    /// <param name="resamplings">Estimates averaged per step, at least 1; default 1.</param>
    /// <param name="blocking">Reject steps that raise the loss beyond the tolerance; default true.</param>
    /// <param name="historyLength">Losses the blocking tolerance uses, at least 1; default 5.</param>
    public QnSpsa(int parameterCount, ulong seed = 0, double learningRate = OptimizerDefaults.QnSpsaRate,
        double regularization = OptimizerDefaults.QnSpsaRegularization, double finiteDifferenceStep = OptimizerDefaults.QnSpsaFiniteDifferenceStep,
        int resamplings = 1, bool blocking = OptimizerDefaults.QnSpsaBlocking, int historyLength = OptimizerDefaults.QnSpsaHistoryLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        RequirePositive(learningRate, nameof(learningRate));
        RequirePositive(regularization, nameof(regularization));
        RequirePositive(finiteDifferenceStep, nameof(finiteDifferenceStep));
        if (resamplings < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(resamplings), resamplings, "resamplings must be at least 1.");
        }

        if (historyLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(historyLength), historyLength, "historyLength must be at least 1.");
        }

        ParameterCount = parameterCount;
        LearningRate = learningRate;
        Regularization = regularization;
        FiniteDifferenceStep = finiteDifferenceStep;
        Resamplings = resamplings;
        Blocking = blocking;
        HistoryLength = historyLength;
        Random = new SeededRandom(seed);
        int n = parameterCount;
        _metric = new double[n * n];
        _estimate = new double[n * n];
        _gradient = new double[n];
        _h = new double[n];
        _h1 = new double[n];
        _h2 = new double[n];
        _points = new double[4 * n];
        _anchor = new double[4 * n];
        _fidelities = new double[4];
        _vectors = new double[n * n];
        _work = new double[n * n];
        _scratch = new double[n];
        _next = new double[n];
        _history = new double[historyLength];
        ResetMetric();
    }

    /// <inheritdoc/>
    public string Name => "QN-SPSA";

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>β.</summary>
    public double Regularization { get; }

    /// <summary>ε.</summary>
    public double FiniteDifferenceStep { get; }

    /// <summary>Estimates averaged per step.</summary>
    public int Resamplings { get; }

    /// <summary>Whether worsening steps are rejected.</summary>
    public bool Blocking { get; }

    /// <summary>Losses the blocking tolerance uses.</summary>
    public int HistoryLength { get; }

    /// <summary>The source of the perturbations (its state is saved).</summary>
    public SeededRandom Random { get; }

    /// <summary>The current regularised metric estimate G (weight count², row-major).</summary>
    public ReadOnlySpan<double> Metric => _metric;

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public int MaxTrialEvaluationsPerStep => Blocking ? 1 : 0;

    /// <inheritdoc/>
    public bool NeedsGradient => false;

    /// <inheritdoc/>
    public StepCost Attach(CircuitStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.WeightCount != ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"QN-SPSA was made for {ParameterCount} weights, but the circuit has {structure.WeightCount}."), nameof(structure));
        }

        return new StepCost(6L * Resamplings, 0);
    }

    /// <inheritdoc/>
    public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ICircuitOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        int n = ParameterCount;
        if (parameters.Length != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"QN-SPSA was made for {n} weights, but got {parameters.Length} parameters."), nameof(parameters));
        }

        int width = oracle.Rows * oracle.Outputs;
        if (_outputs.Length != 2 * width)
        {
            _outputs = new double[2 * width];
        }

        double eps = FiniteDifferenceStep;
        Array.Clear(_gradient);
        Array.Clear(_estimate);
        for (int r = 0; r < Resamplings; r++)
        {
            // The SPSA gradient: h, then L(θ ± εh).
            Draw(_h);
            for (int i = 0; i < n; i++)
            {
                _points[i] = parameters[i] + (eps * _h[i]);
                _points[n + i] = parameters[i] - (eps * _h[i]);
            }

            oracle.EvaluateOutputs(_points.AsSpan(0, 2 * n), _outputs, withStepStart: true);
            double slope = (oracle.Loss(_outputs.AsSpan(0, width)) - oracle.Loss(_outputs.AsSpan(width, width))) / (2 * eps);
            for (int i = 0; i < n; i++)
            {
                _gradient[i] += slope * _h[i] / Resamplings;
            }

            // The metric: h₁, h₂, then four fidelities against θ.
            Draw(_h1);
            Draw(_h2);
            for (int i = 0; i < n; i++)
            {
                _points[i] = parameters[i] + (eps * (_h1[i] + _h2[i]));
                _points[n + i] = parameters[i] + (eps * _h1[i]);
                _points[(2 * n) + i] = parameters[i] + (eps * (-_h1[i] + _h2[i]));
                _points[(3 * n) + i] = parameters[i] - (eps * _h1[i]);
                for (int p = 0; p < 4; p++)
                {
                    _anchor[(p * n) + i] = parameters[i];
                }
            }

            oracle.Fidelities(_anchor, _points, _fidelities, withStepStart: true);
            double delta = _fidelities[0] - _fidelities[1] - _fidelities[2] + _fidelities[3];
            double factor = -delta / (8 * eps * eps) / Resamplings;
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    _estimate[(i * n) + j] += factor * ((_h1[i] * _h2[j]) + (_h2[i] * _h1[j]));
                }
            }
        }

        UpdateMetric();
        Solve(parameters);
        long k = _k; // PennyLane's counter after the metric update
        StepCount++;
        double trialLoss = double.NaN;
        var phase = NlrPhase.Positive;
        if (Blocking)
        {
            trialLoss = oracle.EvaluateTrial(_next);
            _history[(int)((k - 2) % HistoryLength)] = loss;
            int filled = (int)Math.Min(k - 1, HistoryLength);
            double tolerance = 2 * StandardDeviation(_history.AsSpan(0, filled));
            if (loss + tolerance < trialLoss)
            {
                phase = NlrPhase.Rejected;
            }
        }

        if (phase == NlrPhase.Positive)
        {
            _next.CopyTo(parameters);
        }

        return new OptimizerStep(phase, phase == NlrPhase.Positive ? LearningRate : 0, trialLoss);
    }

    /// <summary>G ← k/(k+1)·G + ĝ_F/(k+1), then G ← (√(G·G) + βI)/(1 + β) = V(|λ| + β)/(1 + β)Vᵀ; k ← k + 1.</summary>
    private void UpdateMetric()
    {
        int n = ParameterCount;
        double keep = (double)_k / (_k + 1), add = 1.0 / (_k + 1);
        for (int i = 0; i < _metric.Length; i++)
        {
            _work[i] = (keep * _metric[i]) + (add * _estimate[i]);
        }

        SymmetricEigen.Decompose(_work, _vectors, n);
        // Rebuild G = V diag((|λ| + β)/(1 + β)) Vᵀ.
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int e = 0; e < n; e++)
                {
                    double lambda = (Math.Abs(_work[(e * n) + e]) + Regularization) / (1 + Regularization);
                    sum += _vectors[(i * n) + e] * lambda * _vectors[(j * n) + e];
                }

                _metric[(i * n) + j] = sum;
            }
        }

        _k++;
    }

    /// <summary>θ' = θ − η·G⁻¹ĝ into <c>_next</c>, using G's eigen-decomposition (G is positive definite after regularisation).</summary>
    private void Solve(ReadOnlySpan<double> parameters)
    {
        int n = ParameterCount;
        _metric.CopyTo(_work, 0);
        SymmetricEigen.Decompose(_work, _vectors, n);
        SymmetricEigen.Apply(_work, _vectors, n, Inverse, 0, _gradient, _next, _scratch);
        for (int i = 0; i < n; i++)
        {
            _next[i] = parameters[i] - (LearningRate * _next[i]);
        }
    }

    private static readonly Func<double, double, double> Inverse = static (lambda, _) => 1 / lambda;

    /// <summary>A saved metric must be what the updates produce: symmetric, with every eigenvalue at least β/(1 + β).</summary>
    private void RequireRegularisedMetric(double[] metric)
    {
        int n = ParameterCount;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double a = metric[(i * n) + j], b = metric[(j * n) + i];
                if (Math.Abs(a - b) > 1e-9 * (1 + Math.Abs(a)))
                {
                    throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                        $"The saved QN-SPSA metric is not symmetric (entries [{i},{j}] = {a} and [{j},{i}] = {b}); the data is corrupt."));
                }
            }
        }

        var work = (double[])metric.Clone();
        var vectors = new double[metric.Length];
        SymmetricEigen.Decompose(work, vectors, n);
        double floor = Regularization / (1 + Regularization);
        for (int e = 0; e < n; e++)
        {
            if (!(work[(e * n) + e] >= floor * (1 - 1e-6)))
            {
                throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                    $"The saved QN-SPSA metric has the eigenvalue {work[(e * n) + e]}, below the regularisation's floor {floor}; the data is corrupt."));
            }
        }
    }

    private void Draw(Span<double> direction)
    {
        for (int i = 0; i < direction.Length; i++)
        {
            direction[i] = Random.NextSign();
        }
    }

    private static double StandardDeviation(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return 0;
        }

        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double sum = 0;
        foreach (double v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / values.Length);
    }

    private void ResetMetric()
    {
        int n = ParameterCount;
        Array.Clear(_metric);
        for (int i = 0; i < n; i++)
        {
            _metric[(i * n) + i] = 1;
        }

        Array.Clear(_history);
        _k = 1;
    }

    private static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        StepCount = 0;
        ResetMetric();
        Span<ulong> state = stackalloc ulong[4];
        new SeededRandom(Random.Seed).SaveState(state);
        Random.RestoreState(state);
    }

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection(Name, StateVersion);
        writer.WriteInt32(ParameterCount);
        writer.WriteInt64(StepCount);
        writer.WriteInt64(_k);
        writer.WriteDoubles(_metric);
        writer.WriteDoubles(_history);
        writer.WriteRandom(Random);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection(Name, StateVersion);
        GeneratedOptimizerSupport.CheckSavedCount(Name, reader.ReadInt32(), ParameterCount);
        long steps = reader.ReadInt64();
        long k = reader.ReadInt64();
        if (steps < 0 || k != steps + 1)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"The saved {Name} state holds impossible counters ({steps} steps, metric average over {k}); the data is corrupt."));
        }

        var metric = new double[_metric.Length];
        reader.ReadDoubles(metric, "QN-SPSA metric");
        RequireRegularisedMetric(metric);
        reader.ReadDoubles(_history, "QN-SPSA loss history");
        metric.CopyTo(_metric, 0);
        reader.ReadRandom(Random, "QN-SPSA perturbation generator");
        StepCount = steps;
        _k = k;
    }
}
