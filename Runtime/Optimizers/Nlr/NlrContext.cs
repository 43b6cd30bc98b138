namespace NegLR;

/// <summary>What a policy sees at the start of a step.</summary>
public readonly struct NlrContext
{
    /// <summary>Creates a context.</summary>
    public NlrContext(long step, double loss, double gradientNorm, double previousLoss, NlrPhase? previousPhase, int phaseLength)
    {
        Step = step;
        Loss = loss;
        GradientNorm = gradientNorm;
        PreviousLoss = previousLoss;
        PreviousPhase = previousPhase;
        PhaseLength = phaseLength;
    }

    /// <summary>The step number t (0 for the first).</summary>
    public long Step { get; }

    /// <summary>L(θ_t), the loss at the parameters this step starts from.</summary>
    public double Loss { get; }

    /// <summary>‖g_t‖₂.</summary>
    public double GradientNorm { get; }

    /// <summary>L(θ_{t−1}), NaN on the first step.</summary>
    public double PreviousLoss { get; }

    /// <summary>The previous step's phase; null on the first step.</summary>
    public NlrPhase? PreviousPhase { get; }

    /// <summary>K, the number of ascent steps a trigger asks for (<see cref="NlrOptions.PhaseLength"/>).</summary>
    public int PhaseLength { get; }
}
