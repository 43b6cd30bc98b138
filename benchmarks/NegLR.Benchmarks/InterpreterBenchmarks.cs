using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks;

/// <summary>The interpreter on the standard workload: expectation and full adjoint gradient, single thread.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class InterpreterBenchmarks
{
    private CircuitInterpreter _interpreter = null!;
    private SimulationWorkspace _workspace = null!;
    private double[] _weights = null!;
    private double[] _gradient = null!;

    [Params(4, 8, 12, 16, 20)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _interpreter = new CircuitInterpreter(StandardWorkload.Circuit(Qubits));
        _workspace = _interpreter.CreateWorkspace();
        _weights = StandardWorkload.Weights(_interpreter.WeightCount);
        _gradient = new double[_interpreter.WeightCount];
    }

    [Benchmark(Description = "Expectation")]
    public double Expectation() => _interpreter.Evaluate(_weights, StandardWorkload.Observable, _workspace);

    [Benchmark(Description = "Gradient (adjoint)")]
    public double Gradient() => _interpreter.EvaluateWithGradient(_weights, StandardWorkload.Observable, _gradient, _workspace);
}
