namespace NegLR;

/// <summary>
/// The default hyperparameters of the optimizers, schedules and NLR policies, in one place: the runtime classes' optional
/// parameters, the attributes' property initialisers (<c>[Adam]</c>, <c>[NegativeLearningRate]</c>, …) and the source
/// generator (which compiles this very file) all read these constants, so a declared optimizer and the runtime object
/// configured the same way cannot drift apart.
/// </summary>
/// <remarks>No dependencies on purpose: the generator links this file into its netstandard2.0 assembly.</remarks>
#if NEGLR_LINKED
internal
#else
public
#endif
static class OptimizerDefaults
{
    /// <summary>η of every gradient method: 0.01 (PennyLane's default step size).</summary>
    public const double LearningRate = 0.01;

    /// <summary>μ of <see cref="NegLR.Momentum"/> and <see cref="NegLR.Nesterov"/>: 0.9.</summary>
    public const double Momentum = 0.9;

    /// <summary>ε of <see cref="Adagrad"/>: 1e-10 (PyTorch).</summary>
    public const double AdagradEpsilon = 1e-10;

    /// <summary>Decay α of <see cref="RmsProp"/>'s mean square: 0.99 (PyTorch).</summary>
    public const double RmsPropAlpha = 0.99;

    /// <summary>ε of <see cref="RmsProp"/>: 1e-8.</summary>
    public const double RmsPropEpsilon = 1e-8;

    /// <summary>β₁ of <see cref="Adam"/>: 0.9.</summary>
    public const double AdamBeta1 = 0.9;

    /// <summary>β₂ of <see cref="Adam"/>: 0.999 (PyTorch).</summary>
    public const double AdamBeta2 = 0.999;

    /// <summary>ε of <see cref="Adam"/>: 1e-8.</summary>
    public const double AdamEpsilon = 1e-8;

    /// <summary>Whether <see cref="Adam"/> uses the AMSGrad maximum: false.</summary>
    public const bool AdamAmsGrad = false;

    /// <summary>γ of <see cref="StepSchedule"/>: 0.1 (PyTorch's <c>StepLR</c>).</summary>
    public const double StepScheduleGamma = 0.1;

    /// <summary>η_min of <see cref="CosineSchedule"/>: 0.</summary>
    public const double CosineMinimumRate = 0;

    /// <summary>Start factor f of <see cref="LinearWarmupSchedule"/>: 1/3 (PyTorch's <c>LinearLR</c>).</summary>
    public const double WarmupStartFactor = 1.0 / 3;

    /// <summary>The NLR policy: <see cref="NlrPolicy.Lookahead"/>.</summary>
    public const NlrPolicy Policy = NlrPolicy.Lookahead;

    /// <summary>η⁻/η⁺ when no fixed η⁻ is set: 0.25 (tuned, docs/optimizers.md).</summary>
    public const double NegativeRatio = 0.25;

    /// <summary>K, ascent steps per trigger: 1.</summary>
    public const int PhaseLength = 1;

    /// <summary>Cap on consecutive ascent steps: 1.</summary>
    public const int MaxAscentSteps = 1;

    /// <summary>Cooldown C, descent steps between ascent runs: 3.</summary>
    public const int Cooldown = 3;

    /// <summary>Whether ascent steps advance the base optimizer's state: true.</summary>
    public const bool UpdateBaseStateDuringAscent = true;

    /// <summary>Whether NLR remembers the best parameters: false (it selects on noise under shots).</summary>
    public const bool KeepBest = false;

    /// <summary>Tolerance of <see cref="LookaheadPolicy"/> and <see cref="ReactivePolicy"/>: 0.</summary>
    public const double Tolerance = 0;

    /// <summary>τ of <see cref="PlateauPolicy"/>: 1e-3.</summary>
    public const double PlateauThreshold = 1e-3;

    /// <summary>W of <see cref="PlateauPolicy"/>: 10 steps.</summary>
    public const int PlateauWindow = 10;

    /// <summary>β of <see cref="PlateauPolicy"/>'s gradient-norm EMA: 0.9.</summary>
    public const double PlateauDecay = 0.9;

    /// <summary>P of <see cref="PeriodicPolicy"/>: 10 descent steps per period.</summary>
    public const int PeriodicPositiveSteps = 10;

    /// <summary>N of <see cref="PeriodicPolicy"/>: 1 ascent step per period.</summary>
    public const int PeriodicNegativeSteps = 1;

    /// <summary>p of <see cref="StochasticPolicy"/>: 0.1.</summary>
    public const double StochasticProbability = 0.1;

    /// <summary>Seed of <see cref="StochasticPolicy"/>'s draws: 0.</summary>
    public const ulong StochasticSeed = 0;

    /// <summary>
    /// z of the shot-aware <see cref="LookaheadPolicy"/>: the trial counts as worse only beyond this many standard errors of
    /// the loss difference. Chosen by measurement (docs/optimizers.md, "Lookahead under shot noise").
    /// </summary>
    public const double LookaheadStandardErrors = 1.5;

    /// <summary>Seed of the noise-injection control's draws: 0.</summary>
    public const ulong NoiseSeed = 0;

    /// <summary>c of <see cref="Backtracking"/>'s Armijo condition: 1e-4 (Nocedal &amp; Wright's usual value).</summary>
    public const double SufficientDecrease = 1e-4;

    /// <summary>Most halvings of <see cref="Backtracking"/>'s step: 4 (so at most 5 trials, down to η/16).</summary>
    public const int MaxHalvings = 4;

    /// <summary>η of <see cref="QuantumNaturalGradient"/>: 0.01 (PennyLane's <c>QNGOptimizer</c>).</summary>
    public const double NaturalGradientRate = 0.01;

    /// <summary>λ of <see cref="QuantumNaturalGradient"/>: g + λI; 0 (PennyLane's <c>lam</c>).</summary>
    public const double MetricRegularization = 0;

    /// <summary>η of <see cref="QnSpsa"/>: 1e-3 (PennyLane's <c>QNSPSAOptimizer</c>).</summary>
    public const double QnSpsaRate = 1e-3;

    /// <summary>β of <see cref="QnSpsa"/>'s metric regularisation: 1e-3 (PennyLane).</summary>
    public const double QnSpsaRegularization = 1e-3;

    /// <summary>ε of <see cref="QnSpsa"/>'s finite differences: 1e-2 (PennyLane).</summary>
    public const double QnSpsaFiniteDifferenceStep = 1e-2;

    /// <summary>Whether <see cref="QnSpsa"/> blocks worsening steps: true (PennyLane).</summary>
    public const bool QnSpsaBlocking = true;

    /// <summary>Losses <see cref="QnSpsa"/>'s blocking tolerance averages over: 5 (PennyLane's <c>history_length</c>).</summary>
    public const int QnSpsaHistoryLength = 5;
}
