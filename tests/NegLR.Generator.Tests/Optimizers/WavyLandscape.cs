using System;
using System.Collections.Generic;

namespace NegLR.Generator.Tests.Optimizers;

/// <summary>
/// An analytic, non-convex objective L(θ) = Σ a_i θ_i²/2 + b·sin(cθ_i + i), rough enough that descent steps
/// sometimes overshoot (so Lookahead and Reactive fire) and small-gradient stretches occur (so Plateau fires). Also the
/// trial evaluator: it records every trial point it is asked about, without allocating once warmed up.
/// </summary>
internal sealed class WavyLandscape : ITrialEvaluator
{
    public const int Parameters = 3;
    private static readonly double[] Curvature = { 1.0, 0.5, 2.0 };
    private const double Amplitude = 0.8;
    private const double Frequency = 3.0;
    private readonly List<double>? _trialLog;

    public WavyLandscape(bool recordTrials)
    {
        _trialLog = recordTrials ? new List<double>(4096) : null;
    }

    public static double[] Start => new[] { 0.7, -1.1, 0.3 };

    /// <summary>Every coordinate of every trial point asked for, in order.</summary>
    public IReadOnlyList<double> TrialLog => _trialLog ?? (IReadOnlyList<double>)Array.Empty<double>();

    public static double Loss(ReadOnlySpan<double> theta)
    {
        double sum = 0;
        for (int i = 0; i < theta.Length; i++)
        {
            sum += (Curvature[i] * theta[i] * theta[i] / 2) + (Amplitude * Math.Sin((Frequency * theta[i]) + i));
        }

        return sum;
    }

    public static void Gradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        for (int i = 0; i < theta.Length; i++)
        {
            gradient[i] = (Curvature[i] * theta[i]) + (Amplitude * Frequency * Math.Cos((Frequency * theta[i]) + i));
        }
    }

    public double EvaluateTrial(ReadOnlySpan<double> parameters)
    {
        if (_trialLog is not null)
        {
            foreach (double p in parameters)
            {
                _trialLog.Add(p);
            }
        }

        return Loss(parameters);
    }
}
