using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Simultaneous perturbation stochastic approximation (Spall 1992), as PennyLane's <c>SPSAOptimizer</c>: each step draws
/// a Rademacher vector Δ, evaluates the loss at θ ± c_tΔ (two evaluations, whatever the number of parameters) and steps
/// θ ← θ − a_t·ĝ with ĝ_i = [L(θ + c_tΔ) − L(θ − c_tΔ)] / (2c_tΔ_i), a_t = a / (A + t + 1)^α, c_t = c / (t + 1)^γ.
/// PennyLane's defaults: maxiter = 200, α = 0.602, γ = 0.101, c = 0.2, A = 0.1·maxiter, a = 0.05·(A + 1)^α.
/// </summary>
/// <remarks>
/// As an <see cref="IGradientOptimizer"/> its direction is the estimate itself (d = ĝ) and its schedule is a_t; the
/// trainer sees an SPSA optimizer and estimates gradients with <see cref="Perturbation"/> and <see cref="Random"/>, so a
/// trained run and a hand-driven <see cref="Step(Span{double}, ObjectiveFunction)"/> loop draw the same Δ.
/// </remarks>
public sealed class Spsa : GradientOptimizer
{
    private const int StateVersion = 1;
    private readonly double[] _delta;
    private readonly double[] _shifted;
    private readonly double[] _estimate;

    /// <summary>Creates SPSA for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters.</param>
    /// <param name="seed">Seed of the perturbations; the same seed gives the same run.</param>
    /// <param name="maxIterations">Expected iterations; only sets the defaults of A and a (PennyLane's maxiter).</param>
    /// <param name="a">Step-size scale a; default 0.05·(A + 1)^α.</param>
    /// <param name="c">Perturbation scale c &gt; 0 (about the loss noise's standard deviation); default 0.2.</param>
    /// <param name="stabilityConstant">Spall's A ≥ 0; default 0.1·<paramref name="maxIterations"/>.</param>
    /// <param name="alpha">Exponent α of a_t; default 0.602.</param>
    /// <param name="gamma">Exponent γ of c_t; default 0.101.</param>
    public Spsa(int parameterCount, ulong seed = 0, int maxIterations = 200, double? a = null, double c = 0.2,
        double? stabilityConstant = null, double alpha = 0.602, double gamma = 0.101)
        : base(parameterCount, Gain(maxIterations, a, stabilityConstant, alpha))
    {
        RequirePositive(c, nameof(c), "0.2 is PennyLane's default; use about the standard deviation of the loss noise.");
        RequirePositive(gamma, nameof(gamma), "0.101 is the usual choice.");
        PerturbationScale = c;
        Gamma = gamma;
        Random = new SeededRandom(seed);
        _delta = new double[parameterCount];
        _shifted = new double[parameterCount];
        _estimate = new double[parameterCount];
    }

    /// <inheritdoc/>
    public override string Name => "SPSA";

    /// <summary>c.</summary>
    public double PerturbationScale { get; }

    /// <summary>γ.</summary>
    public double Gamma { get; }

    /// <summary>The gain sequence a_t.</summary>
    public SpsaGainSchedule Gains => (SpsaGainSchedule)Schedule;

    /// <summary>The source of the perturbations Δ (its state is part of <see cref="IOptimizer.SaveState"/>).</summary>
    public SeededRandom Random { get; }

    /// <summary>c_t = c / (t + 1)^γ.</summary>
    public double Perturbation(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return PerturbationScale / Math.Pow(step + 1, Gamma);
    }

    /// <summary>Fills <paramref name="delta"/> with ±1 signs from <see cref="Random"/> (one draw per parameter, in order).</summary>
    public void DrawPerturbation(Span<double> delta)
    {
        for (int i = 0; i < delta.Length; i++)
        {
            delta[i] = Random.NextSign();
        }
    }

    /// <summary>ĝ_i = (plus − minus) / (2·c·Δ_i): the estimate from the two perturbed losses.</summary>
    public static void GradientFromDifference(double plus, double minus, double perturbation, ReadOnlySpan<double> delta, Span<double> gradient)
    {
        double slope = (plus - minus) / (2 * perturbation);
        for (int i = 0; i < delta.Length; i++)
        {
            gradient[i] = slope / delta[i];
        }
    }

    /// <summary>
    /// Estimates the gradient at <paramref name="parameters"/> with the current c_t and a fresh Δ (two calls of
    /// <paramref name="loss"/>) and returns the mean of the two perturbed losses. Does not step.
    /// </summary>
    public double EstimateGradient(ReadOnlySpan<double> parameters, ObjectiveFunction loss, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (parameters.Length != ParameterCount || gradient.Length != ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"SPSA was made for {ParameterCount} parameters, but got {parameters.Length} parameters and a gradient of {gradient.Length}."), nameof(parameters));
        }

        double c = Perturbation(StepCount);
        DrawPerturbation(_delta);
        for (int i = 0; i < _shifted.Length; i++)
        {
            _shifted[i] = parameters[i] + (c * _delta[i]);
        }

        double plus = loss(_shifted);
        for (int i = 0; i < _shifted.Length; i++)
        {
            _shifted[i] = parameters[i] - (c * _delta[i]);
        }

        double minus = loss(_shifted);
        GradientFromDifference(plus, minus, c, _delta, gradient);
        return (plus + minus) / 2;
    }

    /// <summary>One SPSA step θ ← θ − a_t·ĝ; returns the mean of the two perturbed losses (PennyLane reports no loss).</summary>
    public double Step(Span<double> parameters, ObjectiveFunction loss)
    {
        double value = EstimateGradient(parameters, loss, _estimate);
        Step(parameters, _estimate);
        return value;
    }

    /// <inheritdoc/>
    protected override void Direction(ReadOnlySpan<double> gradient, Span<double> direction, long step, bool advance) =>
        gradient.CopyTo(direction);

    /// <inheritdoc/>
    protected override void ResetState() => Random.RestoreState(FreshState(Random.Seed));

    /// <inheritdoc/>
    protected override void SaveStateCore(CheckpointWriter writer)
    {
        writer.WriteSection("SPSA.Random", StateVersion);
        writer.WriteRandom(Random);
    }

    /// <inheritdoc/>
    protected override void RestoreStateCore(CheckpointReader reader)
    {
        reader.ReadSection("SPSA.Random", StateVersion);
        reader.ReadRandom(Random, "SPSA perturbation generator");
    }

    private static ulong[] FreshState(ulong seed)
    {
        var state = new ulong[4];
        new SeededRandom(seed).SaveState(state);
        return state;
    }

    private static SpsaGainSchedule Gain(int maxIterations, double? a, double? stabilityConstant, double alpha)
    {
        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "maxIterations must be at least 1 (PennyLane's default is 200).");
        }

        if (!(alpha > 0) || !double.IsFinite(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be a positive number; 0.602 is the usual choice.");
        }

        double bigA = stabilityConstant ?? (0.1 * maxIterations);
        if (!(bigA >= 0) || !double.IsFinite(bigA))
        {
            throw new ArgumentOutOfRangeException(nameof(stabilityConstant), stabilityConstant, "The stability constant A must be 0 or more.");
        }

        double scale = a ?? (0.05 * Math.Pow(bigA + 1, alpha));
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "a must be a positive number.");
        }

        return new SpsaGainSchedule(scale, bigA, alpha);
    }
}
