using System;
using System.Globalization;
using System.Numerics;

namespace NegLR;

// What a device returns: probabilities, sampled bitstrings and shot estimates, all through the readout error.
public sealed partial class DensityMatrixSimulator
{
    /// <summary>
    /// Writes the probability of reading each bitstring (qubit 0 = least-significant bit) into
    /// <paramref name="probabilities"/> (length 2^n): the diagonal of ρ(w, x), then the readout confusion if the
    /// simulator has a readout error and <paramref name="includeReadout"/> is true.
    /// </summary>
    public void Probabilities(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> probabilities, DensityMatrixWorkspace workspace,
        bool includeReadout = true)
    {
        CheckWorkspace(workspace);
        Validate(weights, inputs);
        if (probabilities.Length != 1 << Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The probabilities need {1 << Qubits} entries, one per bitstring, but have {probabilities.Length}."), nameof(probabilities));
        }

        Run(weights, inputs, workspace, -1, 0, saveCheckpoints: false);
        DensityMatrix.Probabilities(workspace.State.Values, Qubits, probabilities);
        if (includeReadout && Readout is not null)
        {
            Readout.ApplyTo(probabilities);
        }
    }

    /// <summary>
    /// Draws <paramref name="outcomes"/>.Length shots (bitstrings as read, readout error included) from the noisy
    /// distribution. Deterministic for a given generator state; allocates nothing once the workspace has its buffers.
    /// </summary>
    public void Sample(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, SeededRandom random, Span<int> outcomes,
        DensityMatrixWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(random);
        var p = workspace.ProbabilityBuffer;
        Probabilities(weights, inputs, p, workspace);
        var cumulative = workspace.Cumulative;
        double total = 0;
        for (int i = 0; i < p.Length; i++)
        {
            total += p[i];
            cumulative[i] = total;
        }

        ShotSampler.RequireSampleable(total);
        for (int s = 0; s < outcomes.Length; s++)
        {
            outcomes[s] = ShotSampler.SampleFromCumulative(cumulative, random);
        }
    }

