using System;
using System.Globalization;
using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace NegLR;

// The explicit 2^n × 2^n matrix, for exact diagonalisation of small registers and for checking the sparse kernels.
public sealed partial class PauliSum
{
    /// <summary>Largest register <see cref="ToDenseMatrix(int)"/> builds: 2^12 × 2^12 complex entries are 256 MiB.</summary>
    public const int MaxDenseQubits = 12;

    /// <summary>The matrix on the fewest qubits that hold the sum (<see cref="MinQubits"/>, at least 1).</summary>
    public Matrix<Complex> ToDenseMatrix() => ToDenseMatrix(Math.Max(1, MinQubits));

    /// <summary>
    /// The Hermitian matrix of the sum on <paramref name="qubits"/> qubits, in NegLR's basis order (row/column index
    /// = basis index, qubit 0 the least-significant bit). Entry (j ⊕ x, j) of a term is
    /// <c>c · i^{nY} · (−1)^{popcount(j &amp; z)}</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="qubits"/> is outside 1 to <see cref="MaxDenseQubits"/>.</exception>
    /// <exception cref="ArgumentException">The sum acts on a qubit beyond the register.</exception>
    public Matrix<Complex> ToDenseMatrix(int qubits)
    {
        if (qubits < 1 || qubits > MaxDenseQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, string.Create(CultureInfo.InvariantCulture,
                $"A dense matrix is built for 1 to {MaxDenseQubits} qubits (it has 4^n entries); use ExactSolver's Lanczos path for more."));
        }

        RequireQubits(1 << qubits, nameof(qubits));
        int dim = 1 << qubits;
        var m = Matrix<Complex>.Build.Dense(dim, dim);
        if (Constant != 0)
        {
            for (int j = 0; j < dim; j++)
            {
                m[j, j] = Constant;
            }
        }

        foreach (var t in Terms)
        {
            var factor = t.Coefficient * Simulation.StateKernels.IPower(t.YCount);
            for (int j = 0; j < dim; j++)
            {
                bool odd = (BitOperations.PopCount((uint)(j & t.ZMask)) & 1) != 0;
                int row = j ^ t.XMask;
                m[row, j] += odd ? -factor : factor;
            }
        }

        return m;
    }
}
