using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// The negative-learning-rate (NLR) optimizer: wraps a gradient method with direction d and takes descent steps
/// θ ← θ − η⁺·d or ascent steps θ ← θ + η⁻·d, as its <see cref="INlrPolicy"/> decides (Lookahead by default).
/// η⁺_t is the base optimizer's schedule; η⁻ is <see cref="NlrOptions.NegativeRate"/> or ratio·η⁺_t.
/// </summary>
/// <remarks>
/// One step, precisely (t = <see cref="StepCount"/>):
/// <list type="number">
/// <item>Keep-best: if L(θ_t) is the lowest loss seen, θ_t is remembered.</item>
/// <item>The policy sees (t, L, ‖g‖, previous loss and phase) and may request a phase of k ascent steps.</item>
/// <item>Ascent is allowed if the previous step ascended and fewer than <see cref="NlrOptions.MaxAscentSteps"/> ascents
/// ran in a row, or if it descended and the cooldown is over. A running phase continues while allowed; otherwise a
/// request starts one. A phase that hits the cap ends.</item>
/// <item>If no phase runs, ascent is allowed and the policy needs a trial (Lookahead), the trial θ' = θ − η⁺d is
/// evaluated once; the policy may then start a phase from this step.</item>
/// <item>The step is taken; the base state advances on descent, and on ascent when
/// <see cref="NlrOptions.UpdateBaseStateDuringAscent"/> (the default).</item>
/// </list>
/// With <see cref="NlrOptions.Response"/> set to a control, a step marked for ascent instead does nothing
/// (<see cref="NlrResponse.Reject"/>) or adds Gaussian noise of the ascent's expected squared length
/// (<see cref="NlrResponse.Noise"/>); everything else is the same rule.
/// </remarks>
public sealed class NegativeLearningRate : IOptimizer, IKeepsBest
{
    private const int StateVersion = 1;
    private readonly double[] _direction;
    private readonly double[] _trial;
    private readonly double[] _best;
    private readonly SeededRandom? _noise;
    private int _phaseRemaining;
    private int _consecutiveAscents;
    private int _cooldownRemaining;
    private double _previousLoss = double.NaN;
    private NlrPhase? _previousPhase;
    private double _bestLoss = double.PositiveInfinity;
    private bool _hasBest;

