namespace NegLR;

/// <summary>The sign of a step's learning rate.</summary>
public enum NlrPhase
{
    /// <summary>Descent: θ ← θ − η⁺·d. Every step of a plain optimizer.</summary>
    Positive = 0,

    /// <summary>Ascent: θ ← θ + η⁻·d (learning rate −η⁻).</summary>
    Negative = 1,
}
