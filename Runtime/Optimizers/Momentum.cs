using System;

namespace NegLR;

/// <summary>
/// Heavy-ball momentum in PyTorch's form: b_t = μ·b_{t−1} + g_t, d = b_t (b_0 = 0, so the first direction is g).
/// PennyLane's <c>MomentumOptimizer</c> (a ← μa + ηg, θ ← θ − a) is the same sequence for a constant η; this form keeps
/// η outside the state, which schedules and NLR's two rates need. Defaults: μ = 0.9, η = 0.01.
/// </summary>
public sealed class Momentum : GradientOptimizer
{
    private readonly double[] _buffer;

    /// <summary>Creates momentum descent for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters.</param>
    /// <param name="learningRate">η or a schedule; default 0.01.</param>
    /// <param name="momentum">μ in [0, 1); default 0.9.</param>
    public Momentum(int parameterCount, LearningRateSchedule? learningRate = null, double momentum = OptimizerDefaults.Momentum)
        : base(parameterCount, learningRate ?? OptimizerDefaults.LearningRate)
    {
        RequireUnitInterval(momentum, nameof(momentum), "0.9 is the usual choice.");
        MomentumFactor = momentum;
        _buffer = new double[parameterCount];
    }

    /// <inheritdoc/>
    public override string Name => "Momentum";

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
            direction[i] = b;
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
