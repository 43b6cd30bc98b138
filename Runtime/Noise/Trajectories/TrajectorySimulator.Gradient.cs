using System;

namespace NegLR;

// Gradients from trajectories by parameter shift with common random numbers: the shifted runs of trajectory t share
// its draws, so their difference has far less variance than two independent estimates, and the estimate stays
// unbiased for every channel (Kraus branches included: each run is still a correct unravelling).
public sealed partial class TrajectorySimulator
{
    /// <summary>
    /// Estimates ∂Tr(ρO)/∂w over <paramref name="trajectories"/> trajectories into <paramref name="gradient"/>, with each
    /// entry's standard error in <paramref name="standardErrors"/>, and returns the estimate of Tr(ρO) itself. For
    /// trajectory t every shifted run draws from stream t of <paramref name="seed"/>; cost: (2 runs per trainable angle,
    /// 4 for CRX/CRY/CRZ, plus 1) × trajectories.
    /// </summary>
    public TrajectoryEstimate EstimateGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable, int trajectories,
        ulong seed, Span<double> gradient, Span<double> standardErrors, TrajectoryWorkspace workspace)
    {
        CheckCall(weights, inputs, observable, workspace);
        RequireTrajectories(trajectories);
        RequireGradientLength(gradient);
        RequireGradientLength(standardErrors);
        var mean = workspace.GradientMean.AsSpan();
        var m2 = workspace.GradientM2.AsSpan();
        var sample = workspace.Sample.AsSpan();
        mean.Clear();
        m2.Clear();
        var values = workspace.Values(trajectories);
        double half = Math.PI / 2;
        for (int t = 0; t < trajectories; t++)
        {
            sample.Clear();
            for (int k = 0; k < _program.Length; k++)
            {
                ref readonly var ins = ref _program[k];
                if (!ins.IsTrainable)
                {
                    continue;
                }

                double near = TrajectoryValue(weights, inputs, observable, seed, t, workspace, k, half)
                    - TrajectoryValue(weights, inputs, observable, seed, t, workspace, k, -half);
                double derivative = near / 2;
                if (ins.ShiftRule == ShiftRule.FourTerm)
                {
                    double far = TrajectoryValue(weights, inputs, observable, seed, t, workspace, k, 3 * half)
                        - TrajectoryValue(weights, inputs, observable, seed, t, workspace, k, -3 * half);
                    derivative = (GeneratedCodeSupport.FourTermPlus * near) - (GeneratedCodeSupport.FourTermMinus * far);
                }

                sample[ins.Angle.Index] += ins.Angle.Scale * derivative;
            }

            for (int w = 0; w < WeightCount; w++)
            {
                double d = sample[w] - mean[w];
                mean[w] += d / (t + 1);
                m2[w] += d * (sample[w] - mean[w]);
            }

            values[t] = TrajectoryValue(weights, inputs, observable, seed, t, workspace, -1, 0);
        }

        for (int w = 0; w < WeightCount; w++)
        {
            gradient[w] = mean[w];
            standardErrors[w] = trajectories > 1 ? Math.Sqrt(m2[w] / (trajectories - 1) / trajectories) : 0;
        }

        return Summarise(values.AsSpan(0, trajectories));
    }
}
