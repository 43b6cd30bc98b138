using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Experiments.Benchmarks;

/// <summary>
/// The barren-plateau testbed after McClean et al. (Nat. Commun. 9, 4812, 2018): RY(π/4) on every qubit, then
/// <see cref="Layers"/> layers of a rotation about a random axis (X, Y or Z, fixed per benchmark) on every qubit and a
/// ladder of CZ gates; cost ⟨Z0 Z1⟩, minimum −1. With <see cref="Layers"/> = 10n the gradient variance at a uniform
/// random start matches the unitary-2-design value (the variance verb measures it), so runs start inside the plateau.
/// Score: ⟨Z0 Z1⟩ + 1.
/// </summary>
internal sealed class BarrenPlateauBenchmark : Benchmark
{
    /// <summary>Seed of the random gate axes (the circuit is part of the benchmark; run seeds change only the start).</summary>
    public const ulong StructureSeed = 2018;

    public BarrenPlateauBenchmark(int qubits, int layers)
    {
        Qubits = qubits;
        Layers = layers;
    }

    public override int Qubits { get; }

    public int Layers { get; }

    public override string Id => string.Create(CultureInfo.InvariantCulture, $"bp-random{Qubits}");

    public override BenchmarkFamily Family => BenchmarkFamily.BarrenPlateau;

    public override string MetricName => "⟨Z0 Z1⟩ + 1";

    /// <summary>
    /// Shot modes only up to 8 qubits: a shot-based parameter-shift step costs 2·(10n²) + 1 state preparations, which is
    /// hours per run beyond that on a laptop (exact mode covers 10 and 12 qubits).
    /// </summary>
    public override bool SupportsShots(int shots) => Qubits <= 8;

    public override string Description => string.Create(CultureInfo.InvariantCulture,
        $"random circuit after McClean et al. (2018), {Qubits} qubits, {Layers} layers of random-axis rotations and CZ ladders ({Qubits * Layers} weights), cost Z0 Z1, uniform random start (inside the plateau)");

    public override BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes)
    {
        var circuit = RandomCircuits.McClean(Qubits, Layers, new SeededRandom(StructureSeed + (ulong)Qubits));
        return new BenchmarkInstance
        {
            Circuit = circuit,
            Observable = PauliSum.Parse("Z0 Z1"),
            Objective = TrainingObjective.Expectation,
            InitialWeights = BenchmarkCatalog.UniformAngles(circuit.WeightCount, seed),
            Metric = loss => loss + 1,
            Extras = _ => new SortedDictionary<string, double>(StringComparer.Ordinal),
        };
    }
}

/// <summary>Random parameterised circuits.</summary>
internal static class RandomCircuits
{
    /// <summary>
    /// McClean et al.'s random circuit: RY(π/4) on every qubit, then per layer a rotation about an axis drawn uniformly
    /// from {X, Y, Z} (each with a fresh weight) on every qubit, then CZ(q, q+1) for q = 0 … n−2.
    /// </summary>
    public static Circuit McClean(int qubits, int layers, SeededRandom structure)
    {
        var c = new Circuit(qubits);
        for (int q = 0; q < qubits; q++)
        {
            c.RY(q, Math.PI / 4);
        }

        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < qubits; q++)
            {
                var axis = structure.NextInt(3) switch { 0 => Rotation.X, 1 => Rotation.Y, _ => Rotation.Z };
                c.Rotate(axis, q, c.Weight());
            }

            for (int q = 0; q + 1 < qubits; q++)
            {
                c.CZ(q, q + 1);
            }
        }

        return c;
    }
}
