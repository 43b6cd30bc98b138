using System;

namespace NegLR;

/// <summary>
/// How a <see cref="Trainer"/> runs: length and budgets, exact or shot-based estimates, the gradient method, early
/// stopping, checkpoints and the per-step callback. Every value is checked when set.
/// </summary>
public sealed class TrainerOptions
{
    private readonly int _maxSteps = 100;
    private readonly long? _maxEvaluations;
    private readonly long? _maxShots;
    private readonly int? _shots;
    private readonly GradientMethod _gradient;
    private readonly double _finiteDifferenceStep = CircuitInterpreter.DefaultFiniteDifferenceStep;
    private readonly double _spsaPerturbation = 0.1;
    private readonly double? _targetLoss;
    private readonly int? _patience;
    private readonly double _minDelta;
    private readonly double? _gradientTolerance;
    private readonly string? _checkpointPath;
    private readonly int _checkpointInterval = 10;
    private readonly int _adjointCost = 2;
    private readonly long? _maxRoundTrips;
    private readonly int _restarts = 1;
    private readonly IWeightInitializer _restartInitialization = UniformInitialization.FullPeriod;

    /// <summary>Most steps to take; default 100.</summary>
    public int MaxSteps
    {
        get => _maxSteps;
        init => _maxSteps = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(MaxSteps), value, "MaxSteps must be at least 1.");
    }

    /// <summary>
    /// Budget of circuit evaluations, or null for none. A step runs only if its full cost (gradient, plus a possible
    /// Lookahead trial) fits, so the run never exceeds the budget and ends with <see cref="StopReason.EvaluationBudget"/>.
    /// </summary>
    public long? MaxCircuitEvaluations
    {
        get => _maxEvaluations;
        init => _maxEvaluations = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxCircuitEvaluations), value, "MaxCircuitEvaluations must be at least 1 (or null for no budget).");
    }

    /// <summary>Budget of shots, or null for none; checked like <see cref="MaxCircuitEvaluations"/>.</summary>
    public long? MaxShots
    {
        get => _maxShots;
        init => _maxShots = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxShots), value, "MaxShots must be at least 1 (or null for no budget).");
    }

    /// <summary>
    /// Budget of modelled sequential device round trips (a proxy for wall-clock latency on hardware), or null for none;
    /// checked like <see cref="MaxCircuitEvaluations"/> against the most round trips a step can take.
    /// </summary>
    public long? MaxRoundTrips
    {
        get => _maxRoundTrips;
        init => _maxRoundTrips = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(MaxRoundTrips), value, "MaxRoundTrips must be at least 1 (or null for no budget).");
    }

    /// <summary>
    /// Random restarts within the same budget: the run is split into this many segments (default 1, no restarts). The
    /// first starts from the given parameters, each later one from <see cref="RestartInitialization"/> (seeded by
    /// <see cref="Seed"/> and the segment's number) with a freshly reset optimizer. Segment k may use the budget up to
    /// (k + 1)/R of the first budget set among <see cref="MaxCircuitEvaluations"/>, <see cref="MaxShots"/>,
    /// <see cref="MaxRoundTrips"/> and <see cref="MaxSteps"/>; a segment stopped early (patience, gradient tolerance) leaves
    /// its share to the next. Each segment ends with one counted evaluation of the loss over every data row (exact or
    /// with shots, one round trip); the run returns the parameters of the segment with the lowest such loss.
    /// </summary>
    public int Restarts
    {
        get => _restarts;
        init => _restarts = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Restarts), value, "Restarts must be at least 1 (1 means no restarts).");
    }

    /// <summary>How restarts after the first draw their start; default uniform in [0, 2π).</summary>
    public IWeightInitializer RestartInitialization
    {
        get => _restartInitialization;
        init => _restartInitialization = value ?? throw new ArgumentNullException(nameof(RestartInitialization));
    }

    /// <summary>
    /// Shots per circuit evaluation, or null (default) for exact expectations. With shots every expectation — losses,
    /// shifted gradient terms, Lookahead trials — is a finite-shot estimate.
    /// </summary>
    public int? Shots
    {
        get => _shots;
        init => _shots = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Shots), value, "Shots must be at least 1 per evaluation (or null for exact expectations).");
    }

    /// <summary>The gradient method; default <see cref="GradientMethod.Auto"/>.</summary>
    public GradientMethod Gradient
    {
        get => _gradient;
        init => _gradient = Enum.IsDefined(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Gradient), value, "Choose a GradientMethod member.");
    }

    /// <summary>h of <see cref="GradientMethod.FiniteDifference"/>; default 1e-5.</summary>
    public double FiniteDifferenceStep
    {
        get => _finiteDifferenceStep;
        init => _finiteDifferenceStep = value > 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(FiniteDifferenceStep), value, "FiniteDifferenceStep must be a positive number, e.g. 1e-5.");
    }

    /// <summary>
    /// c of <see cref="GradientMethod.Spsa"/> when the optimizer is not <see cref="Spsa"/> (which brings its own c_t);
    /// default 0.1.
    /// </summary>
    public double SpsaPerturbation
    {
        get => _spsaPerturbation;
        init => _spsaPerturbation = value > 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(SpsaPerturbation), value, "SpsaPerturbation must be a positive number, e.g. 0.1.");
    }

    /// <summary>Seed of the trainer's generators (batch order, shots, SPSA perturbations of non-SPSA optimizers).</summary>
    public ulong Seed { get; init; }

    /// <summary>Stop after a step whose loss is at or below this value; null (default) to never.</summary>
    public double? TargetLoss
    {
        get => _targetLoss;
        init => _targetLoss = value is null || double.IsFinite(value.Value) ? value
            : throw new ArgumentOutOfRangeException(nameof(TargetLoss), value, "TargetLoss must be a finite number (or null).");
    }

    /// <summary>Stop when the best loss has not improved by more than <see cref="MinDelta"/> for this many steps; null (default) to never.</summary>
    public int? Patience
    {
        get => _patience;
        init => _patience = value is null or >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Patience), value, "Patience must be at least 1 step (or null).");
    }

    /// <summary>Smallest decrease of the best loss that counts as an improvement for <see cref="Patience"/>; default 0.</summary>
    public double MinDelta
    {
        get => _minDelta;
        init => _minDelta = value >= 0 && double.IsFinite(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(MinDelta), value, "MinDelta must be 0 or a positive loss difference.");
    }

    /// <summary>Stop after a step whose gradient norm is at or below this value; null (default) to never.</summary>
    public double? GradientTolerance
    {
        get => _gradientTolerance;
        init => _gradientTolerance = value is null || (value >= 0 && double.IsFinite(value.Value)) ? value
            : throw new ArgumentOutOfRangeException(nameof(GradientTolerance), value, "GradientTolerance must be 0 or more (or null).");
    }

    /// <summary>
    /// File to checkpoint to, or null (default) for none. Written atomically (a temporary file, then a rename) every
    /// <see cref="CheckpointInterval"/> steps and when the run ends; <see cref="TrainerBase.Resume"/> continues from it.
    /// </summary>
    public string? CheckpointPath
    {
        get => _checkpointPath;
        init => _checkpointPath = value is null || !string.IsNullOrWhiteSpace(value) ? value
            : throw new ArgumentException("CheckpointPath must be a file path (or null for no checkpoints).", nameof(CheckpointPath));
    }

    /// <summary>Steps between checkpoints; default 10. An interrupted run loses at most this many steps.</summary>
    public int CheckpointInterval
    {
        get => _checkpointInterval;
        init => _checkpointInterval = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(CheckpointInterval), value, "CheckpointInterval must be at least 1 step.");
    }

    /// <summary>Called after every step with a copy of its <see cref="TrainingStep"/>: <c>OnStep = step =&gt; …</c>.</summary>
    public TrainingCallback? OnStep { get; init; }

    /// <summary>
    /// Circuit evaluations an adjoint loss-and-gradient counts as: default 2 (the forward run that gives the loss, and
    /// the backward sweep, which un-applies every gate once). Set 1 to count only circuit executions a device would make
    /// for the loss, or 3 to count simulator work (the backward sweep touches two states).
    /// </summary>
    public int AdjointEvaluationCost
    {
        get => _adjointCost;
        init => _adjointCost = value >= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(AdjointEvaluationCost), value, "AdjointEvaluationCost must be at least 1.");
    }

    /// <summary>The options with every default.</summary>
    public static TrainerOptions Default { get; } = new();

    /// <summary>
    /// These options for one phase of a longer run (layerwise training): its own step cap, the budgets that remain, a
    /// phase seed and callback; no restarts. Everything else is kept.
    /// </summary>
    internal TrainerOptions ForPhase(int maxSteps, long? evaluations, long? shots, long? roundTrips, ulong seed, TrainingCallback? onStep) => new()
    {
        MaxSteps = maxSteps,
        MaxCircuitEvaluations = evaluations,
        MaxShots = shots,
        MaxRoundTrips = roundTrips,
        Shots = Shots,
        Gradient = Gradient,
        FiniteDifferenceStep = FiniteDifferenceStep,
        SpsaPerturbation = SpsaPerturbation,
        Seed = seed,
        TargetLoss = TargetLoss,
        Patience = Patience,
        MinDelta = MinDelta,
        GradientTolerance = GradientTolerance,
        CheckpointPath = CheckpointPath,
        CheckpointInterval = CheckpointInterval,
        OnStep = onStep,
        AdjointEvaluationCost = AdjointEvaluationCost,
    };
}
