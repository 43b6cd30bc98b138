using System;

namespace NegLR;

/// <summary>η_t = η₀ · γ^t (PyTorch's <c>ExponentialLR</c>).</summary>
public sealed class ExponentialSchedule : LearningRateSchedule
{
    /// <summary>Starts at <paramref name="initialRate"/> and multiplies by <paramref name="gamma"/> every step.</summary>
    /// <param name="initialRate">η₀ &gt; 0.</param>
    /// <param name="gamma">Factor per step, in (0, 1] (0.99 halves the rate in about 69 steps).</param>
    public ExponentialSchedule(double initialRate, double gamma)
    {
        RequirePositive(initialRate, nameof(initialRate));
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must lie in (0, 1], e.g. 0.99.");
        }

        InitialRate = initialRate;
        Gamma = gamma;
    }

    /// <summary>η₀.</summary>
    public double InitialRate { get; }

    /// <summary>Factor per step.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double RateCore(long step) => InitialRate * Math.Pow(Gamma, step);

    /// <inheritdoc/>
    public override string ToString() => $"exponential({Format(InitialRate)}, ×{Format(Gamma)} per step)";
}
