using System;

namespace NegLR;

/// <summary>
/// One <see cref="DensityMatrixWorkspace"/> per worker for batched evaluation over data rows; create once with
/// <see cref="DensityMatrixSimulator.CreateBatchWorkspace"/> and reuse.
/// </summary>
public sealed class DensityMatrixBatchWorkspace
{
    internal DensityMatrixBatchWorkspace(DensityMatrixSimulator simulator, int workers, bool forGradients)
    {
        if (workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workers), workers, "A batch needs at least one worker.");
        }

        DensityMatrix.EnsureFits(simulator.Qubits, workers * (forGradients ? 2 + simulator.CheckpointsToStore : 1));
        Workers = new DensityMatrixWorkspace[workers];
        for (int i = 0; i < workers; i++)
        {
            Workers[i] = simulator.CreateWorkspace(forGradients);
        }
    }

    /// <summary>Number of workers (threads) a batch uses.</summary>
    public int WorkerCount => Workers.Length;

    internal DensityMatrixWorkspace[] Workers { get; }
}
