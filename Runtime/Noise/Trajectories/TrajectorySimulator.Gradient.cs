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
        for (int t = 0; t < trajectories; t++)
        {
            sample.Clear();
            var run = new TrajectoryRun(this, weights, inputs, observable, seed, t, workspace);
            ShiftRules.Accumulate(_program, ref run, sample);

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

    /// <summary>Trajectory t's value with one step shifted (its draws shared by every shifted run: common random numbers).</summary>
    private readonly ref struct TrajectoryRun(TrajectorySimulator simulator, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        PauliSum observable, ulong seed, int t, TrajectoryWorkspace workspace) : IShiftedRun
    {
        private readonly ReadOnlySpan<double> _weights = weights;
        private readonly ReadOnlySpan<double> _inputs = inputs;

        public double Run(int step, double shift) => simulator.TrajectoryValue(_weights, _inputs, observable, seed, t, workspace, step, shift);
    }
}
