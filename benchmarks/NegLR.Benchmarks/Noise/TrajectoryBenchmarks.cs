using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks.Noise;

/// <summary>
/// The trajectory engine on the noisy standard workload, one thread: one trajectory (reset, every gate, one branch of
/// every channel drawn, ⟨Z0 Z1⟩ on the final state) and a 100-shot estimate with one trajectory per shot. A
/// density-matrix evaluation is worth 4^n / 2^n = 2^n trajectories' memory, so trajectories take over where the density
/// matrix no longer fits or costs more than the trajectories a target standard error needs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TrajectoryBenchmarks
{
    private TrajectorySimulator _simulator = null!;
    private TrajectoryWorkspace _workspace = null!;
    private ShotEstimator _estimator = null!;
    private SeededRandom _random = null!;
    private double[] _weights = null!;
    private int _seed;

    [Params(4, 8, 12, 16)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _simulator = new TrajectorySimulator(NoisyWorkload.Circuit(Qubits));
        _workspace = _simulator.CreateWorkspace();
        _weights = StandardWorkload.Weights(_simulator.WeightCount);
        _estimator = new ShotEstimator(StandardWorkload.Observable, Qubits);
        _random = new SeededRandom(1);
    }

    [Benchmark(Description = "One trajectory (expectation)")]
    public double OneTrajectory() =>
        _simulator.Estimate(_weights, System.ReadOnlySpan<double>.Empty, StandardWorkload.Observable, 1, (ulong)_seed++, _workspace).Value;

    /// <summary>Shot mode is a circuit run per shot: 1,000 shots only where that stays a benchmark rather than a wait.</summary>
    [Benchmark(Description = "100 shots, one trajectory each")]
    public double Shots() =>
        _simulator.EvaluateWithShots(_weights, System.ReadOnlySpan<double>.Empty, _estimator, 100, _random, _workspace).Value;
}
