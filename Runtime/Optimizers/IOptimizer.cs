using System;

namespace NegLR;

/// <summary>
/// A gradient-based optimizer: turns a gradient into an update direction d and takes the step θ ← θ − η·d.
/// Keeping the direction separate is what lets the negative-learning-rate method flip the step's sign.
/// </summary>
public interface IOptimizer
{
    /// <summary>Name as users know it (<c>Adam</c>, <c>SGD</c>, …).</summary>
    string Name { get; }

    /// <summary>The learning rate η of a positive (descent) step.</summary>
    double LearningRate { get; }

    /// <summary>Writes the update direction for <paramref name="gradient"/> and advances internal state (moments, step count).</summary>
    void ComputeDirection(ReadOnlySpan<double> gradient, Span<double> direction);

    /// <summary>One descent step in place: θ ← θ − η·d.</summary>
    void Step(Span<double> parameters, ReadOnlySpan<double> gradient);

    /// <summary>Forgets all state, as if freshly made.</summary>
    void Reset();
}
