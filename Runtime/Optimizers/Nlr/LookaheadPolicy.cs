using System;

namespace NegLR;

/// <summary>
/// NLR's default rule, "ascend when a descent would worsen the loss": every step first evaluates the trial point
/// θ' = θ − η⁺d. If L(θ') &gt; L(θ) + tolerance the step ascends instead (θ ← θ + η⁻d) and starts an ascent phase of K
/// steps (the following K − 1 steps ascend without a trial); otherwise θ' is accepted. Costs one loss evaluation per
/// step that is not already inside an ascent phase or blocked by the cooldown or the cap.
/// </summary>
public sealed class LookaheadPolicy : INlrPolicy
{
    private const int StateVersion = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="tolerance">How much worse the trial may be and still count as "not worse", ≥ 0; default 0 (any
    /// increase ascends). With shot noise, a tolerance of about the loss's standard error avoids ascending on noise.</param>
    public LookaheadPolicy(double tolerance = OptimizerDefaults.Tolerance)
    {
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be 0 or a positive number (a loss difference).");
        }

        Tolerance = tolerance;
    }

    /// <summary>The allowed increase.</summary>
    public double Tolerance { get; }

    /// <inheritdoc/>
    public NlrPolicy Kind => NlrPolicy.Lookahead;

    /// <inheritdoc/>
    public bool NeedsTrial => true;

    /// <inheritdoc/>
    public int BeforeStep(in NlrContext context) => 0;

    /// <inheritdoc/>
    public int AfterTrial(in NlrContext context, double trialLoss) =>
        trialLoss > context.Loss + Tolerance ? context.PhaseLength : 0;

    /// <inheritdoc/>
    public void Reset()
    {
    }

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection("NLR.Lookahead", StateVersion);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection("NLR.Lookahead", StateVersion);
    }
}
