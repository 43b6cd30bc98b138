using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Backtracking line search with Armijo step halving around a gradient method — a control for NLR's Lookahead: where
/// Lookahead ascends after a worsening trial, this shrinks the step until it decreases the loss enough. With d the base
/// optimizer's direction and η_t its rate, trial k = 0, 1, … takes η = η_t/2^k and accepts θ' = θ − ηd when
/// L(θ') ≤ L(θ) − c·η·(g·d) + z·√(SE(L(θ))² + SE(L(θ'))²) (the Armijo sufficient-decrease condition; the last term only
/// under shot noise with <see cref="StandardErrors"/> z &gt; 0). After <see cref="MaxHalvings"/> failed halvings the step is
/// rejected (θ unchanged). Each trial costs one loss evaluation per batch row and one sequential round trip.
/// </summary>
/// <remarks>
/// The base state (moments, step count) advances once per step, accepted or not, so a rejected step does not freeze the
/// base optimizer (a frozen state would try the same step again). Nocedal &amp; Wright, Numerical Optimization, Alg. 3.1.
/// </remarks>
public sealed class Backtracking : IOptimizer
{
    private const int StateVersion = 1;
    private readonly double[] _direction;
    private readonly double[] _trial;

    /// <summary>Wraps <paramref name="baseOptimizer"/>.</summary>
    /// <param name="baseOptimizer">Gives d and η_t (SGD is the textbook case: d = g).</param>
    /// <param name="sufficientDecrease">c in (0, 1); default 1e-4.</param>
    /// <param name="maxHalvings">Halvings after the first trial, 0 or more; default 4 (at most 5 trials, down to η_t/16).</param>
    /// <param name="standardErrors">z ≥ 0 standard errors of slack under shot noise; default 0.</param>
    public Backtracking(IGradientOptimizer baseOptimizer, double sufficientDecrease = OptimizerDefaults.SufficientDecrease,
        int maxHalvings = OptimizerDefaults.MaxHalvings, double standardErrors = 0)
    {
        ArgumentNullException.ThrowIfNull(baseOptimizer);
        if (!(sufficientDecrease > 0 && sufficientDecrease < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(sufficientDecrease), sufficientDecrease, "The Armijo constant c must lie in (0, 1); 1e-4 is usual.");
        }

        if (maxHalvings is < 0 or > 60)
        {
            throw new ArgumentOutOfRangeException(nameof(maxHalvings), maxHalvings, "maxHalvings must be 0 to 60 (each halving is one more trial); 4 is the default.");
        }

        if (!(standardErrors >= 0) || !double.IsFinite(standardErrors))
        {
            throw new ArgumentOutOfRangeException(nameof(standardErrors), standardErrors, "standardErrors must be 0 or a positive number.");
        }

        Base = baseOptimizer;
        SufficientDecrease = sufficientDecrease;
        MaxHalvings = maxHalvings;
        StandardErrors = standardErrors;
        Name = $"Backtracking({baseOptimizer.Name})";
        _direction = new double[baseOptimizer.ParameterCount];
        _trial = new double[baseOptimizer.ParameterCount];
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The wrapped gradient method.</summary>
    public IGradientOptimizer Base { get; }

    /// <summary>c.</summary>
    public double SufficientDecrease { get; }

    /// <summary>Most halvings per step.</summary>
    public int MaxHalvings { get; }

    /// <summary>z.</summary>
    public double StandardErrors { get; }

    /// <inheritdoc/>
    public int ParameterCount => Base.ParameterCount;

    /// <inheritdoc/>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public int MaxTrialEvaluationsPerStep => MaxHalvings + 1;

    /// <summary>Steps rejected so far (no trial met the condition).</summary>
    public long Rejections { get; private set; }

    /// <inheritdoc/>
    public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ITrialEvaluator? trial)
    {
        int n = ParameterCount;
        GeneratedOptimizerSupport.CheckBacktrackingStep(Name, n, parameters.Length, gradient.Length, loss);

        ArgumentNullException.ThrowIfNull(trial, nameof(trial));
        double rate = Base.LearningRate(Base.StepCount);
        Base.ComputeDirection(gradient, _direction, advance: false);
        double slope = 0;
        for (int i = 0; i < n; i++)
        {
            slope += gradient[i] * _direction[i];
        }

        var errors = trial as ILossStandardErrors;
        double trialLoss = double.NaN;
        double eta = rate;
        bool accepted = false;
        for (int k = 0; k <= MaxHalvings; k++)
        {
            for (int i = 0; i < n; i++)
            {
                _trial[i] = parameters[i] - (eta * _direction[i]);
            }

            trialLoss = trial.EvaluateTrial(_trial);
            double slack = 0;
            if (StandardErrors > 0 && errors is not null)
            {
                double a = errors.LossStandardError, b = errors.TrialStandardError;
                slack = StandardErrors * Math.Sqrt((a * a) + (b * b));
            }

            if (trialLoss <= loss - (SufficientDecrease * eta * slope) + slack)
            {
                accepted = true;
                break;
            }

            eta /= 2;
        }

        // The base state moves once per step whether or not the step was taken.
        Base.ComputeDirection(gradient, _direction, advance: true);
        StepCount++;
        if (!accepted)
        {
            Rejections++;
            return new OptimizerStep(NlrPhase.Rejected, 0, trialLoss);
        }

        _trial.CopyTo(parameters);
        return new OptimizerStep(NlrPhase.Positive, eta, trialLoss);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        Base.Reset();
        StepCount = 0;
        Rejections = 0;
    }

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection(Name, StateVersion);
        writer.WriteInt32(ParameterCount);
        writer.WriteInt64(StepCount);
        writer.WriteInt64(Rejections);
        Base.SaveState(writer);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection(Name, StateVersion);
        GeneratedOptimizerSupport.CheckSavedCount(Name, reader.ReadInt32(), ParameterCount);
        long steps = reader.ReadInt64();
        long rejections = reader.ReadInt64();
        GeneratedOptimizerSupport.CheckBacktrackingCounters(Name, steps, rejections);

        Base.RestoreState(reader);
        StepCount = steps;
        Rejections = rejections;
    }
}
