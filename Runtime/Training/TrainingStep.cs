using System;

namespace NegLR;

/// <summary>Everything about one training step: what the callback receives and the history records.</summary>
public readonly struct TrainingStep : IEquatable<TrainingStep>
{
    /// <summary>Creates a record.</summary>
    public TrainingStep(long iteration, double loss, double gradientNorm, double learningRate, NlrPhase phase, double trialLoss,
        long circuitEvaluations, long shots, TimeSpan elapsed)
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
    }

    /// <summary>Step number t, from 0.</summary>
    public long Iteration { get; }

    /// <summary>L(θ_t): the loss (on this step's batch) at the parameters the step started from.</summary>
    public double Loss { get; }

    /// <summary>‖g_t‖₂ of the gradient (or estimate) the step used.</summary>
    public double GradientNorm { get; }

    /// <summary>Signed rate: η⁺ for descent, −η⁻ for an NLR ascent step.</summary>
    public double LearningRate { get; }

    /// <summary>Descent or ascent (always <see cref="NlrPhase.Positive"/> for plain optimizers).</summary>
    public NlrPhase Phase { get; }

    /// <summary>NLR Lookahead's trial loss, NaN when no trial was evaluated.</summary>
    public double TrialLoss { get; }

    /// <summary>Whether a Lookahead trial loss was evaluated this step.</summary>
    public bool HasTrialLoss => !double.IsNaN(TrialLoss);

    /// <summary>Circuit evaluations used so far, this step included.</summary>
    public long CircuitEvaluations { get; }

    /// <summary>Shots used so far, this step included (0 in exact mode).</summary>
    public long Shots { get; }

    /// <summary>Wall-clock training time so far (across resumes).</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc/>
    public bool Equals(TrainingStep other) =>
        Iteration == other.Iteration && Loss.Equals(other.Loss) && GradientNorm.Equals(other.GradientNorm)
        && LearningRate.Equals(other.LearningRate) && Phase == other.Phase && TrialLoss.Equals(other.TrialLoss)
        && CircuitEvaluations == other.CircuitEvaluations && Shots == other.Shots && Elapsed == other.Elapsed;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TrainingStep other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Iteration, Loss, GradientNorm, LearningRate, Phase, CircuitEvaluations, Shots);

    /// <summary>Value equality.</summary>
    public static bool operator ==(TrainingStep left, TrainingStep right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TrainingStep left, TrainingStep right) => !left.Equals(right);
}

/// <summary>Called after every step (after the step's checkpoint, if one was due). Passed by reference: no copy, no allocation.</summary>
public delegate void TrainingCallback(in TrainingStep step);
