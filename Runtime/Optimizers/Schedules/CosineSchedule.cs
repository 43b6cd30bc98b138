using System;

namespace NegLR;

/// <summary>
/// Cosine annealing: η_t = η_min + (η₀ − η_min)(1 + cos(π t / T)) / 2 for t ≤ T, then η_min (PyTorch's
/// <c>CosineAnnealingLR</c> over one half period; it stays at the floor afterwards instead of rising again).
/// </summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    /// <summary>Anneals from <paramref name="initialRate"/> to <paramref name="minimumRate"/> over <paramref name="totalSteps"/> steps.</summary>
    /// <param name="initialRate">η₀ &gt; 0.</param>
    /// <param name="totalSteps">T, at least 1: usually the run's step count.</param>
    /// <param name="minimumRate">η_min in [0, η₀]. A rate of 0 is allowed here: the last steps then barely move.</param>
    public CosineSchedule(double initialRate, int totalSteps, double minimumRate = OptimizerDefaults.CosineMinimumRate)
    {
        RequirePositive(initialRate, nameof(initialRate));
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, "totalSteps must be at least 1 (usually the run's number of steps).");
        }

        if (!(minimumRate >= 0 && minimumRate <= initialRate))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumRate), minimumRate, "minimumRate must lie in [0, initialRate].");
        }

        InitialRate = initialRate;
        TotalSteps = totalSteps;
        MinimumRate = minimumRate;
    }

    /// <summary>η₀.</summary>
    public double InitialRate { get; }

    /// <summary>T.</summary>
    public int TotalSteps { get; }

    /// <summary>η_min.</summary>
    public double MinimumRate { get; }

    /// <inheritdoc/>
    protected override double RateCore(long step) => step >= TotalSteps
        ? MinimumRate
        : MinimumRate + ((InitialRate - MinimumRate) * (1 + Math.Cos(Math.PI * step / TotalSteps)) / 2);

    /// <inheritdoc/>
    public override string ToString() => $"cosine({Format(InitialRate)} → {Format(MinimumRate)} over {TotalSteps})";
}
