using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// A shot estimate corrected for readout error, beside the uncorrected one from the same shots. Mitigation removes the
/// bias readout error causes but inflates the variance: <see cref="VarianceInflation"/> says by how much.
/// </summary>
public readonly struct MitigatedEstimate : IEquatable<MitigatedEstimate>
{
    /// <summary>Creates an estimate.</summary>
    public MitigatedEstimate(double value, double standardError, double rawValue, double rawStandardError, int shots)
    {
        Value = value;
        StandardError = standardError;
        RawValue = rawValue;
        RawStandardError = rawStandardError;
        Shots = shots;
    }

    /// <summary>The mitigated estimate (unbiased for the expectation without readout error).</summary>
    public double Value { get; }

    /// <summary>Its standard error (from the sample variance of the per-shot mitigated values).</summary>
    public double StandardError { get; }

    /// <summary>The uncorrected estimate from the same shots (biased by the readout error).</summary>
    public double RawValue { get; }

    /// <summary>The uncorrected estimate's standard error.</summary>
    public double RawStandardError { get; }

    /// <summary>Shots used.</summary>
    public int Shots { get; }

    /// <summary>(StandardError / RawStandardError)²: how many times more shots the mitigated estimate needs for the same error (NaN when the raw error is 0).</summary>
    public double VarianceInflation => RawStandardError > 0 ? (StandardError * StandardError) / (RawStandardError * RawStandardError) : double.NaN;

    /// <inheritdoc/>
    public bool Equals(MitigatedEstimate other) =>
        Value.Equals(other.Value) && StandardError.Equals(other.StandardError) && RawValue.Equals(other.RawValue)
        && RawStandardError.Equals(other.RawStandardError) && Shots == other.Shots;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is MitigatedEstimate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, StandardError, RawValue, RawStandardError, Shots);

    /// <summary>Value equality.</summary>
    public static bool operator ==(MitigatedEstimate left, MitigatedEstimate right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(MitigatedEstimate left, MitigatedEstimate right) => !left.Equals(right);

    /// <summary>Text such as <c>0.42 ± 0.031 (raw 0.38 ± 0.027, variance ×1.3, 1000 shots)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Value:R} ± {StandardError:G4} (raw {RawValue:R} ± {RawStandardError:G4}, variance ×{VarianceInflation:G3}, {Shots} shots)");
}
