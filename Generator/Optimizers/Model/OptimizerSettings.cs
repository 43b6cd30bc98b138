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

/// <summary>What a declared NLR optimizer does on a step marked for ascent (the runtime's NlrResponse, by value).</summary>
internal enum NlrResponseKind
{
    Ascend = 0,
    Reject = 1,
    Noise = 2,
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
    ulong Seed,
    NlrResponseKind Response = NlrResponseKind.Ascend,
    ulong NoiseSeed = 0,
    double StandardErrors = 0)
{
    public bool HasFixedNegativeRate => !double.IsNaN(NegativeRate);

    /// <summary>The runtime's name prefix: <c>NLR</c>, <c>NLR-reject</c> or <c>NLR-noise</c>.</summary>
    public string Prefix => Response switch
    {
        NlrResponseKind.Reject => "NLR-reject",
        NlrResponseKind.Noise => "NLR-noise",
        _ => "NLR",
    };

    /// <summary>Whether the policy evaluates a Lookahead trial.</summary>
    public bool NeedsTrial => Policy == NlrPolicy.Lookahead;

    /// <summary>The runtime policy's state section name.</summary>
    public string PolicySection => "NLR." + Policy;
}

/// <summary>A validated backtracking line search around the base optimizer.</summary>
internal sealed record BacktrackingSettings(double SufficientDecrease, int MaxHalvings, double StandardErrors);

/// <summary>Which initialization a declaration names.</summary>
internal enum InitializationKind
{
    Uniform,
    Gaussian,
    IdentityBlocks,
}

/// <summary>
/// A validated initialization strategy; fields of other kinds hold defaults. A Gaussian is given by its variance, or by
/// its depth and locality (<see cref="Layers"/> &gt; 0).
/// </summary>
internal sealed record InitializationSettings(InitializationKind Kind, double Low, double High, double Variance, int Layers, int Locality, int Blocks);

/// <summary>Everything a valid optimizer declaration says, defaults applied: what the emitter specialises.</summary>
internal sealed record OptimizerSettings(BaseOptimizerSettings Base, ScheduleSettings Schedule, NlrSettings? Nlr,
    BacktrackingSettings? Backtracking = null, InitializationSettings? Initialization = null)
{
    /// <summary>The runtime object's <c>Name</c>: the base's, <c>NLR(base)</c> (or a control's prefix), or <c>Backtracking(base)</c>.</summary>
    public string RuntimeName => Nlr is not null ? Nlr.Prefix + "(" + Base.RuntimeName + ")"
        : Backtracking is not null ? "Backtracking(" + Base.RuntimeName + ")"
        : Base.RuntimeName;

    /// <summary>Whether the type is a plain gradient method (an IGradientOptimizer).</summary>
    public bool IsGradientMethod => Nlr is null && Backtracking is null;
}
