using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Observables;

namespace NegLR.Tests.Shots;

public class ShotEstimatorTests
{
    private static StateVector Prepare(Circuit circuit, params double[] weights)
    {
        var interpreter = new CircuitInterpreter(circuit);
        var state = new StateVector(circuit.Qubits);
        interpreter.Prepare(weights, ReadOnlySpan<double>.Empty, state);
        return state;
    }

    private static List<ShotEstimate> Repeat(ShotEstimator estimator, StateVector state, int shots, int repeats, ulong seed)
    {
        var ws = estimator.CreateWorkspace();
        var rng = new SeededRandom(seed);
        var list = new List<ShotEstimate>();
        for (int r = 0; r < repeats; r++)
        {
            list.Add(estimator.Estimate(state, shots, rng, ws));
        }

        return list;
    }

    [Fact]
    public void YBasis_RxOnZero_GivesMinusSine()
    {
        // Closed form: RX(θ)|0>: <Y> = −sin θ, <Z> = cos θ.
        var c = new Circuit(1);
        c.RX(0, c.Weight());
        var psi = Prepare(c, 0.7);
        var estimator = new ShotEstimator(PauliSum.Parse("Y0"), 1);
        var runs = Repeat(estimator, psi, 400, 200, seed: 1);
        ShotStatistics.AssertWithinFourSigma(-Math.Sin(0.7), runs.Select(r => r.Value).ToList(), "<Y>");
        Assert.All(runs, r => Assert.Equal(400, r.Shots));
    }

    [Fact]
    public void MixedXYZObservable_OnEntangledState_IsUnbiased_AndReportsItsError()
    {
        var c = new Circuit(3);
        c.RX(0, c.Weight()).RY(1, c.Weight()).H(2).CNOT(0, 1).CRY(1, 2, c.Weight()).RZ(2, c.Weight()).S(0);
        var psi = Prepare(c, 0.7, 1.9, -0.4, 1.1);
        var obs = PauliSum.Parse("0.5 Y0 + 0.3 X0 Y1 - 0.8 Z0 Z1 + 0.2 Y0 Y1 Y2 - 0.6 X2 + 0.25 Z2 X1 + 0.1");
        double exact = obs.Expectation(psi);
        var estimator = new ShotEstimator(obs, 3);
        var runs = Repeat(estimator, psi, 1000, 200, seed: 2);
        var values = runs.Select(r => r.Value).ToList();
        ShotStatistics.AssertWithinFourSigma(exact, values, "mixed");
        // The reported standard error should match the spread of repeated estimates (to sampling accuracy).
        double reported = runs.Average(r => r.StandardError);
        double observed = ShotStatistics.Summarise(values).StdDev;
        Assert.InRange(reported / observed, 0.8, 1.25);
    }

    [Fact]
    public void H2_OnAnUnentangledTrialState_IsUnbiased()
    {
        var h = Hamiltonians.H2Sto3g4Qubits();
        var c = new Circuit(4);
        c.X(0).X(2);
        for (int q = 0; q < 4; q++)
        {
            c.RY(q, c.Weight()).RX(q, c.Weight());
        }

        c.CNOT(0, 1).CNOT(2, 3).CNOT(1, 2);
        var psi = Prepare(c, 0.3, -0.2, 0.5, 0.1, -0.7, 0.4, 0.2, 0.9);
        double exact = h.Expectation(psi);
        var estimator = new ShotEstimator(h, 4);
        Assert.Equal(5, estimator.Groups.Length);
        var runs = Repeat(estimator, psi, 2000, 150, seed: 3);
        ShotStatistics.AssertWithinFourSigma(exact, runs.Select(r => r.Value).ToList(), "H2");
        Assert.All(runs, r => Assert.Equal(2000, r.Shots));
    }

    [Fact]
    public void SameSeed_IsBitIdentical_DifferentSeed_Differs()
    {
        var h = Hamiltonians.H2Sto3g4Qubits();
        var psi = ObservableTestStates.Random(4, seed: 8);
        var estimator = new ShotEstimator(h, 4);
        var ws = estimator.CreateWorkspace();
        var a = estimator.Estimate(psi, 3000, new SeededRandom(42), ws);
        var b = estimator.Estimate(psi, 3000, new SeededRandom(42), estimator.CreateWorkspace());
        var c = estimator.Estimate(psi, 3000, new SeededRandom(43), ws);
        Assert.Equal(a.Value, b.Value);
        Assert.Equal(a.StandardError, b.StandardError);
        Assert.Equal(a, b);
        Assert.NotEqual(a.Value, c.Value);
    }

