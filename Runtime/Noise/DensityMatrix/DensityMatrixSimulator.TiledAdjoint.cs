using System;
using NegLR.Simulation;

namespace NegLR;

// The adjoint of RunTiled: the TileSchedule's items in reverse, an item with pre-steps as one pass over r and λ
// (PauliKernels.TryBackwardRotatedMonomial) instead of up to three, each pre-step's maps folded before the pass and its
// taps taken after it, as Backpropagate does step by step. r and λ get the bits of the steps' backward kernels run one
// by one in the schedule's reverse order; the correlations are the same products summed in another order.
// Not called by NoisyAnsatzRuntime: measured (TiledBackwardBenchmarks, docs/noise.md "Variants tried") it was no faster
// than Backpropagate's per-step kernels on the segments of the noisy workload (about even at 3 qubits, 1.9-2.1x slower
// at 6 and 7), so the generated adjoint keeps walking the program's steps. Kept, tested, for the benchmark and for a
// later kernel to start from.
public sealed partial class DensityMatrixSimulator
{
    /// <summary>
    /// <see cref="Backpropagate"/> in <paramref name="schedule"/>'s reverse order (<see cref="TileSchedule"/>, the order
    /// <see cref="RunTiled"/> ran forward): equal to <see cref="Backpropagate"/> to rounding. Only for programs without
    /// restored channels (as the schedule requires) and registers within one cache block.
    /// </summary>
    internal void BackpropagateTiled(Span<double> r, Span<double> lambda, Span<double> gradient, DensityMatrixWorkspace ws, TileSchedule.Item[] schedule)
    {
        var steps = Program.Steps;
        for (int t = schedule.Length - 1; t >= 0; t--)
        {
            var item = schedule[t];
            var step = steps[item.Step];
            if (item.Pre0 < 0)
            {
                var (inverse, transposed) = PrepareBackward(step, ws, ws.BackInverse, ws.BackTransposed);
                var correlation = ws.Correlation.AsSpan();
                correlation.Clear();
                BackwardStep(step, r, lambda, inverse, transposed, correlation, ws);
                FinishStep(step, ws, correlation, gradient);
                continue;
            }

            BackwardMerged(step, steps[item.Pre0], item.Pre1 >= 0 ? steps[item.Pre1] : null, r, lambda, gradient, ws);
        }
    }

    /// <summary>
    /// A constant monomial two-qubit step and the unital one-qubit steps the forward ran inside its pass, backwards: the
    /// pre-steps' M⁻¹ and Mᵀ folded into their own slots, one pass, then their taps (the later step's first).
    /// </summary>
    private void BackwardMerged(DensityStep step, DensityStep pre0, DensityStep? pre1, Span<double> r, Span<double> lambda, Span<double> gradient,
        DensityMatrixWorkspace ws)
    {
        var (inverse0, transposed0) = PrepareBackward(pre0, ws, ws.BackInverse.AsMemory(0, 16), ws.BackTransposed.AsMemory(0, 16));
        var correlation0 = ws.Correlation.AsSpan(0, 16);
        var correlation1 = ws.Correlation.AsSpan(16, 16);
        correlation0.Clear();
        correlation1.Clear();
        ReadOnlyMemory<double> inverse1 = default, transposed1 = default;
        if (pre1 is not null)
        {
            (inverse1, transposed1) = PrepareBackward(pre1, ws, ws.BackInverse.AsMemory(16, 16), ws.BackTransposed.AsMemory(16, 16));
        }

        var first = new PauliKernels.BackwardPre(pre0.Qubit0, inverse0.Span, transposed0.Span, correlation0);
        var second = pre1 is null ? default : new PauliKernels.BackwardPre(pre1.Qubit0, inverse1.Span, transposed1.Span, correlation1);
        if (!PauliKernels.TryBackwardRotatedMonomial(r, lambda, step.Qubit0, step.Qubit1, step.SparseInverse!, step.SparseTransposed!, second, first))
        {
            BackwardStep(step, r, lambda, default, default, ws.Correlation.AsSpan(32), ws);
            if (pre1 is not null)
            {
                BackwardStep(pre1, r, lambda, inverse1, transposed1, correlation1, ws);
            }

            BackwardStep(pre0, r, lambda, inverse0, transposed0, correlation0, ws);
        }

        if (pre1 is not null)
        {
            FinishStep(pre1, ws, correlation1, gradient);
        }

        FinishStep(pre0, ws, correlation0, gradient);
    }
}
