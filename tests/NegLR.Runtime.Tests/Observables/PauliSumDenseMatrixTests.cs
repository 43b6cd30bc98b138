using System;
using System.Numerics;

namespace NegLR.Tests.Observables;

public class PauliSumDenseMatrixTests
{
    [Fact]
    public void ToDenseMatrix_SingleQubitPaulis_AreTextbookMatrices()
    {
        var x = PauliSum.Parse("X0").ToDenseMatrix();
        var y = PauliSum.Parse("Y0").ToDenseMatrix();
        var z = PauliSum.Parse("Z0").ToDenseMatrix();
        Assert.Equal(Complex.One, x[0, 1]);
        Assert.Equal(Complex.One, x[1, 0]);
        Assert.Equal(-Complex.ImaginaryOne, y[0, 1]);
        Assert.Equal(Complex.ImaginaryOne, y[1, 0]);
        Assert.Equal(Complex.One, z[0, 0]);
        Assert.Equal(-Complex.One, z[1, 1]);
    }

    [Fact]
    public void ToDenseMatrix_QubitZeroIsLeastSignificant()
    {
        // X on qubit 0 of a 2-qubit register flips index bit 0: |00> (0) -> |01> (1).
        var m = PauliSum.Parse("X0").ToDenseMatrix(2);
        Assert.Equal(Complex.One, m[1, 0]);
        Assert.Equal(Complex.Zero, m[2, 0]);
    }

    [Fact]
    public void ToDenseMatrix_MatchesSparseApply_AndIsHermitian()
    {
        var sum = ObservableTestStates.RandomSum(4, 20, seed: 11);
        var m = sum.ToDenseMatrix(4);
        Assert.True((m - m.ConjugateTranspose()).FrobeniusNorm() < 1e-14);
        var psi = ObservableTestStates.Random(4, seed: 12);
        var sparse = new Complex[16];
        sum.Apply(psi.Amplitudes, sparse);
        var dense = m * MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(psi.Amplitudes.ToArray());
        for (int i = 0; i < 16; i++)
        {
            Assert.True(Complex.Abs(dense[i] - sparse[i]) < 1e-13);
        }
    }

    [Fact]
    public void ToDenseMatrix_BadRegister_Throws()
    {
        var sum = PauliSum.Parse("Z3");
        Assert.Equal("qubits", Assert.Throws<ArgumentOutOfRangeException>(() => sum.ToDenseMatrix(0)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentOutOfRangeException>(() => sum.ToDenseMatrix(13)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentException>(() => sum.ToDenseMatrix(3)).ParamName);
        Assert.Equal(2, PauliSum.Parse("2").ToDenseMatrix().RowCount);
    }
}
