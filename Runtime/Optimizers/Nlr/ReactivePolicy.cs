using System;

namespace NegLR;

/// <summary>
/// "After an observed loss increase, the next K steps are negative": at the start of step t, if step t − 1 was a descent
/// step and L(θ_t) &gt; L(θ_{t−1}) + tolerance, steps t … t + K − 1 ascend. Only increases caused by descent steps count —
/// an ascent raises the loss on purpose, and counting that would chain ascent phases forever. Costs nothing extra:
/// it reacts one step late instead of looking ahead. With mini-batches, consecutive losses come from different batches.
/// </summary>
public sealed class ReactivePolicy : INlrPolicy
{
    private const int StateVersion = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="tolerance">Increase that still does not count, ≥ 0; default 0.</param>
    public ReactivePolicy(double tolerance = OptimizerDefaults.Tolerance)
    {
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be 0 or a positive number (a loss difference).");
        }

        Tolerance = tolerance;
    }

    /// <summary>The increase that still does not trigger.</summary>
    public double Tolerance { get; }

    /// <inheritdoc/>
    public NlrPolicy Kind => NlrPolicy.Reactive;

    /// <inheritdoc/>
    public bool NeedsTrial => false;

    /// <inheritdoc/>
    public int BeforeStep(in NlrContext context) =>
        context.PreviousPhase == NlrPhase.Positive && context.Loss > context.PreviousLoss + Tolerance ? context.PhaseLength : 0;

    /// <inheritdoc/>
    public int AfterTrial(in NlrContext context, double trialLoss) => 0;

    /// <inheritdoc/>
    public void Reset()
    {
    }

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection("NLR.Reactive", StateVersion);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection("NLR.Reactive", StateVersion);
    }
}
