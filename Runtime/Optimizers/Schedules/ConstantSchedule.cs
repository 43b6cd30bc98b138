namespace NegLR;

/// <summary>η_t = η for every step (PyTorch's default, PennyLane's only option).</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <summary>A constant rate <paramref name="rate"/> &gt; 0.</summary>
    public ConstantSchedule(double rate)
    {
        RequirePositive(rate, nameof(rate));
        Value = rate;
    }

    /// <summary>The rate.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    protected override double RateCore(long step) => Value;

    /// <summary>The rate, e.g. <c>0.05</c>.</summary>
    public override string ToString() => Format(Value);
}
