using System;

namespace NegLR.Tests.Training;

/// <summary>Bad input names the parameter and the fix.</summary>
public class TrainerValidationTests
{
    [Fact]
    public void OptimizerOfTheWrongSize()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adam(3)));
        Assert.Equal("optimizer", e.ParamName);
        Assert.Contains("12 weights", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CircuitWithInputs_NeedsData()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Adam(8)));
        Assert.Equal("objective", e.ParamName);
        Assert.Contains("TrainingObjective.Classification", e.Message, StringComparison.Ordinal);

        var narrow = TrainingObjective.Classification(new[] { 0.1, 0.2 }, 1, new[] { 1.0, -1.0 });
        e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingProblems.ClassifierCircuit(), TrainingProblems.Readout, new Adam(8), null, narrow));
        Assert.Contains("reads 2 inputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShotsAndGradientMethod_MustFit()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adam(12),
            new TrainerOptions { Shots = 100, Gradient = GradientMethod.Adjoint }));
        Assert.Contains("ParameterShift or Spsa", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Spsa(12),
            new TrainerOptions { Gradient = GradientMethod.Adjoint }));
        Assert.Contains("SPSA", e.Message, StringComparison.Ordinal);

        // TFIM on 3 sites has 2 measurement groups (ZZ and X), so 1 shot is too few.
        e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adam(12),
            new TrainerOptions { Shots = 1 }));
        Assert.Contains("measurement group", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservableBeyondTheRegister()
    {
        var e = Assert.Throws<ArgumentException>(() => new Trainer(TrainingProblems.TfimCircuit(), PauliSum.Z(5), new Adam(12)));
        Assert.Equal("observable", e.ParamName);
    }

    [Fact]
    public void Parameters_MustMatchAndBeFinite()
    {
        var trainer = new Trainer(TrainingProblems.TfimCircuit(), TrainingProblems.Tfim, new Adam(12));
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => trainer.Run(new double[11])).ParamName);
        var w = new double[12];
        w[4] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => trainer.Run(w));
        Assert.Contains("parameters[4]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AreCheckedWhenSet()
    {
        Assert.Equal("MaxSteps", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { MaxSteps = 0 }).ParamName);
        Assert.Equal("MaxCircuitEvaluations", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { MaxCircuitEvaluations = 0 }).ParamName);
        Assert.Equal("MaxShots", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { MaxShots = -5 }).ParamName);
        Assert.Equal("Shots", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { Shots = 0 }).ParamName);
        Assert.Equal("Gradient", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { Gradient = (GradientMethod)42 }).ParamName);
        Assert.Equal("FiniteDifferenceStep", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { FiniteDifferenceStep = 0 }).ParamName);
        Assert.Equal("SpsaPerturbation", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { SpsaPerturbation = -1 }).ParamName);
        Assert.Equal("TargetLoss", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { TargetLoss = double.NaN }).ParamName);
        Assert.Equal("Patience", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { Patience = 0 }).ParamName);
        Assert.Equal("MinDelta", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { MinDelta = -1 }).ParamName);
        Assert.Equal("GradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { GradientTolerance = -1 }).ParamName);
        Assert.Equal("CheckpointPath", Assert.Throws<ArgumentException>(() => new TrainerOptions { CheckpointPath = " " }).ParamName);
        Assert.Equal("CheckpointInterval", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { CheckpointInterval = 0 }).ParamName);
        Assert.Equal("AdjointEvaluationCost", Assert.Throws<ArgumentOutOfRangeException>(() => new TrainerOptions { AdjointEvaluationCost = 0 }).ParamName);
    }

    [Fact]
    public void ClassificationData_IsChecked()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainingObjective.Classification(new[] { 0.1, 0.2 }, 1, new[] { 1.0, 0.0 }));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("Label 1 is 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("ZeroOne", e.Message, StringComparison.Ordinal);

        e = Assert.Throws<ArgumentException>(() => TrainingObjective.Classification(new[] { 0.1, 0.2, 0.3 }, 2, new[] { 1.0, -1.0 }));
        Assert.Equal("features", e.ParamName);
        Assert.Throws<ArgumentException>(() => TrainingObjective.Classification(new[] { 0.1, double.NaN }, 1, new[] { 1.0, -1.0 }));
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() =>
            TrainingObjective.Classification(new[] { 0.1 }, 1, new[] { 1.0 }, batchSize: -1)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() =>
            TrainingObjective.Classification(ReadOnlySpan<double>.Empty, 1, ReadOnlySpan<double>.Empty)).ParamName);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() =>
            TrainingObjective.Classification(new[] { new[] { 1.0, 2.0 }, new[] { 1.0 } }, new[] { 1.0, -1.0 })).ParamName);
    }
}
