// Compiled into the Runtime and, as linked source, into the Generator and Analyzers (netstandard2.0): plain C#, only
// APIs both targets have. Slow, obvious small-matrix algebra for channel definitions (d = 2 or 4); nothing here is hot.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;

namespace NegLR;

/// <summary>
/// Small complex and real matrix algebra behind <see cref="NoiseChannel"/>: Pauli matrices, Kraus sums, Pauli transfer
/// matrices. Matrices are row-major arrays; a two-qubit operator is in textbook order (its first qubit is the more
/// significant bit of the local index, |ab⟩ = |a⟩ ⊗ |b⟩). Pauli letters are numbered I = 0, X = 1, Y = 2, Z = 3, and a
/// two-qubit Pauli word with letter l0 on the first qubit and l1 on the second has index 4·l0 + l1.
/// </summary>
internal static class ChannelMath
{
    /// <summary>The letters in index order.</summary>
    public const string Letters = "IXYZ";

    private static readonly Complex I = Complex.ImaginaryOne;

    /// <summary>The 2×2 Pauli matrix of <paramref name="letter"/> (0 = I, 1 = X, 2 = Y, 3 = Z).</summary>
    public static Complex[] Pauli(int letter) => letter switch
    {
        0 => new Complex[] { 1, 0, 0, 1 },
        1 => new Complex[] { 0, 1, 1, 0 },
        2 => new Complex[] { 0, -I, I, 0 },
        _ => new Complex[] { 1, 0, 0, -1 },
    };

    /// <summary>The Pauli word of index <paramref name="index"/> on <paramref name="qubits"/> (1 or 2) qubits.</summary>
    public static Complex[] PauliWord(int qubits, int index) =>
        qubits == 1 ? Pauli(index) : Kron(Pauli(index >> 2), Pauli(index & 3), 2);

    /// <summary>True when single-qubit letters <paramref name="a"/> and <paramref name="b"/> anticommute.</summary>
    public static bool Anticommute(int a, int b) => a != 0 && b != 0 && a != b;

    /// <summary>True when Pauli words <paramref name="a"/> and <paramref name="b"/> (indices as above) anticommute.</summary>
    public static bool WordsAnticommute(int qubits, int a, int b)
    {
        int odd = 0;
        for (int q = 0; q < qubits; q++)
        {
            if (Anticommute((a >> (2 * q)) & 3, (b >> (2 * q)) & 3))
            {
                odd ^= 1;
            }
        }

        return odd != 0;
    }

