using System;

namespace NegLR;

/// <summary>
/// Declares cosine annealing for the type's optimizer: η_t = η_min + (η − η_min)(1 + cos(πt/T))/2 for t ≤ T, then η_min,
/// with η the optimizer's <see cref="GradientOptimizerAttribute.LearningRate"/> (the generated twin of
/// <see cref="CosineSchedule"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class CosineScheduleAttribute : Attribute
{
    /// <summary>T, the annealing length in steps (usually the run's step count), at least 1. Required.</summary>
    public int TotalSteps { get; set; }

    /// <summary>η_min in [0, η]; default 0.</summary>
    public double MinimumRate { get; set; } = OptimizerDefaults.CosineMinimumRate;
}
