namespace NegLR;

/// <summary>What a policy sees at the start of a step (and, for <see cref="INlrPolicy.AfterTrial"/>, after its trial).</summary>
public readonly struct NlrContext
{
    /// <summary>Creates a context with no standard errors (exact losses).</summary>
    public NlrContext(long step, double loss, double gradientNorm, double previousLoss, NlrPhase? previousPhase, int phaseLength)
        : this(step, loss, gradientNorm, previousLoss, previousPhase, phaseLength, 0, 0)
    {
    }

    /// <summary>Creates a context.</summary>
    /// <param name="step">t.</param>
    /// <param name="loss">L(θ_t).</param>
    /// <param name="gradientNorm">‖g_t‖₂.</param>
    /// <param name="previousLoss">L(θ_{t−1}), NaN on the first step.</param>
    /// <param name="previousPhase">The previous step's phase, null on the first step.</param>
    /// <param name="phaseLength">K.</param>
    /// <param name="lossStandardError">The standard error of <paramref name="loss"/> (0 when exact).</param>
    /// <param name="trialStandardError">The standard error of the trial loss (0 before the trial, or when exact).</param>
    public NlrContext(long step, double loss, double gradientNorm, double previousLoss, NlrPhase? previousPhase, int phaseLength,
        double lossStandardError, double trialStandardError)
    {
        Step = step;
        Loss = loss;
        GradientNorm = gradientNorm;
        PreviousLoss = previousLoss;
        PreviousPhase = previousPhase;
        PhaseLength = phaseLength;
        LossStandardError = lossStandardError;
        TrialStandardError = trialStandardError;
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

    /// <summary>The estimated standard error of <see cref="Loss"/> (0 with exact losses; see <see cref="ILossStandardErrors"/>).</summary>
    public double LossStandardError { get; }

    /// <summary>The estimated standard error of the trial loss, in <see cref="INlrPolicy.AfterTrial"/> (0 otherwise).</summary>
    public double TrialStandardError { get; }

    /// <summary>This context with the trial's standard error filled in.</summary>
    internal NlrContext WithTrialError(double trialStandardError) =>
        new(Step, Loss, GradientNorm, PreviousLoss, PreviousPhase, PhaseLength, LossStandardError, trialStandardError);
}
