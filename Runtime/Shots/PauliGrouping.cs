using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace NegLR;

/// <summary>
/// Partitions a Pauli sum into groups measurable together, so a shot budget is spent on settings, not on terms.
/// </summary>
public static class PauliGrouping
{
    /// <summary>
    /// Groups the terms into qubit-wise commuting (QWC) sets, greedily: terms are taken in order of decreasing |c|
    /// (ties keep the sum's order) and each joins the first group whose letters it matches on every shared qubit, else
    /// opens a new group ("sorted insertion", Crawford et al., Quantum 5, 385 (2021)). Deterministic. The constant is
    /// not measured and belongs to no group.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="observable"/> is null.</exception>
    public static ImmutableArray<MeasurementGroup> QubitWiseCommuting(PauliSum observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        // Largest first: heavy terms seed the groups, so light terms fill in rather than fragmenting heavy ones.
        var ordered = observable.Terms.Select((t, i) => (Term: t, Index: i))
            .OrderByDescending(p => Math.Abs(p.Term.Coefficient)).ThenBy(p => p.Index).Select(p => p.Term);
        var groups = new List<(List<PauliTerm> Terms, int X, int Z)>();
        foreach (var t in ordered)
        {
            int g = groups.FindIndex(gr => AreQubitWiseCommuting(t.XMask, t.ZMask, gr.X, gr.Z));
            if (g < 0)
            {
                groups.Add((new List<PauliTerm> { t }, t.XMask, t.ZMask));
            }
            else
            {
                var (terms, x, z) = groups[g];
                terms.Add(t);
                groups[g] = (terms, x | t.XMask, z | t.ZMask);
            }
        }

        return groups.Select(g => new MeasurementGroup(g.Terms.ToImmutableArray(), g.X, g.Z)).ToImmutableArray();
    }

    /// <summary>True when on every qubit the two strings have the same letter or one has I (so one setting measures both).</summary>
    public static bool AreQubitWiseCommuting(PauliTerm a, PauliTerm b) => AreQubitWiseCommuting(a.XMask, a.ZMask, b.XMask, b.ZMask);

    /// <summary>QWC test on symplectic masks: on the shared support, the X parts and the Z parts agree.</summary>
    internal static bool AreQubitWiseCommuting(int xa, int za, int xb, int zb)
    {
        int shared = (xa | za) & (xb | zb);
        return (((xa ^ xb) | (za ^ zb)) & shared) == 0;
    }
}
