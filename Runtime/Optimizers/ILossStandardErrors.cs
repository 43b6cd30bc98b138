namespace NegLR;

/// <summary>
/// The estimated standard errors of the losses a step compares, offered by the trainer next to its
/// <see cref="ITrialEvaluator"/> (check with <c>trial as ILossStandardErrors</c>). In exact mode both are 0; with shots they
/// come from the sample variances of the measurements, combined over the batch by the delta method. Shot-aware rules
/// (<see cref="LookaheadPolicy"/> with <c>standardErrors</c> &gt; 0, <see cref="Backtracking"/>) read them.
/// </summary>
public interface ILossStandardErrors
{
    /// <summary>The standard error of the step's own loss L(θ_t).</summary>
    double LossStandardError { get; }

    /// <summary>The standard error of the most recent trial loss (0 before any trial).</summary>
    double TrialStandardError { get; }
}
