using System;

namespace NegLR;

/// <summary>
/// A gradient method that turns a gradient g into an update direction d; a descent step is θ ← θ − η_t·d.
/// Keeping the direction separate from the step is what lets <see cref="NegativeLearningRate"/> take θ ← θ + η⁻·d
/// instead, with the same d.
/// </summary>
public interface IGradientOptimizer : IOptimizer
{
    /// <summary>The learning-rate schedule of descent steps.</summary>
    LearningRateSchedule Schedule { get; }

    /// <summary>η_t of the schedule at step <paramref name="step"/> (0-based).</summary>
    double LearningRate(long step);

    /// <summary>
    /// Writes the direction d for <paramref name="gradient"/>. With <paramref name="advance"/> the internal state
    /// (moments, accumulators, step count) moves on; without it the call is pure and returns exactly the direction an
    /// advancing call would return now — NLR uses that to try a step, and to leave the state frozen during ascent.
    /// </summary>
    void ComputeDirection(ReadOnlySpan<double> gradient, Span<double> direction, bool advance = true);

    /// <summary>One descent step in place: θ ← θ − η_t·d with t = <see cref="IOptimizer.StepCount"/>.</summary>
    void Step(Span<double> parameters, ReadOnlySpan<double> gradient);
}
