using System;

namespace NegLR;

/// <summary>
/// Declares a linear warm-up in front of the type's schedule (a constant η when no other schedule is declared): for
/// t &lt; W, η_t = η_after(0) · (f + (1 − f) t / W); from t = W on, η_t = η_after(t − W). The generated twin of
/// <see cref="LinearWarmupSchedule"/>.
/// </summary>
/// <example><code>[Adam(LearningRate = 0.05)] [LinearWarmup(WarmupSteps = 10, TotalSteps = 200)] [CosineSchedule(TotalSteps = 190)] public partial class WarmCosine;</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class LinearWarmupAttribute : Attribute
{
    /// <summary>W, the warm-up length in steps, at least 1. Required.</summary>
    public int WarmupSteps { get; set; }

    /// <summary>f in (0, 1]: the first step's fraction of the target rate; default 1/3.</summary>
    public double StartFactor { get; set; } = OptimizerDefaults.WarmupStartFactor;

    /// <summary>
    /// The run's length in steps, if you want it checked: a warm-up must end before the run does. 0 (the default) means
    /// not declared. Only checked, never used in the formula.
    /// </summary>
    public int TotalSteps { get; set; }
}
