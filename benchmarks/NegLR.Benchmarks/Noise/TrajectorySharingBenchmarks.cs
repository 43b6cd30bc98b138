using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks.Noise;

/// <summary>
/// A 100-shot estimate with one trajectory per shot on the 8-qubit hardware-efficient workload, sharing the branch
/// most trajectories take (the default) against running every trajectory in full (the same bits). Noise as the study's
/// b3-trajectories part: depolarizing p₁ = p₂/10 after every one-qubit gate and p₂ after every CNOT, so at p₂ = 10⁻³ most
/// shots never leave the shared branch and at 10⁻² about half of them leave it partway.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TrajectorySharingBenchmarks
{
    private TrajectorySimulator _shared = null!;
    private TrajectorySimulator _full = null!;
    private TrajectoryWorkspace _sharedWorkspace = null!;
    private TrajectoryWorkspace _fullWorkspace = null!;
    private ShotEstimator _estimator = null!;
    private SeededRandom _random = null!;
    private double[] _weights = null!;

    [Params(0.001, 0.01)]
    public double P2 { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var circuit = new NoiseModel()
            .AfterEach(NoiseChannel.Depolarizing(P2 / 10), GateKind.RY, GateKind.RZ)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(P2), GateKind.CNOT)
            .ApplyTo(StandardWorkload.Circuit(8));
        _shared = new TrajectorySimulator(circuit);
        _full = new TrajectorySimulator(circuit) { ShareMainPath = false };
        _sharedWorkspace = _shared.CreateWorkspace();
        _fullWorkspace = _full.CreateWorkspace();
        _weights = StandardWorkload.Weights(_shared.WeightCount);
        _estimator = new ShotEstimator(StandardWorkload.Observable, 8);
        _random = new SeededRandom(1);
    }

    [Benchmark(Baseline = true, Description = "Every trajectory in full")]
    public double Full() => _full.EvaluateWithShots(_weights, System.ReadOnlySpan<double>.Empty, _estimator, 100, _random, _fullWorkspace).Value;

    [Benchmark(Description = "Shared branch")]
    public double Shared() => _shared.EvaluateWithShots(_weights, System.ReadOnlySpan<double>.Empty, _estimator, 100, _random, _sharedWorkspace).Value;
}
