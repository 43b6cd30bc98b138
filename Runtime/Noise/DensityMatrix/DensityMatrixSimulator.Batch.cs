using System;

namespace NegLR;

// Batched evaluation over data rows (a classifier's training set) on every core: each worker takes one contiguous
// chunk of rows with its own workspace, so nothing is allocated per row and a row's result does not depend on the split.
public sealed partial class DensityMatrixSimulator
{
    /// <summary>Workspaces for batched calls, one per worker (default: one per processor).</summary>
    public DensityMatrixBatchWorkspace CreateBatchWorkspace(int workers = 0, bool forGradients = true) =>
        new(this, workers > 0 ? workers : Environment.ProcessorCount, forGradients);

    /// <summary>
    /// Tr(ρ(w, x_r) O) for every row r of <paramref name="inputs"/> (row-major, <paramref name="inputStride"/> values a
    /// row) into <paramref name="results"/>, on all workers.
    /// </summary>
    public void EvaluateBatch(ReadOnlyMemory<double> weights, ReadOnlyMemory<double> inputs, int inputStride, PauliSum observable,
        Memory<double> results, DensityMatrixBatchWorkspace workspace)
    {
        int rows = CheckBatch(inputs, inputStride, observable, results, workspace);
        BatchRows.ForEach(rows, workspace.WorkerCount, (w, row) =>
            results.Span[row] = Evaluate(weights.Span, inputs.Span.Slice(row * inputStride, inputStride), observable, workspace.Workers[w]));
    }

    /// <summary>
    /// Tr(ρO) and its adjoint gradient for every row; row r's gradient goes to
    /// <c>gradients[r·WeightCount … (r+1)·WeightCount)</c>.
    /// </summary>
    public void EvaluateBatchWithGradient(ReadOnlyMemory<double> weights, ReadOnlyMemory<double> inputs, int inputStride, PauliSum observable,
        Memory<double> results, Memory<double> gradients, DensityMatrixBatchWorkspace workspace)
    {
        int rows = CheckBatch(inputs, inputStride, observable, results, workspace);
        if (gradients.Length != rows * WeightCount)
        {
            throw new ArgumentException(
                $"The gradients need {rows} × {WeightCount} = {rows * WeightCount} entries, but have {gradients.Length}.", nameof(gradients));
        }

        BatchRows.ForEach(rows, workspace.WorkerCount, (w, row) =>
            results.Span[row] = EvaluateWithGradient(weights.Span, inputs.Span.Slice(row * inputStride, inputStride), observable,
                gradients.Span.Slice(row * WeightCount, WeightCount), workspace.Workers[w]));
    }

    private int CheckBatch(ReadOnlyMemory<double> inputs, int inputStride, PauliSum observable, Memory<double> results,
        DensityMatrixBatchWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentNullException.ThrowIfNull(workspace);
        if (!ReferenceEquals(workspace.Workers[0].Simulator, this))
        {
            throw new ArgumentException("The batch workspace was made by another simulator; create it with CreateBatchWorkspace().", nameof(workspace));
        }

        return BatchRows.Count(inputs.Length, inputStride, InputCount, results.Length);
    }
}
