using System;
using System.Globalization;

namespace NegLR;

/// <summary>A shot-based estimate of an expectation value, with its standard error and the shots it cost.</summary>
public readonly struct ShotEstimate : IEquatable<ShotEstimate>
{
    /// <summary>Creates an estimate.</summary>
    public ShotEstimate(double value, double standardError, int shots)
    {
        Value = value;
        StandardError = standardError;
        Shots = shots;
    }

    /// <summary>The estimate of ⟨O⟩ (constant included).</summary>
    public double Value { get; }

    /// <summary>Estimated standard error of <see cref="Value"/>, from the sample variance within each group.</summary>
    public double StandardError { get; }

    /// <summary>Shots spent.</summary>
    public int Shots { get; }

    /// <inheritdoc/>
    public bool Equals(ShotEstimate other) =>
        Value.Equals(other.Value) && StandardError.Equals(other.StandardError) && Shots == other.Shots;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ShotEstimate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, StandardError, Shots);

    /// <summary>Value equality.</summary>
    public static bool operator ==(ShotEstimate left, ShotEstimate right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ShotEstimate left, ShotEstimate right) => !left.Equals(right);

    /// <summary>Text such as <c>-1.1 ± 0.01 (1000 shots)</c>, invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:R} ± {StandardError:G4} ({Shots} shots)");
}
