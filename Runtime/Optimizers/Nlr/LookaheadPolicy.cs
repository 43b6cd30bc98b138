using System;

namespace NegLR;

/// <summary>
/// NLR's default rule, "ascend when a descent would worsen the loss": every step first evaluates the trial point
/// θ' = θ − η⁺d. The trial counts as worse when
/// L(θ') − L(θ) &gt; tolerance + z·√(SE(L(θ))² + SE(L(θ'))²),
/// with z = <see cref="StandardErrors"/> and the standard errors the trainer estimates from the shots (0 when exact); then
/// the step ascends (θ ← θ + η⁻d) and starts an ascent phase of K steps (the following K − 1 steps ascend without a
/// trial); otherwise θ' is accepted. Costs one loss evaluation, and one sequential round trip, per step that is not
/// already inside an ascent phase or blocked by the cooldown or the cap.
/// </summary>
/// <remarks>
/// Under shot noise the two losses are independent estimates, so with z = 0 "worse" is close to a coin flip near a
/// plateau; z in units of the difference's standard error makes the rule a one-sided test. The measured default for shot
/// mode is <see cref="OptimizerDefaults.LookaheadStandardErrors"/> (docs/optimizers.md gives the measurement); the
/// parameterless constructor keeps z = 0, so exact-mode runs and earlier results are unchanged.
/// </remarks>
public sealed class LookaheadPolicy : INlrPolicy
{
    private const int StateVersion = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="tolerance">How much worse the trial may be and still count as "not worse", ≥ 0, in loss units; default 0.</param>
    /// <param name="standardErrors">z ≥ 0: a further allowance in units of the standard error of the loss difference (shot
    /// mode); default 0.</param>
    public LookaheadPolicy(double tolerance = OptimizerDefaults.Tolerance, double standardErrors = 0)
    {
        if (!(tolerance >= 0) || !double.IsFinite(tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "tolerance must be 0 or a positive number (a loss difference).");
        }

        if (!(standardErrors >= 0) || !double.IsFinite(standardErrors))
        {
            throw new ArgumentOutOfRangeException(nameof(standardErrors), standardErrors,
                $"standardErrors must be 0 or a positive number of standard errors, e.g. {OptimizerDefaults.LookaheadStandardErrors} (the measured shot-mode default).");
        }

        Tolerance = tolerance;
        StandardErrors = standardErrors;
    }

    /// <summary>
    /// The shot-aware Lookahead: tolerance 0 and z = <see cref="OptimizerDefaults.LookaheadStandardErrors"/> standard
    /// errors, the value measured to work best under shot noise (docs/optimizers.md). With exact losses it is the plain rule.
    /// </summary>
    public static LookaheadPolicy ShotAware() => new(0, OptimizerDefaults.LookaheadStandardErrors);

    /// <summary>The allowed increase in loss units.</summary>
    public double Tolerance { get; }

    /// <summary>z, the allowed increase in units of the standard error of L(θ') − L(θ).</summary>
    public double StandardErrors { get; }

    /// <inheritdoc/>
    public NlrPolicy Kind => NlrPolicy.Lookahead;

    /// <inheritdoc/>
    public bool NeedsTrial => true;

    /// <inheritdoc/>
    public int BeforeStep(in NlrContext context) => 0;

    /// <inheritdoc/>
    public int AfterTrial(in NlrContext context, double trialLoss) =>
        trialLoss > context.Loss + Threshold(context) ? context.PhaseLength : 0;

    /// <summary>tolerance + z·√(SE_L² + SE_trial²): the increase that still counts as "not worse".</summary>
    public double Threshold(in NlrContext context)
    {
        if (StandardErrors == 0)
        {
            return Tolerance;
        }

        double a = context.LossStandardError, b = context.TrialStandardError;
        return Tolerance + (StandardErrors * Math.Sqrt((a * a) + (b * b)));
    }

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
