using System;
using System.Collections.Generic;
using System.Linq;
using NegLR.Experiments.Datasets;

namespace NegLR.Experiments.Benchmarks;

/// <summary>Every benchmark by id, and the two presets' selections.</summary>
internal static class BenchmarkCatalog
{
    private static readonly Lazy<IReadOnlyList<Benchmark>> AllLazy = new(Build);

    /// <summary>Every benchmark the runner knows (the paper grid).</summary>
    public static IReadOnlyList<Benchmark> All => AllLazy.Value;

    /// <summary>
    /// Ids of the quick preset: one to three of each family, small enough for under a minute on two cores. Its
    /// barren-plateau testbed is the 4-qubit one: a shot-mode step of the 6-qubit testbed alone costs as much as the rest.
    /// </summary>
    public static readonly string[] QuickIds =
    {
        "cls-moons-hea-local-ce",
        "cls-iris-hea-local-ce",
        "cls-breast-cancer-hea-local-ce",
        "vqe-h2",
        "vqe-tfim6",
        "qaoa-ring6-p2",
        "bp-random4",
    };

    /// <summary>The benchmark with this id.</summary>
    public static Benchmark Get(string id) =>
        All.FirstOrDefault(b => b.Id == id) ?? Parametric(id)
        ?? throw new ArgumentException($"Unknown benchmark '{id}'; `compare --list` shows them all (and the parametric ones: barren-plateau testbeds bp-{{random|hea|idb}}{{n}}-l{{layers}}-{{zz|cl|cg}}-s{{instance}}, sized classifiers cls-…-q{{n}}-l{{layers}}, gorge landscapes gorge{{n}}, and any of these on a noisy device with the suffix +dp{{p2}}[+ro{{r}}] or +dev-{{profile}}).", nameof(id));

    /// <summary>A benchmark named by parameters rather than listed in the catalogue; null when <paramref name="id"/> is none.</summary>
    public static Benchmark? Parametric(string id) =>
        NoisyBenchmark.TryParse(id, Get) ?? (Benchmark?)BarrenPlateauBenchmark.TryParse(id) ?? (Benchmark?)ClassificationBenchmark.TryParse(id) ?? GorgeBenchmark.TryParse(id);

    /// <summary>
    /// Benchmarks matching comma-separated patterns: an id, a prefix ending in '*' (e.g. <c>cls-iris-*</c>), or a family
    /// name (classification, vqe, qaoa, bp). Order follows the catalogue.
    /// </summary>
    public static IReadOnlyList<Benchmark> Select(string patterns)
    {
        var parts = patterns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = new List<Benchmark>();
        foreach (var p in parts)
        {
            var matches = All.Where(b => Matches(b, p)).ToList();
            if (matches.Count == 0 && Parametric(p) is { } testbed)
            {
                matches.Add(testbed);
            }

            if (matches.Count == 0)
            {
                throw new ArgumentException($"No benchmark matches '{p}'; `compare --list` shows them all.");
            }

            chosen.AddRange(matches);
        }

        // Catalogue order, then testbeds named by parameters in the order given.
        return All.Where(b => chosen.Any(c => c.Id == b.Id)).Concat(chosen.Where(c => All.All(b => b.Id != c.Id)).DistinctBy(c => c.Id)).ToList();
    }

    private static bool Matches(Benchmark b, string pattern)
    {
        if (pattern.EndsWith('*'))
        {
            return b.Id.StartsWith(pattern[..^1], StringComparison.Ordinal);
        }

        return pattern switch
        {
            "classification" => b.Family == BenchmarkFamily.Classification,
            "vqe" => b.Family == BenchmarkFamily.Vqe,
            "qaoa" => b.Family == BenchmarkFamily.Qaoa,
            "bp" or "barren-plateau" => b.Family == BenchmarkFamily.BarrenPlateau,
            _ => b.Id == pattern,
        };
    }

    /// <summary>Uniform angles in [0, 2π) from the seed's initialisation stream (shared by every optimizer: paired runs).</summary>
    public static double[] UniformAngles(int count, ulong seed)
    {
        var random = SeededRandom.ForStream(seed, 11);
        var w = new double[count];
        for (int i = 0; i < count; i++)
        {
            w[i] = random.NextDouble(0, 2 * Math.PI);
        }

        return w;
    }

    private static IReadOnlyList<Benchmark> Build()
    {
        var list = new List<Benchmark>();
        foreach (var dataset in DatasetCatalog.Names)
        {
            foreach (var ansatz in new[] { ClassifierAnsatz.HardwareEfficient, ClassifierAnsatz.StronglyEntangling })
            {
                foreach (bool global in new[] { false, true })
                {
                    foreach (var loss in new[] { ClassificationLoss.CrossEntropy, ClassificationLoss.MeanSquaredError })
                    {
                        list.Add(new ClassificationBenchmark(dataset, ansatz, global, loss));
                    }
                }
            }
        }

        list.Add(VqeBenchmark.H2());
        foreach (int n in new[] { 6, 8, 10 })
        {
            list.Add(VqeBenchmark.Tfim(n));
        }

        foreach (var graph in new[] { "ring6", "ring8", "cube8", "petersen10" })
        {
            for (int p = 1; p <= 3; p++)
            {
                list.Add(new QaoaBenchmark(graph, p));
            }
        }

        foreach (int n in new[] { 4, 6, 8, 10, 12 })
        {
            list.Add(new BarrenPlateauBenchmark(n, 10 * n, legacyId: true));
        }

        return list;
    }
}
