using System;

namespace NegLR.Tests.Optimizers;

/// <summary>Small analytic losses with gradients, and a trial evaluator on them, for optimizer tests.</summary>
internal static class TestLandscapes
{
    /// <summary>A tilted, coupled non-convex function of any dimension.</summary>
    public static double Wavy(ReadOnlySpan<double> x, Span<double> g)
    {
        double f = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double next = x[(i + 1) % x.Length];
            f += Math.Sin(x[i]) * Math.Cos(next) + (0.1 * x[i] * x[i]);
            if (!g.IsEmpty)
            {
                g[i] += (Math.Cos(x[i]) * Math.Cos(next)) + (0.2 * x[i]);
                g[(i + 1) % x.Length] -= Math.Sin(x[i]) * Math.Sin(next);
            }
        }

        return f;
    }

    public sealed class Evaluator : ITrialEvaluator
    {
        private readonly Func<double[], double> _loss;

        public Evaluator(Func<double[], double> loss) => _loss = loss;

        public int Calls { get; private set; }

        public double EvaluateTrial(ReadOnlySpan<double> parameters)
        {
            Calls++;
            return _loss(parameters.ToArray());
        }
    }

    /// <summary>Runs <paramref name="steps"/> steps of <paramref name="optimizer"/> on <see cref="Wavy"/> from <paramref name="theta"/>.</summary>
    public static void RunWavy(IOptimizer optimizer, double[] theta, int steps)
    {
        var g = new double[theta.Length];
        var trial = new Evaluator(p => Wavy(p, Span<double>.Empty));
        for (int t = 0; t < steps; t++)
        {
            Array.Clear(g);
            double f = Wavy(theta, g);
            optimizer.Step(theta, g, f, trial);
        }
    }
}
