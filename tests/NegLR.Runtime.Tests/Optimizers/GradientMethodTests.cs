using System;

namespace NegLR.Tests.Optimizers;

/// <summary>The first steps of every gradient method against values worked out by hand from the published update rules.</summary>
public class GradientMethodTests
{
    [Fact]
    public void Sgd_StepsAgainstTheGradient()
    {
        var sgd = new GradientDescent(2, 0.1);
        var theta = new[] { 1.0, -2.0 };
        sgd.Step(theta, new[] { 0.5, -1.0 });
        Assert.Equal(new[] { 0.95, -1.9 }, theta);
        Assert.Equal("SGD", sgd.Name);
        Assert.Equal(1, sgd.StepCount);
    }

    [Fact]
    public void Momentum_AccumulatesTheBuffer()
    {
        // b1 = g1 = 1 → θ1 = −0.1; b2 = 0.9·1 + 2 = 2.9 → θ2 = −0.1 − 0.29 = −0.39.
        var opt = new Momentum(1, 0.1, momentum: 0.9);
        var theta = new[] { 0.0 };
        opt.Step(theta, new[] { 1.0 });
        Assert.Equal(-0.1, theta[0], 15);
        opt.Step(theta, new[] { 2.0 });
        Assert.Equal(-0.39, theta[0], 15);
        Assert.Equal(2.9, opt.Buffer[0], 15);
    }

    [Fact]
    public void Nesterov_FirstSteps_ByHand()
    {
        // b1 = 1, d1 = 1 + 0.9·1 = 1.9 → θ1 = −0.19; b2 = 0.9 + 2 = 2.9, d2 = 2 + 0.9·2.9 = 4.61 → θ2 = −0.651.
        var opt = new Nesterov(1, 0.1, momentum: 0.9);
        var theta = new[] { 0.0 };
        opt.Step(theta, new[] { 1.0 });
        Assert.Equal(-0.19, theta[0], 15);
        opt.Step(theta, new[] { 2.0 });
        Assert.Equal(-0.651, theta[0], 14);
    }

    [Fact]
    public void Nesterov_IteratesAreSutskeversLookAheadPoints()
    {
        // Sutskever et al. (2013): v ← μv − η∇f(θ + μv), θ ← θ + v, i.e. the gradient is taken at the look-ahead point
        // θ + μv (PennyLane's NesterovMomentumOptimizer). Our parameters must be exactly those look-ahead points.
        const double eta = 0.05, mu = 0.9, a = 3.0;
        static double Grad(double x) => a * (x - 1.5) * (1 + (0.1 * x * x)); // some non-quadratic 1-D gradient

        double theta = -2, v = 0;
        var opt = new Nesterov(1, eta, mu);
        var phi = new[] { theta + (mu * v) };
        for (int t = 0; t < 25; t++)
        {
            double g = Grad(theta + (mu * v));
            v = (mu * v) - (eta * g);
            theta += v;
            opt.Step(phi, new[] { Grad(phi[0]) });
            Assert.Equal(theta + (mu * v), phi[0], 12);
        }
    }

    [Fact]
    public void Adagrad_FirstSteps_ByHand()
    {
        // G = 4, d = 2/(2 + 1e-10) → θ1 = −0.099999999995; G = 5, d = 1/(√5 + 1e-10) → θ2 = θ1 − 0.0447213595…
        var opt = new Adagrad(1, 0.1);
        var theta = new[] { 0.0 };
        opt.Step(theta, new[] { 2.0 });
        Assert.Equal(-0.099999999995, theta[0], 15);
        opt.Step(theta, new[] { 1.0 });
        Assert.Equal(-0.1447213595429958, theta[0], 1e-15);
        Assert.Equal(5.0, opt.Accumulator[0]);
    }

    [Fact]
    public void RmsProp_FirstSteps_ByHand()
    {
        // v = 0.01·4 = 0.04, d = 2/(0.2 + 1e-8); v = 0.99·0.04 + 0.01 = 0.0496, d = 1/(√0.0496 + 1e-8).
        var opt = new RmsProp(1);
        var theta = new[] { 0.0 };
        opt.Step(theta, new[] { 2.0 });
        Assert.Equal(-0.09999999500000024, theta[0], 15);
        opt.Step(theta, new[] { 1.0 });
        Assert.Equal(-0.14490131849056503, theta[0], 1e-15);
        Assert.Equal(0.0496, opt.MeanSquare[0], 15);
    }

    [Fact]
    public void Adam_BiasCorrection_FirstTwoSteps_ByHand()
    {
        // Step 1 (g = 0.5): m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25, d = 0.5/(0.5 + 1e-8) → θ1 = −0.099999998.
        // Step 2 (g = −1): m = −0.055, v = 0.00124975, m̂ = m/0.19, √v̂ = √v/√0.001999, θ2 = θ1 − 0.1·m̂/(√v̂ + ε).
        var adam = new Adam(1, 0.1);
        var theta = new[] { 0.0 };
        adam.Step(theta, new[] { 0.5 });
        Assert.Equal(-0.0999999980000001, theta[0], 15);
        adam.Step(theta, new[] { -1.0 });
        Assert.Equal(-0.0633896457594347, theta[0], 1e-15);
        Assert.Equal(-0.055, adam.FirstMoment[0], 15);
        Assert.Equal(0.00124975, adam.SecondMoment[0], 15);
    }

