using System;

namespace NegLR;

/// <summary>
/// An optimizer that needs more than a gradient: the loss at other points with every observable's value (Rotosolve), the
/// circuit's metric tensor (quantum natural gradient) or state fidelities (QN-SPSA). The trainer hands it the circuit's
/// structure once (<see cref="Attach"/>) and an <see cref="ICircuitOracle"/> at every step; every circuit run the oracle
/// makes is counted in evaluations, shots and round trips like the trainer's own.
/// </summary>
/// <remarks>
/// This is how the methods that are not pure gradient steps get circuit access without the trainer knowing them: the
/// optimizer says what it needs (<see cref="NeedsGradient"/>) and what it may spend (the <see cref="StepCost"/> from
/// <see cref="Attach"/>); the oracle does the simulation (exactly or with shots, on the current batch) and the accounting.
/// </remarks>
public interface ICircuitOptimizer : IOptimizer
{
    /// <summary>
    /// Whether the trainer computes the gradient before each step. When false it evaluates only the loss (one circuit run
    /// per batch row, whose per-observable values are <see cref="ICircuitOracle.StartOutputs"/>) and passes an empty gradient.
    /// </summary>
    bool NeedsGradient { get; }

    /// <summary>
    /// Checks that this optimizer can train <paramref name="structure"/>'s circuit and prepares for it; returns the most one
    /// step can cost beyond the trainer's start-of-step evaluation. Called once by the trainer's constructor.
    /// </summary>
    /// <exception cref="ArgumentException">The circuit does not suit the method (e.g. Rotosolve on a weight in a gate with
    /// more than two eigenvalues); the message names the weight or gate and the fix.</exception>
    StepCost Attach(CircuitStructure structure);

    /// <summary>One step from θ_t = <paramref name="parameters"/> (updated in place).</summary>
    /// <param name="parameters">θ_t, updated in place.</param>
    /// <param name="gradient">∇L(θ_t), or empty when <see cref="NeedsGradient"/> is false.</param>
    /// <param name="loss">L(θ_t) on the step's batch.</param>
    /// <param name="oracle">Evaluates what the step needs, counted.</param>
    OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ICircuitOracle oracle);

    /// <summary>The plain optimizer step: only with an <see cref="ICircuitOracle"/> as the trial evaluator.</summary>
    OptimizerStep IOptimizer.Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ITrialEvaluator? trial) =>
        trial is ICircuitOracle oracle ? Step(parameters, gradient, loss, oracle)
            : throw new InvalidOperationException($"{Name} works with the circuit, not a gradient alone: train it with a Trainer, or pass an ICircuitOracle.");
}
