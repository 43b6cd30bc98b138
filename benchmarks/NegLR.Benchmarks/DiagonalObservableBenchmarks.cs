using System;
using System.Linq;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks;

/// <summary>
/// The global projector cost 1 − |0…0⟩⟨0…0| (2^n − 1 Z-strings, the study's "cg" cost): ⟨O⟩, O|ψ⟩ and a 1,000-shot
/// estimate with the per-basis-state tables and the lane-exact blocked loop (the defaults) against the term-by-term
/// loops they reproduce bit for bit.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DiagonalObservableBenchmarks
{
    private PauliSum _fast = null!;
    private PauliSum _termByTerm = null!;
    private ShotEstimator _estimator = null!;
    private ShotEstimator _estimatorWithoutLookups = null!;
    private ShotWorkspace _shotWorkspace = null!;
    private SeededRandom _random = null!;
    private Complex[] _state = null!;
    private Complex[] _result = null!;

    [Params(8, 12)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        double c = -1.0 / (1 << Qubits);
        var terms = Enumerable.Range(1, (1 << Qubits) - 1).Select(mask => new PauliTerm(c, 0, mask)).ToArray();
        _fast = new PauliSum(terms, 1 + c);
        _termByTerm = new PauliSum(terms, 1 + c) { TermByTerm = true };
        _estimator = new ShotEstimator(_fast, Qubits);
        _estimatorWithoutLookups = new ShotEstimator(_fast, Qubits) { WithoutLookups = true };
        _shotWorkspace = _estimator.CreateWorkspace();
        var interpreter = new CircuitInterpreter(StandardWorkload.Circuit(Qubits));
        var state = new StateVector(Qubits);
        interpreter.Prepare(StandardWorkload.Weights(interpreter.WeightCount), ReadOnlySpan<double>.Empty, state);
        _state = state.Amplitudes.ToArray();
        _result = new Complex[_state.Length];
        _random = new SeededRandom(1);
    }

    [Benchmark(Description = "<O>, term by term")]
    public double ExpectationTermByTerm() => _termByTerm.Expectation(_state);

    [Benchmark(Description = "<O>, value table")]
    public double Expectation() => _fast.Expectation(_state);

    [Benchmark(Description = "O|psi>, term by term")]
    public void ApplyTermByTerm() => _termByTerm.Apply(_state, _result);

    [Benchmark(Description = "O|psi>, lane-exact blocks")]
    public void Apply() => _fast.Apply(_state, _result);

    [Benchmark(Description = "1,000 shots, term by term")]
    public double ShotsWithoutLookups() => _estimatorWithoutLookups.Estimate(_state, 1000, _random, _shotWorkspace).Value;

    [Benchmark(Description = "1,000 shots, value table")]
    public double Shots() => _estimator.Estimate(_state, 1000, _random, _shotWorkspace).Value;
}
