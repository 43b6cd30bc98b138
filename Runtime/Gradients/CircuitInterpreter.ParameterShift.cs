using System;

namespace NegLR;

// Parameter-shift rules: each trainable step's derivative from the circuit run at shifted angles — what a device can
// do. Two terms for generators with eigenvalues one apart, four for the controlled rotations (Wierichs et al. 2022).
public sealed partial class CircuitInterpreter
{
    /// <summary>
    /// Writes the exact gradient by parameter shift (2 runs per trainable angle, 4 for CRX/CRY/CRZ) and returns ⟨O⟩.
    /// A weight used by several gates sums their shifted derivatives, each times its angle's scale.
    /// </summary>
    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable,
        Span<double> gradient, SimulationWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireGradientLength(gradient);
        gradient.Clear();
        var run = new ExactRun(this, weights, inputs, observable, workspace);
        ShiftRules.Accumulate(_program, ref run, gradient);

        Run(weights, inputs, workspace.State, -1, 0);
        return observable.Expectation(workspace.State.Amplitudes);
    }

    /// <summary>Number of circuit runs <see cref="ParameterShiftGradient"/> makes (what it would cost on a device).</summary>
    public int ParameterShiftEvaluations() => ShiftRules.Runs(_program);

    /// <summary>⟨O⟩ with one step shifted, for the shift rules.</summary>
    private readonly ref struct ExactRun(CircuitInterpreter interpreter, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        PauliSum observable, SimulationWorkspace workspace) : IShiftedRun
    {
        private readonly ReadOnlySpan<double> _weights = weights;
        private readonly ReadOnlySpan<double> _inputs = inputs;

        public double Run(int step, double shift)
        {
            interpreter.Run(_weights, _inputs, workspace.State, step, shift);
            return observable.Expectation(workspace.State.Amplitudes);
        }
    }
}
