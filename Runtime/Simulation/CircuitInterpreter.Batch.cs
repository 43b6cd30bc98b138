using System;

namespace NegLR;

// Batched evaluation: one circuit over many data rows (a classifier's training set), split into one contiguous
// chunk per worker so each worker reuses its own workspace and nothing is allocated per item.
public sealed partial class CircuitInterpreter
{
    /// <summary>Workspaces for batched calls, one per worker (default: one per processor).</summary>
    public BatchWorkspace CreateBatchWorkspace(int workers = 0, bool forGradients = true) =>
        new(this, workers > 0 ? workers : Environment.ProcessorCount, forGradients);

    /// <summary>
    /// Evaluates ⟨O⟩ for every row of <paramref name="inputs"/> (row-major, <paramref name="inputStride"/> values a row)
    /// into <paramref name="results"/>, on all workers of <paramref name="workspace"/>.
    /// </summary>
    public void EvaluateBatch(ReadOnlyMemory<double> weights, ReadOnlyMemory<double> inputs, int inputStride, PauliSum observable,
        Memory<double> results, BatchWorkspace workspace)
    {
        int rows = CheckBatch(inputs, inputStride, observable, results, workspace);
        ForEachChunk(rows, workspace, (ws, row) =>
        {
            results.Span[row] = Evaluate(weights.Span, inputs.Span.Slice(row * inputStride, inputStride), observable, ws);
        });
    }

    /// <summary>
    /// Evaluates ⟨O⟩ and its adjoint gradient for every row; row r's gradient goes to
    /// <c>gradients[r·WeightCount … (r+1)·WeightCount)</c>.
    /// </summary>
    public void EvaluateBatchWithGradient(ReadOnlyMemory<double> weights, ReadOnlyMemory<double> inputs, int inputStride, PauliSum observable,
        Memory<double> results, Memory<double> gradients, BatchWorkspace workspace)
    {
        int rows = CheckBatch(inputs, inputStride, observable, results, workspace);
        if (gradients.Length != rows * WeightCount)
        {
            throw new ArgumentException($"The gradients need {rows} × {WeightCount} = {rows * WeightCount} entries, but have {gradients.Length}.", nameof(gradients));
        }

        ForEachChunk(rows, workspace, (ws, row) =>
        {
            results.Span[row] = EvaluateWithGradient(weights.Span, inputs.Span.Slice(row * inputStride, inputStride), observable,
                gradients.Span.Slice(row * WeightCount, WeightCount), ws);
        });
    }

    private int CheckBatch(ReadOnlyMemory<double> inputs, int inputStride, PauliSum observable, Memory<double> results, BatchWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentNullException.ThrowIfNull(workspace);
        int rows = BatchRows.Count(inputs.Length, inputStride, InputCount, results.Length);
        if (workspace.Workers[0].Qubits != Qubits || workspace.Workers[0].ShiftedWeights.Length != WeightCount)
        {
            throw new ArgumentException("The batch workspace was made for another circuit; create it with CreateBatchWorkspace().", nameof(workspace));
        }

        return rows;
    }

    private static void ForEachChunk(int rows, BatchWorkspace workspace, Action<SimulationWorkspace, int> body) =>
        BatchRows.ForEach(rows, workspace.WorkerCount, (w, row) => body(workspace.Workers[w], row));
}
