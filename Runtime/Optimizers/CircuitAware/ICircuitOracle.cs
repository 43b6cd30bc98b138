using System;

namespace NegLR;

/// <summary>
/// What the trainer evaluates for an <see cref="ICircuitOptimizer"/> during a step, on the step's batch and in the run's
/// mode (exact, or with the run's shots per evaluation). Every circuit run is counted as the trainer's own are: one
/// evaluation per batch row (and its shots), and one round trip per call unless the call joins the step's first round
/// trip (<c>withStepStart</c>: its parameters were known before the step began, so a device would have received them in
/// the same batch as the loss).
/// </summary>
/// <remarks>Outputs are laid out row-major: row r's value of observable j is at <c>r × Outputs + j</c>.</remarks>
public interface ICircuitOracle : ITrialEvaluator, ILossStandardErrors
{
    /// <summary>The circuit being trained.</summary>
    CircuitStructure Structure { get; }

    /// <summary>Rows in the current batch (1 for an objective without data).</summary>
    int Rows { get; }

    /// <summary>Observables per row (1 for the built-in losses, the custom loss's count otherwise).</summary>
    int Outputs { get; }

    /// <summary>
    /// Whether weight <paramref name="weight"/> trains (false for the frozen weights of a layerwise phase, which the trainer
    /// restores after every step: do not spend evaluations on them).
    /// </summary>
    bool IsTrainable(int weight);

    /// <summary>
    /// Each row's observable values at θ_t, as measured by the step's start (exact, or shot estimates); not available when
    /// the gradient comes from SPSA (which measures only perturbed points).
    /// </summary>
    ReadOnlySpan<double> StartOutputs { get; }

    /// <summary>
    /// Evaluates every row's observables at <paramref name="points"/>: k parameter vectors laid end to end (k × weight
    /// count values). Writes k × <see cref="Rows"/> × <see cref="Outputs"/> values. Counts k × rows evaluations.
    /// </summary>
    /// <param name="points">The parameter vectors, concatenated.</param>
    /// <param name="outputs">Receives point p's outputs at <c>p × Rows × Outputs</c>.</param>
    /// <param name="withStepStart">True when every point was known at the start of the step (no extra round trip).</param>
    void EvaluateOutputs(ReadOnlySpan<double> points, Span<double> outputs, bool withStepStart);

    /// <summary>
    /// Whether the loss is the observable's value itself (<see cref="TrainingObjective.Expectation"/>), so closed forms for
    /// linear costs apply (Rotosolve's arctan rule).
    /// </summary>
    bool LossIsLinear { get; }

    /// <summary>The batch loss of one point's outputs (<see cref="Rows"/> × <see cref="Outputs"/> values): classical, free.</summary>
    double Loss(ReadOnlySpan<double> outputs);

    /// <summary>
    /// The block-diagonal Fubini–Study metric tensor at θ_t (Stokes et al. 2020), averaged over the batch rows, into
    /// <paramref name="metric"/> (weight count² values, row-major). On a device each parametrised layer is one circuit (the
    /// prefix, then a measurement in its generators' eigenbasis), so it counts
    /// <see cref="CircuitStructure.LayerCount"/> × rows evaluations and joins the step's first round trip.
    /// </summary>
    /// <param name="metric">Receives g, symmetric.</param>
    /// <param name="diagonalOnly">Only the diagonal (PennyLane's <c>approx="diag"</c>): same circuits, off-diagonal entries 0.</param>
    void MetricTensor(Span<double> metric, bool diagonalOnly);

    /// <summary>
    /// Fidelities |⟨ψ(a_p)|ψ(b_p)⟩|² for k pairs of parameter vectors (each list laid end to end), averaged over the batch
    /// rows. On a device each is the compute–uncompute circuit U(b)†U(a) with the all-zeros probability read out (estimated
    /// from the run's shots), so it counts k × rows evaluations.
    /// </summary>
    void Fidelities(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> fidelities, bool withStepStart);
}
