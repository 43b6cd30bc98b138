using System;

namespace NegLR;

// Central finite differences: an independent check of the exact methods, and what users reach for on a black box.
public sealed partial class CircuitInterpreter
{
    /// <summary>Default step for <see cref="FiniteDifferenceGradient"/>: balances O(h²) truncation against rounding.</summary>
    public const double DefaultFiniteDifferenceStep = 1e-5;

    /// <summary>
    /// Writes the central finite-difference gradient [f(w + h e_i) − f(w − h e_i)] / 2h (2 runs per weight) and returns ⟨O⟩.
    /// </summary>
    public double FiniteDifferenceGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable,
        Span<double> gradient, SimulationWorkspace workspace, double step = DefaultFiniteDifferenceStep)
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
            Run(shifted, inputs, workspace.State, -1, 0);
            double plus = observable.Expectation(workspace.State.Amplitudes);
            shifted[i] = weights[i] - step;
            Run(shifted, inputs, workspace.State, -1, 0);
            double minus = observable.Expectation(workspace.State.Amplitudes);
            shifted[i] = weights[i];
            gradient[i] = (plus - minus) / (2 * step);
        }

        Run(weights, inputs, workspace.State, -1, 0);
        return observable.Expectation(workspace.State.Amplitudes);
    }
}
