using System;

namespace NegLR;

// Parameter shift and finite differences on the density matrix: independent checks of the adjoint pass, and what a
// device can do. Channels here do not depend on the angles (gate-independent noise), so the shift rules stay exact.
public sealed partial class DensityMatrixSimulator
{
    /// <summary>
    /// Writes the exact gradient by parameter shift (2 runs per trainable angle, 4 for CRX/CRY/CRZ) and returns Tr(ρO).
    /// Exact for this noise model: every channel is independent of the angles, so the shifted circuits differ only in
    /// the shifted gate.
    /// </summary>
    public double ParameterShiftGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, Span<double> gradient,
        DensityMatrixWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireGradientLength(gradient);
        gradient.Clear();
        var run = new ExactRun(this, weights, inputs, observable, workspace);
        ShiftRules.Accumulate(Program.Instructions, ref run, gradient);
        Run(weights, inputs, workspace, -1, 0, saveCheckpoints: false);
        return Measure(workspace.State.Values, observable);
    }

    /// <summary>Tr(ρO) with one step shifted, for the shift rules.</summary>
    private readonly ref struct ExactRun(DensityMatrixSimulator simulator, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        PauliSum observable, DensityMatrixWorkspace workspace) : IShiftedRun
    {
        private readonly ReadOnlySpan<double> _weights = weights;
        private readonly ReadOnlySpan<double> _inputs = inputs;

        public double Run(int step, double shift)
        {
            simulator.Run(_weights, _inputs, workspace, step, shift, saveCheckpoints: false);
            return simulator.Measure(workspace.State.Values, observable);
        }
    }

    /// <summary>Number of circuit runs <see cref="ParameterShiftGradient"/> makes (what it would cost on a device).</summary>
    public int ParameterShiftEvaluations() => ShiftRules.Runs(Program.Instructions);

    /// <summary>Central finite differences [f(w + h e_i) − f(w − h e_i)] / 2h (2 runs per weight); returns Tr(ρO).</summary>
    public double FiniteDifferenceGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, Span<double> gradient,
        DensityMatrixWorkspace workspace, double step = CircuitInterpreter.DefaultFiniteDifferenceStep)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireGradientLength(gradient);
        if (!(step > 0) || !double.IsFinite(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "The finite-difference step must be a positive number.");
        }

        var shifted = workspace.ShiftedWeights.AsSpan();
        weights.CopyTo(shifted);
        for (int i = 0; i < WeightCount; i++)
        {
            shifted[i] = weights[i] + step;
            Run(shifted, inputs, workspace, -1, 0, saveCheckpoints: false);
            double plus = Measure(workspace.State.Values, observable);
            shifted[i] = weights[i] - step;
            Run(shifted, inputs, workspace, -1, 0, saveCheckpoints: false);
            double minus = Measure(workspace.State.Values, observable);
            shifted[i] = weights[i];
            gradient[i] = (plus - minus) / (2 * step);
        }

        Run(weights, inputs, workspace, -1, 0, saveCheckpoints: false);
        return Measure(workspace.State.Values, observable);
    }
}
