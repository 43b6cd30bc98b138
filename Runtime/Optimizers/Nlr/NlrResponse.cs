namespace NegLR;

/// <summary>
/// What <see cref="NegativeLearningRate"/> does on a step its policy marks for ascent. <see cref="Ascend"/> is NLR; the
/// other two are controls that keep every other rule (trigger, trial, phase length, cap, cooldown, base-state updates)
/// and change only the displacement, so a comparison isolates what the ascent itself does.
/// </summary>
public enum NlrResponse
{
    /// <summary>NLR: θ ← θ + η⁻·d.</summary>
    Ascend = 0,

    /// <summary>Lookahead-reject control: the step is skipped (θ unchanged), no ascent.</summary>
    Reject = 1,

    /// <summary>
    /// Noise-injection control (Langevin-type, for the "diffusion" reading): θ ← θ + ξ with ξ ~ N(0, σ²I) and
    /// σ² = (η⁻‖d‖)²/n, so E‖ξ‖² equals the squared length of the ascent step it replaces: the same per-step variance in a
    /// random direction instead of uphill.
    /// </summary>
    Noise = 2,
}
