using System;

namespace NegLR;

/// <summary>Declares Adam (or AMSGrad) with bias correction, the generated twin of <see cref="NegLR.Adam"/>.</summary>
/// <example>
/// <code>
/// [Adam(LearningRate = 0.05)]
/// [NegativeLearningRate(Policy = NlrPolicy.Lookahead, NegativeRate = 0.02, MaxAscentSteps = 3)]
/// public partial struct IrisOptimizer;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class AdamAttribute : GradientOptimizerAttribute
{
    /// <summary>Decay β₁ of the first moment, in [0, 1); default 0.9.</summary>
    public double Beta1 { get; set; } = OptimizerDefaults.AdamBeta1;

    /// <summary>Decay β₂ of the second moment, in [0, 1); default 0.999.</summary>
    public double Beta2 { get; set; } = OptimizerDefaults.AdamBeta2;

    /// <summary>ε &gt; 0; default 1e-8.</summary>
    public double Epsilon { get; set; } = OptimizerDefaults.AdamEpsilon;

    /// <summary>Use the running maximum of v (AMSGrad); default false.</summary>
    public bool AmsGrad { get; set; } = OptimizerDefaults.AdamAmsGrad;
}
