namespace NegLR;

/// <summary>What kind of step an optimizer took (the sign of its learning rate, or why there was none).</summary>
public enum NlrPhase
{
    /// <summary>Descent: θ ← θ − η⁺·d. Every step of a plain optimizer.</summary>
    Positive = 0,

    /// <summary>Ascent: θ ← θ + η⁻·d (learning rate −η⁻).</summary>
    Negative = 1,

    /// <summary>No step: a control rejected the trial step (Lookahead-reject, or backtracking that found no acceptable step).</summary>
    Rejected = 2,

    /// <summary>A random kick instead of an ascent: the noise-injection control (θ ← θ + ξ with E‖ξ‖² = ‖η⁻d‖²).</summary>
    Noise = 3,
}
