using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Benchmarks;

/// <summary>The MaxCut graphs: rings and 3-regular graphs.</summary>
internal static class Graphs
{
    public static ((int U, int V)[] Edges, int Vertices) Get(string name)
    {
        if (name.StartsWith("ring", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            return (Enumerable.Range(0, n).Select(i => (i, (i + 1) % n)).ToArray(), n);
        }

        return name switch
        {
            // The 3-cube: vertices are 3-bit words, edges join words one bit apart (3-regular, bipartite).
            "cube8" => (Enumerable.Range(0, 8).SelectMany(v => new[] { 1, 2, 4 }.Where(b => (v & b) == 0).Select(b => (v, v | b))).ToArray(), 8),
            // The Petersen graph: outer 5-cycle, inner pentagram, spokes (3-regular, not bipartite, MaxCut 12).
            "petersen10" => (Enumerable.Range(0, 5).Select(i => (i, (i + 1) % 5))
                .Concat(Enumerable.Range(0, 5).Select(i => (5 + i, 5 + ((i + 2) % 5))))
                .Concat(Enumerable.Range(0, 5).Select(i => (i, 5 + i))).ToArray(), 10),
            // The complete graph K5 (MaxCut 6): a tuning problem only.
            "complete5" => (Enumerable.Range(0, 5).SelectMany(u => Enumerable.Range(u + 1, 4 - u).Select(v => (u, v))).ToArray(), 5),
            _ => throw new ArgumentException($"Unknown graph '{name}' (ringN, cube8, petersen10).", nameof(name)),
        };
    }

    public static string Describe(string name) => name switch
    {
        "cube8" => "the 3-cube (3-regular, bipartite)",
        "petersen10" => "the Petersen graph (3-regular, not bipartite)",
        "complete5" => "the complete graph K5",
        _ => "a ring",
    };

    /// <summary>The largest number of edges any bipartition cuts (all 2^(n−1) partitions).</summary>
    public static int BruteForceMaxCut(IReadOnlyList<(int U, int V)> edges, int vertices)
    {
        int best = 0;
        for (int mask = 0; mask < 1 << (vertices - 1); mask++)
        {
            int cut = 0;
            foreach (var (u, v) in edges)
            {
                if (((mask >> u) & 1) != ((mask >> v) & 1))
                {
                    cut++;
                }
            }

            best = Math.Max(best, cut);
        }

        return best;
    }
}
