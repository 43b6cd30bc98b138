using System;
using System.Collections.Immutable;
using System.Threading;

namespace NegLR;

/// <summary>
/// Per-basis-state shot values for the measurement groups a <see cref="ShotEstimator"/> draws shot by shot (more than
/// <see cref="ShotEstimator.MaxCountedTerms"/> terms), so the per-shot loop stops re-deriving term parities: each basis
/// state's value Σ_t c_t (−1)^{|b ∧ s_t|}, summed in term order exactly as the shot loop sums it (so a shot's value is
/// the same bits either way). Counted groups need none: their per-amplitude parities of at most four terms cost less
/// than a table read (measured).
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
    private readonly double[]?[] _values;

    /// <summary>Decides which shot-by-shot groups' tables fit the budgets, in group order; the tables are built on first use.</summary>
    public GroupLookup(ImmutableArray<MeasurementGroup> groups, int qubits, int maxCountedTerms)
    {
        _groups = groups;
        _size = 1 << qubits;
        _affordable = new bool[groups.Length];
        _values = new double[]?[groups.Length];
        long entries = 0, work = 0;
        for (int g = 0; g < groups.Length; g++)
        {
            long cost = (long)_size * groups[g].Coefficients.Length;
            if (groups[g].Coefficients.Length > maxCountedTerms && entries + _size <= EntryBudget && work + cost <= WorkBudget)
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
        if (!_affordable[g])
        {
            return null;
        }

        var table = Volatile.Read(ref _values[g]);
        return table ?? Interlocked.CompareExchange(ref _values[g], ParitySums.Table(_groups[g].Coefficients, _groups[g].Supports, _size), null) ?? _values[g];
    }
}
