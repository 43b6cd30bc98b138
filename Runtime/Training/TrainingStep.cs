using System;

namespace NegLR;

/// <summary>Everything about one training step: what the callback receives and the history records.</summary>
public readonly struct TrainingStep : IEquatable<TrainingStep>
{
    /// <summary>Creates a record (no round trips counted, segment 0).</summary>
    public TrainingStep(long iteration, double loss, double gradientNorm, double learningRate, NlrPhase phase, double trialLoss,
        long circuitEvaluations, long shots, TimeSpan elapsed)
        : this(iteration, loss, gradientNorm, learningRate, phase, trialLoss, circuitEvaluations, shots, elapsed, 0, 0)
    {
    }

    /// <summary>Creates a record.</summary>
    /// <param name="iteration">Step number t, from 0.</param>
    /// <param name="loss">L(θ_t) on the step's batch.</param>
    /// <param name="gradientNorm">‖g_t‖₂ (NaN for an optimizer that computes no gradient, e.g. Rotosolve).</param>
    /// <param name="learningRate">The signed rate (NaN when the optimizer has none).</param>
    /// <param name="phase">What kind of step it was.</param>
    /// <param name="trialLoss">The last trial loss evaluated this step, NaN if none.</param>
    /// <param name="circuitEvaluations">Circuit evaluations so far, this step included.</param>
    /// <param name="shots">Shots so far, this step included.</param>
    /// <param name="elapsed">Training time so far.</param>
    /// <param name="roundTrips">Modelled sequential device round trips so far, this step included.</param>
    /// <param name="segment">The restart (or layerwise phase) the step belongs to, from 0.</param>
    public TrainingStep(long iteration, double loss, double gradientNorm, double learningRate, NlrPhase phase, double trialLoss,
        long circuitEvaluations, long shots, TimeSpan elapsed, long roundTrips, int segment)
    {
        Iteration = iteration;
        Loss = loss;
        GradientNorm = gradientNorm;
        LearningRate = learningRate;
        Phase = phase;
        TrialLoss = trialLoss;
        CircuitEvaluations = circuitEvaluations;
        Shots = shots;
        Elapsed = elapsed;
        RoundTrips = roundTrips;
        Segment = segment;
    }

    /// <summary>Step number t, from 0.</summary>
    public long Iteration { get; }

    /// <summary>L(θ_t): the loss (on this step's batch) at the parameters the step started from.</summary>
    public double Loss { get; }

    /// <summary>‖g_t‖₂ of the gradient (or estimate) the step used; NaN when the optimizer needs no gradient (Rotosolve).</summary>
    public double GradientNorm { get; }

    /// <summary>Signed rate: η⁺ for descent, −η⁻ for an NLR ascent step, 0 for a rejected step, NaN when the optimizer has no rate.</summary>
    public double LearningRate { get; }

    /// <summary>Descent, ascent, rejected or noise (always <see cref="NlrPhase.Positive"/> for plain optimizers).</summary>
    public NlrPhase Phase { get; }

    /// <summary>The last trial loss evaluated this step (NLR Lookahead, backtracking), NaN when none was evaluated.</summary>
    public double TrialLoss { get; }

    /// <summary>Whether a trial loss was evaluated this step.</summary>
    public bool HasTrialLoss => !double.IsNaN(TrialLoss);

    /// <summary>Circuit evaluations used so far, this step included.</summary>
    public long CircuitEvaluations { get; }

    /// <summary>Shots used so far, this step included (0 in exact mode).</summary>
    public long Shots { get; }

    /// <summary>Wall-clock training time so far (across resumes).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>
    /// Modelled sequential round trips to a device so far, this step included: a batch of circuits whose parameters are
    /// all known before it is sent counts once (a gradient step is 1; a Lookahead trial, each backtracking trial and each
    /// Rotosolve parameter add 1). docs/optimizers.md lists every optimizer's count.
    /// </summary>
    public long RoundTrips { get; }

    /// <summary>The restart (<see cref="TrainerOptions.Restarts"/>) or layerwise phase the step belongs to, from 0.</summary>
    public int Segment { get; }

    /// <inheritdoc/>
    public bool Equals(TrainingStep other) =>
        Iteration == other.Iteration && Loss.Equals(other.Loss) && GradientNorm.Equals(other.GradientNorm)
        && LearningRate.Equals(other.LearningRate) && Phase == other.Phase && TrialLoss.Equals(other.TrialLoss)
        && CircuitEvaluations == other.CircuitEvaluations && Shots == other.Shots && Elapsed == other.Elapsed
        && RoundTrips == other.RoundTrips && Segment == other.Segment;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TrainingStep other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Iteration, Loss, GradientNorm, LearningRate, Phase, CircuitEvaluations, Shots, RoundTrips);

    /// <summary>Value equality.</summary>
    public static bool operator ==(TrainingStep left, TrainingStep right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TrainingStep left, TrainingStep right) => !left.Equals(right);
}

/// <summary>
/// Called after every step (after the step's checkpoint, if one was due) with a copy of the record, so an ordinary
/// lambda works: <c>OnStep = step =&gt; Console.WriteLine(step.Loss)</c>. Copying the struct allocates nothing.
/// </summary>
public delegate void TrainingCallback(TrainingStep step);
