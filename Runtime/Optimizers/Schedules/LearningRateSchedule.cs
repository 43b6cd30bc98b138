using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// The learning rate η_t as a pure function of the step t (0 for the first step), as PyTorch's <c>lr_scheduler</c>
/// classes define it. Pure means no state: a resumed run gets the same rates without saving anything, and a generator
/// can inline the formula. A plain <see cref="double"/> converts to a <see cref="ConstantSchedule"/>, so
/// <c>new Adam(n, learningRate: 0.05)</c> reads as usual.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>η at step <paramref name="step"/> (0-based).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is negative.</exception>
    public double Rate(long step)
    {
        if (step < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, "Steps count from 0.");
        }

        return RateCore(step);
    }

    /// <summary>η at step <paramref name="step"/> ≥ 0; implementations may assume the step is valid.</summary>
    protected abstract double RateCore(long step);

    /// <summary>A constant rate.</summary>
    public static implicit operator LearningRateSchedule(double rate) => new ConstantSchedule(rate);

    /// <summary>Same as the implicit conversion, for languages without it.</summary>
    public static LearningRateSchedule FromDouble(double rate) => new ConstantSchedule(rate);

    internal static void RequirePositive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number (e.g. 0.01).");
        }
    }

    internal static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
