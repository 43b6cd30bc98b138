using System;
using System.Collections.Generic;

namespace NegLR.Experiments.Benchmarks;

/// <summary>The four kinds of problem the comparison runs on.</summary>
internal enum BenchmarkFamily
{
    Classification,
    Vqe,
    Qaoa,
    BarrenPlateau,

    /// <summary>Analytic landscapes (no circuit): the mechanism block's plateau-with-gorge functions.</summary>
    Synthetic,
}

/// <summary>
/// Sizes that change with the preset: classification split sizes and rows per step (0 = full batch); everything else is
/// fixed by the benchmark.
/// </summary>
internal sealed record BenchmarkSizes(int TrainRows, int TestRows, int BatchRows = 0)
{
    public static BenchmarkSizes Quick { get; } = new(32, 32, 0);

    public static BenchmarkSizes Paper { get; } = new(80, 80, 16);
}

/// <summary>One benchmark problem: a circuit, an observable, what is minimised and how the result is scored.</summary>
internal abstract class Benchmark
{
    /// <summary>Stable identifier used on the command line, in file names and in summary.json.</summary>
    public abstract string Id { get; }

    public abstract BenchmarkFamily Family { get; }

    /// <summary>One sentence for the report.</summary>
    public abstract string Description { get; }

    /// <summary>Name of the score (lower is better, 0 is perfect).</summary>
    public abstract string MetricName { get; }

    /// <summary>Qubits of the circuit.</summary>
    public abstract int Qubits { get; }

    /// <summary>Whether this benchmark runs in a shot mode with <paramref name="shots"/> shots per evaluation (otherwise exact only).</summary>
    public virtual bool SupportsShots(int shots) => true;

    /// <summary>Builds the problem for one seed (the seed picks the data split and the initial weights).</summary>
    public abstract BenchmarkInstance Create(ulong seed, BenchmarkSizes sizes);

    public override string ToString() => Id;
}

/// <summary>How a noisy benchmark's circuit runs: its noise model, and which engine serves shot mode.</summary>
/// <param name="Model">Channels after gates and the readout error.</param>
/// <param name="Trajectories">Shot mode runs one trajectory per shot (larger registers); otherwise the density matrix
/// samples its exact noisy distribution. Exact mode always runs the density matrix.</param>
internal sealed record NoiseSetup(NoiseModel Model, bool Trajectories);

/// <summary>A benchmark made concrete for one seed.</summary>
internal sealed record BenchmarkInstance
{
    public required Circuit Circuit { get; init; }

    public required PauliSum Observable { get; init; }

    /// <summary>The training objective (classification data, or <see cref="TrainingObjective.Expectation"/>).</summary>
    public required TrainingObjective Objective { get; init; }

    public required double[] InitialWeights { get; init; }

    /// <summary>Maps a loss (step loss or final exact loss) to the benchmark's score: ≥ 0, lower is better.</summary>
    public required Func<double, double> Metric { get; init; }

    /// <summary>Extra numbers about the final weights (test accuracy, approximation ratio, energy, …).</summary>
    public required Func<double[], SortedDictionary<string, double>> Extras { get; init; }

    /// <summary>Rows one loss evaluation runs the circuit on (1 without data).</summary>
    public int Rows => Objective.BatchSize;

    /// <summary>Blocks layerwise training can grow (0: the benchmark does not offer layerwise training).</summary>
    public int LayerwiseBlocks { get; init; }

    /// <summary>The circuit of the first k blocks (k = 1 … <see cref="LayerwiseBlocks"/>), each a prefix of the next.</summary>
    public Func<int, Circuit>? CircuitForBlocks { get; init; }

    /// <summary>The identity-block start, for benchmarks built of mirrored blocks; null elsewhere.</summary>
    public IWeightInitializer? IdentityBlocks { get; init; }

    /// <summary>The device noise the circuit runs under; null for an ideal device.</summary>
    public NoiseSetup? Noise { get; init; }
}
