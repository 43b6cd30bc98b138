namespace NegLR.Generator.Optimizers;

/// <summary>
/// What kind of rule a <see cref="ScheduleProblem"/> breaks. The generator only needs the message; the analyzers give
/// each kind its own diagnostic ID (NLR05xx), so users can look a rule up, and configure or suppress it, by kind.
/// </summary>
internal enum ScheduleProblemKind
{
    /// <summary>The type, or a type containing it, is not partial.</summary>
    NotPartial,

    /// <summary>A static class or ref struct, which cannot be an optimizer object.</summary>
    UnsupportedType,

    /// <summary>An attribute declared twice, two base optimizers, or two main schedules.</summary>
    ConflictingAttributes,

    /// <summary>[NegativeLearningRate] or a schedule with no base optimizer to act on.</summary>
    MissingBaseOptimizer,

    /// <summary>A learning rate that is not positive and finite (η, η⁻, η⁻/η⁺), or η_min outside [0, η].</summary>
    InvalidRate,

    /// <summary>Under Periodic, more negative steps per period than positive ones.</summary>
    NegativePhaseTooLong,

    /// <summary>A cap on consecutive ascent steps below 1 or equal to int.MaxValue: ascent runs would be unbounded.</summary>
    UnboundedAscent,

    /// <summary>A warm-up that is not shorter than the declared run.</summary>
    WarmupTooLong,

    /// <summary>A step count that is missing or below its minimum (StepSize, TotalSteps, WarmupSteps, PhaseLength, …).</summary>
    InvalidStepCount,

    /// <summary>Under Periodic, an ascent cap or cooldown that would cut every negative phase short or swallow it.</summary>
    PeriodicPhaseCut,

    /// <summary>Any other hyperparameter outside its range (ε, μ, α, β₁, β₂, γ, the start factor, τ, p, the policy, …).</summary>
    ValueOutOfRange,

    /// <summary>An argument another argument makes meaningless: a knob of another NLR policy, NegativeRate with NegativeRatio.</summary>
    InapplicableArgument,

    /// <summary>A value that is not a constant of the property's type; only where the compiler already reports an error.</summary>
    NotConstant,

    /// <summary>An initialization attribute whose values are out of range or contradictory (a Gaussian with both a variance
    /// and a depth, or neither; an empty uniform interval; fewer than one identity block), or two of them.</summary>
    InvalidInitialization,

    /// <summary>Two step rules on one optimizer: [Backtracking] with [NegativeLearningRate].</summary>
    ConflictingStepRules,
}
