using System;

namespace NegLR;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with bias correction: d = m̂ / (√v̂ + ε). Defaults follow PyTorch's betas and ε with
/// η = 0.01 (PennyLane's default step size), the usual choice for VQA training.
/// </summary>
public sealed class Adam : IOptimizer
{
    private readonly double[] _m;
    private readonly double[] _v;
    private readonly double[] _direction;
    private double _beta1Power = 1, _beta2Power = 1;

    /// <summary>Creates Adam for <paramref name="parameterCount"/> parameters.</summary>
    public Adam(int parameterCount, double learningRate = 0.01, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        if (parameterCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameterCount), parameterCount, "The parameter count must be 0 or more.");
        }

        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive number.");
        }

        if (!(beta1 >= 0 && beta1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "beta1 must lie in [0, 1).");
        }

        if (!(beta2 >= 0 && beta2 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "beta2 must lie in [0, 1).");
        }

        if (!(epsilon > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon must be positive.");
        }

        LearningRate = learningRate;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _m = new double[parameterCount];
        _v = new double[parameterCount];
        _direction = new double[parameterCount];
    }

    /// <inheritdoc/>
    public string Name => "Adam";

    /// <inheritdoc/>
    public double LearningRate { get; }

    /// <summary>Decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>Guard against division by zero.</summary>
    public double Epsilon { get; }

    /// <summary>Number of directions computed so far.</summary>
    public int StepCount { get; private set; }

    /// <inheritdoc/>
    public void ComputeDirection(ReadOnlySpan<double> gradient, Span<double> direction)
    {
        if (gradient.Length != _m.Length || direction.Length != _m.Length)
        {
            throw new ArgumentException($"Adam was made for {_m.Length} parameters, but got a gradient of {gradient.Length} and a direction of {direction.Length}.", nameof(gradient));
        }

        StepCount++;
        _beta1Power *= Beta1;
        _beta2Power *= Beta2;
        double c1 = 1 - _beta1Power, c2 = 1 - _beta2Power;
        for (int i = 0; i < gradient.Length; i++)
        {
            double g = gradient[i];
            _m[i] = (Beta1 * _m[i]) + ((1 - Beta1) * g);
            _v[i] = (Beta2 * _v[i]) + ((1 - Beta2) * g * g);
            direction[i] = (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + Epsilon);
        }
    }

    /// <inheritdoc/>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        if (parameters.Length != _m.Length)
        {
            throw new ArgumentException($"Adam was made for {_m.Length} parameters, but got {parameters.Length}.", nameof(parameters));
        }

        ComputeDirection(gradient, _direction);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] -= LearningRate * _direction[i];
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Array.Clear(_m);
        Array.Clear(_v);
        StepCount = 0;
        _beta1Power = 1;
        _beta2Power = 1;
    }
}