    [Fact]
    public void ShotCounts_AddUpToTheBudget_ProportionalToGroupWeight()
    {
        var h = Hamiltonians.H2Sto3g4Qubits();
        var estimator = new ShotEstimator(h, 4);
        var ws = estimator.CreateWorkspace();
        var psi = ObservableTestStates.Random(4, seed: 9);
        foreach (int budget in new[] { 5, 6, 17, 1000, 12345 })
        {
            var e = estimator.Estimate(psi, budget, new SeededRandom(1), ws);
            Assert.Equal(budget, e.Shots);
            Assert.Equal(budget, ws.ShotsPerGroup.ToArray().Sum());
            Assert.All(ws.ShotsPerGroup.ToArray(), s => Assert.True(s >= 1));
            var planned = new int[estimator.Groups.Length];
            estimator.AllocateShots(budget, planned);
            Assert.Equal(planned, ws.ShotsPerGroup.ToArray());
        }

        // Z group weight ≈ 1.69, each excitation term 0.045: 1000 → 1 + round(995 × share).
        Assert.True(ws.ShotsPerGroup[0] > 10 * ws.ShotsPerGroup[1]);
        Assert.Equal(estimator.Groups.Length, estimator.MinimumShots);
    }

    [Fact]
    public void DiagonalObservable_OnBasisState_IsExactWithZeroError()
    {
        var cost = Hamiltonians.MaxCut(new[] { (0, 1), (1, 2), (2, 0) });
        var psi = new StateVector(3);
        psi.SetBasisState(0b001);
        var estimator = new ShotEstimator(cost, 3);
        var e = estimator.Estimate(psi, 50, new SeededRandom(1), estimator.CreateWorkspace());
        Assert.Equal(2.0, e.Value, 14);
        Assert.Equal(0.0, e.StandardError);
    }

    [Fact]
    public void ConstantObservable_NeedsNoShots()
    {
        var estimator = new ShotEstimator(PauliSum.Parse("1.5"), 2);
        var e = estimator.Estimate(new StateVector(2), 0, new SeededRandom(1), estimator.CreateWorkspace());
        Assert.Equal(1.5, e.Value);
        Assert.Equal(0, e.Shots);
        Assert.Empty(estimator.Groups);
    }

    [Fact]
    public void Estimate_LeavesTheInputState_AndAllocatesNothing()
    {
        var h = PauliSum.Parse("X0 Y1 + 0.5 Y2 - Z0 Z2 + 0.2 X1");
        var psi = ObservableTestStates.Random(3, seed: 10);
        var copy = psi.Amplitudes.ToArray();
        var estimator = new ShotEstimator(h, 3);
        var ws = estimator.CreateWorkspace();
        var rng = new SeededRandom(5);
        estimator.Estimate(psi.Amplitudes, 100, rng, ws);
        long before = GC.GetAllocatedBytesForCurrentThread();
        estimator.Estimate(psi.Amplitudes, 100, rng, ws);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(copy, psi.Amplitudes.ToArray());
    }

    [Fact]
    public void SingleShotGroups_UseTheBoundForTheirError()
    {
        var obs = PauliSum.Parse("0.5 X0 + 0.25 Z0");
        var estimator = new ShotEstimator(obs, 1);
        var e = estimator.Estimate(new StateVector(1), 2, new SeededRandom(1), estimator.CreateWorkspace());
        Assert.Equal(Math.Sqrt(0.25 + 0.0625), e.StandardError, 14);
    }

