using System;
using System.Numerics;

namespace NegLR.Tests.Observables;

public class PauliSumVarianceTests
{
    [Fact]
    public void Variance_ZOnPlus_IsOne_XOnPlus_IsZero()
    {
        var plus = new StateVector(1);
        plus[0] = plus[1] = new Complex(1 / Math.Sqrt(2), 0);
        Assert.Equal(1.0, PauliSum.Z(0).Variance(plus), 15);
        Assert.Equal(0.0, PauliSum.Parse("X0").Variance(plus), 15);
        Assert.Equal(4.0, PauliSum.Parse("2 Z0 + 7").Variance(plus), 14);
    }

    [Fact]
    public void Variance_OfAnEigenstate_IsZero()
    {
        var h = Hamiltonians.H2Sto3g4Qubits();
        var ground = ExactSolver.GroundState(h, 4);
        Assert.True(h.Variance(ground.State) < 1e-12);
        var tfim = Hamiltonians.TransverseFieldIsing(9, 1, 0.7, periodic: true);
        var g9 = ExactSolver.GroundState(tfim, 9);
        Assert.True(tfim.Variance(g9.State) < 1e-12);
    }

    [Fact]
    public void Variance_MatchesDenseSquareMinusMeanSquared()
    {
        var sum = ObservableTestStates.RandomSum(3, 12, seed: 3);
        var psi = ObservableTestStates.Random(3, seed: 4);
        var m = sum.ToDenseMatrix(3);
        var v = MathNet.Numerics.LinearAlgebra.Vector<Complex>.Build.DenseOfArray(psi.Amplitudes.ToArray());
        double mean = v.ConjugateDotProduct(m * v).Real;
        double square = v.ConjugateDotProduct(m * (m * v)).Real;
        var scratch = new Complex[8];
        Assert.Equal(square - (mean * mean), sum.Variance(psi.Amplitudes, scratch), 12);
    }

    [Fact]
    public void Variance_WithScratch_AllocatesNothing()
    {
        var sum = Hamiltonians.H2Sto3g4Qubits();
        var psi = ObservableTestStates.Random(4, seed: 5);
        var scratch = new Complex[16];
        sum.Variance(psi.Amplitudes, scratch);
        long before = GC.GetAllocatedBytesForCurrentThread();
        double v = sum.Variance(psi.Amplitudes, scratch);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(v > 0);
    }

    [Fact]
    public void Variance_BadScratch_Throws()
    {
        var psi = new StateVector(2);
        var sum = PauliSum.Z(1);
        Assert.Equal("scratch", Assert.Throws<ArgumentException>(() => sum.Variance(psi.Amplitudes, new Complex[2])).ParamName);
        Assert.Equal("scratch", Assert.Throws<ArgumentException>(() => sum.Variance(psi.Amplitudes, psi.Amplitudes)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => sum.Variance(new Complex[2], new Complex[2])).ParamName);
    }
}
