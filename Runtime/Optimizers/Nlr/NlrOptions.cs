using System;

namespace NegLR;

/// <summary>
/// The knobs every NLR policy shares. Defaults were tuned on small versions of the experiment benchmarks (VQE H2 and
/// TFIM, QAOA MaxCut, an angle-embedding classifier, a random-circuit barren-plateau testbed) at an equal budget of
/// circuit evaluations; docs/optimizers.md gives the grid, the result and the command that reproduces it. In short:
/// short, single ascent steps (K = 1, cap 1) at a quarter of the descent rate, a cooldown of 3, the base optimizer's
/// state kept up to date, and keep-best off (under shot noise it selects on noise).
/// </summary>
public sealed class NlrOptions
{
    /// <summary>η⁻/η⁺ when neither <see cref="NegativeRate"/> nor <see cref="NegativeRatio"/> is set.</summary>
    public const double DefaultNegativeRatio = OptimizerDefaults.NegativeRatio;

    private readonly double? _negativeRate;
    private readonly double? _negativeRatio;
    private readonly int _phaseLength = OptimizerDefaults.PhaseLength;
    private readonly int _maxAscentSteps = OptimizerDefaults.MaxAscentSteps;
    private readonly int _cooldown = OptimizerDefaults.Cooldown;
    private readonly NlrResponse _response = NlrResponse.Ascend;

    /// <summary>
    /// A fixed ascent rate η⁻ &gt; 0, used at every step whatever the base schedule does. Set this or
    /// <see cref="NegativeRatio"/>, not both.
    /// </summary>
    public double? NegativeRate
    {
        get => _negativeRate;
        init
        {
            if (value is double v && (!(v > 0) || !double.IsFinite(v)))
            {
                throw new ArgumentOutOfRangeException(nameof(NegativeRate), v, "NegativeRate η⁻ must be a positive finite number (or null to use NegativeRatio).");
            }

            _negativeRate = value;
        }
    }

    /// <summary>
    /// η⁻_t = ratio · η⁺_t, so the ascent rate follows the base optimizer's schedule. Default
    /// <see cref="DefaultNegativeRatio"/> when <see cref="NegativeRate"/> is not set either.
    /// </summary>
    public double? NegativeRatio
    {
        get => _negativeRatio;
        init
        {
            if (value is double v && (!(v > 0) || !double.IsFinite(v)))
            {
                throw new ArgumentOutOfRangeException(nameof(NegativeRatio), v, "NegativeRatio η⁻/η⁺ must be a positive finite number, e.g. 0.25.");
            }

            _negativeRatio = value;
        }
    }

    /// <summary>K: ascent steps a trigger asks for (Lookahead, Reactive, Plateau, Stochastic); default 1.</summary>
    public int PhaseLength
    {
        get => _phaseLength;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(PhaseLength), value, "PhaseLength K must be at least 1 step.");
            }

            _phaseLength = value;
        }
    }

    /// <summary>
    /// Cap on consecutive ascent steps: after this many in a row the next step descends, whatever the policy says;
    /// default 1 (one ascent, then a descent). <see cref="int.MaxValue"/> means no cap.
    /// </summary>
    public int MaxAscentSteps
    {
        get => _maxAscentSteps;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxAscentSteps), value,
                    "MaxAscentSteps must be at least 1 (to forbid ascent, use the base optimizer alone).");
            }

            _maxAscentSteps = value;
        }
    }

    /// <summary>
    /// Cooldown C: at least this many descent steps separate two ascent runs; default 3. During the cooldown Lookahead
    /// evaluates no trial, so it also saves evaluations.
    /// </summary>
    public int Cooldown
    {
        get => _cooldown;
        init
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(Cooldown), value, "Cooldown must be 0 or more steps.");
            }

            _cooldown = value;
        }
    }

    /// <summary>
    /// Whether ascent steps update the base optimizer's state (moments, momentum, step count); default true (it tuned
    /// better: the gradient seen on an ascent step is still information about the landscape). When false, the ascent
    /// uses the direction the base would produce now, but its state stays as it was.
    /// </summary>
    public bool UpdateBaseStateDuringAscent { get; init; } = OptimizerDefaults.UpdateBaseStateDuringAscent;

    /// <summary>
    /// Remember the parameters with the lowest loss seen (the loss each step starts from) and return them at the end;
    /// default false. With exact losses it is safe; with shot estimates it picks the luckiest noisy estimate (winner's
    /// curse) and measurably hurt in the tuning runs.
    /// </summary>
    public bool KeepBest { get; init; } = OptimizerDefaults.KeepBest;

    /// <summary>
    /// What a step marked for ascent does: ascend (NLR, the default), or one of the controls that isolate the ascent —
    /// skip the step (<see cref="NlrResponse.Reject"/>) or take a random kick of the same expected squared length
    /// (<see cref="NlrResponse.Noise"/>). The optimizer's <see cref="NegativeLearningRate.Name"/> says which
    /// (<c>NLR(Adam)</c>, <c>NLR-reject(Adam)</c>, <c>NLR-noise(Adam)</c>).
    /// </summary>
    public NlrResponse Response
    {
        get => _response;
        init => _response = Enum.IsDefined(value) ? value
            : throw new ArgumentOutOfRangeException(nameof(Response), value, "Choose NlrResponse.Ascend, Reject or Noise.");
    }

    /// <summary>Seed of the noise kicks (<see cref="NlrResponse.Noise"/>); default 0.</summary>
    public ulong NoiseSeed { get; init; } = OptimizerDefaults.NoiseSeed;

    /// <summary>The options with every default.</summary>
    public static NlrOptions Default { get; } = new();
}
