namespace NegLR.Generator.Optimizers.Model;

/// <summary>The gradient method a declaration names.</summary>
internal enum BaseOptimizerKind
{
    Sgd,
    Momentum,
    Nesterov,
    Adagrad,
    RmsProp,
    Adam,
}

/// <summary>The schedule after any warm-up (<see cref="ScheduleKind.Constant"/> when none is declared).</summary>
internal enum ScheduleKind
{
    Constant,
    Step,
    Exponential,
    Cosine,
}

/// <summary>
/// A validated base optimizer with every default applied. Fields a kind does not use hold fixed placeholders (they are
/// never emitted), so equal declarations give equal settings.
/// </summary>
internal sealed record BaseOptimizerSettings(
    BaseOptimizerKind Kind,
    double LearningRate,
    double Momentum,
    double Alpha,
    double Beta1,
    double Beta2,
    double Epsilon,
    bool AmsGrad)
{
    /// <summary>The runtime class's <c>Name</c> (also its state section's name): SGD, Momentum, …, Adam or AMSGrad.</summary>
    public string RuntimeName => Kind switch
    {
        BaseOptimizerKind.Sgd => "SGD",
        BaseOptimizerKind.Momentum => "Momentum",
        BaseOptimizerKind.Nesterov => "Nesterov",
        BaseOptimizerKind.Adagrad => "Adagrad",
        BaseOptimizerKind.RmsProp => "RMSProp",
        _ => AmsGrad ? "AMSGrad" : "Adam",
    };
}

/// <summary>
/// A validated learning-rate schedule: <see cref="Kind"/> from η₀ = <see cref="InitialRate"/>, optionally after a linear
/// warm-up of <see cref="WarmupSteps"/> steps (0 = none). Unused fields hold defaults.
/// </summary>
internal sealed record ScheduleSettings(
    ScheduleKind Kind,
    double InitialRate,
    int StepSize,
    double Gamma,
    int TotalSteps,
    double MinimumRate,
    int WarmupSteps,
    double WarmupStartFactor)
{
    public bool HasWarmup => WarmupSteps > 0;
}

/// <summary>
/// A validated NLR configuration. <see cref="NegativeRate"/> is NaN when η⁻ follows η⁺ through
/// <see cref="NegativeRatio"/>; policy fields of other policies hold defaults.
/// </summary>
internal sealed record NlrSettings(
    NlrPolicy Policy,
    double NegativeRate,
    double NegativeRatio,
    int PhaseLength,
    int MaxAscentSteps,
    int Cooldown,
    bool UpdateBaseStateDuringAscent,
    bool KeepBest,
    double Tolerance,
    double Threshold,
    int Window,
    double Decay,
    int PositiveSteps,
    int NegativeSteps,
    double Probability,
    ulong Seed)
{
    public bool HasFixedNegativeRate => !double.IsNaN(NegativeRate);

    /// <summary>Whether the policy evaluates a Lookahead trial.</summary>
    public bool NeedsTrial => Policy == NlrPolicy.Lookahead;

    /// <summary>The runtime policy's state section name.</summary>
    public string PolicySection => "NLR." + Policy;
}

/// <summary>Everything a valid optimizer declaration says, defaults applied: what the emitter specialises.</summary>
internal sealed record OptimizerSettings(BaseOptimizerSettings Base, ScheduleSettings Schedule, NlrSettings? Nlr)
{
    /// <summary>The runtime object's <c>Name</c>: the base's, or <c>NLR(base)</c>.</summary>
    public string RuntimeName => Nlr is null ? Base.RuntimeName : "NLR(" + Base.RuntimeName + ")";
}
