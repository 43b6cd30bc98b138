using System;

namespace NegLR;

// Simultaneous perturbation (Spall 1992): two runs per estimate whatever the number of weights — cheap and noisy,
// the usual choice on hardware with many parameters.
public sealed partial class CircuitInterpreter
{
    /// <summary>
    /// Writes one SPSA gradient estimate g_i = [f(w + cΔ) − f(w − cΔ)] / (2cΔ_i) with Rademacher Δ drawn from
    /// <paramref name="random"/>, and returns the mean of the two perturbed values (no extra run for ⟨O⟩).
    /// </summary>
    public double SpsaGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable,
        Span<double> gradient, SimulationWorkspace workspace, double perturbation, SeededRandom random)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireGradientLength(gradient);
        ArgumentNullException.ThrowIfNull(random);
        if (!(perturbation > 0) || !double.IsFinite(perturbation))
        {
            throw new ArgumentOutOfRangeException(nameof(perturbation), perturbation, "The SPSA perturbation must be a positive number.");
        }

        var delta = workspace.Direction.AsSpan();
        var shifted = workspace.ShiftedWeights.AsSpan();
        for (int i = 0; i < WeightCount; i++)
        {
            delta[i] = random.NextSign();
            shifted[i] = weights[i] + (perturbation * delta[i]);
        }

        Run(shifted, inputs, workspace.State, -1, 0);
        double plus = observable.Expectation(workspace.State.Amplitudes);
        for (int i = 0; i < WeightCount; i++)
        {
            shifted[i] = weights[i] - (perturbation * delta[i]);
        }

        Run(shifted, inputs, workspace.State, -1, 0);
        double minus = observable.Expectation(workspace.State.Amplitudes);
        double slope = (plus - minus) / (2 * perturbation);
        for (int i = 0; i < WeightCount; i++)
        {
            gradient[i] = slope / delta[i];
        }

        return (plus + minus) / 2;
    }
}