    /// <summary>
    /// Estimates ⟨O⟩ with <paramref name="totalShots"/> shots the way a device does: the estimator's qubit-wise
    /// commuting groups share the budget, each group's outcomes are drawn from the noisy marginal in its basis (readout
    /// error included), and the estimate is the constant plus the groups' means, with the combined standard error.
    /// </summary>
    /// <exception cref="ArgumentException">The estimator is for another register, or the budget is below its minimum.</exception>
    public ShotEstimate EvaluateWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator, int totalShots,
        SeededRandom random, DensityMatrixWorkspace workspace)
    {
        var (value, variance, _, _, used) = EstimateShots(weights, inputs, estimator, totalShots, random, workspace, mitigate: false, shiftedInstruction: -1, shift: 0);
        return new ShotEstimate(value, Math.Sqrt(variance), used);
    }

    /// <summary>
    /// The same shots as <see cref="EvaluateWithShots"/>, also corrected for readout error by inverting each qubit's
    /// confusion (see <see cref="ReadoutMitigation"/>); the result carries both estimates and the variance inflation.
    /// </summary>
    /// <exception cref="InvalidOperationException">The simulator has no readout error to correct.</exception>
    public MitigatedEstimate EvaluateWithShotsMitigated(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int totalShots, SeededRandom random, DensityMatrixWorkspace workspace)
    {
        if (Readout is null)
        {
            throw new InvalidOperationException("The simulator has no readout error to mitigate; create it with a ReadoutError.");
        }

        var (raw, rawVariance, mitigated, mitigatedVariance, used) =
            EstimateShots(weights, inputs, estimator, totalShots, random, workspace, mitigate: true, shiftedInstruction: -1, shift: 0);
        return new MitigatedEstimate(mitigated, Math.Sqrt(mitigatedVariance), raw, Math.Sqrt(rawVariance), used);
    }

    internal (double Raw, double RawVariance, double Mitigated, double MitigatedVariance, int Used) EstimateShots(ReadOnlySpan<double> weights,
        ReadOnlySpan<double> inputs, ShotEstimator estimator, int totalShots, SeededRandom random, DensityMatrixWorkspace workspace, bool mitigate,
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

        Run(weights, inputs, workspace, shiftedInstruction, shift, saveCheckpoints: false);
        return EstimatePrepared(workspace.State.Values, estimator, totalShots, random, workspace, mitigate);
    }

    /// <summary>Shot estimate of a prepared Pauli vector.</summary>
    internal (double Raw, double RawVariance, double Mitigated, double MitigatedVariance, int Used) EstimatePrepared(ReadOnlySpan<double> r,
        ShotEstimator estimator, int totalShots, SeededRandom random, DensityMatrixWorkspace workspace, bool mitigate)
    {
        var groups = estimator.Groups;
        var shots = workspace.GroupShots(groups.Length);
        estimator.AllocateShots(totalShots, shots);
        double constant = estimator.Observable.Constant;
        double raw = constant, rawVariance = 0, mitigated = constant, mitigatedVariance = 0;
        int used = 0;
        for (int g = 0; g < groups.Length; g++)
        {
            var group = groups[g];
            int outcomes = 1 << BitOperations.PopCount((uint)group.Support);
            var p = workspace.ProbabilityBuffer.AsSpan(0, outcomes);
            var counts = workspace.Counts.AsSpan(0, outcomes);
            var values = workspace.Values.AsSpan(0, outcomes);
            GroupOutcomes.Marginal(r, group, p);
            if (Readout is not null)
            {
                GroupOutcomes.ApplyReadout(Readout, group.Support, p);
            }

            OutcomeCounting.Draw(p, shots[g], random, counts, workspace.Cumulative.AsSpan(0, outcomes));
            GroupOutcomes.RawValues(group, values);
            var (mean, variance) = OutcomeCounting.Estimate(counts, values, shots[g], group.Weight);
            raw += mean;
            rawVariance += variance;
            if (mitigate)
            {
                var corrected = workspace.MitigatedValues.AsSpan(0, outcomes);
                GroupOutcomes.MitigatedValues(group, Readout!, corrected);
                var (mMean, mVariance) = OutcomeCounting.Estimate(counts, corrected, shots[g], MitigatedBound(group));
                mitigated += mMean;
                mitigatedVariance += mVariance;
            }

            used += shots[g];
        }

        return (raw, rawVariance, mitigated, mitigatedVariance, used);
    }

    /// <summary>The largest |mitigated value| a group's shot can take: Σ_t |c_t| Π (1 + |a_q|)/b_q.</summary>
    private double MitigatedBound(MeasurementGroup group)
    {
        double bound = 0;
        for (int t = 0; t < group.Coefficients.Length; t++)
        {
            double factor = Math.Abs(group.Coefficients[t]);
            int support = group.Supports[t];
            for (int q = 0; support >> q != 0; q++)
            {
                if (((support >> q) & 1) != 0)
                {
                    factor *= (1 + Math.Abs(Readout!.Bias(q))) / Readout.Contraction(q);
                }
            }

            bound += factor;
        }

        return bound;
    }

    /// <summary>
    /// The parameter-shift gradient from shots: each shifted run is a <see cref="EvaluateWithShots"/> estimate with
    /// <paramref name="shotsPerRun"/> shots (readout error included). Returns the shots spent.
    /// </summary>
    public long ParameterShiftGradientWithShots(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int shotsPerRun, SeededRandom random, Span<double> gradient, DensityMatrixWorkspace workspace)
    {
        RequireGradientLength(gradient);
        gradient.Clear();
        var run = new ShotRun(this, weights, inputs, estimator, shotsPerRun, random, workspace);
        ShiftRules.Accumulate(Program.Instructions, ref run, gradient);
        return run.Spent;
    }

    /// <summary>A shot estimate with one step shifted, for the shift rules; counts the shots it spends.</summary>
    private ref struct ShotRun(DensityMatrixSimulator simulator, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, ShotEstimator estimator,
        int shots, SeededRandom random, DensityMatrixWorkspace workspace) : IShiftedRun
    {
        private readonly ReadOnlySpan<double> _weights = weights;
        private readonly ReadOnlySpan<double> _inputs = inputs;

        public long Spent { get; private set; }

        public double Run(int step, double shift)
        {
            var result = simulator.EstimateShots(_weights, _inputs, estimator, shots, random, workspace, mitigate: false, step, shift);
            Spent += result.Used;
            return result.Raw;
        }
    }
}
