using System;

namespace NegLR;

/// <summary>
/// What an optimizer's step costs beyond the trainer's own start-of-step evaluation (the loss and, when asked for, the
/// gradient): circuit evaluations per data row of the batch (each spends the run's shots per evaluation) and sequential
/// round trips to a device. The trainer multiplies evaluations by the batch size, reserves the most a step can cost
/// against every budget before the step, and counts what the step really spent.
/// </summary>
/// <param name="EvaluationsPerRow">Most extra circuit evaluations per batch row.</param>
/// <param name="RoundTrips">Most extra sequential round trips (a batch of circuits sent together counts once).</param>
public readonly record struct StepCost(long EvaluationsPerRow, long RoundTrips)
{
    /// <summary>No extra cost.</summary>
    public static StepCost None => default;

    /// <summary>Checks both counts are 0 or more.</summary>
    internal StepCost Checked(string optimizer)
    {
        if (EvaluationsPerRow < 0 || RoundTrips < 0)
        {
            throw new InvalidOperationException($"{optimizer} reported a negative step cost ({EvaluationsPerRow} evaluations, {RoundTrips} round trips).");
        }

        return this;
    }
}
