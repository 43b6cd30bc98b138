using System;

namespace NegLR;

/// <summary>η_t = η₀ · γ^⌊t / stepSize⌋: drop by γ every <c>stepSize</c> steps (PyTorch's <c>StepLR</c>).</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <summary>Starts at <paramref name="initialRate"/> and multiplies by <paramref name="gamma"/> every <paramref name="stepSize"/> steps.</summary>
    /// <param name="initialRate">η₀ &gt; 0.</param>
    /// <param name="stepSize">Steps between drops, at least 1.</param>
    /// <param name="gamma">Factor per drop, in (0, 1]; PyTorch's default is 0.1.</param>
    public StepSchedule(double initialRate, int stepSize, double gamma = OptimizerDefaults.StepScheduleGamma)
    {
        RequirePositive(initialRate, nameof(initialRate));
        if (stepSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(stepSize), stepSize, "stepSize must be at least 1 (steps between drops).");
        }

        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "gamma must lie in (0, 1]; 0.1 divides the rate by ten at each drop.");
        }

        InitialRate = initialRate;
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>η₀.</summary>
    public double InitialRate { get; }

    /// <summary>Steps between drops.</summary>
    public int StepSize { get; }

    /// <summary>Factor per drop.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    protected override double RateCore(long step) => InitialRate * Math.Pow(Gamma, step / StepSize);

    /// <inheritdoc/>
    public override string ToString() => $"step({Format(InitialRate)}, ×{Format(Gamma)} every {StepSize})";
}
