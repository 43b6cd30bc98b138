using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics;

namespace NegLR.Experiments.Stats;

/// <summary>One run's time to the target: the cumulative shots (or evaluations) when it got there, or when it stopped.</summary>
/// <param name="Time">Shots (evaluations in exact mode) spent when the target was reached, or at the end of the run.</param>
/// <param name="Reached">True when the target was reached (an event); false when censored at the end of the budget.</param>
internal readonly record struct TimeToEvent(double Time, bool Reached);

/// <summary>A step of a Kaplan–Meier curve: S(t) after the events at <paramref name="Time"/>.</summary>
internal readonly record struct SurvivalPoint(double Time, double Survival, int AtRisk, int Events);

/// <summary>
/// Kaplan–Meier estimates of "not yet at the target" against shots spent, and the log-rank test of two such curves
/// (Mantel's form, one degree of freedom). Censoring: a run that ends without reaching the target counts as at risk
/// up to its last shot.
/// </summary>
internal static class Survival
{
    public static List<SurvivalPoint> KaplanMeier(IReadOnlyList<TimeToEvent> runs)
    {
        var curve = new List<SurvivalPoint>();
        double s = 1;
        foreach (var g in runs.Where(r => r.Reached).GroupBy(r => r.Time).OrderBy(g => g.Key))
        {
            int atRisk = runs.Count(r => r.Time >= g.Key);
            int events = g.Count();
            s *= 1 - ((double)events / atRisk);
            curve.Add(new SurvivalPoint(g.Key, s, atRisk, events));
        }

        return curve;
    }

    /// <summary>The smallest time at which S(t) ≤ 0.5, or null when fewer than half the runs reach the target.</summary>
    public static double? Median(IReadOnlyList<SurvivalPoint> curve) =>
        curve.FirstOrDefault(p => p.Survival <= 0.5) is { Time: var t } point && point != default ? t : null;

    /// <summary>Log-rank χ² (1 df) and its p-value for groups a and b; p = 1 when no run reaches the target.</summary>
    public static (double ChiSquare, double P) LogRank(IReadOnlyList<TimeToEvent> a, IReadOnlyList<TimeToEvent> b)
    {
        double observedMinusExpected = 0, variance = 0;
        foreach (double t in a.Concat(b).Where(r => r.Reached).Select(r => r.Time).Distinct().OrderBy(t => t))
        {
            int n1 = a.Count(r => r.Time >= t), n2 = b.Count(r => r.Time >= t);
            int d1 = a.Count(r => r.Reached && r.Time == t), d2 = b.Count(r => r.Reached && r.Time == t);
            int n = n1 + n2, d = d1 + d2;
            if (n < 2)
            {
                continue;
            }

            observedMinusExpected += d1 - ((double)d * n1 / n);
            variance += (double)n1 * n2 * d * (n - d) / ((double)n * n * (n - 1));
        }

        if (variance <= 0)
        {
            return (0, 1);
        }

        double chi = observedMinusExpected * observedMinusExpected / variance;
        return (chi, SpecialFunctions.Erfc(Math.Sqrt(chi / 2)));
    }
}
