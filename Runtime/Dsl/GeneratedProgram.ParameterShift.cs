using System;
using System.Numerics;

namespace NegLR;

// Parameter shift is the same loop for every generated ansatz (its table of trainable steps is data here), so it lives
// here once instead of in every generated file; the ansatz passes its own forward pass.
public sealed partial class GeneratedProgram
{
    /// <summary>
    /// A generated ansatz's forward pass into <paramref name="state"/>, with <paramref name="shift"/> added to step
    /// <paramref name="step"/>'s angle (no shift when <paramref name="step"/> is −1).
    /// </summary>
    public delegate void ShiftedForward(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<Complex> state, int step, double shift);

    /// <summary>
    /// ⟨<paramref name="observable"/>⟩ and its exact gradient by parameter shift, as a device would run it: two runs of
    /// <paramref name="forward"/> per trainable step (±π/2), four for the four-term rule of CRX, CRY and CRZ (Wierichs et
    /// al. 2022), each step's derivative added to its weight's entry of <paramref name="gradient"/>. Arguments are the
    /// caller's to check; <paramref name="state"/> holds ψ at <paramref name="weights"/> afterwards. Allocates nothing.
    /// </summary>
    public double ParameterShift(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient, Span<Complex> state,
        PauliSum observable, ShiftedForward forward)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentNullException.ThrowIfNull(forward);
        gradient.Clear();
        const double Half = Math.PI / 2;
        foreach (var step in _shifts)
        {
            forward(weights, inputs, state, step.Step, Half);
            double near = observable.Expectation(state);
            forward(weights, inputs, state, step.Step, -Half);
            near -= observable.Expectation(state);
            if (step.FourTerm)
            {
                forward(weights, inputs, state, step.Step, 3 * Half);
                double far = observable.Expectation(state);
                forward(weights, inputs, state, step.Step, -3 * Half);
                far -= observable.Expectation(state);
                gradient[step.Weight] += step.Scale * ((GeneratedCodeSupport.FourTermPlus * near) - (GeneratedCodeSupport.FourTermMinus * far));
            }
            else
            {
                gradient[step.Weight] += step.Scale * (near / 2);
            }
        }

        forward(weights, inputs, state, -1, 0.0);
        return observable.Expectation(state);
    }
}
