using System;

namespace NegLR;

/// <summary>The outcome of <see cref="TrainerBase.Run"/> or <see cref="TrainerBase.Resume"/>.</summary>
public sealed class TrainingResult
{
    internal TrainingResult(StopReason reason, long steps, double finalLoss, double bestStepLoss, bool restoredBest,
        long circuitEvaluations, long shots, TimeSpan elapsed, TrainingHistory history, long resumedAtStep, long roundTrips = 0,
        int restarts = 1, int selectedRestart = -1, double selectedRestartLoss = double.NaN)
    {
        RoundTrips = roundTrips;
        Restarts = restarts;
        SelectedRestart = selectedRestart;
        SelectedRestartLoss = selectedRestartLoss;
        StopReason = reason;
        Steps = steps;
        FinalLoss = finalLoss;
        BestStepLoss = bestStepLoss;
        RestoredBest = restoredBest;
        CircuitEvaluations = circuitEvaluations;
        Shots = shots;
        Elapsed = elapsed;
        History = history;
        ResumedAtStep = resumedAtStep;
    }

    /// <summary>Why the run ended.</summary>
    public StopReason StopReason { get; }

    /// <summary>Steps taken in all (across resumes).</summary>
    public long Steps { get; }

    /// <summary>
    /// The exact loss at the returned parameters over the whole objective (all rows), evaluated noise-free once for
    /// reporting; not counted in the budgets.
    /// </summary>
    public double FinalLoss { get; }

    /// <summary>Lowest step loss seen (+∞ if no step ran).</summary>
    public double BestStepLoss { get; }

    /// <summary>Whether the returned parameters are the optimizer's keep-best parameters (<see cref="IKeepsBest"/>) rather than the last ones.</summary>
    public bool RestoredBest { get; }

    /// <summary>Circuit evaluations used in all.</summary>
    public long CircuitEvaluations { get; }

    /// <summary>Shots used in all.</summary>
    public long Shots { get; }

    /// <summary>Modelled sequential device round trips in all (see <see cref="TrainingStep.RoundTrips"/>).</summary>
    public long RoundTrips { get; }

    /// <summary>Segments the run was split into (<see cref="TrainerOptions.Restarts"/>; 1 without restarts).</summary>
    public int Restarts { get; }

    /// <summary>The restart whose parameters were returned (lowest closing loss), or −1 without restarts.</summary>
    public int SelectedRestart { get; }

    /// <summary>The chosen restart's closing loss over all data rows (exact or with shots), NaN without restarts.</summary>
    public double SelectedRestartLoss { get; }

    /// <summary>Training time in all.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Every step, in order (across resumes).</summary>
    public TrainingHistory History { get; }

    /// <summary>The step the run resumed at, or −1 for a fresh run.</summary>
    public long ResumedAtStep { get; }
}
