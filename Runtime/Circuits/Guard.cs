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

    /// <summary>Number of set bits (BitOperations.PopCount is not in netstandard2.0).</summary>
    public static int PopCount(int value)
    {
        uint v = (uint)value;
        v -= (v >> 1) & 0x55555555u;
        v = (v & 0x33333333u) + ((v >> 2) & 0x33333333u);
        return (int)((((v + (v >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24);
    }

    /// <summary>Order-dependent hash combination (FNV-style), stable within a process.</summary>
    public static int Combine(int hash, int value) => unchecked((hash * 16777619) ^ value);
}
