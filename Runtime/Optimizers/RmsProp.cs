using System;

namespace NegLR;

/// <summary>
/// RMSProp (Tieleman &amp; Hinton 2012): v_t = α·v_{t−1} + (1 − α)·g_t², d = g_t / (√v_t + ε). Defaults are PyTorch's
/// (η = 0.01, α = 0.99, ε = 1e-8, v_0 = 0); PennyLane's <c>RMSPropOptimizer</c> calls α "decay" and uses 0.9.
/// </summary>
public sealed class RmsProp : GradientOptimizer
{
    private readonly double[] _meanSquare;

    /// <summary>Creates RMSProp for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters.</param>
    /// <param name="learningRate">η or a schedule; default 0.01.</param>
    /// <param name="alpha">Decay α of the mean square, in [0, 1); default 0.99.</param>
    /// <param name="epsilon">ε &gt; 0; default 1e-8.</param>
    public RmsProp(int parameterCount, LearningRateSchedule? learningRate = null, double alpha = OptimizerDefaults.RmsPropAlpha, double epsilon = OptimizerDefaults.RmsPropEpsilon)
        : base(parameterCount, learningRate ?? OptimizerDefaults.LearningRate)
    {
        RequireUnitInterval(alpha, nameof(alpha), "0.99 (PyTorch) or 0.9 (PennyLane) are usual.");
        RequirePositive(epsilon, nameof(epsilon), "1e-8 is the usual choice.");
        Alpha = alpha;
        Epsilon = epsilon;
        _meanSquare = new double[parameterCount];
    }

    /// <inheritdoc/>
    public override string Name => "RMSProp";

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>The running mean of squared gradients v.</summary>
    public ReadOnlySpan<double> MeanSquare => _meanSquare;

    /// <inheritdoc/>
    protected override void Direction(ReadOnlySpan<double> gradient, Span<double> direction, long step, bool advance)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            double g = gradient[i];
            double v = (Alpha * _meanSquare[i]) + ((1 - Alpha) * g * g);
            direction[i] = g / (Math.Sqrt(v) + Epsilon);
            if (advance)
            {
                _meanSquare[i] = v;
            }
        }
    }

    /// <inheritdoc/>
    protected override void ResetState() => Array.Clear(_meanSquare);

    /// <inheritdoc/>
    protected override void SaveStateCore(CheckpointWriter writer) => writer.WriteDoubles(_meanSquare);

    /// <inheritdoc/>
    protected override void RestoreStateCore(CheckpointReader reader) => reader.ReadNonNegativeDoubles(_meanSquare, "RMSProp mean square");
}
