using System;
using System.Globalization;

namespace NegLR;

/// <summary>A Monte-Carlo estimate over trajectories: the mean, its standard error, and how many trajectories it used.</summary>
public readonly struct TrajectoryEstimate : IEquatable<TrajectoryEstimate>
{
    /// <summary>Creates an estimate.</summary>
    public TrajectoryEstimate(double value, double standardError, int trajectories)
    {
        Value = value;
        StandardError = standardError;
        Trajectories = trajectories;
    }

    /// <summary>The mean over trajectories.</summary>
    public double Value { get; }

    /// <summary>s/√T from the trajectories' sample standard deviation (0 for a single trajectory).</summary>
    public double StandardError { get; }

    /// <summary>Number of trajectories.</summary>
    public int Trajectories { get; }

    /// <inheritdoc/>
    public bool Equals(TrajectoryEstimate other) =>
        Value.Equals(other.Value) && StandardError.Equals(other.StandardError) && Trajectories == other.Trajectories;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TrajectoryEstimate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, StandardError, Trajectories);

    /// <summary>Value equality.</summary>
    public static bool operator ==(TrajectoryEstimate left, TrajectoryEstimate right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(TrajectoryEstimate left, TrajectoryEstimate right) => !left.Equals(right);

    /// <summary>Text such as <c>0.0925 ± 0.0031 (2000 trajectories)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Value:R} ± {StandardError:G4} ({Trajectories} trajectories)");
}
