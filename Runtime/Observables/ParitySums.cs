using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NegLR;

/// <summary>
/// The value Σ_t c_t (−1)^{|b ∧ m_t|} a sum of Z-strings takes on basis state b, added in term order: a diagonal
/// observable's value (<see cref="PauliSum"/>'s expectation) and a measured shot's value (<see cref="ShotEstimator"/>)
/// alike. One definition, so a value table and the loop it replaces give the same bits.
/// </summary>
internal static class ParitySums
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Value(ReadOnlySpan<double> coefficients, ReadOnlySpan<int> masks, int b)
    {
        double value = 0;
        for (int t = 0; t < coefficients.Length; t++)
        {
            value += (BitOperations.PopCount((uint)(b & masks[t])) & 1) != 0 ? -coefficients[t] : coefficients[t];
        }

        return value;
    }

    /// <summary>Every basis state's <see cref="Value"/> for a register of <paramref name="size"/> amplitudes (optimised from the first call: it runs once per table).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Table(double[] coefficients, int[] masks, int size)
    {
        var table = new double[size];
        for (int b = 0; b < table.Length; b++)
        {
            table[b] = Value(coefficients, masks, b);
        }

        return table;
    }
}
