namespace NegLR;

/// <summary>
/// How the cost depends on one weight w when every other weight is fixed: a trigonometric polynomial
/// a₀ + Σ_{k=1..R} (a_k cos kω₀w + b_k sin kω₀w), because each gate the weight drives contributes the differences of its
/// generator's eigenvalues (times the angle's scale) as frequencies. Rotosolve reconstructs it from 2R + 1 points.
/// </summary>
/// <param name="Occurrences">How many primitive gates read the weight (Rot and U3 count one per angle).</param>
/// <param name="BaseFrequency">ω₀: every frequency is an integer multiple of it (0 for an unused weight).</param>
/// <param name="Order">R: the highest multiple (1 for a weight in one Pauli rotation with scale 1).</param>
/// <param name="Unsupported">Why the weight has no such spectrum (incommensurate frequencies, order too high), or null.</param>
public readonly record struct WeightSpectrum(int Occurrences, double BaseFrequency, int Order, string? Unsupported)
{
    /// <summary>Whether the reconstruction applies.</summary>
    public bool IsSupported => Unsupported is null;
}
