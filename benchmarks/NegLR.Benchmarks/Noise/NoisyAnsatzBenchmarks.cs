using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks.Noise;

/// <summary>
/// The path a generated noisy ansatz runs (<see cref="NoisyAnsatzRuntime"/>: the cost on light-cone segments) beside the
/// density-matrix interpreter, on the noisy standard workload, one thread, in one run so the ratios hold under load.
/// Goals (issue 13, generated density-matrix expectation): n = 4 ≤ 10 µs, 6 ≤ 0.3 ms, 8 ≤ 8 ms, 10 ≤ 0.3 s, 12 ≤ 6 s;
/// ≥ 3× the interpreter for n ≤ 8; the adjoint ≤ 5× one evaluation.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class NoisyAnsatzBenchmarks
{
    private DensityMatrixSimulator _interpreter = null!;
    private DensityMatrixWorkspace _interpreterWorkspace = null!;
    private NoisyAnsatzRuntime _runtime = null!;
    private NoisyAnsatzWorkspace _workspace = null!;
    private double[] _weights = null!;
    private double[] _gradient = null!;

    [Params(2, 4, 6, 8, 10, 12)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var circuit = NoisyWorkload.Circuit(Qubits);
        _interpreter = new DensityMatrixSimulator(circuit);
        _interpreterWorkspace = _interpreter.CreateWorkspace();
        _runtime = new NoisyAnsatzRuntime("NoisyHea", circuit, null, StandardWorkload.Observable);
        _workspace = _runtime.CreateWorkspace();
        _weights = StandardWorkload.Weights(_interpreter.WeightCount);
        _gradient = new double[_interpreter.WeightCount];
    }

    [Benchmark(Baseline = true, Description = "Interpreter: expectation")]
    public double InterpreterExpectation() => _interpreter.Evaluate(_weights, StandardWorkload.Observable, _interpreterWorkspace);

    [Benchmark(Description = "Generated: expectation")]
    public double GeneratedExpectation() => _runtime.Evaluate(_weights, System.ReadOnlySpan<double>.Empty, _workspace);

    [Benchmark(Description = "Interpreter: adjoint gradient")]
    public double InterpreterGradient() => _interpreter.EvaluateWithGradient(_weights, StandardWorkload.Observable, _gradient, _interpreterWorkspace);

    [Benchmark(Description = "Generated: adjoint gradient")]
    public double GeneratedGradient() => _runtime.EvaluateWithGradient(_weights, System.ReadOnlySpan<double>.Empty, _gradient, _workspace);
}
