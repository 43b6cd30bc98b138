using System;

namespace NegLR;

/// <summary>
/// Declares an exponential schedule for the type's optimizer: η_t = η · γ^t with η the optimizer's
/// <see cref="GradientOptimizerAttribute.LearningRate"/> (the generated twin of <see cref="ExponentialSchedule"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class ExponentialScheduleAttribute : Attribute
{
    /// <summary>Factor per step, in (0, 1] (0.99 halves the rate in about 69 steps). Required.</summary>
    public double Gamma { get; set; }
}
