using System;

namespace NegLR;

/// <summary>
/// One <see cref="SimulationWorkspace"/> per worker for batched evaluation; create once with
/// <see cref="CircuitInterpreter.CreateBatchWorkspace"/> and reuse, so a batch allocates nothing per item.
/// </summary>
public sealed class BatchWorkspace
{
    internal BatchWorkspace(CircuitInterpreter interpreter, int workers, bool forGradients)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "A batch needs at least one worker.");
        }

        StateVector.EnsureFits(interpreter.Qubits, workers * (forGradients ? 2 : 1));
        Workers = new SimulationWorkspace[workers];
        for (int i = 0; i < workers; i++)
        {
            Workers[i] = interpreter.CreateWorkspace(forGradients);
        }
    }

    /// <summary>Number of workers (threads) a batch uses.</summary>
    public int WorkerCount => Workers.Length;

    internal SimulationWorkspace[] Workers { get; }
}
