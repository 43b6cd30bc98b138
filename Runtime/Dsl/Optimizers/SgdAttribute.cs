using System;

namespace NegLR;

/// <summary>Declares plain gradient descent (d = g), the generated twin of <see cref="GradientDescent"/>.</summary>
/// <example><code>[Sgd(LearningRate = 0.1)] public partial class Descent;</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class SgdAttribute : GradientOptimizerAttribute
{
}
