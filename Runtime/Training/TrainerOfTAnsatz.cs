namespace NegLR;

/// <summary>
/// Trains a generated ansatz: the loop is specialised for <typeparamref name="TAnsatz"/> by the JIT, and exact values and
/// adjoint gradients run its generated code; the cost observable is <see cref="IAnsatz.Cost"/>. A
/// <see cref="CustomLoss"/> of that one observable runs here too; for a loss of several observables use
/// <c>new Trainer(TAnsatz.CreateCircuit(), observables, …)</c>.
/// </summary>
/// <typeparam name="TAnsatz">An <c>[Ansatz]</c> type (the generator implements <see cref="IAnsatz"/>).</typeparam>
public sealed class Trainer<TAnsatz> : TrainerBase
    where TAnsatz : IAnsatz
{
    /// <summary>Creates the trainer.</summary>
    /// <param name="optimizer">Made for <c>TAnsatz.WeightCount</c> parameters.</param>
    /// <param name="options">Run options; default <see cref="TrainerOptions.Default"/>.</param>
    /// <param name="objective">What to minimise; default ⟨Cost⟩ itself.</param>
    /// <remarks>
    /// A noisy ansatz (<see cref="IAnsatz.NoisyRuntime"/> is set) trains on its density matrix: values, adjoint and
    /// parameter-shift gradients and shot estimates all include its channels and readout error, and restarts,
    /// initializers and circuit-aware optimizers see its gates without the channels.
    /// </remarks>
    public Trainer(IOptimizer optimizer, TrainerOptions? options = null, TrainingObjective? objective = null)
        : base(CreateLoop(optimizer, options, objective), optimizer, options, objective)
    {
    }

    private static ITrainingLoop CreateLoop(IOptimizer optimizer, TrainerOptions? options, TrainingObjective? objective)
    {
        if (TAnsatz.NoisyRuntime is { } noisy)
        {
            var gates = noisy.Circuit.WithoutChannels();
            return new TrainingLoop<NoisyAnsatzModel>(new NoisyAnsatzModel(noisy), optimizer, options, objective,
                new LoopSetup { Structure = () => new CircuitStructure(gates) });
        }

        return new TrainingLoop<AnsatzModel<TAnsatz>>(new AnsatzModel<TAnsatz>(options?.Shots is not null), optimizer, options, objective,
            new LoopSetup { Structure = static () => new CircuitStructure(TAnsatz.CreateCircuit()) });
    }
}
