using System;
using System.Numerics;

namespace NegLR.Tests.Reference;

/// <summary>
/// Gate matrices written out entry by entry from PennyLane's and Qiskit's gate docstrings (summarised in
/// docs/conventions.md) and the GateKind documentation. Multi-qubit matrices use textbook order: the gate's first qubit is the most significant bit
/// of the local index (so CRX = diag-block(I, RX) with the control first). Deliberately independent of the runtime's
/// GateMatrices and kernels.
/// </summary>
internal static class LiteralGates
{
    private static readonly Complex I1 = Complex.ImaginaryOne;
    private static readonly double R2 = 1 / Math.Sqrt(2);

    public static DenseMatrix Identity => M2(1, 0, 0, 1);

    public static DenseMatrix X => M2(0, 1, 1, 0);

    public static DenseMatrix Y => M2(0, -I1, I1, 0);

    public static DenseMatrix Z => M2(1, 0, 0, -1);

    public static DenseMatrix H => M2(R2, R2, R2, -R2);

    public static DenseMatrix S => M2(1, 0, 0, I1);

    public static DenseMatrix Sdg => M2(1, 0, 0, -I1);

    public static DenseMatrix T => M2(1, 0, 0, Complex.FromPolarCoordinates(1, Math.PI / 4));

    public static DenseMatrix Tdg => M2(1, 0, 0, Complex.FromPolarCoordinates(1, -Math.PI / 4));

    /// <summary>√X = ½[[1+i, 1−i], [1−i, 1+i]].</summary>
    public static DenseMatrix SX => M2(new Complex(0.5, 0.5), new Complex(0.5, -0.5), new Complex(0.5, -0.5), new Complex(0.5, 0.5));

    /// <summary>|0⟩⟨0|.</summary>
    public static DenseMatrix P0 => M2(1, 0, 0, 0);

    /// <summary>|1⟩⟨1|.</summary>
    public static DenseMatrix P1 => M2(0, 0, 0, 1);

    /// <summary>RX(φ) = [[cos φ/2, −i sin φ/2], [−i sin φ/2, cos φ/2]].</summary>
    public static DenseMatrix RX(double phi)
    {
        double c = Math.Cos(phi / 2), s = Math.Sin(phi / 2);
        return M2(c, -I1 * s, -I1 * s, c);
    }

    /// <summary>RY(φ) = [[cos φ/2, −sin φ/2], [sin φ/2, cos φ/2]].</summary>
    public static DenseMatrix RY(double phi)
    {
        double c = Math.Cos(phi / 2), s = Math.Sin(phi / 2);
        return M2(c, -s, s, c);
    }

    /// <summary>RZ(φ) = diag(e^{−iφ/2}, e^{iφ/2}).</summary>
    public static DenseMatrix RZ(double phi) => M2(Complex.Exp(-I1 * phi / 2), 0, 0, Complex.Exp(I1 * phi / 2));

    /// <summary>PhaseShift(φ) = diag(1, e^{iφ}).</summary>
    public static DenseMatrix PhaseShift(double phi) => M2(1, 0, 0, Complex.Exp(I1 * phi));

    /// <summary>
    /// Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ), in PennyLane's closed form
    /// [[e^{−i(φ+ω)/2} cos θ/2, −e^{i(φ−ω)/2} sin θ/2], [e^{−i(φ−ω)/2} sin θ/2, e^{i(φ+ω)/2} cos θ/2]].
    /// </summary>
    public static DenseMatrix Rot(double phi, double theta, double omega)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return M2(
            Complex.Exp(-I1 * (phi + omega) / 2) * c, -Complex.Exp(I1 * (phi - omega) / 2) * s,
            Complex.Exp(-I1 * (phi - omega) / 2) * s, Complex.Exp(I1 * (phi + omega) / 2) * c);
    }

    /// <summary>U3(θ, φ, λ) = [[cos θ/2, −e^{iλ} sin θ/2], [e^{iφ} sin θ/2, e^{i(φ+λ)} cos θ/2]].</summary>
    public static DenseMatrix U3(double theta, double phi, double lambda)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return M2(c, -Complex.Exp(I1 * lambda) * s, Complex.Exp(I1 * phi) * s, Complex.Exp(I1 * (phi + lambda)) * c);
    }

    /// <summary>IsingXX(φ) = [[c,0,0,−is],[0,c,−is,0],[0,−is,c,0],[−is,0,0,c]].</summary>
    public static DenseMatrix IsingXX(double phi)
    {
        Complex c = Math.Cos(phi / 2), mis = -I1 * Math.Sin(phi / 2);
        return DenseMatrix.FromRows(
            new[] { c, 0, 0, mis },
            new[] { 0, c, mis, 0 },
            new[] { 0, mis, c, 0 },
            new[] { mis, 0, 0, c });
    }

    /// <summary>IsingYY(φ) = [[c,0,0,is],[0,c,−is,0],[0,−is,c,0],[is,0,0,c]].</summary>
    public static DenseMatrix IsingYY(double phi)
    {
        Complex c = Math.Cos(phi / 2), pis = I1 * Math.Sin(phi / 2);
        return DenseMatrix.FromRows(
            new[] { c, 0, 0, pis },
            new[] { 0, c, -pis, 0 },
            new[] { 0, -pis, c, 0 },
            new[] { pis, 0, 0, c });
    }

    /// <summary>IsingZZ(φ) = diag(e^{−iφ/2}, e^{iφ/2}, e^{iφ/2}, e^{−iφ/2}).</summary>
    public static DenseMatrix IsingZZ(double phi)
    {
        var m = Complex.Exp(-I1 * phi / 2);
        var p = Complex.Exp(I1 * phi / 2);
        return DenseMatrix.Diagonal(m, p, p, m);
    }

    /// <summary>SWAP: |01⟩ ↔ |10⟩.</summary>
    public static DenseMatrix Swap => DenseMatrix.FromRows(
        new Complex[] { 1, 0, 0, 0 },
        new Complex[] { 0, 0, 1, 0 },
        new Complex[] { 0, 1, 0, 0 },
        new Complex[] { 0, 0, 0, 1 });

    /// <summary>iSWAP: |01⟩ → i|10⟩, |10⟩ → i|01⟩.</summary>
    public static DenseMatrix ISwap => DenseMatrix.FromRows(
        new Complex[] { 1, 0, 0, 0 },
        new[] { 0, 0, I1, 0 },
        new[] { 0, I1, 0, 0 },
        new Complex[] { 0, 0, 0, 1 });

    /// <summary>The 2×2 matrix of one Pauli letter.</summary>
    public static DenseMatrix Pauli(char letter) => letter switch
    {
        'I' => Identity,
        'X' => X,
        'Y' => Y,
        'Z' => Z,
        _ => throw new ArgumentOutOfRangeException(nameof(letter), letter, "Pauli letters are I, X, Y, Z."),
    };

    private static DenseMatrix M2(Complex a, Complex b, Complex c, Complex d) =>
        DenseMatrix.FromRows(new[] { a, b }, new[] { c, d });
}
