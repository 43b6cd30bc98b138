using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks.Noise;

/// <summary>
/// The density-matrix engine on the noisy standard workload, one thread: a full evaluation (reset, every gate and
/// channel, ⟨Z0 Z1⟩) and the adjoint gradient through the channels. PEERS.md's QuEST figures per evaluation: 44 µs
/// (n = 2), 235 µs (4), 1.65 ms (6), 36 ms (8), 1.07 s (10), 29 s (12); neither QuEST nor Qulacs gives gradients.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DensityMatrixBenchmarks
{
    private DensityMatrixSimulator _simulator = null!;
    private DensityMatrixWorkspace _workspace = null!;
    private double[] _weights = null!;
    private double[] _gradient = null!;

    [Params(2, 4, 6, 8, 10, 12)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _simulator = new DensityMatrixSimulator(NoisyWorkload.Circuit(Qubits));
        _workspace = _simulator.CreateWorkspace();
        _weights = StandardWorkload.Weights(_simulator.WeightCount);
        _gradient = new double[_simulator.WeightCount];
    }

    [Benchmark(Description = "Expectation")]
    public double Expectation() => _simulator.Evaluate(_weights, StandardWorkload.Observable, _workspace);

    [Benchmark(Description = "Gradient (adjoint)")]
    public double Gradient() => _simulator.EvaluateWithGradient(_weights, StandardWorkload.Observable, _gradient, _workspace);
}
