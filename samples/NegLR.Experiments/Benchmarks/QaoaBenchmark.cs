using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Benchmarks;

/// <summary>
/// QAOA for MaxCut (<see cref="Circuit.QaoaMaxCut"/>, p layers of γ and β): minimise ⟨−C⟩; the score is
/// 1 − ⟨C⟩/MaxCut, one minus the approximation ratio (MaxCut by brute force).
/// </summary>
internal sealed class QaoaBenchmark : Benchmark
{
    public QaoaBenchmark(string graph, int p)
    {
        GraphName = graph;
        Layers = p;
        (Edges, Qubits) = Graphs.Get(graph);
        Cost = Hamiltonians.MaxCut(Edges);
        MaxCut = Graphs.BruteForceMaxCut(Edges, Qubits);
    }

    public string GraphName { get; }

    public int Layers { get; }

    public (int U, int V)[] Edges { get; }

    public override int Qubits { get; }

    public PauliSum Cost { get; }

    public int MaxCut { get; }

    public override string Id => string.Create(CultureInfo.InvariantCulture, $"qaoa-{GraphName}-p{Layers}");

    public override BenchmarkFamily Family => BenchmarkFamily.Qaoa;

    public override string MetricName => "1 − approximation ratio";

    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"QAOA MaxCut on {Graphs.Describe(GraphName)} ({Qubits} vertices, {Edges.Length} edges, MaxCut = {MaxCut}), p = {Layers}");

    public override BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes)
    {
        var circuit = new Circuit(Qubits).QaoaMaxCut(Edges, Layers);
        var negated = new PauliSum(Cost.Terms.Select(t => t.WithCoefficient(-t.Coefficient)), -Cost.Constant);
        double maxCut = MaxCut;
        return new BenchmarkInstance
        {
            Circuit = circuit,
            Observable = negated,
            Objective = TrainingObjective.Expectation,
            InitialWeights = BenchmarkCatalog.UniformAngles(circuit.WeightCount, seed),
            Metric = loss => 1 + (loss / maxCut),
            Extras = _ => new SortedDictionary<string, double>(StringComparer.Ordinal) { ["max_cut"] = maxCut },
        };
    }
}
