using System;

namespace NegLR;

/// <summary>
/// Linear warm-up in front of another schedule: for t &lt; W, η_t = η_after(0) · (f + (1 − f) · t / W) with start factor f
/// (PyTorch's <c>LinearLR</c>); from t = W on, η_t = η_after(t − W), so the following schedule starts fresh after the
/// warm-up (as in the usual "warm-up then cosine" recipe).
/// </summary>
public sealed class LinearWarmupSchedule : LearningRateSchedule
{
    /// <summary>Warms up over <paramref name="warmupSteps"/> steps, then follows <paramref name="after"/>.</summary>
    /// <param name="after">The schedule after warm-up (a plain double converts to a constant rate).</param>
    /// <param name="warmupSteps">W, at least 1.</param>
    /// <param name="startFactor">f in (0, 1]: the first step's fraction of the target rate; PyTorch's default is 1/3.</param>
    public LinearWarmupSchedule(LearningRateSchedule after, int warmupSteps, double startFactor = OptimizerDefaults.WarmupStartFactor)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (warmupSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "warmupSteps must be at least 1.");
        }

        if (!(startFactor > 0 && startFactor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(startFactor), startFactor,
                "startFactor must lie in (0, 1]; a factor of 0 would make the first step do nothing.");
        }

        After = after;
        WarmupSteps = warmupSteps;
        StartFactor = startFactor;
    }

    /// <summary>The schedule after warm-up.</summary>
    public LearningRateSchedule After { get; }

    /// <summary>W.</summary>
    public int WarmupSteps { get; }

    /// <summary>f.</summary>
    public double StartFactor { get; }

    /// <inheritdoc/>
    protected override double RateCore(long step) => step >= WarmupSteps
        ? After.Rate(step - WarmupSteps)
        : After.Rate(0) * (StartFactor + ((1 - StartFactor) * step / WarmupSteps));

    /// <inheritdoc/>
    public override string ToString() => $"warm-up({WarmupSteps} from ×{Format(StartFactor)}) then {After}";
}
