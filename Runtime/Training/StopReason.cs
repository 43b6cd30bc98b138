namespace NegLR;

/// <summary>Why a training run ended.</summary>
public enum StopReason
{
    /// <summary><see cref="TrainerOptions.MaxSteps"/> steps were taken.</summary>
    MaxSteps = 0,

    /// <summary>A step's loss reached <see cref="TrainerOptions.TargetLoss"/>.</summary>
    TargetLoss = 1,

    /// <summary>The loss did not improve by <see cref="TrainerOptions.MinDelta"/> for <see cref="TrainerOptions.Patience"/> steps.</summary>
    NoImprovement = 2,

    /// <summary>‖g‖ fell to <see cref="TrainerOptions.GradientTolerance"/>.</summary>
    GradientTolerance = 3,

    /// <summary>The next step would have exceeded <see cref="TrainerOptions.MaxCircuitEvaluations"/>.</summary>
    EvaluationBudget = 4,

    /// <summary>The next step would have exceeded <see cref="TrainerOptions.MaxShots"/>.</summary>
    ShotBudget = 5,

    /// <summary>The cancellation token was signalled.</summary>
    Cancelled = 6,

    /// <summary>The next step would have exceeded <see cref="TrainerOptions.MaxRoundTrips"/>.</summary>
    RoundTripBudget = 7,
}
