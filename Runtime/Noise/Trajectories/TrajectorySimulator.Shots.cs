using System;
using System.Globalization;
using System.Numerics;

namespace NegLR;

// Shots with one trajectory each: what a device does, shot by shot.
public sealed partial class TrajectorySimulator
{
    /// <summary>
    /// Estimates ⟨O⟩ with <paramref name="totalShots"/> shots, each a fresh trajectory measured once: the estimator's
    /// qubit-wise commuting groups share the budget, every shot's bitstring passes through the readout error, and the
    /// estimate is the constant plus the groups' means with the combined standard error. The same distribution as the
    /// density-matrix engine's shots, at the cost of one circuit run per shot.
    /// </summary>
    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator, int totalShots,
        SeededRandom random, TrajectoryWorkspace workspace)
    {
        var r = Shots(weights, inputs, estimator, totalShots, random, workspace, mitigate: false, -1, 0);
        return new ShotEstimate(r.Raw, Math.Sqrt(r.RawVariance), r.Used);
    }

    /// <summary>The same shots, also corrected for readout error (see <see cref="ReadoutMitigation"/>).</summary>
    /// <exception cref="InvalidOperationException">The simulator has no readout error.</exception>
    public MitigatedEstimate EvaluateWithShotsMitigated(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int totalShots, SeededRandom random, TrajectoryWorkspace workspace)
    {
        if (Readout is null)
        {
            throw new InvalidOperationException("The simulator has no readout error to mitigate; create it with a ReadoutError.");
        }

        var r = Shots(weights, inputs, estimator, totalShots, random, workspace, mitigate: true, -1, 0);
        return new MitigatedEstimate(r.Mitigated, Math.Sqrt(r.MitigatedVariance), r.Raw, Math.Sqrt(r.RawVariance), r.Used);
    }

    /// <summary>
    /// The parameter-shift gradient from shots (each shifted run an <see cref="EvaluateWithShots"/> estimate with
    /// <paramref name="shotsPerRun"/> shots, one trajectory per shot); returns the shots spent.
    /// </summary>
    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int shotsPerRun, SeededRandom random, Span<double> gradient, TrajectoryWorkspace workspace)
    {
        RequireGradientLength(gradient);
        gradient.Clear();
        var run = new ShotRun(this, weights, inputs, estimator, shotsPerRun, random, workspace);
        ShiftRules.Accumulate(_program, ref run, gradient);
        return run.Spent;
    }

    /// <summary>A shot estimate (one trajectory per shot) with one step shifted, for the shift rules; counts the shots it spends.</summary>
    private ref struct ShotRun(TrajectorySimulator simulator, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int shots, SeededRandom random, TrajectoryWorkspace workspace) : IShiftedRun
    {
        private readonly ReadOnlySpan<double> _weights = weights;
        private readonly ReadOnlySpan<double> _inputs = inputs;

        public long Spent { get; private set; }

        public double Run(int step, double shift)
        {
            var r = simulator.Shots(_weights, _inputs, estimator, shots, random, workspace, mitigate: false, step, shift);
            Spent += r.Used;
            return r.Raw;
        }
    }

    internal (double Raw, double RawVariance, double Mitigated, double MitigatedVariance, int Used) Shots(ReadOnlySpan<double> weights,
        ReadOnlySpan<double> inputs, ShotEstimator estimator, int totalShots, SeededRandom random, TrajectoryWorkspace workspace, bool mitigate,
        int shiftedInstruction, double shift)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(random);
        CheckWorkspace(workspace);
        Validate(weights, inputs);
        if (estimator.Qubits != Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The estimator is for {estimator.Qubits} qubits, but the circuit has {Qubits}; make it with new ShotEstimator(observable, {Qubits})."), nameof(estimator));
        }

        if (totalShots < estimator.MinimumShots)
        {
            throw new ArgumentOutOfRangeException(nameof(totalShots), totalShots, string.Create(CultureInfo.InvariantCulture,
                $"Each of the {estimator.MinimumShots} measurement groups needs at least one shot."));
        }

        var groups = estimator.Groups;
        var shots = workspace.GroupShots(groups.Length);
        estimator.AllocateShots(totalShots, shots);
        double raw = estimator.Observable.Constant, rawVariance = 0;
        double mitigated = raw, mitigatedVariance = 0;
        int used = 0;
        var path = ShareMainPath ? workspace.MainPath : null;
        path?.Begin(groups.Length);
        bool lastOnPath = false;
        for (int g = 0; g < groups.Length; g++)
        {
            var group = groups[g];
            // Welford's running means and sums of squared deviations, raw and mitigated.
            double mean = 0, m2 = 0, mMean = 0, mM2 = 0;
            for (int s = 1; s <= shots[g]; s++)
            {
                int b;
                if (path is null)
                {
                    Run(weights, inputs, random, workspace, shiftedInstruction, shift);
                    b = MeasureOnce(group, random, workspace);
                }
                else
                {
                    b = ShotSharingMainPath(path, g, group, weights, inputs, random, workspace, shiftedInstruction, shift, out lastOnPath);
                }

                double y = 0, ym = 0;
                for (int t = 0; t < group.Coefficients.Length; t++)
                {
                    double c = group.Coefficients[t];
                    y += (BitOperations.PopCount((uint)(b & group.Supports[t])) & 1) != 0 ? -c : c;
                    if (mitigate)
                    {
                        ym += c * ReadoutMitigation.MitigatedZString(Readout!, group.Supports[t], b);
                    }
                }

                double d = y - mean;
                mean += d / s;
                m2 += d * (y - mean);
                double dm = ym - mMean;
                mMean += dm / s;
                mM2 += dm * (ym - mMean);
            }

            int m = shots[g];
            raw += mean;
            rawVariance += (m > 1 ? m2 / (m - 1) : group.Weight * group.Weight) / m;
            mitigated += mMean;
            mitigatedVariance += (m > 1 ? mM2 / (m - 1) : group.Weight * group.Weight) / m;
            used += m;
        }

        if (lastOnPath)
        {
            // The workspace's state is the last trajectory's, as without sharing.
            path!.End(weights, inputs, shiftedInstruction, shift, workspace.Reduced).CopyTo(workspace.State.Amplitudes);
        }

        return (raw, rawVariance, mitigated, mitigatedVariance, used);
    }

    /// <summary>
    /// One shot drawing exactly as <see cref="Run"/> and <see cref="MeasureOnce"/> do, but on the shared branch until a
    /// draw leaves it: there the trajectory starts from the path's stored state and runs the rest itself.
    /// </summary>
    private int ShotSharingMainPath(TrajectoryMainPath path, int g, MeasurementGroup group, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs,
        SeededRandom random, TrajectoryWorkspace ws, int shiftedInstruction, double shift, out bool onPath)
    {
        var amplitudes = ws.State.Amplitudes;
        for (int j = 0; j < _ops.Length; j++)
        {
            int op = _ops[j];
            if (op >= 0)
            {
                continue;
            }

            var channel = _channels[~op];
            double u = random.NextDouble();
            if (channel.IsPauli)
            {
                int word = channel.ChooseWord(u);
                if (word == path.SharedBranch(j))
                {
                    continue;
                }

                path.StateBefore(j, weights, inputs, shiftedInstruction, shift, ws.Reduced).CopyTo(amplitudes);
                channel.ApplyWord(amplitudes, word);
            }
            else
            {
                var p = path.KrausProbabilities(j, weights, inputs, shiftedInstruction, shift, ws.Reduced);
                var (chosen, chosenP) = channel.ChooseKraus(u, p);
                if (chosen == path.SharedBranch(j))
                {
                    continue;
                }

                path.StateBefore(j, weights, inputs, shiftedInstruction, shift, ws.Reduced).CopyTo(amplitudes);
                channel.ApplyKraus(amplitudes, chosen, chosenP);
            }

            RunFrom(j + 1, weights, inputs, random, ws, shiftedInstruction, shift);
            onPath = false;
            return MeasureOnce(group, random, ws);
        }

        onPath = true;
        return ReadOut(path.SampleEnd(g, group, random, weights, inputs, shiftedInstruction, shift, ws), random);
    }

    /// <summary>One bitstring as read: the trajectory's state rotated into the group's basis, sampled, then the readout flips.</summary>
    private int MeasureOnce(MeasurementGroup group, SeededRandom random, TrajectoryWorkspace ws)
    {
        var source = MeasurementBasis.InBasisOf(group, ws.State.Amplitudes, ws.Rotated);

        ShotSampler.BuildCumulative(source, ws.Cumulative);
        int b = ShotSampler.SampleFromCumulative(ws.Cumulative, random);
        return ReadOut(b, random);
    }

    /// <summary>The bitstring the readout reports for the true outcome <paramref name="b"/> (its flips drawn from <paramref name="random"/>).</summary>
    private int ReadOut(int b, SeededRandom random) => Readout is null ? b : Readout.Apply(b, random);

    private void RequireGradientLength(Span<double> gradient)
    {
        if (gradient.Length != WeightCount)
        {
            throw new ArgumentException(
                $"The gradient span needs {WeightCount} entries (one per weight), but has {gradient.Length}.", nameof(gradient));
        }
    }
}
