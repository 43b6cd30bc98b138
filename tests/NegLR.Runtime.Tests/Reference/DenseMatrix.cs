using System;
using System.Numerics;

namespace NegLR.Tests.Reference;

/// <summary>
/// A square complex matrix stored row-major: the slow, obvious linear algebra behind <see cref="DenseReferenceSimulator"/>.
/// Nothing here is shared with the runtime.
/// </summary>
internal sealed class DenseMatrix
{
    private readonly Complex[] _data;

    public DenseMatrix(int dimension)
    {
        if (dimension < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(dimension));
        }

        Dimension = dimension;
        _data = new Complex[dimension * dimension];
    }

    public int Dimension { get; }

    public Complex this[int row, int column]
    {
        get => _data[(row * Dimension) + column];
        set => _data[(row * Dimension) + column] = value;
    }

    /// <summary>A matrix written out row by row (each row as long as there are rows).</summary>
    public static DenseMatrix FromRows(params Complex[][] rows)
    {
        var m = new DenseMatrix(rows.Length);
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != rows.Length)
            {
                throw new ArgumentException("A literal matrix must be square.", nameof(rows));
            }

            for (int c = 0; c < rows.Length; c++)
            {
                m[r, c] = rows[r][c];
            }
        }

        return m;
    }

    public static DenseMatrix Identity(int dimension)
    {
        var m = new DenseMatrix(dimension);
        for (int i = 0; i < dimension; i++)
        {
            m[i, i] = Complex.One;
        }

        return m;
    }

    public static DenseMatrix Diagonal(params Complex[] entries)
    {
        var m = new DenseMatrix(entries.Length);
        for (int i = 0; i < entries.Length; i++)
        {
            m[i, i] = entries[i];
        }

        return m;
    }

    /// <summary>The Kronecker product A ⊗ B: entry [(i·dB + k), (j·dB + l)] = A[i, j]·B[k, l].</summary>
    public static DenseMatrix Kron(DenseMatrix a, DenseMatrix b)
    {
        int da = a.Dimension, db = b.Dimension;
        var m = new DenseMatrix(da * db);
        for (int i = 0; i < da; i++)
        {
            for (int j = 0; j < da; j++)
            {
                var aij = a[i, j];
                if (aij == Complex.Zero)
                {
                    continue;
                }

                for (int k = 0; k < db; k++)
                {
                    int row = (i * db) + k;
                    for (int l = 0; l < db; l++)
                    {
                        m[row, (j * db) + l] = aij * b[k, l];
                    }
                }
            }
        }

        return m;
    }

    public static DenseMatrix operator *(DenseMatrix a, DenseMatrix b)
    {
        Require(a, b);
        int d = a.Dimension;
        var m = new DenseMatrix(d);
        for (int i = 0; i < d; i++)
        {
            for (int k = 0; k < d; k++)
            {
                var aik = a[i, k];
                if (aik == Complex.Zero)
                {
                    continue;
                }

                for (int j = 0; j < d; j++)
                {
                    m[i, j] += aik * b[k, j];
                }
            }
        }

        return m;
    }

    public static DenseMatrix operator +(DenseMatrix a, DenseMatrix b)
    {
        Require(a, b);
        var m = new DenseMatrix(a.Dimension);
        for (int i = 0; i < a._data.Length; i++)
        {
            m._data[i] = a._data[i] + b._data[i];
        }

        return m;
    }

    public static DenseMatrix operator -(DenseMatrix a, DenseMatrix b) => a + ((-Complex.One) * b);

    public static DenseMatrix operator *(Complex k, DenseMatrix a)
    {
        var m = new DenseMatrix(a.Dimension);
        for (int i = 0; i < a._data.Length; i++)
        {
            m._data[i] = k * a._data[i];
        }

        return m;
    }

    /// <summary>The conjugate transpose.</summary>
    public DenseMatrix Adjoint()
    {
        var m = new DenseMatrix(Dimension);
        for (int i = 0; i < Dimension; i++)
        {
            for (int j = 0; j < Dimension; j++)
            {
                m[j, i] = Complex.Conjugate(this[i, j]);
            }
        }

        return m;
    }

    /// <summary>M·v by the textbook sum over columns.</summary>
    public Complex[] Apply(ReadOnlySpan<Complex> v)
    {
        if (v.Length != Dimension)
        {
            throw new ArgumentException($"A {Dimension}×{Dimension} matrix needs a vector of {Dimension}, got {v.Length}.", nameof(v));
        }

        var result = new Complex[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            Complex sum = Complex.Zero;
            int row = i * Dimension;
            for (int j = 0; j < Dimension; j++)
            {
                sum += _data[row + j] * v[j];
            }

            result[i] = sum;
        }

        return result;
    }

    /// <summary>max |A_ij − B_ij|.</summary>
    public double MaxAbsDifference(DenseMatrix other)
    {
        Require(this, other);
        double max = 0;
        for (int i = 0; i < _data.Length; i++)
        {
            max = Math.Max(max, (_data[i] - other._data[i]).Magnitude);
        }

        return max;
    }

    private static void Require(DenseMatrix a, DenseMatrix b)
    {
        if (a.Dimension != b.Dimension)
        {
            throw new ArgumentException($"Dimension mismatch: {a.Dimension} vs {b.Dimension}.");
        }
    }
}
