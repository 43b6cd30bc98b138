using System;
using System.Numerics;

namespace NegLR.Simulation;

/// <summary>Matrices of the single-qubit gates (and the targets of controlled ones), in NegLR's conventions (docs/conventions.md).</summary>
public static class GateMatrices
{
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    /// <summary>Pauli Y.</summary>
    public static Matrix2 Y { get; } = new(0, -Complex.ImaginaryOne, Complex.ImaginaryOne, 0);

    /// <summary>√X = ½[[1+i, 1−i], [1−i, 1+i]].</summary>
    public static Matrix2 SX { get; } = new(new Complex(0.5, 0.5), new Complex(0.5, -0.5), new Complex(0.5, -0.5), new Complex(0.5, 0.5));

    /// <summary>Hadamard entry 1/√2.</summary>
    public static double H => InvSqrt2;

    /// <summary>RX(θ) = [[c, −is], [−is, c]].</summary>
    public static Matrix2 RX(double theta)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return new Matrix2(c, new Complex(0, -s), new Complex(0, -s), c);
    }

    /// <summary>RY(θ) = [[c, −s], [s, c]].</summary>
    public static Matrix2 RY(double theta)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return new Matrix2(c, -s, s, c);
    }

    /// <summary>RZ(θ) = diag(e^{−iθ/2}, e^{iθ/2}).</summary>
    public static Matrix2 RZ(double theta)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return new Matrix2(new Complex(c, -s), 0, 0, new Complex(c, s));
    }

    /// <summary>e^{iφ} computed from cos and sin (deterministic across platforms' Complex.Exp).</summary>
    public static Complex Phase(double phi) => new(Math.Cos(phi), Math.Sin(phi));
}