    /// <summary>Wraps <paramref name="baseOptimizer"/>.</summary>
    /// <param name="baseOptimizer">The gradient method giving d and η⁺ (SGD, Momentum, Nesterov, Adagrad, RMSProp, Adam, …).</param>
    /// <param name="policy">When to ascend; default <see cref="LookaheadPolicy"/> with tolerance 0.</param>
    /// <param name="options">Shared knobs; default <see cref="NlrOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Both <see cref="NlrOptions.NegativeRate"/> and <see cref="NlrOptions.NegativeRatio"/> are set.</exception>
    public NegativeLearningRate(IGradientOptimizer baseOptimizer, INlrPolicy? policy = null, NlrOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(baseOptimizer);
        options ??= NlrOptions.Default;
        if (options.NegativeRate is not null && options.NegativeRatio is not null)
        {
            throw new ArgumentException(
                "Set NegativeRate (a fixed η⁻) or NegativeRatio (η⁻ = ratio·η⁺), not both.", nameof(options));
        }

        Base = baseOptimizer;
        Name = options.Response switch
        {
            NlrResponse.Reject => $"NLR-reject({baseOptimizer.Name})",
            NlrResponse.Noise => $"NLR-noise({baseOptimizer.Name})",
            _ => $"NLR({baseOptimizer.Name})",
        };
        _noise = options.Response == NlrResponse.Noise ? new SeededRandom(options.NoiseSeed) : null;
        Policy = policy ?? new LookaheadPolicy();
        Options = options;
        int n = baseOptimizer.ParameterCount;
        _direction = new double[n];
        _trial = new double[n];
        _best = new double[n];
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The wrapped gradient method.</summary>
    public IGradientOptimizer Base { get; }

    /// <summary>The rule that triggers ascent.</summary>
    public INlrPolicy Policy { get; }

    /// <summary>The shared knobs.</summary>
    public NlrOptions Options { get; }

    /// <inheritdoc/>
    public int ParameterCount => Base.ParameterCount;

    /// <summary>Steps taken (ascent and descent).</summary>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public int MaxTrialEvaluationsPerStep => Policy.NeedsTrial ? 1 : 0;

    /// <summary>Phase of the last step (null before the first).</summary>
    public NlrPhase? LastPhase => _previousPhase;

    /// <summary>Ascent steps in a row up to now.</summary>
    public int ConsecutiveAscents => _consecutiveAscents;

    /// <summary>Lowest step loss seen (+∞ before the first step, and always when keep-best is off).</summary>
    public double BestLoss => _bestLoss;

    /// <inheritdoc/>
    public bool KeepsBest => Options.KeepBest;

    /// <summary>Whether <see cref="BestParameters"/> holds parameters (keep-best on and at least one step taken).</summary>
    public bool HasBest => _hasBest;

    /// <summary>The parameters at which <see cref="BestLoss"/> was seen (valid when <see cref="HasBest"/>).</summary>
    public ReadOnlySpan<double> BestParameters => _best;

    /// <summary>η⁺_t, the base optimizer's rate.</summary>
    public double PositiveRate(long step) => Base.LearningRate(step);

    /// <summary>η⁻_t: the fixed <see cref="NlrOptions.NegativeRate"/>, or ratio·η⁺_t.</summary>
    public double NegativeRate(long step) =>
        Options.NegativeRate ?? ((Options.NegativeRatio ?? NlrOptions.DefaultNegativeRatio) * Base.LearningRate(step));

    /// <inheritdoc/>
    public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ITrialEvaluator? trial)
    {
        int n = ParameterCount;
        if (parameters.Length != n || gradient.Length != n)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Name} was made for {n} parameters, but got {parameters.Length} parameters and a gradient of {gradient.Length}."), nameof(parameters));
        }

        if (!double.IsFinite(loss))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The loss is {loss}; NLR compares losses, so it must be finite."), nameof(loss));
        }

        if (Options.KeepBest && loss < _bestLoss)
        {
            _bestLoss = loss;
            parameters.CopyTo(_best);
            _hasBest = true;
        }

        long t = StepCount;
        var errors = trial as ILossStandardErrors;
        var context = new NlrContext(t, loss, Norm(gradient), _previousLoss, _previousPhase, Options.PhaseLength,
            errors?.LossStandardError ?? 0, 0);
        int request = Policy.BeforeStep(context);
        bool ascentAllowed = _previousPhase == NlrPhase.Negative
            ? _consecutiveAscents < Options.MaxAscentSteps
            : _cooldownRemaining == 0;
        if (!ascentAllowed)
        {
            _phaseRemaining = 0;
        }
        else if (_phaseRemaining == 0 && request > 0)
        {
            _phaseRemaining = request;
        }

        double positive = PositiveRate(t), negative = NegativeRate(t);
        double trialLoss = double.NaN;
        if (_phaseRemaining == 0 && ascentAllowed && Policy.NeedsTrial)
        {
            if (trial is null)
            {
                throw new ArgumentNullException(nameof(trial),
                    $"The {Policy.Kind} policy evaluates a trial step; pass an ITrialEvaluator (the Trainer does) or choose a policy without trials.");
            }

            Base.ComputeDirection(gradient, _direction, advance: false);
            for (int i = 0; i < n; i++)
            {
                _trial[i] = parameters[i] - (positive * _direction[i]);
            }

            trialLoss = trial.EvaluateTrial(_trial);
            _phaseRemaining = Policy.AfterTrial(context.WithTrialError(errors?.TrialStandardError ?? 0), trialLoss);
        }

        var phase = _phaseRemaining > 0 ? NlrPhase.Negative : NlrPhase.Positive;
        if (phase == NlrPhase.Positive)
        {
            // Same arithmetic as the trial point, so an accepted trial and this step agree to the bit.
            Base.ComputeDirection(gradient, _direction, advance: true);
            for (int i = 0; i < n; i++)
            {
                parameters[i] -= positive * _direction[i];
            }

            _consecutiveAscents = 0;
            if (_cooldownRemaining > 0)
            {
                _cooldownRemaining--;
            }
        }
        else
        {
            bool advance = Options.UpdateBaseStateDuringAscent;
            if (advance || double.IsNaN(trialLoss))
            {
                // Without a trial the direction is not computed yet; with one, recompute only if the state must advance.
                Base.ComputeDirection(gradient, _direction, advance);
            }

            Displace(parameters, negative);
            _phaseRemaining--;
            _consecutiveAscents++;
            _cooldownRemaining = Options.Cooldown;
        }

        _previousLoss = loss;
        _previousPhase = phase;
        StepCount = t + 1;
        return new OptimizerStep(Reported(phase), phase == NlrPhase.Positive ? positive : Options.Response == NlrResponse.Reject ? 0 : -negative, trialLoss);
    }

    /// <summary>The ascent step, or what a control does instead (the direction is in <c>_direction</c>).</summary>
    private void Displace(Span<double> parameters, double negative)
    {
        int n = parameters.Length;
        switch (Options.Response)
        {
            case NlrResponse.Reject:
                return;
            case NlrResponse.Noise:
            {
                // σ² = (η⁻‖d‖)²/n per coordinate: E‖ξ‖² = (η⁻‖d‖)², the ascent step's squared length.
                double sigma = n == 0 ? 0 : negative * Norm(_direction) / Math.Sqrt(n);
                for (int i = 0; i < n; i++)
                {
                    parameters[i] += sigma * _noise!.NextGaussian();
                }

                return;
            }

            default:
                for (int i = 0; i < n; i++)
                {
                    parameters[i] += negative * _direction[i];
                }

                return;
        }
    }

    private NlrPhase Reported(NlrPhase phase) => phase == NlrPhase.Positive ? phase : Options.Response switch
    {
        NlrResponse.Reject => NlrPhase.Rejected,
        NlrResponse.Noise => NlrPhase.Noise,
        _ => NlrPhase.Negative,
    };

    /// <summary>Copies <see cref="BestParameters"/> into <paramref name="destination"/>; false (nothing copied) when there are none.</summary>
    public bool TryCopyBest(Span<double> destination)
    {
        if (destination.Length != ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The destination needs {ParameterCount} entries, but has {destination.Length}."), nameof(destination));
        }

        if (!_hasBest)
        {
            return false;
        }

        _best.CopyTo(destination);
        return true;
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Base.Reset();
        Policy.Reset();
        StepCount = 0;
        _phaseRemaining = 0;
        _consecutiveAscents = 0;
        _cooldownRemaining = 0;
        _previousLoss = double.NaN;
        _previousPhase = null;
        _bestLoss = double.PositiveInfinity;
        _hasBest = false;
        Array.Clear(_best);
        if (_noise is not null)
        {
            RestartGenerator(_noise);
        }
    }

    private static void RestartGenerator(SeededRandom random)
    {
        Span<ulong> state = stackalloc ulong[4];
        new SeededRandom(random.Seed).SaveState(state);
        random.RestoreState(state);
    }

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection(Name, StateVersion);
        writer.WriteInt32(ParameterCount);
        writer.WriteInt64(StepCount);
        writer.WriteInt32(_phaseRemaining);
        writer.WriteInt32(_consecutiveAscents);
        writer.WriteInt32(_cooldownRemaining);
        writer.WriteDouble(_previousLoss);
        writer.WriteInt32(_previousPhase is null ? -1 : (int)_previousPhase.Value);
        writer.WriteDouble(_bestLoss);
        writer.WriteBoolean(_hasBest);
        writer.WriteDoubles(_best);
        Base.SaveState(writer);
        Policy.SaveState(writer);
        if (_noise is not null)
        {
            // Only the noise control has a generator; its name differs from NLR's, so the layouts never meet.
            writer.WriteRandom(_noise);
        }
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection(Name, StateVersion);
        int count = reader.ReadInt32();
        if (count != ParameterCount)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"The saved {Name} state is for {count} parameters; this optimizer has {ParameterCount}."));
        }

        long steps = reader.ReadInt64();
        int phaseRemaining = reader.ReadInt32();
        int consecutive = reader.ReadInt32();
        int cooldown = reader.ReadInt32();
        double previousLoss = reader.ReadDouble();
        int previousPhase = reader.ReadInt32();
        double bestLoss = reader.ReadDouble();
        bool hasBest = reader.ReadBoolean();
        GeneratedOptimizerSupport.CheckNlrCounters(Name, steps, phaseRemaining, consecutive, cooldown, previousPhase);
        GeneratedOptimizerSupport.CheckNlrValues(Name, steps, previousLoss, previousPhase, bestLoss, hasBest, Options.KeepBest);
        reader.ReadDoubles(_best, "best parameters");
        Base.RestoreState(reader);
        Policy.RestoreState(reader);
        if (_noise is not null)
        {
            reader.ReadRandom(_noise, "noise control's generator");
        }
        StepCount = steps;
        _phaseRemaining = phaseRemaining;
        _consecutiveAscents = consecutive;
        _cooldownRemaining = cooldown;
        _previousLoss = previousLoss;
        _previousPhase = previousPhase < 0 ? null : (NlrPhase)previousPhase;
        _bestLoss = bestLoss;
        _hasBest = hasBest;
    }

    private static double Norm(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }
}
