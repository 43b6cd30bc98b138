using System;

namespace NegLR;

/// <summary>
/// Wraps the type's declared base optimizer (<see cref="AdamAttribute"/>, <see cref="SgdAttribute"/>, …) in the
/// negative-learning-rate method: the generated twin of
/// <c>new NegativeLearningRate(base, policy, new NlrOptions { … })</c>, with the policy's rule inlined. Properties that
/// belong to one policy (<see cref="Window"/> to Plateau, <see cref="Probability"/> to Stochastic, …) may only be set with
/// that policy. docs/optimizers.md gives the exact step rule.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class NegativeLearningRateAttribute : Attribute
{
    /// <summary>When to ascend; default <see cref="NlrPolicy.Lookahead"/>.</summary>
    public NlrPolicy Policy { get; set; } = OptimizerDefaults.Policy;

    /// <summary>A fixed ascent rate η⁻ &gt; 0; NaN (the default) means not set. Set this or <see cref="NegativeRatio"/>.</summary>
    public double NegativeRate { get; set; } = double.NaN;

    /// <summary>η⁻ = ratio · η⁺_t; NaN (the default) means not set, and then 0.25 applies unless <see cref="NegativeRate"/> is set.</summary>
    public double NegativeRatio { get; set; } = double.NaN;

    /// <summary>K, ascent steps a trigger asks for (all policies but Periodic), at least 1; default 1.</summary>
    public int PhaseLength { get; set; } = OptimizerDefaults.PhaseLength;

    /// <summary>Cap on consecutive ascent steps, at least 1 (a declared optimizer must bound its ascent runs); default 1.</summary>
    public int MaxAscentSteps { get; set; } = OptimizerDefaults.MaxAscentSteps;

    /// <summary>Cooldown C, descent steps between two ascent runs, 0 or more; default 3.</summary>
    public int Cooldown { get; set; } = OptimizerDefaults.Cooldown;

    /// <summary>Whether ascent steps advance the base optimizer's state; default true.</summary>
    public bool UpdateBaseStateDuringAscent { get; set; } = OptimizerDefaults.UpdateBaseStateDuringAscent;

    /// <summary>Remember the parameters with the lowest loss seen; default false.</summary>
    public bool KeepBest { get; set; } = OptimizerDefaults.KeepBest;

    /// <summary>Lookahead and Reactive: how much worse a loss may be and still count as not worse, ≥ 0; default 0.</summary>
    public double Tolerance { get; set; } = OptimizerDefaults.Tolerance;

    /// <summary>
    /// Lookahead under shot noise: z ≥ 0, a further allowance of z standard errors of the loss difference (the trainer
    /// estimates them from the shots; 0 in exact mode); default 0. The measured shot-mode value is
    /// <see cref="OptimizerDefaults.LookaheadStandardErrors"/>.
    /// </summary>
    public double ToleranceStandardErrors { get; set; }

    /// <summary>
    /// What a step marked for ascent does: <see cref="NlrResponse.Ascend"/> (NLR, the default), or a control that keeps every
    /// rule and changes only the displacement: <see cref="NlrResponse.Reject"/> (skip the step) or
    /// <see cref="NlrResponse.Noise"/> (a Gaussian kick of the ascent's expected squared length).
    /// </summary>
    public NlrResponse Response { get; set; } = NlrResponse.Ascend;

    /// <summary>With <see cref="NlrResponse.Noise"/>: the seed of the kicks; default 0.</summary>
    public ulong NoiseSeed { get; set; } = OptimizerDefaults.NoiseSeed;

    /// <summary>Plateau: τ &gt; 0 for the gradient-norm EMA; default 1e-3.</summary>
    public double Threshold { get; set; } = OptimizerDefaults.PlateauThreshold;

    /// <summary>Plateau: W ≥ 1 consecutive steps below τ; default 10.</summary>
    public int Window { get; set; } = OptimizerDefaults.PlateauWindow;

    /// <summary>Plateau: β in [0, 1) of the EMA; default 0.9.</summary>
    public double Decay { get; set; } = OptimizerDefaults.PlateauDecay;

    /// <summary>Periodic: P ≥ 1 descent steps per period; default 10.</summary>
    public int PositiveSteps { get; set; } = OptimizerDefaults.PeriodicPositiveSteps;

    /// <summary>Periodic: N ascent steps per period, 1 to P (and at most <see cref="MaxAscentSteps"/>); default 1.</summary>
    public int NegativeSteps { get; set; } = OptimizerDefaults.PeriodicNegativeSteps;

    /// <summary>Stochastic: p in [0, 1]; default 0.1.</summary>
    public double Probability { get; set; } = OptimizerDefaults.StochasticProbability;

    /// <summary>Stochastic: seed of the draws; default 0.</summary>
    public ulong Seed { get; set; } = OptimizerDefaults.StochasticSeed;
}
