using System;

namespace NegLR;

/// <summary>
/// Plain gradient descent, d = g: PyTorch's <c>SGD</c> without momentum, PennyLane's <c>GradientDescentOptimizer</c>.
/// Default η = 0.01 (PennyLane's default step size).
/// </summary>
public sealed class GradientDescent : GradientOptimizer
{
    /// <summary>Creates gradient descent for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters.</param>
    /// <param name="learningRate">η or a schedule; default 0.01.</param>
    public GradientDescent(int parameterCount, LearningRateSchedule? learningRate = null)
        : base(parameterCount, learningRate ?? OptimizerDefaults.LearningRate)
    {
    }

    /// <inheritdoc/>
    public override string Name => "SGD";

    /// <inheritdoc/>
    protected override void Direction(ReadOnlySpan<double> gradient, Span<double> direction, long step, bool advance) =>
        gradient.CopyTo(direction);

    /// <inheritdoc/>
    protected override void ResetState()
    {
    }

    /// <inheritdoc/>
    protected override void SaveStateCore(CheckpointWriter writer)
    {
    }

    /// <inheritdoc/>
    protected override void RestoreStateCore(CheckpointReader reader)
    {
    }
}
