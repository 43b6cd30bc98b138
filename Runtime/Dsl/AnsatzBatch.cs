using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// Per-worker buffers for <see cref="AnsatzBatch"/>: a state and an adjoint state of the ansatz's length per worker.
/// Create once and reuse, so a batch allocates nothing per row.
/// </summary>
public sealed class AnsatzBatchWorkspace
{
    /// <summary>Buffers for <paramref name="workers"/> workers (default: one per processor) of a <paramref name="stateLength"/>-amplitude ansatz.</summary>
    public AnsatzBatchWorkspace(int stateLength, int workers = 0)
    {
        if (stateLength < 2 || !BitOperations.IsPow2(stateLength))
        {
            throw new ArgumentOutOfRangeException(nameof(stateLength), stateLength, "The state length is 2^qubits; pass TAnsatz.StateLength.");
        }

        int count = workers > 0 ? workers : Environment.ProcessorCount;
        StateVector.EnsureFits(BitOperations.Log2((uint)stateLength), 2 * count);
        States = new Complex[count][];
        Adjoints = new Complex[count][];
        for (int i = 0; i < count; i++)
        {
            States[i] = new Complex[stateLength];
            Adjoints[i] = new Complex[stateLength];
        }
    }

    /// <summary>Number of workers (threads) a batch uses.</summary>
    public int WorkerCount => States.Length;

    internal Complex[][] States { get; }

    internal Complex[][] Adjoints { get; }
}

/// <summary>
/// Batched evaluation of a generated ansatz over many data rows on all workers — the same contract as
/// <see cref="CircuitInterpreter.EvaluateBatch"/>, specialised per ansatz by the JIT (no virtual calls).
/// </summary>
public static class AnsatzBatch
{
    /// <summary>⟨Cost⟩ for every row of <paramref name="inputs"/> (row-major, <paramref name="inputStride"/> values a row).</summary>
    public static void Evaluate<TAnsatz>(ReadOnlyMemory<double> weights, ReadOnlyMemory<double> inputs, int inputStride,
        Memory<double> results, AnsatzBatchWorkspace workspace)
        where TAnsatz : IAnsatz
    {
        int rows = Check<TAnsatz>(inputs, inputStride, results, workspace);
        Run(rows, workspace, (w, row) =>
            results.Span[row] = TAnsatz.Evaluate(weights.Span, inputs.Span.Slice(row * inputStride, inputStride), workspace.States[w]));
    }

    /// <summary>⟨Cost⟩ and its adjoint gradient for every row; row r's gradient goes to <c>gradients[r·W … (r+1)·W)</c>.</summary>
    public static void EvaluateWithGradient<TAnsatz>(ReadOnlyMemory<double> weights, ReadOnlyMemory<double> inputs, int inputStride,
        Memory<double> results, Memory<double> gradients, AnsatzBatchWorkspace workspace)
        where TAnsatz : IAnsatz
    {
        int rows = Check<TAnsatz>(inputs, inputStride, results, workspace);
        int p = TAnsatz.WeightCount;
        if (gradients.Length != rows * p)
        {
            throw new ArgumentException($"The gradients need {rows} × {p} = {rows * p} entries, but have {gradients.Length}.", nameof(gradients));
        }

        Run(rows, workspace, (w, row) =>
            results.Span[row] = TAnsatz.EvaluateWithGradient(weights.Span, inputs.Span.Slice(row * inputStride, inputStride),
                gradients.Span.Slice(row * p, p), workspace.States[w], workspace.Adjoints[w]));
    }

    private static int Check<TAnsatz>(ReadOnlyMemory<double> inputs, int inputStride, Memory<double> results, AnsatzBatchWorkspace workspace)
        where TAnsatz : IAnsatz
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int rows = BatchRows.Count(inputs.Length, inputStride, TAnsatz.InputCount, results.Length);
        if (workspace.States[0].Length != TAnsatz.StateLength)
        {
            throw new ArgumentException($"The workspace holds {workspace.States[0].Length} amplitudes; this ansatz needs {TAnsatz.StateLength}.", nameof(workspace));
        }

        return rows;
    }

    private static void Run(int rows, AnsatzBatchWorkspace workspace, Action<int, int> body) =>
        BatchRows.ForEach(rows, workspace.WorkerCount, body);
}
