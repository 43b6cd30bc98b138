using System;

namespace NegLR;

/// <summary>
/// Ascends on plateaus: the EMA e_t = β·e_{t−1} + (1 − β)·‖g_t‖ (started at e_0 = ‖g_0‖, so a large first gradient is not
/// averaged with an imaginary zero) is compared with τ every step; after W consecutive steps with e_t &lt; τ, a phase of K
/// ascent steps starts and the count restarts from 0. The EMA keeps running through ascent phases and cooldowns, so if
/// the optimizer is still on the plateau W steps after a trigger, it triggers again.
/// </summary>
public sealed class PlateauPolicy : INlrPolicy
{
    private const int StateVersion = 1;
    private double _ema;
    private long _below;
    private bool _started;

    /// <summary>Creates the policy.</summary>
    /// <param name="threshold">τ &gt; 0 for the gradient-norm EMA; default 1e-3.</param>
    /// <param name="window">W ≥ 1 consecutive steps below τ; default 10.</param>
    /// <param name="decay">β in [0, 1) of the EMA; default 0.9 (about 10 steps of memory).</param>
    public PlateauPolicy(double threshold = OptimizerDefaults.PlateauThreshold, int window = OptimizerDefaults.PlateauWindow,
        double decay = OptimizerDefaults.PlateauDecay)
    {
        if (!(threshold > 0) || !double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold τ must be a positive gradient norm, e.g. 1e-3.");
        }

        if (window < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "window W must be at least 1 step.");
        }

        if (!(decay >= 0 && decay < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(decay), decay, "decay β must lie in [0, 1); 0.9 is the usual choice.");
        }

        Threshold = threshold;
        Window = window;
        Decay = decay;
    }

    /// <summary>τ.</summary>
    public double Threshold { get; }

    /// <summary>W.</summary>
    public int Window { get; }

    /// <summary>β.</summary>
    public double Decay { get; }

    /// <summary>The current EMA of the gradient norm (NaN before the first step).</summary>
    public double GradientNormAverage => _started ? _ema : double.NaN;

    /// <inheritdoc/>
    public NlrPolicy Kind => NlrPolicy.Plateau;

    /// <inheritdoc/>
    public bool NeedsTrial => false;

    /// <inheritdoc/>
    public int BeforeStep(in NlrContext context)
    {
        _ema = _started ? (Decay * _ema) + ((1 - Decay) * context.GradientNorm) : context.GradientNorm;
        _started = true;
        _below = _ema < Threshold ? _below + 1 : 0;
        if (_below < Window)
        {
            return 0;
        }

        _below = 0;
        return context.PhaseLength;
    }

    /// <inheritdoc/>
    public int AfterTrial(in NlrContext context, double trialLoss) => 0;

    /// <inheritdoc/>
    public void Reset()
    {
        _ema = 0;
        _below = 0;
        _started = false;
    }

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection("NLR.Plateau", StateVersion);
        writer.WriteDouble(_ema);
        writer.WriteInt64(_below);
        writer.WriteBoolean(_started);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection("NLR.Plateau", StateVersion);
        double ema = reader.ReadDouble();
        long below = reader.ReadInt64();
        bool started = reader.ReadBoolean();
        GeneratedOptimizerSupport.CheckPlateauState(ema, below, started);

        _ema = ema;
        _below = below;
        _started = started;
    }
}
