namespace NegLR;

/// <summary>
/// What a trainer hands its loop beyond the model, optimizer, options and objective: the circuit's structure (for
/// circuit-aware optimizers, initializers and restarts), a model of several observables or with frozen weights, and the
/// layerwise trainer's phase facts. Everything is optional.
/// </summary>
internal sealed class LoopSetup
{
    /// <summary>Builds the circuit's structure on first use.</summary>
    public System.Func<CircuitStructure>? Structure { get; init; }

    /// <summary>
    /// The model used instead of the single-observable one: several observables (a custom loss) or frozen weights
    /// (layerwise training). Null: the loop runs the single-observable model as before, bit for bit.
    /// </summary>
    public ObservablesModel? Observables { get; init; }

    /// <summary>Which weights train (null: all). Frozen weights keep their values through every step.</summary>
    public bool[]? Trainable { get; init; }

    /// <summary>The segment number the loop's steps are recorded with (a layerwise phase); restarts add to it.</summary>
    public int SegmentOffset { get; init; }

    /// <summary>State written in front of the loop's own checkpoint section and checked when resuming (layerwise phase).</summary>
    public ICheckpointEnvelope? Envelope { get; init; }
}

/// <summary>Extra checkpoint state owned by whoever runs the loop (the layerwise trainer's phase and counters).</summary>
internal interface ICheckpointEnvelope
{
    void Write(CheckpointWriter writer);

    /// <summary>Reads what <see cref="Write"/> wrote and checks it belongs to this loop; throws <see cref="CheckpointException"/>.</summary>
    void Check(CheckpointReader reader);
}
