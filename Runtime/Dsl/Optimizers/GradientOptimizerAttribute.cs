using System;

namespace NegLR;

/// <summary>
/// Base of the attributes that declare an optimizer on a partial class or struct (<see cref="AdamAttribute"/>,
/// <see cref="SgdAttribute"/>, …). The NegLR source generator makes the type a specialised optimizer: every
/// hyperparameter folded into the code, no virtual calls and no allocation per step, bit for bit the same steps as the
/// runtime object configured the same way. Add <see cref="NegativeLearningRateAttribute"/> to wrap it in NLR, and one
/// schedule attribute (<see cref="StepScheduleAttribute"/>, <see cref="ExponentialScheduleAttribute"/>,
/// <see cref="CosineScheduleAttribute"/>, optionally after <see cref="LinearWarmupAttribute"/>) to vary η over the steps.
/// </summary>
/// <remarks>
/// Without NLR the type implements <see cref="IGradientOptimizer"/>; with it, <see cref="IOptimizer"/> and
/// <see cref="IKeepsBest"/>. Create it with <c>new MyOptimizer(parameterCount)</c>. A struct is a handle to its state
/// (copies share it), so it can also be passed to generic code constrained to the interface without boxing.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public abstract class GradientOptimizerAttribute : Attribute
{
    /// <summary>η, the descent learning rate (the schedule's starting rate when a schedule is declared); default 0.01.</summary>
    public double LearningRate { get; set; } = OptimizerDefaults.LearningRate;
}
