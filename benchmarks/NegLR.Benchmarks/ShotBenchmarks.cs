using System.Linq;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks;

/// <summary>
/// One shot estimate of a single-group observable: counting parity patterns (one multinomial draw, the default) against
/// drawing every shot from the cumulative table. Z0 is the classifiers' local readout, Z…Z the global one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ShotBenchmarks
{
    private ShotEstimator _counted = null!;
    private ShotEstimator _everyShot = null!;
    private ShotWorkspace _workspace = null!;
    private StateVector _state = null!;
    private SeededRandom _random = null!;

    [Params(4, 10)]
    public int Qubits { get; set; }

    [Params("local", "global")]
    public string Readout { get; set; } = "local";

    [Params(100, 1000, 10_000)]
    public int Shots { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var observable = Readout == "local" ? PauliSum.Parse("Z0") : PauliSum.Parse(string.Join(" ", Enumerable.Range(0, Qubits).Select(q => $"Z{q}")));
        _counted = new ShotEstimator(observable, Qubits);
        _everyShot = new ShotEstimator(observable, Qubits) { DrawEveryShot = true };
        _workspace = _counted.CreateWorkspace();
        var interpreter = new CircuitInterpreter(StandardWorkload.Circuit(Qubits));
        _state = new StateVector(Qubits);
        interpreter.Prepare(StandardWorkload.Weights(interpreter.WeightCount), System.ReadOnlySpan<double>.Empty, _state);
        _random = new SeededRandom(1);
    }

    [Benchmark(Baseline = true, Description = "Every shot")]
    public double EveryShot() => _everyShot.Estimate(_state, Shots, _random, _workspace).Value;

    [Benchmark(Description = "Counted")]
    public double Counted() => _counted.Estimate(_state, Shots, _random, _workspace).Value;
}
