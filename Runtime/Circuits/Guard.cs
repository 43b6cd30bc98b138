// Compiled into the Runtime and, as linked source, into the Generator and Analyzers (netstandard2.0), so the
// compile-time circuit reader runs the very same argument checks: only APIs both targets have.
using System;

namespace NegLR;

/// <summary>Argument checks and hashing that build for netstandard2.0 and net10.0 alike.</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string paramName)
        where T : class
        => value ?? throw new ArgumentNullException(paramName);

    /// <summary>True for a number that is neither NaN nor infinite.</summary>
    public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>Order-dependent hash combination (FNV-style), stable within a process.</summary>
    public static int Combine(int hash, int value) => unchecked((hash * 16777619) ^ value);
}
