namespace NegLR;

/// <summary>
/// Decides when <see cref="NegativeLearningRate"/> starts an ascent phase. A policy only triggers phases and asks for
/// their length; the wrapper runs the phase and applies the shared limits (cap on consecutive ascents, cooldown), so
/// every policy obeys them the same way. Policies may keep state (an EMA, a generator) and must save it.
/// </summary>
public interface INlrPolicy
{
    /// <summary>Which rule this is.</summary>
    NlrPolicy Kind { get; }

    /// <summary>Whether the policy needs a trial loss evaluation (then <see cref="AfterTrial"/> decides).</summary>
    bool NeedsTrial { get; }

    /// <summary>
    /// Called at the start of every step, ascent or not (so statistics see every step). Returns the number of ascent
    /// steps to start now, or 0. A request made while a phase runs, or while the wrapper forbids ascent, is dropped.
    /// </summary>
    int BeforeStep(in NlrContext context);

    /// <summary>
    /// For trial-based policies: <paramref name="trialLoss"/> is L(θ − η⁺d). Returns the number of ascent steps to
    /// start now (this step included), or 0 to accept the descent step.
    /// </summary>
    int AfterTrial(in NlrContext context, double trialLoss);

    /// <summary>Forgets all state.</summary>
    void Reset();

    /// <summary>Writes the policy's state.</summary>
    void SaveState(CheckpointWriter writer);

    /// <summary>Restores what <see cref="SaveState"/> wrote.</summary>
    void RestoreState(CheckpointReader reader);
}
