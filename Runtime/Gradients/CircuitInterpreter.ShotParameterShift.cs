using System;
using System.Globalization;

namespace NegLR;

// Parameter shift as a device runs it: every shifted expectation is itself a finite-shot estimate, so the gradient is
// noisy and costs (shifted runs × shots). The standard errors let an optimizer or a test judge that noise.
public sealed partial class CircuitInterpreter
{
    /// <summary>
    /// Prepares ψ(w, x) and estimates ⟨O⟩ from <paramref name="shots"/> shots with <paramref name="estimator"/>
    /// (the prepared state is left in <c>workspace.State</c>).
    /// </summary>
    /// <exception cref="ArgumentException">Wrong weight/input counts, a workspace or estimator for another register, or
    /// fewer shots than <see cref="ShotEstimator.MinimumShots"/>.</exception>
    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int shots, SeededRandom random, SimulationWorkspace workspace, ShotWorkspace shotWorkspace)
    {
        CheckShotCall(weights, inputs, estimator, random, workspace, shotWorkspace);
        Run(weights, inputs, workspace.State, -1, 0);
        return estimator.Estimate(workspace.State.Amplitudes, shots, random, shotWorkspace);
    }

    /// <summary>
    /// The parameter-shift gradient with every shifted expectation estimated from <paramref name="shotsPerEvaluation"/>
    /// shots: the same shift rules as <see cref="ParameterShiftGradient"/> (two runs per angle, four for CRX/CRY/CRZ),
    /// so the estimate is unbiased. Returns the total shots spent:
    /// <see cref="ParameterShiftEvaluations"/> × <paramref name="shotsPerEvaluation"/>.
    /// </summary>
    /// <param name="weights">Trainable weights.</param>
    /// <param name="inputs">Data inputs (may be empty when the circuit reads none).</param>
    /// <param name="estimator">Plans the measurement of the observable; its register must match the circuit's.</param>
    /// <param name="shotsPerEvaluation">Shots for each shifted circuit run (at least <see cref="ShotEstimator.MinimumShots"/>).</param>
    /// <param name="random">Source of the shots; the same seed gives the same gradient.</param>
    /// <param name="gradient">Receives ∂⟨O⟩/∂w, one entry per weight.</param>
    /// <param name="standardErrors">Receives each entry's estimated standard error, or is empty to skip them. Shifted
    /// runs are independent, so variances add: Σ (rule coefficient × angle scale)² × SE².</param>
    /// <param name="workspace">The interpreter's buffers (the last shifted state is left in it).</param>
    /// <param name="shotWorkspace">The estimator's buffers.</param>
    /// <exception cref="ArgumentException">Wrong weight/input/gradient lengths, a workspace or estimator for another
    /// register, or too few shots per evaluation.</exception>
    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int shotsPerEvaluation, SeededRandom random, Span<double> gradient, Span<double> standardErrors,
        SimulationWorkspace workspace, ShotWorkspace shotWorkspace)
    {
        CheckShotCall(weights, inputs, estimator, random, workspace, shotWorkspace);
        RequireGradientLength(gradient);
        if (!standardErrors.IsEmpty && standardErrors.Length != WeightCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The standard-error span has {standardErrors.Length} entries; it must be empty or hold one per weight ({WeightCount})."), nameof(standardErrors));
        }

        if (shotsPerEvaluation < estimator.MinimumShots)
        {
            throw new ArgumentOutOfRangeException(nameof(shotsPerEvaluation), shotsPerEvaluation, string.Create(CultureInfo.InvariantCulture,
                $"Each evaluation needs at least one shot per measurement group ({estimator.MinimumShots})."));
        }

        gradient.Clear();
        standardErrors.Clear();
        long used = 0;
        // The adjoint buffer holds the state before the step being shifted, advanced one trainable step at a time, so
        // each shifted run simulates only the steps from its shift on: about half the work of running from |0…0⟩,
        // with bit-identical results (see RunSteps).
        var prefix = workspace.Adjoint;
        prefix.Reset();
        int prefixEnd = 0;
        for (int k = 0; k < _program.Length; k++)
        {
            ref readonly var ins = ref _program[k];
            if (!ins.IsTrainable)
            {
                continue;
            }

            RunSteps(weights, inputs, prefix, prefixEnd, k, -1, 0);
            prefixEnd = k;
            var (derivative, variance, shots) = ShotStepDerivative(k, ins.ShiftRule, weights, inputs, estimator, shotsPerEvaluation,
                random, prefix, workspace, shotWorkspace);
            double scale = ins.Angle.Scale;
            gradient[ins.Angle.Index] += scale * derivative;
            if (!standardErrors.IsEmpty)
            {
                standardErrors[ins.Angle.Index] += scale * scale * variance;
            }

            used += shots;
        }

        // The loop accumulated variances; report their square roots.
        for (int i = 0; i < standardErrors.Length; i++)
        {
            standardErrors[i] = Math.Sqrt(standardErrors[i]);
        }

        return used;
    }

    /// <summary>One step's shifted-shot derivative, its variance, and the shots spent.</summary>
    /// <remarks><paramref name="prefix"/> is the state after the steps before <paramref name="step"/>.</remarks>
    private (double Derivative, double Variance, long Shots) ShotStepDerivative(int step, ShiftRule rule, ReadOnlySpan<double> weights,
        ReadOnlySpan<double> inputs, ShotEstimator estimator, int shots, SeededRandom random, StateVector prefix,
        SimulationWorkspace workspace, ShotWorkspace shotWorkspace)
    {
        ShotEstimate Shifted(double shift, ReadOnlySpan<double> w, ReadOnlySpan<double> x)
        {
            workspace.State.CopyFrom(prefix);
            RunSteps(w, x, workspace.State, step, _program.Length, step, shift);
            return estimator.Estimate(workspace.State.Amplitudes, shots, random, shotWorkspace);
        }

        double half = Math.PI / 2;
        var plus = Shifted(half, weights, inputs);
        var minus = Shifted(-half, weights, inputs);
        double near = plus.Value - minus.Value;
        double nearVariance = Square(plus.StandardError) + Square(minus.StandardError);
        long spent = (long)plus.Shots + minus.Shots;
        if (rule != ShiftRule.FourTerm)
        {
            return (near / 2, nearVariance / 4, spent);
        }

        var farPlus = Shifted(3 * half, weights, inputs);
        var farMinus = Shifted(-3 * half, weights, inputs);
        double far = farPlus.Value - farMinus.Value;
        double farVariance = Square(farPlus.StandardError) + Square(farMinus.StandardError);
        spent += (long)farPlus.Shots + farMinus.Shots;
        return ((GeneratedCodeSupport.FourTermPlus * near) - (GeneratedCodeSupport.FourTermMinus * far),
            (Square(GeneratedCodeSupport.FourTermPlus) * nearVariance) + (Square(GeneratedCodeSupport.FourTermMinus) * farVariance), spent);
    }

    private void CheckShotCall(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator, SeededRandom random,
        SimulationWorkspace workspace, ShotWorkspace shotWorkspace)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(shotWorkspace);
        CheckCall(weights, inputs, estimator.Observable, workspace);
        if (estimator.Qubits != Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The estimator is for {estimator.Qubits} qubits; the circuit has {Qubits}."), nameof(estimator));
        }
    }

    private static double Square(double x) => x * x;
}
