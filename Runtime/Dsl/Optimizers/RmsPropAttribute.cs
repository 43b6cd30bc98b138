using System;

namespace NegLR;

/// <summary>Declares RMSProp (v ← αv + (1 − α)g², d = g/(√v + ε)), the generated twin of <see cref="RmsProp"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class RmsPropAttribute : GradientOptimizerAttribute
{
    /// <summary>Decay α of the mean square, in [0, 1); default 0.99.</summary>
    public double Alpha { get; set; } = OptimizerDefaults.RmsPropAlpha;

    /// <summary>ε &gt; 0; default 1e-8.</summary>
    public double Epsilon { get; set; } = OptimizerDefaults.RmsPropEpsilon;
}
