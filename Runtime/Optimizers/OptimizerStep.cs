using System;

namespace NegLR;

/// <summary>What one optimizer step did.</summary>
public readonly struct OptimizerStep : IEquatable<OptimizerStep>
{
    /// <summary>Describes a step.</summary>
    /// <param name="phase">Descent or ascent.</param>
    /// <param name="learningRate">The signed rate applied to the direction: +η⁺ for descent, −η⁻ for ascent.</param>
    /// <param name="trialLoss">The loss at the trial descent point, or NaN when no trial was evaluated.</param>
    public OptimizerStep(NlrPhase phase, double learningRate, double trialLoss)
    {
        Phase = phase;
        LearningRate = learningRate;
        TrialLoss = trialLoss;
    }

    /// <summary>Descent (<see cref="NlrPhase.Positive"/>) or ascent (<see cref="NlrPhase.Negative"/>).</summary>
    public NlrPhase Phase { get; }

    /// <summary>Signed learning rate: θ ← θ − <see cref="LearningRate"/>·d.</summary>
    public double LearningRate { get; }

    /// <summary>The Lookahead trial's loss, NaN when none was evaluated.</summary>
    public double TrialLoss { get; }

    /// <summary>Whether a trial loss was evaluated.</summary>
    public bool HasTrial => !double.IsNaN(TrialLoss);

    /// <inheritdoc/>
    public bool Equals(OptimizerStep other) =>
        Phase == other.Phase && LearningRate.Equals(other.LearningRate) && TrialLoss.Equals(other.TrialLoss);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is OptimizerStep other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Phase, LearningRate, TrialLoss);

    /// <summary>Value equality.</summary>
    public static bool operator ==(OptimizerStep left, OptimizerStep right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(OptimizerStep left, OptimizerStep right) => !left.Equals(right);
}
