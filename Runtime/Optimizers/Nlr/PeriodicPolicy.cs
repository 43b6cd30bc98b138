using System;

namespace NegLR;

/// <summary>
/// P descent steps, then N ascent steps, repeating: a phase of N ascents is requested at every step t with
/// t mod (P + N) = P. Fixed by the step number alone (no state); <see cref="NlrOptions.PhaseLength"/> is not used. The
/// shared cap and cooldown still apply, so a cap below N or a cooldown above P shortens or skips phases.
/// </summary>
public sealed class PeriodicPolicy : INlrPolicy
{
    private const int StateVersion = 1;

    /// <summary>Creates the policy.</summary>
    /// <param name="positiveSteps">P ≥ 1 descent steps per period; default 10.</param>
    /// <param name="negativeSteps">N ≥ 1 ascent steps per period; default 1.</param>
    public PeriodicPolicy(int positiveSteps = OptimizerDefaults.PeriodicPositiveSteps, int negativeSteps = OptimizerDefaults.PeriodicNegativeSteps)
    {
        if (positiveSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(positiveSteps), positiveSteps, "positiveSteps P must be at least 1.");
        }

        if (negativeSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(negativeSteps), negativeSteps, "negativeSteps N must be at least 1.");
        }

        PositiveSteps = positiveSteps;
        NegativeSteps = negativeSteps;
    }

    /// <summary>P.</summary>
    public int PositiveSteps { get; }

    /// <summary>N.</summary>
    public int NegativeSteps { get; }

    /// <inheritdoc/>
    public NlrPolicy Kind => NlrPolicy.Periodic;

    /// <inheritdoc/>
    public bool NeedsTrial => false;

    /// <inheritdoc/>
    public int BeforeStep(in NlrContext context) =>
        context.Step % (PositiveSteps + NegativeSteps) == PositiveSteps ? NegativeSteps : 0;

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
        writer.WriteSection("NLR.Periodic", StateVersion);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection("NLR.Periodic", StateVersion);
    }
}
