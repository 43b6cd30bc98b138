using System;

namespace NegLR;

/// <summary>
/// Nesterov momentum in PyTorch's form: b_t = μ·b_{t−1} + g_t, d = g_t + μ·b_t. This is Sutskever's look-ahead update
/// (gradient taken at θ + μv, PennyLane's <c>NesterovMomentumOptimizer</c>) rewritten on the look-ahead point itself,
/// so the gradient is taken at the current parameters and no extra evaluation point is needed: the parameters this
/// optimizer holds are exactly Sutskever's look-ahead points. Defaults: μ = 0.9, η = 0.01.
/// </summary>
public sealed class Nesterov : GradientOptimizer
{
    private readonly double[] _buffer;

    /// <summary>Creates Nesterov momentum for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters.</param>
    /// <param name="learningRate">η or a schedule; default 0.01.</param>
    /// <param name="momentum">μ in [0, 1); default 0.9.</param>
    public Nesterov(int parameterCount, LearningRateSchedule? learningRate = null, double momentum = OptimizerDefaults.Momentum)
        : base(parameterCount, learningRate ?? OptimizerDefaults.LearningRate)
    {
        RequireUnitInterval(momentum, nameof(momentum), "0.9 is the usual choice.");
        MomentumFactor = momentum;
        _buffer = new double[parameterCount];
    }

    /// <inheritdoc/>
    public override string Name => "Nesterov";

    /// <summary>μ.</summary>
    public double MomentumFactor { get; }

    /// <summary>The momentum buffer b.</summary>
    public ReadOnlySpan<double> Buffer => _buffer;

    /// <inheritdoc/>
    protected override void Direction(ReadOnlySpan<double> gradient, Span<double> direction, long step, bool advance)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            double b = (MomentumFactor * _buffer[i]) + gradient[i];
            direction[i] = gradient[i] + (MomentumFactor * b);
            if (advance)
            {
                _buffer[i] = b;
            }
        }
    }

    /// <inheritdoc/>
    protected override void ResetState() => Array.Clear(_buffer);

    /// <inheritdoc/>
    protected override void SaveStateCore(CheckpointWriter writer) => writer.WriteDoubles(_buffer);

    /// <inheritdoc/>
    protected override void RestoreStateCore(CheckpointReader reader) => reader.ReadDoubles(_buffer, "momentum buffer");
}
