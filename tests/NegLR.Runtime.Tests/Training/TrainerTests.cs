using System;
using System.Linq;

namespace NegLR.Tests.Training;

/// <summary>The trainer on real circuits: VQE, a classifier, and agreement with hand-written loops.</summary>
public class TrainerTests
{
    private const double ChemicalAccuracy = 1.6e-3;

    [Fact]
    public void H2Vqe_WithAdam_ReachesChemicalAccuracy()
    {
        var w = new double[1];
        var result = new Trainer(TrainingProblems.H2Circuit(), TrainingProblems.H2, new Adam(1, 0.05), new TrainerOptions { MaxSteps = 60 }).Run(w);
        Assert.Equal(StopReason.MaxSteps, result.StopReason);
        Assert.InRange(result.FinalLoss - TrainingProblems.H2Exact, -1e-12, ChemicalAccuracy);
    }

    [Fact]
    public void H2Vqe_WithDefaultNlr_ReachesChemicalAccuracy_OnTheInterpreterAndTheAnsatzPath()
    {
        var a = new double[1];
        var b = new double[1];
        var viaCircuit = new Trainer(TrainingProblems.H2Circuit(), TrainingProblems.H2, new NegativeLearningRate(new Adam(1, 0.05)),
            new TrainerOptions { MaxSteps = 60 }).Run(a);
        var viaAnsatz = new Trainer<H2Ansatz>(new NegativeLearningRate(new Adam(1, 0.05)), new TrainerOptions { MaxSteps = 60 }).Run(b);

        Assert.InRange(viaCircuit.FinalLoss - TrainingProblems.H2Exact, -1e-12, ChemicalAccuracy);
        Assert.Equal(a, b); // the generic ansatz path and the interpreter path are the same computation
        Assert.Equal(viaCircuit.CircuitEvaluations, viaAnsatz.CircuitEvaluations);
        Assert.Contains(viaCircuit.History, s => s.Phase == NlrPhase.Negative);
    }

    [Fact]
    public void H2Vqe_WithShots_GetsClose()
    {
        // Shot-based parameter shift (1000 shots per evaluation): noisy, but the exact energy at the trained angle is close.
        var w = new double[1];
        var trainer = new Trainer(TrainingProblems.H2Circuit(), TrainingProblems.H2, new Adam(1, 0.05),
            new TrainerOptions { MaxSteps = 80, Shots = 1000, Seed = 11 });
        var result = trainer.Run(w);
        Assert.Equal(GradientMethod.ParameterShift, trainer.GradientMethod);
        Assert.InRange(result.FinalLoss - TrainingProblems.H2Exact, 0, 1e-2);
        Assert.Equal(result.CircuitEvaluations * 1000, result.Shots);
    }

    [Fact]
    public void Trainer_EqualsAHandWrittenLoop_BitForBit()
    {
        var circuit = TrainingProblems.TfimCircuit();
        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        var start = TrainingProblems.Start(interpreter.WeightCount, 3);

        var byHand = (double[])start.Clone();
        var g = new double[byHand.Length];
        var adam = new Adam(byHand.Length, 0.05);
        for (int t = 0; t < 40; t++)
        {
            interpreter.EvaluateWithGradient(byHand, TrainingProblems.Tfim, g, ws);
            adam.Step(byHand, g);
        }

        var trained = (double[])start.Clone();
        new Trainer(interpreter, TrainingProblems.Tfim, new Adam(trained.Length, 0.05), new TrainerOptions { MaxSteps = 40 }).Run(trained);
        Assert.Equal(byHand, trained);
    }

    [Fact]
    public void SpsaThroughTheTrainer_EqualsSpsaByHand()
    {
        var circuit = TrainingProblems.TfimCircuit();
        var interpreter = new CircuitInterpreter(circuit);
        var ws = interpreter.CreateWorkspace();
        var start = TrainingProblems.Start(interpreter.WeightCount, 5);

        var byHand = (double[])start.Clone();
        var spsa = new Spsa(byHand.Length, seed: 21);
        for (int t = 0; t < 30; t++)
        {
            spsa.Step(byHand, p => interpreter.Evaluate(p, TrainingProblems.Tfim, ws));
        }

        var trained = (double[])start.Clone();
        var trainer = new Trainer(circuit, TrainingProblems.Tfim, new Spsa(trained.Length, seed: 21), new TrainerOptions { MaxSteps = 30 });
        var result = trainer.Run(trained);
        Assert.Equal(GradientMethod.Spsa, trainer.GradientMethod);
        Assert.Equal(byHand, trained);
        Assert.Equal(60, result.CircuitEvaluations);
    }

