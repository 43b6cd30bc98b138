using System;
using System.Numerics;

namespace NegLR.Tests.Simulation.VectorPaths;

/// <summary>Inputs for the path comparisons: states and angles with the awkward values a vector path can get wrong.</summary>
internal static class PathInputs
{
    public static Complex Complex(SeededRandom rng) => new(rng.NextDouble(-1, 1), rng.NextDouble(-1, 1));

    /// <summary>
    /// Random amplitudes, with a few parts set to +0 and −0: a product with an identity factor must keep the sign of a
    /// zero exactly as the scalar path keeps it.
    /// </summary>
    public static Complex[] State(SeededRandom rng, int qubits)
    {
        var v = new Complex[1 << qubits];
        for (int i = 0; i < v.Length; i++)
        {
            double re = rng.NextDouble(-1, 1), im = rng.NextDouble(-1, 1);
            switch (rng.NextInt(6))
            {
                case 0: re = -0.0; break;
                case 1: re = 0.0; im = -im; break;
                case 2: im = -0.0; break;
            }

            v[i] = new Complex(re, im);
        }

        return v;
    }

    /// <summary>Gate-like angles, with ±0, multiples of π/4, and arguments beyond the reducible range.</summary>
    public static double[] Angles(SeededRandom rng, int length)
    {
        double[] special = { 0.0, -0.0, Math.PI / 4, -Math.PI / 2, 3 * Math.PI, 1e6, -2e5, 99_999.0 };
        var x = new double[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = rng.NextInt(3) == 0 ? special[rng.NextInt(special.Length)] : rng.NextDouble(-50, 50);
        }

        return x;
    }

    public static double[] Flatten(ReadOnlySpan<Complex> state)
    {
        var d = new double[2 * state.Length];
        for (int i = 0; i < state.Length; i++)
        {
            d[2 * i] = state[i].Real;
            d[(2 * i) + 1] = state[i].Imaginary;
        }

        return d;
    }

    /// <summary>The first place two runs differ in their bits, or null when every bit agrees.</summary>
    public static string? FirstDifference(string label, ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        if (expected.Length != actual.Length)
        {
            return $"{label}: {expected.Length} values expected, {actual.Length} found";
        }

        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(expected[i]) != BitConverter.DoubleToInt64Bits(actual[i]))
            {
                return $"{label}[{i}]: expected {expected[i]:R} (0x{BitConverter.DoubleToInt64Bits(expected[i]):X16}), found {actual[i]:R} (0x{BitConverter.DoubleToInt64Bits(actual[i]):X16})";
            }
        }

        return null;
    }
}
