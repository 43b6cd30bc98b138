using System.Numerics;

namespace NegLR.Simulation;

/// <summary>A 2×2 complex matrix <c>[[M00, M01], [M10, M11]]</c> acting on one qubit.</summary>
public readonly struct Matrix2
{
    /// <summary>Creates the matrix from its entries, row by row.</summary>
    public Matrix2(Complex m00, Complex m01, Complex m10, Complex m11)
    {
        M00 = m00;
        M01 = m01;
        M10 = m10;
        M11 = m11;
    }

    /// <summary>Row 0, column 0.</summary>
    public Complex M00 { get; }

    /// <summary>Row 0, column 1.</summary>
    public Complex M01 { get; }

    /// <summary>Row 1, column 0.</summary>
    public Complex M10 { get; }

    /// <summary>Row 1, column 1.</summary>
    public Complex M11 { get; }

    /// <summary>The conjugate transpose.</summary>
    public Matrix2 Adjoint() =>
        new(Complex.Conjugate(M00), Complex.Conjugate(M10), Complex.Conjugate(M01), Complex.Conjugate(M11));
}
