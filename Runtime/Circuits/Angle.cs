using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// A gate angle: a constant, or an affine form <c>Scale · v + Offset</c> of one trainable weight or one data input.
/// Build it with <see cref="Circuit.Weight()"/>, <see cref="Circuit.Input(int)"/> and ordinary arithmetic
/// (<c>2 * c.Weight() + Math.PI</c>); a <see cref="double"/> converts to a constant angle.
/// </summary>
#if NEGLR_LINKED
internal
#else
public
#endif
readonly struct Angle : IEquatable<Angle>
{
    private Angle(AngleSource source, int index, double scale, double offset)
    {
        Source = source;
        Index = index;
        Scale = scale;
        Offset = offset;
    }

    /// <summary>What the angle depends on.</summary>
    public AngleSource Source { get; }

    /// <summary>The weight or input index (0 for a constant).</summary>
    public int Index { get; }

    /// <summary>Factor on the weight or input (0 for a constant).</summary>
    public double Scale { get; }

    /// <summary>The constant part (the whole value for a constant).</summary>
    public double Offset { get; }

    /// <summary>True when the angle is a trainable weight (so it has a gradient).</summary>
    public bool IsTrainable => Source == AngleSource.Weight;

    /// <summary>A constant angle.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite.</exception>
    public static Angle Constant(double value)
    {
        RequireFinite(value, nameof(value));
        return new Angle(AngleSource.Constant, 0, 0, value);
    }

    /// <summary>The angle <c>w[index]</c>.</summary>
    public static Angle OfWeight(int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "A weight index must be 0 or more.");
        }

        return new Angle(AngleSource.Weight, index, 1, 0);
    }

    /// <summary>The angle <c>x[index]</c>.</summary>
    public static Angle OfInput(int index)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "An input index must be 0 or more.");
        }

        return new Angle(AngleSource.Input, index, 1, 0);
    }

    /// <summary>The angle's value for the given weights and inputs.</summary>
    public double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) => Source switch
    {
        AngleSource.Weight => Scale * weights[Index] + Offset,
        AngleSource.Input => Scale * inputs[Index] + Offset,
        _ => Offset,
    };

    /// <summary>A constant angle.</summary>
    public static implicit operator Angle(double value) => Constant(value);

    /// <summary>Scales the angle.</summary>
    public static Angle operator *(Angle a, double k)
    {
        RequireFinite(k, nameof(k));
        return a.Source == AngleSource.Constant
            ? Constant(a.Offset * k)
            : new Angle(a.Source, a.Index, a.Scale * k, a.Offset * k);
    }

    /// <summary>Scales the angle.</summary>
    public static Angle operator *(double k, Angle a) => a * k;

    /// <summary>Divides the angle by a non-zero number.</summary>
    public static Angle operator /(Angle a, double k)
    {
        if (k == 0)
        {
            throw new DivideByZeroException("An angle cannot be divided by zero.");
        }

        return a * (1.0 / k);
    }

    /// <summary>Adds a constant.</summary>
    public static Angle operator +(Angle a, double b)
    {
        RequireFinite(b, nameof(b));
        return new Angle(a.Source, a.Index, a.Scale, a.Offset + b);
    }

    /// <summary>Adds a constant.</summary>
    public static Angle operator +(double b, Angle a) => a + b;

    /// <summary>Subtracts a constant.</summary>
    public static Angle operator -(Angle a, double b) => a + (-b);

    /// <summary>A constant minus the angle.</summary>
    public static Angle operator -(double b, Angle a) => (-a) + b;

    /// <summary>Negates the angle.</summary>
    public static Angle operator -(Angle a) => a * -1.0;

    /// <summary>Multiplies by a number (named alternative to <c>*</c>).</summary>
    public Angle Multiply(double k) => this * k;

    /// <summary>Adds a constant (named alternative to <c>+</c>).</summary>
    public Angle Add(double b) => this + b;

    /// <inheritdoc/>
    public bool Equals(Angle other) =>
        Source == other.Source && Index == other.Index && Scale.Equals(other.Scale) && Offset.Equals(other.Offset);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Angle a && Equals(a);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        Guard.Combine(Guard.Combine(Guard.Combine((int)Source, Index), Scale.GetHashCode()), Offset.GetHashCode());

    /// <summary>Value equality.</summary>
    public static bool operator ==(Angle left, Angle right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Angle left, Angle right) => !left.Equals(right);

    /// <summary>Text such as <c>w[2]</c>, <c>0.5*x[1]+0.25</c> or <c>1.5707963267948966</c> (invariant culture).</summary>
    public override string ToString()
    {
        if (Source == AngleSource.Constant)
        {
            return Format(Offset);
        }

        string variable = (Source == AngleSource.Weight ? "w[" : "x[") + Index.ToString(CultureInfo.InvariantCulture) + "]";
        string text = Scale == 1 ? variable : Scale == -1 ? "-" + variable : Format(Scale) + "*" + variable;
        if (Offset != 0)
        {
            text += (Offset > 0 ? "+" : "-") + Format(Math.Abs(Offset));
        }

        return text;
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    internal static void RequireFinite(double value, string paramName)
    {
        if (!Guard.IsFinite(value))
        {
            throw new ArgumentException($"An angle must be a finite number, but got {value.ToString(CultureInfo.InvariantCulture)}.", paramName);
        }
    }
}
