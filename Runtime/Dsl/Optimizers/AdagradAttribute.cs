using System;

namespace NegLR;

/// <summary>Declares Adagrad (G ← G + g², d = g/(√G + ε)), the generated twin of <see cref="NegLR.Adagrad"/>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class AdagradAttribute : GradientOptimizerAttribute
{
    /// <summary>ε &gt; 0; default 1e-10.</summary>
    public double Epsilon { get; set; } = OptimizerDefaults.AdagradEpsilon;
}
