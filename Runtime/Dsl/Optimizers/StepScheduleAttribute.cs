using System;

namespace NegLR;

/// <summary>
/// Declares a step-decay schedule for the type's optimizer: η_t = η · γ^⌊t / StepSize⌋ with η the optimizer's
/// <see cref="GradientOptimizerAttribute.LearningRate"/> (the generated twin of <see cref="StepSchedule"/>).
/// </summary>
/// <example><code>[Adam(LearningRate = 0.1)] [StepSchedule(StepSize = 50, Gamma = 0.5)] public partial class Halving;</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class StepScheduleAttribute : Attribute
{
    /// <summary>Steps between drops, at least 1. Required.</summary>
    public int StepSize { get; set; }

    /// <summary>Factor per drop, in (0, 1]; default 0.1.</summary>
    public double Gamma { get; set; } = OptimizerDefaults.StepScheduleGamma;
}
