using System;

namespace NegLR;

/// <summary>SPSA's step-size gain a_t = a / (A + t + 1)^α (Spall 1998), with t counting from 0.</summary>
public sealed class SpsaGainSchedule : LearningRateSchedule
{
    /// <summary>Creates the gain sequence.</summary>
    /// <param name="a">Scale a &gt; 0.</param>
    /// <param name="stabilityConstant">A ≥ 0.</param>
    /// <param name="alpha">Exponent α &gt; 0 (0.602 in practice, 1 asymptotically optimal).</param>
    public SpsaGainSchedule(double a, double stabilityConstant, double alpha)
    {
        RequirePositive(a, nameof(a));
        if (!(stabilityConstant >= 0) || !double.IsFinite(stabilityConstant))
        {
            throw new ArgumentOutOfRangeException(nameof(stabilityConstant), stabilityConstant, "The stability constant A must be 0 or more (10 % of the iterations is usual).");
        }

        RequirePositive(alpha, nameof(alpha));
        A = a;
        StabilityConstant = stabilityConstant;
        Alpha = alpha;
    }

    /// <summary>a.</summary>
    public double A { get; }

    /// <summary>The stability constant (Spall's A).</summary>
    public double StabilityConstant { get; }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <inheritdoc/>
    protected override double RateCore(long step) => A / Math.Pow(StabilityConstant + step + 1, Alpha);

    /// <inheritdoc/>
    public override string ToString() => $"spsa-gain(a = {Format(A)}, A = {Format(StabilityConstant)}, α = {Format(Alpha)})";
}
