using System;

namespace NegLR;

/// <summary>
/// Trains a circuit against a noisy device model: the density-matrix engine (exact losses and adjoint gradients through
/// the channels, or shot estimates with readout error) or the trajectory engine (shot mode, one trajectory per shot).
/// The same loop, optimizers, budgets, checkpoints and callbacks as <see cref="Trainer"/>.
/// </summary>
public sealed class NoisyTrainer : TrainerBase
{
    /// <summary>Trajectories behind the trajectory engine's reported (final) loss when none is given.</summary>
    public const int DefaultLossTrajectories = 1000;

    /// <summary>Trains <paramref name="circuit"/> under <paramref name="model"/> on the density-matrix engine.</summary>
    public NoisyTrainer(Circuit circuit, NoiseModel model, PauliSum observable, IOptimizer optimizer, TrainerOptions? options = null,
        TrainingObjective? objective = null)
        : this(new DensityMatrixSimulator(circuit ?? throw new ArgumentNullException(nameof(circuit)), model), observable, optimizer, options, objective)
    {
    }

    /// <summary>Trains the circuit of <paramref name="simulator"/> on the density-matrix engine.</summary>
    /// <param name="simulator">The noisy circuit (channels and readout error).</param>
    /// <param name="observable">O: the Hamiltonian, or the classifier's readout.</param>
    /// <param name="optimizer">Made for the circuit's weight count.</param>
    /// <param name="options">Run options; with <see cref="TrainerOptions.Shots"/> every estimate samples the noisy distribution.</param>
    /// <param name="objective">What to minimise; default ⟨O⟩ itself.</param>
    /// <param name="mitigateReadout">In shot mode, correct every estimate for the readout error (<see cref="ReadoutMitigation"/>).</param>
    public NoisyTrainer(DensityMatrixSimulator simulator, PauliSum observable, IOptimizer optimizer, TrainerOptions? options = null,
        TrainingObjective? objective = null, bool mitigateReadout = false)
        : base(CreateLoop(simulator, observable, optimizer, options, objective, mitigateReadout), optimizer, options, objective)
    {
    }

    /// <summary>
    /// Trains the circuit of <paramref name="simulator"/> by trajectories: <paramref name="options"/> must set
    /// <see cref="TrainerOptions.Shots"/>, and every shot is one trajectory. The final loss reported is a trajectory
    /// estimate over <paramref name="lossTrajectories"/> trajectories.
    /// </summary>
    /// <exception cref="ArgumentException">The options do not set shots.</exception>
    public NoisyTrainer(TrajectorySimulator simulator, PauliSum observable, IOptimizer optimizer, TrainerOptions options,
        TrainingObjective? objective = null, int lossTrajectories = DefaultLossTrajectories)
        : base(CreateLoop(simulator, observable, optimizer, options, objective, lossTrajectories), optimizer, options, objective)
    {
    }

    private static ITrainingLoop CreateLoop(DensityMatrixSimulator simulator, PauliSum observable, IOptimizer optimizer, TrainerOptions? options,
        TrainingObjective? objective, bool mitigateReadout)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        Check(simulator.Qubits, observable, optimizer);
        var model = new DensityMatrixModel(simulator, observable, mitigateReadout);
        return new TrainingLoop<DensityMatrixModel>(model, optimizer, options, objective, Setup(simulator.Circuit));
    }

    private static ITrainingLoop CreateLoop(TrajectorySimulator simulator, PauliSum observable, IOptimizer optimizer, TrainerOptions options,
        TrainingObjective? objective, int lossTrajectories)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(options);
        Check(simulator.Qubits, observable, optimizer);
        if (options.Shots is null)
        {
            throw new ArgumentException(
                "The trajectory engine trains with shots (one trajectory per shot): set TrainerOptions.Shots, or use the density-matrix engine for exact training.",
                nameof(options));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(lossTrajectories, 1);
        var model = new TrajectoryModel(simulator, observable, lossTrajectories, options.Seed);
        return new TrainingLoop<TrajectoryModel>(model, optimizer, options, objective, Setup(simulator.Circuit));
    }

    /// <summary>
    /// The circuit's structure (its gates without the channels), for restarts, initializers and circuit-aware optimizers.
    /// Rotosolve's and the Lookahead's evaluations run on the noisy engine; QNG's metric tensor is the ideal circuit's
    /// (the block-diagonal Fubini–Study metric), used as a preconditioner.
    /// </summary>
    private static LoopSetup Setup(Circuit circuit) => new() { Structure = () => new CircuitStructure(circuit.WithoutChannels()) };

    private static void Check(int qubits, PauliSum observable, IOptimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentNullException.ThrowIfNull(optimizer);
        if (observable.MinQubits > qubits)
        {
            throw new ArgumentException(
                $"The observable acts on qubit {observable.MinQubits - 1}, but the circuit has qubits 0 to {qubits - 1}.", nameof(observable));
        }
    }
}
