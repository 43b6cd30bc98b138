using System;

namespace NegLR.Tests.Optimizers;

/// <summary>
/// What NLR does on two synthetic landscapes: a plateau it should leave and a convex bowl it must not spoil.
/// </summary>
public class NlrLandscapeTests
{
    // The plateau: f(x) = εx² for x ≤ R (flat around the start: |f'| ≤ 0.04, and f ≥ 0), a cliff at R, and a basin
    // f = εR² − A + A(x − C)² beyond it with minimum εR² − A = −0.96. Descent only ever slides towards x = 0; an ascent
    // step multiplies the distance from 0 by (1 + 2εη⁻), so repeated ascents on the plateau carry x over the cliff, where the
    // next descent falls into the basin. The rim is a kink, so ascent cannot settle on it.
    private const double Eps = 0.01, Rim = 2, Centre = 3, Depth = 1;

    private static double Plateau(double x, out double gradient)
    {
        if (x <= Rim)
        {
            gradient = 2 * Eps * x;
            return Eps * x * x;
        }

        gradient = 2 * Depth * (x - Centre);
        return (Eps * Rim * Rim) - Depth + (Depth * (x - Centre) * (x - Centre));
    }

    private static double Run(IOptimizer optimizer, double x0, int steps, out double best)
    {
        var x = new[] { x0 };
        var g = new double[1];
        var trial = new TestLandscapes.Evaluator(p => Plateau(p[0], out _));
        best = double.PositiveInfinity;
        for (int t = 0; t < steps; t++)
        {
            double f = Plateau(x[0], out g[0]);
            best = Math.Min(best, f);
            optimizer.Step(x, g, f, trial);
        }

        return Plateau(x[0], out _);
    }

    private static NegativeLearningRate PlateauNlr(double negativeRate) => new(
        new GradientDescent(1, 0.1),
        new PlateauPolicy(threshold: 0.05, window: 5, decay: 0.9),
        new NlrOptions { NegativeRate = negativeRate, PhaseLength = 1 });

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.35)]
    [InlineData(0.5)]
    [InlineData(0.75)]
    [InlineData(1.0)]
    public void OnAPlateau_GradientDescentStaysPut_WhileNlrLeavesItForTheBasin(double x0)
    {
        double gd = Run(new GradientDescent(1, 0.1), x0, 300, out _);
        Assert.InRange(gd, 0, Eps * x0 * x0); // still on the plateau, slightly lower

        double nlr = Run(PlateauNlr(5.0), x0, 300, out double best);
        Assert.True(nlr < -0.5, $"NLR should end in the basin (f < −0.5) from x0 = {x0}, but ended at f = {nlr}.");
        Assert.True(best < -0.9, $"NLR's best loss should be near the basin minimum −0.96, but was {best}.");
    }

    [Theory]
    [InlineData(3.0)]
    [InlineData(5.0)]
    [InlineData(8.0)]
    [InlineData(15.0)]
    public void PlateauEscape_HoldsOverAWideRangeOfAscentRates(double negativeRate)
    {
        // η⁻/η⁺ from 30 to 150: the escape is not a knife-edge of one setting.
        Assert.True(Run(PlateauNlr(negativeRate), 0.5, 300, out _) < -0.5);
    }

    [Fact]
    public void OnAPlateau_TheDefaultLookahead_DoesNotHelp_BecauseDescentNeverWorsensTheLoss()
    {
        // Honest limit: Lookahead ascends only when the trial step overshoots. On a smooth plateau with a small step it
        // never does, so NLR(SGD) with the default policy is exactly SGD (and pays one extra evaluation per step).
        var nlr = new NegativeLearningRate(new GradientDescent(1, 0.1));
        double a = Run(new GradientDescent(1, 0.1), 0.5, 200, out _);
        double b = Run(nlr, 0.5, 200, out _);
        Assert.Equal(a, b);
        Assert.Equal(NlrPhase.Positive, nlr.LastPhase);
    }

    // The bowl: f(x) = ½ Σ λ_i x_i² with condition number 100.
    private static readonly double[] Curvatures = { 0.1, 1, 3, 10 };

    private static double Bowl(ReadOnlySpan<double> x, Span<double> g)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            f += 0.5 * Curvatures[i] * x[i] * x[i];
            if (!g.IsEmpty)
            {
                g[i] = Curvatures[i] * x[i];
            }
        }

        return f;
    }

    private static double RunBowl(IOptimizer optimizer, int steps)
    {
        var x = new[] { 1.0, -1.0, 0.5, 0.2 };
        var g = new double[4];
        var trial = new TestLandscapes.Evaluator(p => Bowl(p, Span<double>.Empty));
        for (int t = 0; t < steps; t++)
        {
            double f = Bowl(x, g);
            optimizer.Step(x, g, f, trial);
        }

        return Bowl(x, Span<double>.Empty);
    }

    [Fact]
    public void OnAConvexBowl_DefaultNlr_StillConverges_WithinTheStatedMargin()
    {
        // Stated margin (docs/optimizers.md): from f = 0.76, after 300 steps NLR's loss is below 1e-5 and at most 1e-6 above
        // its base's. (Measured: SGD (5.8e-6, slow along λ = 0.1) and RMSProp identical — Lookahead never fires; Momentum
        // 2.8e-7 vs 1.1e-8; Adam 2.9e-7
        // vs 8e-15: the ascents cost precision far below any physical accuracy, not convergence.)
        foreach (var (name, make) in new (string, Func<IGradientOptimizer>)[]
        {
            ("SGD", () => new GradientDescent(4, 0.15)),
            ("Momentum", () => new Momentum(4, 0.02)),
            ("Adam", () => new Adam(4, 0.05)),
            ("RMSProp", () => new RmsProp(4, 0.01)),
        })
        {
            double plain = RunBowl(make(), 300);
            double nlr = RunBowl(new NegativeLearningRate(make()), 300);
            Assert.True(nlr < 1e-5, $"NLR({name}) ended at {nlr} on the bowl.");
            Assert.True(nlr <= plain + 1e-6, $"NLR({name}) ended at {nlr}, its base at {plain}.");
        }
    }

    [Fact]
    public void OnAConvexBowl_ThePlateauEscapeSetting_StaysBounded_ButCostsPrecision()
    {
        // The aggressive setting that leaves the plateau keeps ascending whenever the gradient is small, so on a bowl it
        // hovers near the minimum instead of converging: bounded, but 1e-3-ish instead of 1e-6. That trade-off is why it
        // is not the default.
        var plain = RunBowl(new GradientDescent(4, 0.15), 300);
        var nlr = new NegativeLearningRate(new GradientDescent(4, 0.15), new PlateauPolicy(0.05, 5, 0.9),
            new NlrOptions { NegativeRate = 0.75, PhaseLength = 1 });
        double final = RunBowl(nlr, 300);
        Assert.InRange(final, 0, 0.05);
        Assert.True(final > 100 * plain, $"Expected the documented precision cost; got {final} vs SGD's {plain}.");
    }
}
