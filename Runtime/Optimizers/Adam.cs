using System;

namespace NegLR;

/// <summary>
/// Adam (Kingma &amp; Ba 2015) with bias correction, in PyTorch's arithmetic: m_t = β₁m + (1 − β₁)g,
/// v_t = β₂v + (1 − β₂)g², d = (m_t / (1 − β₁^t)) / (√v_t / √(1 − β₂^t) + ε) with t counting from 1. With
/// <c>amsGrad</c> (Reddi et al. 2018) the denominator uses the running maximum of v_t instead of v_t. Defaults follow
/// PyTorch's betas and ε with η = 0.01 (PennyLane's default step size), the usual choice for VQA training.
/// </summary>
public sealed class Adam : GradientOptimizer
{
    private readonly double[] _m;
    private readonly double[] _v;
    private readonly double[] _vMax;

    /// <summary>Creates Adam for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters.</param>
    /// <param name="learningRate">η or a schedule; default 0.01.</param>
    /// <param name="beta1">Decay of the first moment, in [0, 1); default 0.9.</param>
    /// <param name="beta2">Decay of the second moment, in [0, 1); default 0.999.</param>
    /// <param name="epsilon">ε &gt; 0; default 1e-8.</param>
    /// <param name="amsGrad">Use the running maximum of v (AMSGrad); default off.</param>
    public Adam(int parameterCount, LearningRateSchedule? learningRate = null, double beta1 = OptimizerDefaults.AdamBeta1,
        double beta2 = OptimizerDefaults.AdamBeta2, double epsilon = OptimizerDefaults.AdamEpsilon, bool amsGrad = OptimizerDefaults.AdamAmsGrad)
        : base(parameterCount, learningRate ?? OptimizerDefaults.LearningRate)
    {
        RequireUnitInterval(beta1, nameof(beta1), "0.9 is the usual choice.");
        RequireUnitInterval(beta2, nameof(beta2), "0.999 (PyTorch) or 0.99 (PennyLane) are usual.");
        RequirePositive(epsilon, nameof(epsilon), "1e-8 is the usual choice.");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        AmsGrad = amsGrad;
        _m = new double[parameterCount];
        _v = new double[parameterCount];
        _vMax = new double[amsGrad ? parameterCount : 0];
    }

    /// <inheritdoc/>
    public override string Name => AmsGrad ? "AMSGrad" : "Adam";

    /// <summary>Decay of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>Guard against division by zero.</summary>
    public double Epsilon { get; }

    /// <summary>Whether the AMSGrad maximum is used.</summary>
    public bool AmsGrad { get; }

    /// <summary>First moments m.</summary>
    public ReadOnlySpan<double> FirstMoment => _m;

    /// <summary>Second moments v.</summary>
    public ReadOnlySpan<double> SecondMoment => _v;

    /// <summary>Running maxima of v (empty unless <see cref="AmsGrad"/>).</summary>
    public ReadOnlySpan<double> MaxSecondMoment => _vMax;

    /// <inheritdoc/>
    protected override void Direction(ReadOnlySpan<double> gradient, Span<double> direction, long step, bool advance)
    {
        // Powers from the step number rather than running products: the same value whether or not earlier calls advanced,
        // and nothing extra to save in a checkpoint.
        double c1 = 1 - Math.Pow(Beta1, step + 1);
        double sqrtC2 = Math.Sqrt(1 - Math.Pow(Beta2, step + 1));
        for (int i = 0; i < gradient.Length; i++)
        {
            double g = gradient[i];
            double m = (Beta1 * _m[i]) + ((1 - Beta1) * g);
            double v = (Beta2 * _v[i]) + ((1 - Beta2) * g * g);
            double denominatorMoment = v;
            if (AmsGrad)
            {
                denominatorMoment = Math.Max(_vMax[i], v);
                if (advance)
                {
                    _vMax[i] = denominatorMoment;
                }
            }

            direction[i] = (m / c1) / ((Math.Sqrt(denominatorMoment) / sqrtC2) + Epsilon);
            if (advance)
            {
                _m[i] = m;
                _v[i] = v;
            }
        }
    }

    /// <inheritdoc/>
    protected override void ResetState()
    {
        Array.Clear(_m);
        Array.Clear(_v);
        Array.Clear(_vMax);
    }

    /// <inheritdoc/>
    protected override void SaveStateCore(CheckpointWriter writer)
    {
        writer.WriteDoubles(_m);
        writer.WriteDoubles(_v);
        writer.WriteDoubles(_vMax);
    }

    /// <inheritdoc/>
    protected override void RestoreStateCore(CheckpointReader reader)
    {
        reader.ReadDoubles(_m, "Adam first moments");
        reader.ReadNonNegativeDoubles(_v, "Adam second moments");
        reader.ReadNonNegativeDoubles(_vMax, "AMSGrad maxima");
    }
}
