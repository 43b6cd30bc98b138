using System;
using System.Linq;

namespace NegLR.Tests.Shots;

public class ShotParameterShiftTests
{
    private static (CircuitInterpreter Interpreter, PauliSum Observable, double[] Weights) Problem()
    {
        // Two- and four-term shift rules (CRX), a weight shared by two gates with scales, and Y terms.
        var c = new Circuit(2);
        var w0 = c.Weight();
        c.RX(0, w0).RY(1, c.Weight()).CRX(0, 1, c.Weight()).RZ(1, 0.5 * w0).H(0).RYY(0, 1, c.Weight());
        var obs = PauliSum.Parse("0.7 Y1 + 0.4 X0 Z1 - 0.3 Z0 + 0.2 Y0 X1");
        return (new CircuitInterpreter(c), obs, new[] { 0.4, -1.1, 0.9, 0.3 });
    }

    [Fact]
    public void Gradient_FromShots_IsUnbiased_WithinFourStandardErrors()
    {
        var (interp, obs, w) = Problem();
        var ws = interp.CreateWorkspace();
        var exact = new double[4];
        interp.ParameterShiftGradient(w, ReadOnlySpan<double>.Empty, obs, exact, ws);

        var estimator = new ShotEstimator(obs, 2);
        var shotWs = estimator.CreateWorkspace();
        var rng = new SeededRandom(2024);
        const int repeats = 80, shots = 500;
        var samples = new double[4][];
        var reported = new double[4];
        for (int i = 0; i < 4; i++)
        {
            samples[i] = new double[repeats];
        }

        var g = new double[4];
        var se = new double[4];
        for (int r = 0; r < repeats; r++)
        {
            long used = interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, estimator, shots, rng, g, se, ws, shotWs);
            Assert.Equal((long)interp.ParameterShiftEvaluations() * shots, used);
            for (int i = 0; i < 4; i++)
            {
                samples[i][r] = g[i];
                reported[i] += se[i] / repeats;
            }
        }

        for (int i = 0; i < 4; i++)
        {
            ShotStatistics.AssertWithinFourSigma(exact[i], samples[i], $"dE/dw{i}");
            double observed = ShotStatistics.Summarise(samples[i]).StdDev;
            Assert.InRange(reported[i] / observed, 0.7, 1.4);
        }
    }

    /// <summary>
    /// The shifted runs start from a shared prefix state rather than from |0…0⟩; that must be an optimisation only:
    /// the gradient equals, bit for bit, one full shot-estimated run per shifted weight drawn from the same stream.
    /// </summary>
    [Fact]
    public void Gradient_FromShots_EqualsFullRerunsPerShift_BitForBit()
    {
        var c = new Circuit(3);
        c.H(0).RY(0, c.Weight()).RX(1, c.Weight()).CNOT(0, 1).CRX(1, 2, c.Weight()).RZ(2, c.Weight()).CZ(0, 2).RY(1, c.Weight());
        var interp = new CircuitInterpreter(c);
        var obs = PauliSum.Parse("0.6 Z0 Z1 - 0.3 X2 + 0.2 Y1");
        var estimator = new ShotEstimator(obs, 3);
        var w = new[] { 0.3, -0.8, 1.2, 0.45, -1.7 };
        var ws = interp.CreateWorkspace();
        var shotWs = estimator.CreateWorkspace();
        var g = new double[5];
        interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, estimator, 300, new SeededRandom(12), g, Span<double>.Empty, ws, shotWs);

        var rng = new SeededRandom(12);
        double Shifted(int i, double shift)
        {
            var shifted = (double[])w.Clone();
            shifted[i] += shift;
            return interp.EvaluateWithShots(shifted, ReadOnlySpan<double>.Empty, estimator, 300, rng, ws, shotWs).Value;
        }

        var expected = new double[5];
        double half = Math.PI / 2;
        for (int i = 0; i < 5; i++)
        {
            double near = Shifted(i, half) - Shifted(i, -half);
            if (i != 2)
            {
                expected[i] = near / 2;
                continue;
            }

            double far = Shifted(i, 3 * half) - Shifted(i, -3 * half);
            expected[i] = (GeneratedCodeSupport.FourTermPlus * near) - (GeneratedCodeSupport.FourTermMinus * far);
        }

        Assert.Equal(expected, g);
    }

    [Fact]
    public void Gradient_FromShots_IsDeterministicPerSeed()
    {
        var (interp, obs, w) = Problem();
        var ws = interp.CreateWorkspace();
        var estimator = new ShotEstimator(obs, 2);
        var shotWs = estimator.CreateWorkspace();
        var a = new double[4];
        var b = new double[4];
        var c = new double[4];
        interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, estimator, 100, new SeededRandom(7), a, Span<double>.Empty, ws, shotWs);
        interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, estimator, 100, new SeededRandom(7), b, Span<double>.Empty, ws, shotWs);
        interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, estimator, 100, new SeededRandom(8), c, Span<double>.Empty, ws, shotWs);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void EvaluateWithShots_IsNearTheExactValue()
    {
        var (interp, obs, w) = Problem();
        var ws = interp.CreateWorkspace();
        double exact = interp.Evaluate(w, obs, ws);
        var estimator = new ShotEstimator(obs, 2);
        var shotWs = estimator.CreateWorkspace();
        var rng = new SeededRandom(11);
        var values = Enumerable.Range(0, 100)
            .Select(_ => interp.EvaluateWithShots(w, ReadOnlySpan<double>.Empty, estimator, 400, rng, ws, shotWs).Value).ToList();
        ShotStatistics.AssertWithinFourSigma(exact, values, "<O>");
    }

    [Fact]
    public void BadInput_Throws()
    {
        var (interp, obs, w) = Problem();
        var ws = interp.CreateWorkspace();
        var estimator = new ShotEstimator(obs, 2);
        var shotWs = estimator.CreateWorkspace();
        var g = new double[4];
        var rng = new SeededRandom(1);
        Assert.Equal("standardErrors", Assert.Throws<ArgumentException>(() =>
            interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, estimator, 100, rng, g, new double[3], ws, shotWs)).ParamName);
        Assert.Equal("shotsPerEvaluation", Assert.Throws<ArgumentOutOfRangeException>(() =>
            interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, estimator, 1, rng, g, Span<double>.Empty, ws, shotWs)).ParamName);
        var wide = new ShotEstimator(obs, 3);
        Assert.Equal("estimator", Assert.Throws<ArgumentException>(() =>
            interp.ParameterShiftGradientWithShots(w, ReadOnlySpan<double>.Empty, wide, 100, rng, g, Span<double>.Empty, ws, wide.CreateWorkspace())).ParamName);
        Assert.Equal("weights", Assert.Throws<ArgumentException>(() =>
            interp.EvaluateWithShots(new double[3], ReadOnlySpan<double>.Empty, estimator, 100, rng, ws, shotWs)).ParamName);
        Assert.Throws<ArgumentNullException>(() =>
            interp.EvaluateWithShots(w, ReadOnlySpan<double>.Empty, estimator, 100, null!, ws, shotWs));
    }
}
