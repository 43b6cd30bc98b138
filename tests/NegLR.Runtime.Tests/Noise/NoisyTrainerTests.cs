using System;
using System.Linq;

namespace NegLR.Tests.Noise;

/// <summary>Training against a noisy device model: exact, with shots through readout error, and by trajectories.</summary>
public class NoisyTrainerTests
{
    private static (Circuit Circuit, TrainingObjective Objective) Classifier()
    {
        // Two features, two classes split by the sign of x0 + x1; a 2-qubit circuit read out on Z0.
        var rng = new SeededRandom(71);
        var x = new double[40][];
        var y = new double[40];
        for (int i = 0; i < 40; i++)
        {
            x[i] = new[] { rng.NextDouble(-1, 1), rng.NextDouble(-1, 1) };
            y[i] = x[i][0] + x[i][1] > 0 ? 1 : -1;
        }

        var c = new Circuit(2).AngleEmbedding(2, Rotation.Y);
        for (int layer = 0; layer < 2; layer++)
        {
            c.RY(0, c.Weight()).RY(1, c.Weight()).CNOT(1, 0);
        }

        return (c, TrainingObjective.Classification(x, y, ClassificationLoss.MeanSquaredError));
    }

    private static readonly NoiseModel Device = new NoiseModel()
        .AfterEach(NoiseChannel.Depolarizing(0.02), NoiseModel.SingleQubitGates)
        .AfterEach(NoiseChannel.TwoQubitDepolarizing(0.05), GateKind.CNOT)
        .WithReadout(ReadoutError.Uniform(2, 0.03, 0.05));

    [Fact]
    public void ExactDensityMatrixTraining_LowersTheNoisyLoss_AndIsDeterministic()
    {
        var (c, objective) = Classifier();
        double[] Train(out TrainingResult result)
        {
            var trainer = new NoisyTrainer(c, Device, PauliSum.Z(0), new Adam(c.WeightCount, 0.1), new TrainerOptions { MaxSteps = 30 }, objective);
            var w = Enumerable.Repeat(0.1, c.WeightCount).ToArray();
            result = trainer.Run(w);
            return w;
        }

        var w1 = Train(out var r1);
        var w2 = Train(out var r2);
        Assert.Equal(w1, w2);
        Assert.True(r1.History[^1].Loss < r1.History[0].Loss * 0.8, $"loss {r1.History[0].Loss} → {r1.History[^1].Loss}");
        Assert.Equal(GradientMethod.Adjoint, new NoisyTrainer(c, Device, PauliSum.Z(0), new Adam(c.WeightCount), objective: objective).GradientMethod);
    }

    [Fact]
    public void ShotTraining_DensityMatrixAndTrajectories_BothLowerTheLoss()
    {
        var (c, objective) = Classifier();
        var options = new TrainerOptions { MaxSteps = 12, Shots = 200, Seed = 5 };
        var dm = new NoisyTrainer(new DensityMatrixSimulator(Device.ApplyTo(c), Device.Readout), PauliSum.Z(0), new Adam(c.WeightCount, 0.15), options, objective,
            mitigateReadout: true);
        var tr = new NoisyTrainer(new TrajectorySimulator(c, Device), PauliSum.Z(0), new Adam(c.WeightCount, 0.15), options, objective, lossTrajectories: 200);
        foreach (var trainer in new TrainerBase[] { dm, tr })
        {
            var w = Enumerable.Repeat(0.1, c.WeightCount).ToArray();
            double before = dm.EvaluateLoss(w);
            trainer.Run(w);
            Assert.True(dm.EvaluateLoss(w) < before, $"{trainer.GetType().Name}: exact noisy loss {before} → {dm.EvaluateLoss(w)}");
            Assert.Equal(GradientMethod.ParameterShift, trainer.GradientMethod);
        }
    }

    [Fact]
    public void TrajectoryTrainingWithoutShots_IsRefused()
    {
        var (c, objective) = Classifier();
        var e = Assert.Throws<ArgumentException>(() => new NoisyTrainer(new TrajectorySimulator(c, Device), PauliSum.Z(0), new Adam(c.WeightCount),
            new TrainerOptions(), objective));
        Assert.Equal("options", e.ParamName);
        Assert.Contains("Shots", e.Message, StringComparison.Ordinal);
    }
}
