using System;

namespace NegLR;

/// <summary>Declares Nesterov momentum (b ← μb + g, d = g + μb), the generated twin of <see cref="NegLR.Nesterov"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class NesterovAttribute : GradientOptimizerAttribute
{
    /// <summary>μ in [0, 1); default 0.9.</summary>
    public double Momentum { get; set; } = OptimizerDefaults.Momentum;
}