    [Fact]
    public void DatasetGradient_MatchesFiniteDifferencesOfTheLoss()
    {
        // One SGD step with the adjoint chain rule and one with central differences of the batch loss agree.
        var (x, y) = TrainingProblems.Dataset(12, 4);
        foreach (var loss in new[] { ClassificationLoss.MeanSquaredError, ClassificationLoss.CrossEntropy })
        {
            var objective = TrainingObjective.Classification(x, 2, y, loss);
            var start = TrainingProblems.Start(8, 9);
            var a = (double[])start.Clone();
            var b = (double[])start.Clone();
            new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new GradientDescent(8, 1.0),
                new TrainerOptions { MaxSteps = 1 }, objective).Run(a);
            new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new GradientDescent(8, 1.0),
                new TrainerOptions { MaxSteps = 1, Gradient = GradientMethod.FiniteDifference }, objective).Run(b);
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(a[i], b[i], 1e-8);
            }
        }
    }

    [Theory]
    [InlineData(ClassificationLoss.MeanSquaredError, false)]
    [InlineData(ClassificationLoss.CrossEntropy, true)]
    [InlineData(ClassificationLoss.CrossEntropy, false)]
    public void TinyClassifier_LossDecreases(ClassificationLoss loss, bool zeroOne)
    {
        var (x, y) = TrainingProblems.Dataset(24, 7, zeroOne);
        var objective = TrainingObjective.Classification(x, 2, y, loss, zeroOne ? LabelEncoding.ZeroOne : LabelEncoding.PlusMinusOne, batchSize: 8);
        var trainer = new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new NegativeLearningRate(new Adam(8, 0.1)),
            new TrainerOptions { MaxSteps = 60, Seed = 2 }, objective);
        var w = TrainingProblems.Start(8, 1);
        double before = trainer.EvaluateLoss(w);
        var result = trainer.Run(w);
        Assert.True(result.FinalLoss < 0.7 * before, $"{loss}: {before} → {result.FinalLoss}");

        // Accuracy on the training set: the sign of ⟨Z0⟩ (or p > 1/2) matches the label for most rows.
        var interpreter = new CircuitInterpreter(TrainingProblems.ClassifierCircuit());
        var ws = interpreter.CreateWorkspace();
        int right = 0;
        for (int r = 0; r < y.Length; r++)
        {
            double f = interpreter.Evaluate(w, x.AsSpan(2 * r, 2), TrainingProblems.Readout, ws);
            right += (TrainingObjective.ProbabilityOfPositive(f) > 0.5) == (y[r] == 1) ? 1 : 0;
        }

        Assert.True(right >= 18, $"{loss}: {right}/24 right");
    }

    [Fact]
    public void MiniBatches_AreDeterministic_AndCostTheBatch()
    {
        var (x, y) = TrainingProblems.Dataset(10, 3);
        var objective = TrainingObjective.Classification(x, 2, y, batchSize: 4);
        Assert.Equal(4, objective.BatchSize);
        double[] Run()
        {
            var w = TrainingProblems.Start(8, 2);
            var trainer = new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Adam(8, 0.05),
                new TrainerOptions { MaxSteps = 9, Seed = 5 }, objective);
            var result = trainer.Run(w);
            Assert.Equal(9 * 4 * 2, result.CircuitEvaluations); // adjoint = 2 per row, 4 rows per step
            return w;
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Run_ResetsTheOptimizer_SoTwoRunsAgree()
    {
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new NegativeLearningRate(new Adam(12, 0.05)),
            new TrainerOptions { MaxSteps = 15 });
        var a = TrainingProblems.Start(12, 8);
        var b = TrainingProblems.Start(12, 8);
        var first = trainer.Run(a);
        var second = trainer.Run(b);
        Assert.Equal(a, b);
        Assert.Equal(first.History.Select(s => s.Loss), second.History.Select(s => s.Loss));
    }

    [Fact]
    public void KeepBest_ReturnsTheBestParameters_AndFinalLossIsTheirs()
    {
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim,
            new NegativeLearningRate(new Adam(12, 0.3), new PeriodicPolicy(3, 2), new NlrOptions { NegativeRatio = 3, KeepBest = true }),
            new TrainerOptions { MaxSteps = 25 });
        var w = TrainingProblems.Start(12, 8);
        var result = trainer.Run(w);
        Assert.True(result.RestoredBest);
        Assert.Equal(result.History.Min(s => s.Loss), result.BestStepLoss);
        Assert.Equal(result.BestStepLoss, result.FinalLoss, 1e-12);
        Assert.Equal(result.FinalLoss, trainer.EvaluateLoss(w));
    }
}
