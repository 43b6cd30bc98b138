using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Rotosolve (Ostaszewski, Grant &amp; Benedetti, Quantum 5, 391 (2021); PennyLane's <c>RotosolveOptimizer</c>): a
/// gradient-free sweep that sets each weight in turn to the minimiser of the loss along it, all others fixed. Along weight
/// w every observable is a trigonometric polynomial of known order R (<see cref="WeightSpectrum"/>: R = 1 for a weight in
/// one Pauli rotation), so 2R new circuit evaluations per row — at w + 2πμ/((2R + 1)ω₀), μ = 1…2R, the current value
/// being known — reconstruct it exactly (Wierichs et al., Quantum 6, 677 (2022), equidistant reconstruction).
/// </summary>
/// <remarks>
/// <para>For the expectation objective with R = 1 the minimiser is closed form (Ostaszewski et al., eq. 4 written on
/// equidistant points): with f(x) = a₀ + a₁cos x + b₁sin x in x = ω₀(w − w₀), x* = atan2(−b₁, −a₁). Otherwise — a data
/// set, a non-linear or custom loss, or R &gt; 1 — each row's observables are reconstructed and the batch loss of the
/// reconstruction is minimised numerically over one period (a grid of 32·R points, then golden-section refinement), which
/// costs no circuit runs. After an update the reconstructed values at the new weight stand in for a new evaluation, as in
/// PennyLane (exact in exact mode; an estimate under shots).</para>
/// <para>Cost per step (one sweep): Σ_w 2R_w evaluations per batch row plus the trainer's 1 for the starting loss;
/// sequential round trips: one per weight, since each weight's points depend on the previous update (the first weight's
/// points join the step's first round trip). No gradient is computed.</para>
/// </remarks>
public sealed class Rotosolve : ICircuitOptimizer
{
    private const int StateVersion = 1;
    private const double Golden = 0.6180339887498949;
    private double[] _points = Array.Empty<double>();
    private double[] _values = Array.Empty<double>();
    private double[] _current = Array.Empty<double>();
    private double[] _coefficients = Array.Empty<double>();
    private double[] _candidate = Array.Empty<double>();
    private WeightSpectrum[] _spectra = Array.Empty<WeightSpectrum>();
    private int _widest;

    /// <summary>Creates Rotosolve for <paramref name="parameterCount"/> weights.</summary>
    public Rotosolve(int parameterCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parameterCount);
        ParameterCount = parameterCount;
    }

    /// <inheritdoc/>
    public string Name => "Rotosolve";

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public int MaxTrialEvaluationsPerStep => 0;

    /// <inheritdoc/>
    public bool NeedsGradient => false;

    /// <inheritdoc/>
    public StepCost Attach(CircuitStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (structure.WeightCount != ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Rotosolve was made for {ParameterCount} weights, but the circuit has {structure.WeightCount}."), nameof(structure));
        }

        _spectra = new WeightSpectrum[ParameterCount];
        long evaluations = 0, active = 0;
        int widest = 0;
        for (int w = 0; w < ParameterCount; w++)
        {
            var spectrum = structure.Spectrum(w);
            if (!spectrum.IsSupported)
            {
                throw new ArgumentException(
                    $"Rotosolve cannot train this circuit: {spectrum.Unsupported}. Give each gate its own weight, use integer angle scales, or use a gradient optimizer.",
                    nameof(structure));
            }

            _spectra[w] = spectrum;
            if (spectrum.Order > 0)
            {
                evaluations += 2L * spectrum.Order;
                active++;
                widest = Math.Max(widest, spectrum.Order);
            }
        }

        _widest = widest;
        _points = new double[2 * widest * ParameterCount];
        _current = Array.Empty<double>();
        return new StepCost(evaluations, Math.Max(active - 1, 0));
    }

    /// <inheritdoc/>
    public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ICircuitOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(oracle);
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Rotosolve was made for {ParameterCount} weights, but got {parameters.Length} parameters."), nameof(parameters));
        }

        if (_spectra.Length != ParameterCount)
        {
            throw new InvalidOperationException("Rotosolve needs the circuit's structure: train it with a Trainer (which calls Attach).");
        }

        int width = oracle.Rows * oracle.Outputs;
        EnsureBuffers(width);
        oracle.StartOutputs.CopyTo(_current);
        bool first = true;
        for (int w = 0; w < ParameterCount; w++)
        {
            var spectrum = _spectra[w];
            if (spectrum.Order == 0 || !oracle.IsTrainable(w))
            {
                continue;
            }

            int order = spectrum.Order, count = (2 * order) + 1;
            double omega = spectrum.BaseFrequency, w0 = parameters[w];
            // The 2R new points, one parameter vector each, evaluated together.
            for (int mu = 1; mu < count; mu++)
            {
                var point = _points.AsSpan((mu - 1) * ParameterCount, ParameterCount);
                parameters.CopyTo(point);
                point[w] = w0 + (2 * Math.PI * mu / (count * omega));
            }

            var values = _values.AsSpan(0, (count - 1) * width);
            oracle.EvaluateOutputs(_points.AsSpan(0, (count - 1) * ParameterCount), values, withStepStart: first);
            first = false;

            Coefficients(order, count, width);
            double x = oracle.LossIsLinear && order == 1 && width == 1 ? ClosedForm() : Minimize(oracle, order, count, width);
            parameters[w] = w0 + (x / omega);
            // The reconstruction at x stands in for the outputs at the new weight.
            for (int e = 0; e < width; e++)
            {
                _current[e] = Reconstruct(e, order, count, x);
            }
        }

        StepCount++;
        return new OptimizerStep(NlrPhase.Positive, double.NaN, double.NaN);
    }

    /// <summary>f at x for output e: the trigonometric interpolant through the 2R + 1 equidistant samples.</summary>
    private double Reconstruct(int e, int order, int count, double x)
    {
        int at = e * count;
        double f = _coefficients[at];
        for (int k = 1; k <= order; k++)
        {
            f += (_coefficients[at + (2 * k) - 1] * Math.Cos(k * x)) + (_coefficients[at + (2 * k)] * Math.Sin(k * x));
        }

        return f;
    }

    /// <summary>a₀, a_k, b_k of every output from its samples (μ = 0 is the current value, μ ≥ 1 the new evaluations).</summary>
    private void Coefficients(int order, int count, int width)
    {
        Array.Clear(_coefficients, 0, width * count);
        for (int mu = 0; mu < count; mu++)
        {
            double xmu = 2 * Math.PI * mu / count;
            for (int e = 0; e < width; e++)
            {
                double v = mu == 0 ? _current[e] : _values[((mu - 1) * width) + e];
                int at = e * count;
                _coefficients[at] += v;
                for (int k = 1; k <= order; k++)
                {
                    _coefficients[at + (2 * k) - 1] += v * Math.Cos(k * xmu);
                    _coefficients[at + (2 * k)] += v * Math.Sin(k * xmu);
                }
            }
        }

        for (int e = 0; e < width; e++)
        {
            int at = e * count;
            _coefficients[at] /= count;
            for (int i = 1; i < count; i++)
            {
                _coefficients[at + i] *= 2.0 / count;
            }
        }
    }

    /// <summary>argmin of a₀ + a₁cos x + b₁sin x: x* = atan2(−b₁, −a₁).</summary>
    private double ClosedForm()
    {
        double a = _coefficients[1], b = _coefficients[2];
        return a == 0 && b == 0 ? 0 : Math.Atan2(-b, -a);
    }

    /// <summary>The batch loss of the reconstruction, minimised over one period: grid, then golden-section refinement.</summary>
    private double Minimize(ICircuitOracle oracle, int order, int count, int width)
    {
        int grid = 32 * order;
        double bestX = 0, best = LossAt(oracle, order, count, width, 0);
        for (int i = 1; i < grid; i++)
        {
            double x = (2 * Math.PI * i / grid) - (i > grid / 2 ? 2 * Math.PI : 0);
            double value = LossAt(oracle, order, count, width, x);
            if (value < best)
            {
                best = value;
                bestX = x;
            }
        }

        double step = 2 * Math.PI / grid;
        double lo = bestX - step, hi = bestX + step;
        double x1 = hi - (Golden * (hi - lo)), x2 = lo + (Golden * (hi - lo));
        double f1 = LossAt(oracle, order, count, width, x1), f2 = LossAt(oracle, order, count, width, x2);
        for (int iteration = 0; iteration < 80 && hi - lo > 1e-13; iteration++)
        {
            if (f1 <= f2)
            {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - (Golden * (hi - lo));
                f1 = LossAt(oracle, order, count, width, x1);
            }
            else
            {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + (Golden * (hi - lo));
                f2 = LossAt(oracle, order, count, width, x2);
            }
        }

        double refined = f1 <= f2 ? x1 : x2;
        return Math.Min(f1, f2) <= best ? refined : bestX;
    }

    private double LossAt(ICircuitOracle oracle, int order, int count, int width, double x)
    {
        for (int e = 0; e < width; e++)
        {
            _candidate[e] = Reconstruct(e, order, count, x);
        }

        return oracle.Loss(_candidate);
    }

    private void EnsureBuffers(int width)
    {
        if (_current.Length != width)
        {
            _current = new double[width];
            _candidate = new double[width];
            _values = new double[2 * Math.Max(_widest, 1) * width];
            _coefficients = new double[((2 * _widest) + 1) * width];
        }
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
