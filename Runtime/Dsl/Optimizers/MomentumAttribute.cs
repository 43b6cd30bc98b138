using System;

namespace NegLR;

/// <summary>Declares heavy-ball momentum (b ← μb + g, d = b), the generated twin of <see cref="NegLR.Momentum"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class MomentumAttribute : GradientOptimizerAttribute
{
    /// <summary>μ in [0, 1); default 0.9.</summary>
    public double Momentum { get; set; } = OptimizerDefaults.Momentum;
}
