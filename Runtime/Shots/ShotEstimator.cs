using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NegLR;

/// <summary>
/// Estimates ⟨O⟩ the way a device does: the observable's terms are split into qubit-wise commuting groups, the shot
/// budget is split across the groups (<see cref="ShotAllocation.Proportional"/>), and for each group a copy of the state
/// is rotated into the group's basis, sampled, and every term's ±1 parity averaged. Groups of a few terms are sampled by
/// counting (one multinomial draw of the parity patterns, not one draw per shot), which is the same distribution at a
/// fraction of the cost for the 100–10,000-shot budgets of training. The estimator is immutable and
/// thread-safe; per-call buffers live in a <see cref="ShotWorkspace"/>, so estimates allocate nothing.
/// </summary>
public sealed class ShotEstimator
{
    private readonly double[] _weights;
    private readonly GroupLookup _lookup;

    /// <summary>Plans the measurement of <paramref name="observable"/> on a <paramref name="qubits"/>-qubit register.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="observable"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="qubits"/> is outside 1 to 30.</exception>
    /// <exception cref="ArgumentException">The observable acts on a qubit beyond the register.</exception>
    public ShotEstimator(PauliSum observable, int qubits)
    {
        ArgumentNullException.ThrowIfNull(observable);
        ArgumentOutOfRangeException.ThrowIfLessThan(qubits, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(qubits, Circuit.MaxQubits);
        if (observable.MinQubits > qubits)
        {
            throw new ArgumentException(Invariant($"The observable acts on qubit {observable.MinQubits - 1}, but the register has {qubits} qubits."), nameof(observable));
        }

        Observable = observable;
        Qubits = qubits;
        Groups = PauliGrouping.QubitWiseCommuting(observable);
        _weights = new double[Groups.Length];
        for (int g = 0; g < Groups.Length; g++)
        {
            _weights[g] = Groups[g].Weight;
        }

        _lookup = new GroupLookup(Groups, qubits, MaxCountedTerms);
    }

    /// <summary>The observable being estimated.</summary>
    public PauliSum Observable { get; }

    /// <summary>Register size.</summary>
    public int Qubits { get; }

    /// <summary>The measurement settings (QWC groups), in the order shots are drawn.</summary>
    public ImmutableArray<MeasurementGroup> Groups { get; }

    /// <summary>
    /// Draw every shot even where counting parity patterns would do: the same distribution, slower. For tests and
    /// benchmarks that compare the two paths.
    /// </summary>
    internal bool DrawEveryShot { get; init; }

    /// <summary>
    /// Derive every shot's value afresh instead of reading the per-group tables (<see cref="GroupLookup"/>): the same
    /// bits, slower. For the tests that prove it.
    /// </summary>
    internal bool WithoutLookups { get; init; }

    /// <summary>The smallest budget an estimate accepts: one shot per group.</summary>
    public int MinimumShots => Groups.Length;

    /// <summary>Buffers for one thread (two 2^n arrays); reuse them across calls.</summary>
    public ShotWorkspace CreateWorkspace() => new(Qubits, Groups.Length);

    /// <summary>Writes how <paramref name="totalShots"/> would be split over <see cref="Groups"/> (see <see cref="ShotAllocation.Proportional"/>).</summary>
    public void AllocateShots(int totalShots, Span<int> shotsPerGroup) => ShotAllocation.Proportional(_weights, totalShots, shotsPerGroup);

    /// <summary>Estimates ⟨O⟩ for <paramref name="state"/> with <paramref name="totalShots"/> shots.</summary>
    public ShotEstimate Estimate(StateVector state, int totalShots, SeededRandom random, ShotWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Estimate(state.Amplitudes, totalShots, random, workspace);
    }

    /// <summary>
    /// Estimates ⟨O⟩ for a normalised state with <paramref name="totalShots"/> shots in all, at least
    /// <see cref="MinimumShots"/>. The value is the constant plus, per group, the mean over its shots of
    /// Σ_t c_t (−1)^{parity}; the standard error combines the groups' sample variances, s²_g / m_g (a group with a single
    /// shot uses the bound (Σ|c|)², the largest variance a value in [−Σ|c|, Σ|c|] can have). The input is not modified.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> or <paramref name="workspace"/> is null.</exception>
    /// <exception cref="ArgumentException">The state has the wrong length or is zero, the workspace belongs to another
    /// register, or the budget is below <see cref="MinimumShots"/>.</exception>
    public ShotEstimate Estimate(ReadOnlySpan<Complex> state, int totalShots, SeededRandom random, ShotWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(workspace);
        if (state.Length != 1 << Qubits)
        {
            throw new ArgumentException(Invariant($"The estimator is for {Qubits} qubits ({1 << Qubits} amplitudes), but the state has {state.Length}."), nameof(state));
        }

        if (workspace.Qubits != Qubits || workspace.GroupCapacity != Groups.Length)
        {
            throw new ArgumentException("The workspace was made for another estimator; create it with this estimator's CreateWorkspace().", nameof(workspace));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(totalShots);
        var shots = workspace.GroupShots;
        ShotAllocation.Proportional(_weights, totalShots, shots);
        double value = Observable.Constant, variance = 0;
        int used = 0;
        for (int g = 0; g < Groups.Length; g++)
        {
            var (mean, varianceOfMean) = EstimateGroup(g, state, shots[g], random, workspace);
            value += mean;
            variance += varianceOfMean;
            used += shots[g];
        }

        return new ShotEstimate(value, Math.Sqrt(variance), used);
    }

    /// <summary>
    /// Groups of up to this many terms are estimated by counting: a shot's value depends only on its terms' parities, so
    /// the counts of the 2^T parity patterns are one multinomial draw. Larger groups draw shot by shot.
    /// </summary>
    internal const int MaxCountedTerms = 4;

    /// <summary>Shots whose uniforms are drawn and looked up together (stack buffers of 3 KB).</summary>
    private const int ShotBatch = 256;

    private (double Mean, double VarianceOfMean) EstimateGroup(int g, ReadOnlySpan<Complex> state,
        int shots, SeededRandom random, ShotWorkspace workspace)
    {
        var group = Groups[g];
        var source = MeasurementBasis.InBasisOf(group, state, workspace.Rotated);

        return group.Coefficients.Length <= MaxCountedTerms && !DrawEveryShot
            ? EstimateByCounting(group, source, shots, random)
            : EstimateShotByShot(group, WithoutLookups ? null : _lookup.ShotValues(g), source, shots, random, workspace);
    }

    /// <summary>
    /// The same estimate as drawing every shot, in distribution: the shots' values are a function of which parity
    /// pattern each shot shows, so drawing the pattern counts (multinomial, as successive binomials) and forming the mean
    /// and sample variance from them gives identically distributed results, at a cost of O(2^n·T + shots·min(p, 1 − p))
    /// instead of O(shots·n).
    /// </summary>
    private static (double Mean, double VarianceOfMean) EstimateByCounting(MeasurementGroup group, ReadOnlySpan<Complex> source,
        int shots, SeededRandom random)
    {
        var coefficients = group.Coefficients;
        var supports = group.Supports;
        int terms = coefficients.Length;
        int patterns = 1 << terms;
        Span<double> probability = stackalloc double[1 << MaxCountedTerms];
        probability = probability[..patterns];
        probability.Clear();
        double total = 0;
        for (int b = 0; b < source.Length; b++)
        {
            var a = source[b];
            double weight = (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
            int pattern = 0;
            for (int t = 0; t < terms; t++)
            {
                pattern |= (BitOperations.PopCount((uint)(b & supports[t])) & 1) << t;
            }

            probability[pattern] += weight;
            total += weight;
        }

        ShotSampler.RequireSampleable(total);

        // Multinomial counts as successive conditional binomials; the mass still to share out is summed afresh from the
        // remaining patterns, so rounding in a running difference cannot push a conditional probability past 1.
        Span<int> counts = stackalloc int[1 << MaxCountedTerms];
        counts = counts[..patterns];
        counts.Clear();
        int left = shots;
        for (int i = 0; i < patterns && left > 0; i++)
        {
            double rest = 0;
            for (int j = i; j < patterns; j++)
            {
                rest += probability[j];
            }

            double conditional = rest > 0 ? Math.Min(1, probability[i] / rest) : 1;
            int k = i == patterns - 1 ? left : random.NextBinomial(left, conditional);
            counts[i] = k;
            left -= k;
        }

        double mean = 0;
        for (int i = 0; i < patterns; i++)
        {
            mean += counts[i] * PatternValue(coefficients, i);
        }

        mean = shots > 0 ? mean / shots : 0;
        double m2 = 0;
        for (int i = 0; i < patterns; i++)
        {
            double d = PatternValue(coefficients, i) - mean;
            m2 += counts[i] * d * d;
        }

        return (mean, VarianceOfMean(m2, shots, group));
    }

    /// <summary>s²/m from the sum of squared deviations; a single shot uses the bound (Σ|c|)² instead.</summary>
    private static double VarianceOfMean(double m2, int shots, MeasurementGroup group) =>
        (shots > 1 ? m2 / (shots - 1) : group.Weight * group.Weight) / shots;

    /// <summary>A shot's value when its term parities are the bits of <paramref name="pattern"/>: Σ_t c_t (−1)^{bit t}.</summary>
    private static double PatternValue(double[] coefficients, int pattern)
    {
        double y = 0;
        for (int t = 0; t < coefficients.Length; t++)
        {
            y += ((pattern >> t) & 1) != 0 ? -coefficients[t] : coefficients[t];
        }

        return y;
    }

    /// <remarks><paramref name="values"/>, when the group has a table, holds every basis state's shot value.</remarks>
    [SkipLocalsInit]
    private static (double Mean, double VarianceOfMean) EstimateShotByShot(MeasurementGroup group, double[]? values, ReadOnlySpan<Complex> source,
        int shots, SeededRandom random, ShotWorkspace workspace)
    {
        double total = ShotSampler.BuildCumulative(source, workspace.Cumulative);
        ReadOnlySpan<double> table = workspace.Cumulative;
        var coefficients = group.Coefficients;
        var supports = group.Supports;

        // The shots' uniforms are drawn a batch at a time and their outcomes and values looked up before the running
        // sums, so the searches of a batch overlap; the draws and the order of the sums are those of one shot at a time.
        Span<double> batch = stackalloc double[ShotBatch];
        Span<int> outcomes = stackalloc int[ShotBatch];
        double mean = 0, m2 = 0;
        for (int first = 1; first <= shots; first += ShotBatch)
        {
            int count = Math.Min(ShotBatch, shots - first + 1);
            var ys = batch[..count];
            random.NextDoubles(ys);
            for (int i = 0; i < ys.Length; i++)
            {
                outcomes[i] = ShotSampler.IndexAbove(table, ShotSampler.Target(ys[i], total));
            }

            if (values is null)
            {
                for (int i = 0; i < ys.Length; i++)
                {
                    ys[i] = ParitySums.Value(coefficients, supports, outcomes[i]);
                }
            }
            else
            {
                for (int i = 0; i < ys.Length; i++)
                {
                    ys[i] = values[outcomes[i]];
                }
            }

            Welford(ys, first, ref mean, ref m2);
        }

        return (mean, VarianceOfMean(m2, shots, group));
    }

    /// <summary>
    /// Welford's running mean and sum of squared deviations over <paramref name="ys"/>, the shots numbered from
    /// <paramref name="first"/>: stable, one pass, the sums kept in registers.
    /// </summary>
    private static void Welford(ReadOnlySpan<double> ys, int first, ref double mean, ref double m2)
    {
        double runningMean = mean, runningM2 = m2;
        for (int i = 0; i < ys.Length; i++)
        {
            double y = ys[i];
            double delta = y - runningMean;
            runningMean += delta / (first + i);
            runningM2 += delta * (y - runningMean);
        }

        (mean, m2) = (runningMean, runningM2);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