    /// <summary>The Kronecker product of two d×d matrices (d = <paramref name="d"/>).</summary>
    public static Complex[] Kron(Complex[] a, Complex[] b, int d)
    {
        int dd = d * d;
        var m = new Complex[dd * dd];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                for (int k = 0; k < d; k++)
                {
                    for (int l = 0; l < d; l++)
                    {
                        m[(((i * d) + k) * dd) + (j * d) + l] = a[(i * d) + j] * b[(k * d) + l];
                    }
                }
            }
        }

        return m;
    }

    /// <summary>a·b for d×d matrices.</summary>
    public static Complex[] Multiply(Complex[] a, Complex[] b, int d)
    {
        var m = new Complex[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int k = 0; k < d; k++)
            {
                var aik = a[(i * d) + k];
                if (aik == Complex.Zero)
                {
                    continue;
                }

                for (int j = 0; j < d; j++)
                {
                    m[(i * d) + j] += aik * b[(k * d) + j];
                }
            }
        }

        return m;
    }

    /// <summary>The conjugate transpose of a d×d matrix.</summary>
    public static Complex[] Adjoint(Complex[] a, int d)
    {
        var m = new Complex[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                m[(j * d) + i] = Complex.Conjugate(a[(i * d) + j]);
            }
        }

        return m;
    }

    /// <summary>Σ_k K_k X K_k† for d×d matrices.</summary>
    public static Complex[] ApplyKraus(IReadOnlyList<ImmutableArray<Complex>> kraus, Complex[] x, int d)
    {
        var result = new Complex[d * d];
        foreach (var k in kraus)
        {
            var km = ToArray(k);
            var term = Multiply(Multiply(km, x, d), Adjoint(km, d), d);
            for (int i = 0; i < result.Length; i++)
            {
                result[i] += term[i];
            }
        }

        return result;
    }

    /// <summary>
    /// The Pauli transfer matrix R_ij = Tr(P_i E(P_j)) / d of the channel with these Kraus operators, row-major, d² × d²,
    /// Paulis in index order. Real for every Hermiticity-preserving map.
    /// </summary>
    public static double[] TransferMatrix(IReadOnlyList<ImmutableArray<Complex>> kraus, int qubits)
    {
        int d = 1 << qubits, dd = d * d;
        var r = new double[dd * dd];
        var paulis = new Complex[dd][];
        for (int i = 0; i < dd; i++)
        {
            paulis[i] = PauliWord(qubits, i);
        }

        for (int j = 0; j < dd; j++)
        {
            var image = ApplyKraus(kraus, paulis[j], d);
            for (int i = 0; i < dd; i++)
            {
                r[(i * dd) + j] = Trace(Multiply(paulis[i], image, d), d).Real / d;
            }
        }

        return r;
    }

    /// <summary>The diagonal Pauli transfer matrix of a Pauli channel: f_Q = Σ_P p_P (−1)^{[P and Q anticommute]}.</summary>
    public static double[] PauliChannelTransfer(IReadOnlyList<double> probabilities, int qubits)
    {
        int dd = 1 << (2 * qubits);
        var r = new double[dd * dd];
        for (int q = 0; q < dd; q++)
        {
            double f = 0;
            for (int p = 0; p < dd; p++)
            {
                f += WordsAnticommute(qubits, p, q) ? -probabilities[p] : probabilities[p];
            }

            r[(q * dd) + q] = f;
        }

        return r;
    }

    /// <summary>
    /// The largest |(Σ K†K − I)_ij| and where it is: zero for a trace-preserving set. Kraus sets are completely positive
    /// by construction, so trace preservation is the condition a set can fail.
    /// </summary>
    public static (double Deviation, int Row, int Column) TracePreservationError(IReadOnlyList<ImmutableArray<Complex>> kraus, int d)
    {
        var sum = new Complex[d * d];
        foreach (var k in kraus)
        {
            var km = ToArray(k);
            var term = Multiply(Adjoint(km, d), km, d);
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += term[i];
            }
        }

        double worst = 0;
        int row = 0, column = 0;
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                double dev = Complex.Abs(sum[(i * d) + j] - (i == j ? Complex.One : Complex.Zero));
                if (dev > worst)
                {
                    worst = dev;
                    row = i;
                    column = j;
                }
            }
        }

        return (worst, row, column);
    }

    /// <summary>Tr(a) of a d×d matrix.</summary>
    public static Complex Trace(Complex[] a, int d)
    {
        var t = Complex.Zero;
        for (int i = 0; i < d; i++)
        {
            t += a[(i * d) + i];
        }

        return t;
    }

    /// <summary>a·b for n×n real matrices.</summary>
    public static double[] Multiply(double[] a, double[] b, int n)
    {
        var m = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                double aik = a[(i * n) + k];
                if (aik == 0)
                {
                    continue;
                }

                for (int j = 0; j < n; j++)
                {
                    m[(i * n) + j] += aik * b[(k * n) + j];
                }
            }
        }

        return m;
    }

    /// <summary>A row-major copy of an immutable matrix.</summary>
    public static Complex[] ToArray(ImmutableArray<Complex> m)
    {
        var a = new Complex[m.Length];
        m.CopyTo(a);
        return a;
    }

    /// <summary>A 2×2 matrix from its entries, row by row.</summary>
    public static ImmutableArray<Complex> M2(Complex m00, Complex m01, Complex m10, Complex m11) =>
        ImmutableArray.Create(m00, m01, m10, m11);
}
