using System;
using System.Collections.Generic;
using System.Threading;

namespace NegLR.Tests.Training;

/// <summary>The per-step callback carries the right values, and the history holds the same records.</summary>
public class CallbackTests
{
    [Fact]
    public void EveryField_IsRight()
    {
        var circuit = TrainingProblems.TfimCircuit();
        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        var start = TrainingProblems.Start(12, 6);

        // Reference: the same run by hand with the same optimizer kind.
        var byHand = (double[])start.Clone();
        var g = new double[12];
        var knobs = new NlrOptions { NegativeRatio = 0.5 };
        var reference = new NegativeLearningRate(new Adam(12, new ExponentialSchedule(0.1, 0.97)), new PeriodicPolicy(4, 1), knobs);
        var expectedLoss = new List<double>();
        var expectedNorm = new List<double>();
        var expectedRate = new List<double>();
        var expectedPhase = new List<NlrPhase>();
        for (int t = 0; t < 20; t++)
        {
            double f = interpreter.EvaluateWithGradient(byHand, TrainingProblems.Tfim, g, ws);
            expectedLoss.Add(f);
            double norm = 0;
            foreach (double v in g)
            {
                norm += v * v;
            }

            expectedNorm.Add(Math.Sqrt(norm));
            var step = reference.Step(byHand, g, f, null);
            expectedRate.Add(step.LearningRate);
            expectedPhase.Add(step.Phase);
        }

        var seen = new List<TrainingStep>();
        var options = new TrainerOptions { MaxSteps = 20, OnStep = (TrainingStep s) => seen.Add(s) };
        var w = (double[])start.Clone();
        var result = new Trainer(circuit, TrainingProblems.Tfim,
            new NegativeLearningRate(new Adam(12, new ExponentialSchedule(0.1, 0.97)), new PeriodicPolicy(4, 1), knobs), options).Run(w);

        Assert.Equal(20, seen.Count);
        var previous = TimeSpan.Zero;
        for (int t = 0; t < 20; t++)
        {
            var s = seen[t];
            Assert.Equal(t, s.Iteration);
            Assert.Equal(expectedLoss[t], s.Loss);
            Assert.Equal(expectedNorm[t], s.GradientNorm);
            Assert.Equal(expectedRate[t], s.LearningRate);
            Assert.Equal(expectedPhase[t], s.Phase);
            Assert.Equal(t % 5 == 4 ? NlrPhase.Negative : NlrPhase.Positive, s.Phase);
            Assert.Equal(s.Phase == NlrPhase.Negative ? -0.5 * 0.1 * Math.Pow(0.97, t) : 0.1 * Math.Pow(0.97, t), s.LearningRate, 15);
            Assert.False(s.HasTrialLoss);
            Assert.Equal(2L * (t + 1), s.CircuitEvaluations);
            Assert.Equal(0, s.Shots);
            Assert.True(s.Elapsed >= previous);
            previous = s.Elapsed;
            Assert.Equal(s, result.History[t]);
        }

        Assert.False(result.RestoredBest);
        Assert.Equal(byHand, w);
    }

    [Fact]
    public void LookaheadTrials_AndShots_AppearInTheRecords()
    {
        var seen = new List<TrainingStep>();
        var options = new TrainerOptions { MaxSteps = 12, Shots = 50, Seed = 4, OnStep = (TrainingStep s) => seen.Add(s) };
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim,
            new NegativeLearningRate(new Adam(12, 0.1), new LookaheadPolicy(), new NlrOptions { Cooldown = 0, MaxAscentSteps = int.MaxValue }), options);
        trainer.Run(TrainingProblems.Start(12, 2));
        long perStep = trainer.EvaluationsPerStep;
        for (int t = 0; t < seen.Count; t++)
        {
            Assert.True(seen[t].HasTrialLoss); // no cooldown or phase: every step tries
            Assert.Equal((t + 1) * perStep, seen[t].CircuitEvaluations);
            Assert.Equal((t + 1) * perStep * 50, seen[t].Shots);
            Assert.Equal(seen[t].TrialLoss > seen[t].Loss ? NlrPhase.Negative : NlrPhase.Positive, seen[t].Phase);
        }
    }

    [Fact]
    public void EarlyStopping_TargetLoss()
    {
        double target = TrainingProblems.H2Exact + 0.01;
        var result = new Trainer(TrainingProblems.H2Circuit(), TrainingProblems.H2, new Adam(1, 0.05),
            new TrainerOptions { MaxSteps = 200, TargetLoss = target }).Run(new double[1]);
        Assert.Equal(StopReason.TargetLoss, result.StopReason);
        Assert.True(result.History[^1].Loss <= target);
        Assert.True(result.History[^2].Loss > target);
    }

    [Fact]
    public void EarlyStopping_Patience_UsesMinDelta()
    {
        // SGD with a tiny rate improves by less than MinDelta per step, so after Patience steps the run stops.
        var result = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new GradientDescent(12, 1e-4),
            new TrainerOptions { MaxSteps = 100, Patience = 4, MinDelta = 1e-2 }).Run(TrainingProblems.Start(12, 3));
        Assert.Equal(StopReason.NoImprovement, result.StopReason);
        Assert.Equal(5, result.Steps); // step 0 sets the reference; steps 1–4 do not beat it by 1e-2
    }

    [Fact]
    public void EarlyStopping_GradientTolerance()
    {
        var result = new Trainer(TrainingProblems.H2Circuit(), TrainingProblems.H2, new Adam(1, 0.05),
            new TrainerOptions { MaxSteps = 500, GradientTolerance = 1e-3 }).Run(new double[1]);
        Assert.Equal(StopReason.GradientTolerance, result.StopReason);
        Assert.True(result.History[^1].GradientNorm <= 1e-3);
    }

    [Fact]
    public void Cancellation_StopsAfterTheCurrentStep()
    {
        using var cts = new CancellationTokenSource();
        var options = new TrainerOptions
        {
            MaxSteps = 50,
            OnStep = (TrainingStep s) =>
            {
                if (s.Iteration == 6)
                {
                    cts.Cancel();
                }
            },
        };
        var result = new Trainer(TrainingProblems.H2Circuit(), TrainingProblems.H2, new Adam(1), options).Run(new double[1], cts.Token);
        Assert.Equal(StopReason.Cancelled, result.StopReason);
        Assert.Equal(7, result.Steps);
    }
}
