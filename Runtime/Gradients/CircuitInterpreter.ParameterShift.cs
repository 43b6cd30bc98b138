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
        for (int k = 0; k < _program.Length; k++)
        {
            ref readonly var ins = ref _program[k];
            if (ins.IsTrainable)
            {
                gradient[ins.Angle.Index] += ins.Angle.Scale * StepDerivative(k, ins.ShiftRule, weights, inputs, observable, workspace);
            }
        }

        Run(weights, inputs, workspace.State, -1, 0);
        return observable.Expectation(workspace.State.Amplitudes);
    }

    /// <summary>Number of circuit runs <see cref="ParameterShiftGradient"/> makes (what it would cost on a device).</summary>
    public int ParameterShiftEvaluations()
    {
        int runs = 0;
        foreach (var ins in _program)
        {
            if (ins.IsTrainable)
            {
                runs += ins.ShiftRule == ShiftRule.FourTerm ? 4 : 2;
            }
        }

        return runs;
    }

    /// <summary>∂⟨O⟩/∂θ_k for one compiled step by its shift rule.</summary>
    internal double StepDerivative(int step, ShiftRule rule, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        PauliSum observable, SimulationWorkspace workspace)
    {
        double Shifted(double shift, ReadOnlySpan<double> w, ReadOnlySpan<double> x)
        {
            Run(w, x, workspace.State, step, shift);
            return observable.Expectation(workspace.State.Amplitudes);
        }

        double half = Math.PI / 2;
        double near = Shifted(half, weights, inputs) - Shifted(-half, weights, inputs);
        if (rule != ShiftRule.FourTerm)
        {
            return near / 2;
        }

        double far = Shifted(3 * half, weights, inputs) - Shifted(-3 * half, weights, inputs);
        return (GeneratedCodeSupport.FourTermPlus * near) - (GeneratedCodeSupport.FourTermMinus * far);
    }
}
