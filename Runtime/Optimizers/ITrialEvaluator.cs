using System;

namespace NegLR;

/// <summary>
/// Evaluates the loss at trial parameters, for optimizers that look before they step (NLR's Lookahead policy). The
/// trainer implements it on the current batch and counts every call as circuit evaluations (and shots).
/// </summary>
public interface ITrialEvaluator
{
    /// <summary>The loss at <paramref name="parameters"/>, estimated the same way as the step's own loss.</summary>
    double EvaluateTrial(ReadOnlySpan<double> parameters);
}
