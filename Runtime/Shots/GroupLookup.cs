using System;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Threading;

namespace NegLR;

/// <summary>
/// Per-basis-state lookups for one measurement group, made once per <see cref="ShotEstimator"/> so that the per-shot and
/// per-amplitude loops stop re-deriving term parities on every estimate. A group drawn shot by shot gets each basis
/// state's shot value Σ_t c_t (−1)^{|b ∧ s_t|}, summed in term order exactly as the shot loop sums it (so a shot's value
/// is the same bits either way); a counted group gets each basis state's parity pattern (bit t = parity of term t).
/// </summary>
/// <remarks>
/// A table costs 2^n entries and 2^n × terms parity evaluations to build. A term-heavy observable pays that back within
/// a few estimates: the global-projector cost on 8 qubits (256 terms) spent 256 parities per shot, so at 1,000 shots
/// every estimate did what the whole table costs once. Tables beyond <see cref="EntryBudget"/> entries or
/// <see cref="WorkBudget"/> parity evaluations (per estimator) are not built; those groups keep the per-shot loop.
/// </remarks>
internal sealed class GroupLookup
{
    /// <summary>Most table entries one estimator keeps, over all its groups (16 MB of shot values).</summary>
    public const long EntryBudget = 1L << 21;

    /// <summary>Most parity evaluations one estimator spends building its tables (well under a second).</summary>
    public const long WorkBudget = 1L << 27;

    private readonly ImmutableArray<MeasurementGroup> _groups;
    private readonly bool[] _affordable;
    private readonly int _size;
    private readonly int _maxCountedTerms;
    private readonly double[]?[] _values;
    private readonly byte[]?[] _patterns;

    /// <summary>Decides which groups' tables fit the budgets, in group order; the tables are built on first use.</summary>
    public GroupLookup(ImmutableArray<MeasurementGroup> groups, int qubits, int maxCountedTerms)
    {
        _groups = groups;
        _size = 1 << qubits;
        _maxCountedTerms = maxCountedTerms;
        _affordable = new bool[groups.Length];
        _values = new double[]?[groups.Length];
        _patterns = new byte[]?[groups.Length];
        long entries = 0, work = 0;
        for (int g = 0; g < groups.Length; g++)
        {
            long cost = (long)_size * groups[g].Coefficients.Length;
            if (entries + _size <= EntryBudget && work + cost <= WorkBudget)
            {
                entries += _size;
                work += cost;
                _affordable[g] = true;
            }
        }
    }

    /// <summary>
    /// Group <paramref name="g"/>'s shot values (a group drawn shot by shot), built on the first call — an exact-mode
    /// trainer that never draws a shot never pays for them; null when over budget. Thread-safe: racing builders make
    /// equal tables.
    /// </summary>
    public double[]? ShotValues(int g)
    {
        if (!_affordable[g] || _groups[g].Coefficients.Length <= _maxCountedTerms)
        {
            return null;
        }

        var table = Volatile.Read(ref _values[g]);
        return table ?? Interlocked.CompareExchange(ref _values[g], BuildShotValues(_groups[g], _size), null) ?? _values[g];
    }

    /// <summary>Group <paramref name="g"/>'s parity patterns (a counted group), built on the first call; null when over budget.</summary>
    public byte[]? Patterns(int g)
    {
        if (!_affordable[g] || _groups[g].Coefficients.Length > _maxCountedTerms)
        {
            return null;
        }

        var table = Volatile.Read(ref _patterns[g]);
        return table ?? Interlocked.CompareExchange(ref _patterns[g], BuildPatterns(_groups[g], _size), null) ?? _patterns[g];
    }

    /// <summary>Each basis state's shot value, with the shot loop's own arithmetic (same order, same bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] BuildShotValues(MeasurementGroup group, int size)
    {
        var coefficients = group.Coefficients;
        var supports = group.Supports;
        var table = new double[size];
        for (int b = 0; b < size; b++)
        {
            table[b] = ShotValue(coefficients, supports, b);
        }

        return table;
    }

    /// <summary>The value of a shot that landed on basis state <paramref name="b"/>: Σ_t c_t (−1)^{|b ∧ s_t|}, in term order.</summary>
    public static double ShotValue(double[] coefficients, int[] supports, int b)
    {
        double y = 0;
        for (int t = 0; t < coefficients.Length; t++)
        {
            y += (BitOperations.PopCount((uint)(b & supports[t])) & 1) != 0 ? -coefficients[t] : coefficients[t];
        }

        return y;
    }

    /// <summary>The parity pattern of basis state <paramref name="b"/>: bit t is the parity of term t's support in b.</summary>
    public static int Pattern(int[] supports, int b)
    {
        int pattern = 0;
        for (int t = 0; t < supports.Length; t++)
        {
            pattern |= (BitOperations.PopCount((uint)(b & supports[t])) & 1) << t;
        }

        return pattern;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] BuildPatterns(MeasurementGroup group, int size)
    {
        var supports = group.Supports;
        var table = new byte[size];
        for (int b = 0; b < size; b++)
        {
            table[b] = (byte)Pattern(supports, b);
        }

        return table;
    }
}
