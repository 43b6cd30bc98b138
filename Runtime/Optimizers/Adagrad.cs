using System;

namespace NegLR;

/// <summary>
/// Adagrad (Duchi et al. 2011): G_t = G_{t−1} + g_t², d = g_t / (√G_t + ε). Defaults are PyTorch's (η = 0.01,
/// ε = 1e-10, G_0 = 0); PennyLane's <c>AdagradOptimizer</c> has the same η and ε = 1e-8.
/// </summary>
public sealed class Adagrad : GradientOptimizer
{
    private readonly double[] _accumulator;

    /// <summary>Creates Adagrad for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters.</param>
    /// <param name="learningRate">η or a schedule; default 0.01.</param>
    /// <param name="epsilon">ε &gt; 0 against division by zero; default 1e-10.</param>
    public Adagrad(int parameterCount, LearningRateSchedule? learningRate = null, double epsilon = OptimizerDefaults.AdagradEpsilon)
        : base(parameterCount, learningRate ?? OptimizerDefaults.LearningRate)
    {
        RequirePositive(epsilon, nameof(epsilon), "1e-10 is PyTorch's default.");
        Epsilon = epsilon;
        _accumulator = new double[parameterCount];
    }

    /// <inheritdoc/>
    public override string Name => "Adagrad";

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>The running sum of squared gradients G.</summary>
    public ReadOnlySpan<double> Accumulator => _accumulator;

    /// <inheritdoc/>
    protected override void Direction(ReadOnlySpan<double> gradient, Span<double> direction, long step, bool advance)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            double g = gradient[i];
            double sum = _accumulator[i] + (g * g);
            direction[i] = g / (Math.Sqrt(sum) + Epsilon);
            if (advance)
            {
                _accumulator[i] = sum;
            }
        }
    }

    /// <inheritdoc/>
    protected override void ResetState() => Array.Clear(_accumulator);

    /// <inheritdoc/>
    protected override void SaveStateCore(CheckpointWriter writer) => writer.WriteDoubles(_accumulator);

    /// <inheritdoc/>
    protected override void RestoreStateCore(CheckpointReader reader) => reader.ReadNonNegativeDoubles(_accumulator, "Adagrad accumulator");
}
