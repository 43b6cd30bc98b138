using System;

namespace NegLR;

/// <summary>
/// A noisy circuit run by the <see cref="TrajectorySimulator"/>, as the training loop's model for shot mode: every shot
/// is one trajectory, so a shot estimate costs a circuit run per shot, as on a device. The loop's "exact" loss (the
/// final loss it reports) is a trajectory estimate with a fixed number of trajectories and a fixed seed.
/// </summary>
internal readonly struct TrajectoryModel : IExpectationModel
{
    private readonly TrajectorySimulator _simulator;
    private readonly PauliSum _observable;
    private readonly TrajectoryWorkspace _workspace;
    private readonly ShotEstimator _estimator;
    private readonly int _lossTrajectories;
    private readonly ulong _seed;

    public TrajectoryModel(TrajectorySimulator simulator, PauliSum observable, int lossTrajectories, ulong seed)
    {
        _simulator = simulator;
        _observable = observable;
        _workspace = simulator.CreateWorkspace();
        _estimator = new ShotEstimator(observable, simulator.Qubits);
        _lossTrajectories = lossTrajectories;
        _seed = seed;
        int runs = 0;
        foreach (var ins in Simulation.InstructionCompiler.Compile(simulator.Circuit))
        {
            if (ins.IsTrainable)
            {
                runs += ins.ShiftRule == ShiftRule.FourTerm ? 4 : 2;
            }
        }

        ParameterShiftRuns = runs;
    }

    public int WeightCount => _simulator.WeightCount;

    public int InputCount => _simulator.InputCount;

    public int ParameterShiftRuns { get; }

    public int MinimumShots => _estimator.MinimumShots;

    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) =>
        _simulator.Estimate(weights, inputs, _observable, _lossTrajectories, _seed, _workspace).Value;

    public double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        throw new InvalidOperationException("The trajectory engine has no exact gradient; train it with shots (TrainerOptions.Shots) and parameter shift or SPSA.");

    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient) =>
        throw new InvalidOperationException("The trajectory engine has no exact gradient; train it with shots (TrainerOptions.Shots) and parameter shift or SPSA.");

    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random) =>
        _simulator.EvaluateWithShots(weights, inputs, _estimator, shots, random, _workspace);

    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, int shots, SeededRandom random,
        Span<double> gradient) =>
        _simulator.ParameterShiftGradientWithShots(weights, inputs, _estimator, shots, random, gradient, _workspace);
}