    /// <summary>
    /// Both sampling paths against the dense oracle: groups of up to <see cref="ShotEstimator.MaxCountedTerms"/> terms are
    /// counted (one multinomial draw), larger ones drawn shot by shot; either way the estimates must have the exact mean
    /// and the spread √(Var₁/m) of the single-shot value, and the reported error must match that spread.
    /// </summary>
    [Theory]
    [InlineData("0.9 Z0", 2, 1, false)]
    [InlineData("0.9 Z0", 2, 1, true)]
    [InlineData("Z0 Z1 Z2 Z3", 4, 1, false)]
    [InlineData("0.5 Z0 + 0.3 Z0 Z1 - 0.8 Z2", 3, 3, false)]
    [InlineData("0.5 Z0 + 0.3 Z0 Z1 - 0.8 Z2", 3, 3, true)]
    [InlineData("0.7 X0 X1 - 0.2 X1 + 0.4 X0 X2 + 0.1 X2", 3, 4, false)]
    [InlineData("0.5 Z0 + 0.3 Z0 Z1 - 0.8 Z2 + 0.25 Z1 Z2 + 0.6 Z3", 4, 5, false)]
    public void EitherSamplingPath_HasTheExactMeanAndSpread(string observable, int qubits, int termsInGroup, bool drawEveryShot)
    {
        var obs = PauliSum.Parse(observable);
        var estimator = new ShotEstimator(obs, qubits) { DrawEveryShot = drawEveryShot };
        Assert.Single(estimator.Groups);
        Assert.Equal(termsInGroup, estimator.Groups[0].Terms.Length);
        var psi = ObservableTestStates.Random(qubits, seed: 21);
        double exact = obs.Expectation(psi);
        double singleShotVariance = SingleShotVariance(estimator.Groups[0], psi, qubits);
        const int shots = 250, repeats = 600;
        var runs = Repeat(estimator, psi, shots, repeats, seed: 4);
        var values = runs.Select(r => r.Value).ToList();
        ShotStatistics.AssertWithinFourSigma(exact, values, observable);
        double expectedSpread = Math.Sqrt(singleShotVariance / shots);
        Assert.InRange(ShotStatistics.Summarise(values).StdDev / expectedSpread, 0.9, 1.1);
        Assert.InRange(runs.Average(r => r.StandardError) / expectedSpread, 0.97, 1.03);
        Assert.All(runs, r => Assert.Equal(shots, r.Shots));
    }

    [Fact]
    public void CountedGroup_OnAStateWithOneOutcome_IsExact()
    {
        // |1⟩ on qubit 0 after X: Z0 = −1 on every shot, so the count is certain and the sample variance zero.
        var c = new Circuit(2);
        c.X(0);
        var psi = Prepare(c);
        var estimator = new ShotEstimator(PauliSum.Parse("0.5 Z0 + 0.25 Z1"), 2);
        var e = estimator.Estimate(psi, 1000, new SeededRandom(2), estimator.CreateWorkspace());
        Assert.Equal(-0.25, e.Value, 15);
        Assert.Equal(0, e.StandardError);
    }

    /// <summary>Var of one shot's value Σ c_t (−1)^{parity} in the group's basis, from the dense rotated probabilities.</summary>
    private static double SingleShotVariance(MeasurementGroup group, StateVector state, int qubits)
    {
        var rotated = state.Amplitudes.ToArray();
        MeasurementBasis.Rotate(rotated, group.BasisXMask, group.BasisZMask);
        double mean = 0, square = 0;
        for (int b = 0; b < 1 << qubits; b++)
        {
            double probability = rotated[b].Magnitude * rotated[b].Magnitude;
            double y = 0;
            for (int t = 0; t < group.Terms.Length; t++)
            {
                y += (BitOperations.PopCount((uint)(b & group.Terms[t].Support)) & 1) != 0 ? -group.Terms[t].Coefficient : group.Terms[t].Coefficient;
            }

            mean += probability * y;
            square += probability * y * y;
        }

        return square - (mean * mean);
    }

    [Fact]
    public void BadInput_Throws()
    {
        var h = Hamiltonians.H2Sto3g4Qubits();
        Assert.Throws<ArgumentNullException>(() => new ShotEstimator(null!, 2));
        Assert.Equal("observable", Assert.Throws<ArgumentException>(() => new ShotEstimator(h, 3)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentOutOfRangeException>(() => new ShotEstimator(h, 31)).ParamName);
        var estimator = new ShotEstimator(h, 4);
        var ws = estimator.CreateWorkspace();
        var psi = new StateVector(4);
        Assert.Equal("totalShots", Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Estimate(psi, 4, new SeededRandom(1), ws)).ParamName);
        Assert.Equal("totalShots", Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Estimate(psi, -1, new SeededRandom(1), ws)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => estimator.Estimate(new StateVector(5), 100, new SeededRandom(1), ws)).ParamName);
        var other = new ShotEstimator(h, 5).CreateWorkspace();
        Assert.Equal("workspace", Assert.Throws<ArgumentException>(() => estimator.Estimate(psi, 100, new SeededRandom(1), other)).ParamName);
        Assert.Equal("random", Assert.Throws<ArgumentNullException>(() => estimator.Estimate(psi, 100, null!, ws)).ParamName);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => estimator.Estimate(new Complex[16], 100, new SeededRandom(1), ws)).ParamName);
    }
}
