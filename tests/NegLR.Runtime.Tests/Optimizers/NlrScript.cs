using System;
using System.Collections.Generic;
using System.Text;

namespace NegLR.Tests.Optimizers;

/// <summary>Drives an NLR optimizer with scripted losses, gradients and trial losses and records what it did.</summary>
internal sealed class NlrScript : ITrialEvaluator
{
    private readonly Queue<double> _trials;

    public NlrScript(params double[] trialLosses) => _trials = new Queue<double>(trialLosses);

    /// <summary>Parameters each trial was evaluated at.</summary>
    public List<double[]> TrialPoints { get; } = new();

    public double EvaluateTrial(ReadOnlySpan<double> parameters)
    {
        TrialPoints.Add(parameters.ToArray());
        return _trials.Count > 0 ? _trials.Dequeue() : throw new InvalidOperationException("The script ran out of trial losses.");
    }

    /// <summary>Runs one step per loss (gradient of norm <paramref name="gradientNorms"/>[t], or 1) and returns "+"/"-" per step.</summary>
    public static string Phases(NegativeLearningRate nlr, double[] losses, double[]? gradientNorms = null, NlrScript? trials = null,
        double[]? parameters = null)
    {
        var text = new StringBuilder();
        parameters ??= new double[nlr.ParameterCount];
        for (int t = 0; t < losses.Length; t++)
        {
            var g = new double[nlr.ParameterCount];
            g[0] = gradientNorms?[t] ?? 1.0;
            var step = nlr.Step(parameters, g, losses[t], trials);
            text.Append(step.Phase == NlrPhase.Negative ? '-' : '+');
        }

        return text.ToString();
    }

    public static double[] Repeat(double value, int count)
    {
        var a = new double[count];
        Array.Fill(a, value);
        return a;
    }
}
