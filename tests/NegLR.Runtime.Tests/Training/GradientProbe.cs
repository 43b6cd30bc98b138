using System;
using System.Collections.Generic;

namespace NegLR.Tests.Training;

/// <summary>An optimizer that records the losses and gradients the trainer hands it and does not move (or moves by SGD).</summary>
internal sealed class GradientProbe : IOptimizer
{
    private readonly double _rate;

    public GradientProbe(int parameterCount, double rate = 0)
    {
        ParameterCount = parameterCount;
        _rate = rate;
    }

    public List<double[]> Gradients { get; } = new();

    public List<double> Losses { get; } = new();

    public List<double> LossErrors { get; } = new();

    public string Name => "probe";

    public int ParameterCount { get; }

    public long StepCount { get; private set; }

    public int MaxTrialEvaluationsPerStep => 0;

    public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ITrialEvaluator? trial)
    {
        Gradients.Add(gradient.ToArray());
        Losses.Add(loss);
        LossErrors.Add((trial as ILossStandardErrors)?.LossStandardError ?? double.NaN);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] -= _rate * gradient[i];
        }

        StepCount++;
        return new OptimizerStep(NlrPhase.Positive, _rate, double.NaN);
    }

    public void Reset()
    {
        StepCount = 0;
        Gradients.Clear();
        Losses.Clear();
        LossErrors.Clear();
    }

    public void SaveState(CheckpointWriter writer) => writer.WriteSection("probe", 1);

    public void RestoreState(CheckpointReader reader) => reader.ReadSection("probe", 1);
}
