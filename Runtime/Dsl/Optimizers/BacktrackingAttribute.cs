using System;

namespace NegLR;

/// <summary>
/// Wraps the type's declared base optimizer in an Armijo backtracking line search — the generated twin of
/// <c>new Backtracking(base, SufficientDecrease, MaxHalvings, ToleranceStandardErrors)</c>, a control for NLR's Lookahead
/// (shrink a worsening step instead of ascending). Not together with <see cref="NegativeLearningRateAttribute"/>: a type has
/// one step rule.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class BacktrackingAttribute : Attribute
{
    /// <summary>c in (0, 1) of the sufficient-decrease condition; default 1e-4.</summary>
    public double SufficientDecrease { get; set; } = OptimizerDefaults.SufficientDecrease;

    /// <summary>Halvings after the first trial, 0 to 60; default 4.</summary>
    public int MaxHalvings { get; set; } = OptimizerDefaults.MaxHalvings;

    /// <summary>z ≥ 0 standard errors of slack under shot noise; default 0.</summary>
    public double ToleranceStandardErrors { get; set; }
}