    [Fact]
    public void AmsGrad_UsesTheRunningMaximumOfV()
    {
        // g = 1 then 0.01: v falls from 0.001 to 0.0009991, so AMSGrad divides by √0.001 and takes a smaller step than Adam.
        var ams = new Adam(1, 0.1, amsGrad: true);
        var adam = new Adam(1, 0.1);
        var t1 = new[] { 0.0 };
        var t2 = new[] { 0.0 };
        foreach (double g in new[] { 1.0, 0.01 })
        {
            ams.Step(t1, new[] { g });
            adam.Step(t2, new[] { g });
        }

        Assert.Equal(-0.16771644898717966, t1[0], 1e-15);
        Assert.Equal(-0.16774694197355305, t2[0], 1e-15);
        Assert.Equal(0.001, ams.MaxSecondMoment[0], 15);
        Assert.Equal("AMSGrad", ams.Name);
    }

    [Fact]
    public void ComputeDirection_WithoutAdvance_IsPure_AndMatchesTheAdvancingCall()
    {
        var g = new[] { 0.3, -1.2, 0.05 };
        foreach (var opt in AllMethods(3))
        {
            opt.ComputeDirection(new[] { 0.1, 0.2, -0.3 }, new double[3]); // some history
            var peek = new double[3];
            var peekAgain = new double[3];
            var real = new double[3];
            opt.ComputeDirection(g, peek, advance: false);
            opt.ComputeDirection(g, peekAgain, advance: false);
            Assert.Equal(1, opt.StepCount);
            opt.ComputeDirection(g, real);
            Assert.Equal(2, opt.StepCount);
            Assert.Equal(peek, peekAgain);
            Assert.Equal(real, peek);
        }
    }

    [Fact]
    public void Schedule_DrivesTheStepSize()
    {
        var sgd = new GradientDescent(1, new StepSchedule(1.0, stepSize: 2, gamma: 0.5));
        var theta = new[] { 0.0 };
        var steps = new double[5];
        for (int t = 0; t < 5; t++)
        {
            double before = theta[0];
            sgd.Step(theta, new[] { 1.0 });
            steps[t] = before - theta[0];
        }

        Assert.Equal(new[] { 1.0, 1.0, 0.5, 0.5, 0.25 }, steps);
    }

    [Fact]
    public void IOptimizerStep_ReportsAPositiveStepWithTheRate()
    {
        IOptimizer adam = new Adam(1, 0.05);
        var step = adam.Step(new[] { 0.0 }, new[] { 1.0 }, loss: 3, trial: null);
        Assert.Equal(NlrPhase.Positive, step.Phase);
        Assert.Equal(0.05, step.LearningRate);
        Assert.False(step.HasTrial);
        Assert.Equal(0, adam.MaxTrialEvaluationsPerStep);
    }

    [Fact]
    public void Reset_ForgetsEverything()
    {
        foreach (var opt in AllMethods(2))
        {
            var fresh = new double[] { 0.5, -0.5 };
            var a = (double[])fresh.Clone();
            opt.Step(a, new[] { 0.7, 0.1 });
            opt.Reset();
            Assert.Equal(0, opt.StepCount);
            var b = (double[])fresh.Clone();
            opt.Step(b, new[] { 0.7, 0.1 });
            Assert.Equal(a, b);
        }
    }

    [Fact]
    public void BadInput_NamesTheParameterAndTheFix()
    {
        Assert.Equal("parameterCount", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(-1)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(1, 0.0)).ParamName);
        Assert.Equal("rate", Assert.Throws<ArgumentOutOfRangeException>(() => new GradientDescent(1, double.NaN)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(1, beta1: 1.0)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(1, beta2: -0.1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(1, epsilon: 0)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Momentum(1, momentum: 1.5)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Nesterov(1, momentum: -1)).ParamName);
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(1, alpha: 1)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new Adagrad(1, epsilon: -1)).ParamName);

        var adam = new Adam(2);
        var e = Assert.Throws<ArgumentException>(() => adam.Step(new double[3], new double[2]));
        Assert.Equal("parameters", e.ParamName);
        Assert.Contains("made for 2 parameters", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ArgumentException>(() => adam.Step(new double[2], new[] { 1.0, double.NaN }));
        Assert.Equal("gradient", e.ParamName);
        Assert.Contains("gradient[1]", e.Message, StringComparison.Ordinal);
    }

    internal static GradientOptimizer[] AllMethods(int n) => new GradientOptimizer[]
    {
        new GradientDescent(n, 0.1), new Momentum(n, 0.1), new Nesterov(n, 0.1), new Adagrad(n, 0.1),
        new RmsProp(n, 0.1), new Adam(n, 0.1), new Adam(n, 0.1, amsGrad: true), new Spsa(n, seed: 3),
    };
}
