using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Shared plumbing of the gradient methods: argument checks, the schedule, the step counter, the descent step and the
/// state envelope. A derived class only writes its direction formula and its own state.
/// </summary>
public abstract class GradientOptimizer : IGradientOptimizer
{
    private const int EnvelopeVersion = 1;
    private readonly double[] _direction;

    /// <summary>Creates the optimizer for <paramref name="parameterCount"/> parameters.</summary>
    /// <param name="parameterCount">Number of parameters, 0 or more.</param>
    /// <param name="learningRate">η_t; a plain double is a constant rate.</param>
    protected GradientOptimizer(int parameterCount, LearningRateSchedule learningRate)
    {
        if (parameterCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(parameterCount), parameterCount, "The parameter count must be 0 or more.");
        }

        ArgumentNullException.ThrowIfNull(learningRate);
        ParameterCount = parameterCount;
        Schedule = learningRate;
        _direction = new double[parameterCount];
    }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public int ParameterCount { get; }

    /// <inheritdoc/>
    public LearningRateSchedule Schedule { get; }

    /// <summary>Directions computed with <c>advance</c> (the steps this optimizer's own state has seen).</summary>
    public long StepCount { get; private set; }

    /// <inheritdoc/>
    public int MaxTrialEvaluationsPerStep => 0;

    /// <inheritdoc/>
    public double LearningRate(long step) => Schedule.Rate(step);

    /// <inheritdoc/>
    public void ComputeDirection(ReadOnlySpan<double> gradient, Span<double> direction, bool advance = true)
    {
        CheckLength(gradient.Length, nameof(gradient));
        CheckLength(direction.Length, nameof(direction));
        for (int i = 0; i < gradient.Length; i++)
        {
            if (!double.IsFinite(gradient[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"gradient[{i}] is {gradient[i]}; the gradient must be finite (check the loss and the circuit's angles)."), nameof(gradient));
            }
        }

        Direction(gradient, direction, StepCount, advance);
        if (advance)
        {
            StepCount++;
        }
    }

    /// <inheritdoc/>
    public void Step(Span<double> parameters, ReadOnlySpan<double> gradient)
    {
        CheckLength(parameters.Length, nameof(parameters));
        double rate = LearningRate(StepCount);
        ComputeDirection(gradient, _direction);
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] -= rate * _direction[i];
        }
    }

    /// <inheritdoc/>
    public OptimizerStep Step(Span<double> parameters, ReadOnlySpan<double> gradient, double loss, ITrialEvaluator? trial)
    {
        double rate = LearningRate(StepCount);
        Step(parameters, gradient);
        return new OptimizerStep(NlrPhase.Positive, rate, double.NaN);
    }

    /// <inheritdoc/>
    public void Reset()
    {
        StepCount = 0;
        ResetState();
    }

    /// <inheritdoc/>
    public void SaveState(CheckpointWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteSection(Name, EnvelopeVersion);
        writer.WriteInt32(ParameterCount);
        writer.WriteInt64(StepCount);
        SaveStateCore(writer);
    }

    /// <inheritdoc/>
    public void RestoreState(CheckpointReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.ReadSection(Name, EnvelopeVersion);
        int count = reader.ReadInt32();
        if (count != ParameterCount)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture,
                $"The saved {Name} state is for {count} parameters; this optimizer has {ParameterCount}."));
        }

        long steps = reader.ReadInt64();
        if (steps < 0)
        {
            throw new CheckpointException(string.Create(CultureInfo.InvariantCulture, $"The saved {Name} state has a negative step count ({steps})."));
        }

        RestoreStateCore(reader);
        StepCount = steps;
    }

    /// <summary>
    /// Writes the direction for step <paramref name="step"/> (0-based: the number of advancing calls so far) and, when
    /// <paramref name="advance"/> is set, stores the updated state. Must compute the same direction either way.
    /// Lengths and finiteness are already checked.
    /// </summary>
    protected abstract void Direction(ReadOnlySpan<double> gradient, Span<double> direction, long step, bool advance);

    /// <summary>Clears the optimizer's own state (moments, accumulators).</summary>
    protected abstract void ResetState();

    /// <summary>Writes the optimizer's own state after the shared envelope.</summary>
    protected abstract void SaveStateCore(CheckpointWriter writer);

    /// <summary>Reads what <see cref="SaveStateCore"/> wrote.</summary>
    protected abstract void RestoreStateCore(CheckpointReader reader);

    /// <summary>Checks a hyperparameter lies in [0, 1).</summary>
    protected static void RequireUnitInterval(double value, string name, string hint)
    {
        if (!(value >= 0 && value < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [0, 1); {hint}");
        }
    }

    /// <summary>Checks a hyperparameter is positive and finite.</summary>
    protected static void RequirePositive(double value, string name, string hint)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number; {hint}");
        }
    }

    private void CheckLength(int length, string name)
    {
        if (length != ParameterCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{Name} was made for {ParameterCount} parameters, but {name} has {length}; create the optimizer with the model's parameter count."), name);
        }
    }
}
