using System;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Observables;

namespace NegLR.Tests.Shots;

public class ShotSamplerTests
{
    [Fact]
    public void SampleCounts_MatchProbabilities_ChiSquare()
    {
        // 3 qubits = 8 outcomes, 7 degrees of freedom; χ² above 24.3 has probability 0.001 under the null.
        var psi = ObservableTestStates.Random(3, seed: 5);
        const int shots = 20_000;
        var counts = ShotSampler.SampleCounts(psi, shots, new SeededRandom(99));
        Assert.Equal(shots, counts.Sum());
        double chi2 = 0;
        for (int i = 0; i < 8; i++)
        {
            double expected = shots * psi.Probability(i);
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }

        Assert.True(chi2 < 24.3, $"chi-square {chi2}");
    }

    [Fact]
    public void Sample_SameSeed_SameShots_DifferentSeed_DifferentShots()
    {
        var psi = ObservableTestStates.Random(4, seed: 6);
        var a = ShotSampler.Sample(psi, 500, new SeededRandom(1));
        var b = ShotSampler.Sample(psi, 500, new SeededRandom(1));
        var c = ShotSampler.Sample(psi, 500, new SeededRandom(2));
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void SampleAndCounts_DrawTheSameShots()
    {
        var psi = ObservableTestStates.Random(3, seed: 7);
        var shots = ShotSampler.Sample(psi, 300, new SeededRandom(3));
        var counts = ShotSampler.SampleCounts(psi, 300, new SeededRandom(3));
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(shots.Count(s => s == i), counts[i]);
        }
    }

    [Fact]
    public void Sample_NeverDrawsZeroProbabilityOutcomes()
    {
        var psi = new StateVector(3);
        psi[0] = Complex.Zero;
        psi[2] = new Complex(0.6, 0);
        psi[5] = new Complex(0, 0.8);
        var shots = ShotSampler.Sample(psi, 2000, new SeededRandom(4));
        Assert.All(shots, s => Assert.True(s == 2 || s == 5));
        Assert.InRange(shots.Count(s => s == 5), 1200, 1360); // p = 0.64, ±4.6σ

        var basis = new StateVector(2);
        Assert.All(ShotSampler.Sample(basis, 100, new SeededRandom(5)), s => Assert.Equal(0, s));
        basis.SetBasisState(3);
        Assert.All(ShotSampler.Sample(basis, 100, new SeededRandom(5)), s => Assert.Equal(3, s));
    }

    [Fact]
    public void Sample_UnnormalisedState_UsesItsOwnTotal()
    {
        var psi = new StateVector(1);
        psi[0] = new Complex(2, 0);
        psi[1] = new Complex(0, 2);
        var counts = ShotSampler.SampleCounts(psi, 4000, new SeededRandom(8));
        Assert.InRange(counts[1], 1870, 2130);
    }

    [Fact]
    public void Sample_WithBuffers_AllocatesNothing()
    {
        var psi = ObservableTestStates.Random(5, seed: 9);
        var outcomes = new int[256];
        var cumulative = new double[32];
        var counts = new int[32];
        var rng = new SeededRandom(1);
        ShotSampler.Sample(psi.Amplitudes, rng, outcomes, cumulative);
        long before = GC.GetAllocatedBytesForCurrentThread();
        ShotSampler.Sample(psi.Amplitudes, rng, outcomes, cumulative);
        ShotSampler.SampleCounts(psi.Amplitudes, rng, 256, counts, cumulative);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void BadInput_Throws()
    {
        var rng = new SeededRandom(1);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => ShotSampler.Sample(new Complex[4], rng, new int[3], new double[4])).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => ShotSampler.Sample(new Complex[3], rng, new int[3], new double[3])).ParamName);
        Assert.Equal("cumulative", Assert.Throws<ArgumentException>(() => ShotSampler.Sample(new Complex[] { 1, 0 }, rng, new int[3], new double[3])).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => ShotSampler.SampleCounts(new Complex[] { 1, 0 }, rng, 3, new int[3], new double[2])).ParamName);
        Assert.Equal("shots", Assert.Throws<ArgumentOutOfRangeException>(() => ShotSampler.Sample(new StateVector(1), -1, rng)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => ShotSampler.Sample(new StateVector(1), 1, null!)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => ShotSampler.Sample(new Complex[] { double.NaN, 0 }, rng, new int[1], new double[2])).ParamName);
    }

    [Fact]
    public void ToBitString_PutsQubitZeroRightmost()
    {
        Assert.Equal("0101", ShotSampler.ToBitString(5, 4));
        Assert.Equal("1", ShotSampler.ToBitString(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShotSampler.ToBitString(16, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => ShotSampler.ToBitString(0, 0));
    }
}
