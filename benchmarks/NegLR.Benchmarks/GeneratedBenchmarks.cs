using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks;

/// <summary>
/// The generated code on the standard workload: expectation and full adjoint gradient, single thread. Compare with
/// <see cref="InterpreterBenchmarks"/> (same circuits, weights and observable).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratedBenchmarks
{
    private double[] _weights = null!;
    private double[] _gradient = null!;
    private Complex[] _state = null!;
    private Complex[] _adjoint = null!;

    [Params(4, 8, 12, 16, 20)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int weights = 2 * Qubits * Qubits; // RY and RZ on every qubit, L = n layers
        _weights = StandardWorkload.Weights(weights);
        _gradient = new double[weights];
        _state = new Complex[1 << Qubits];
        _adjoint = new Complex[1 << Qubits];
    }

    [Benchmark(Description = "Expectation")]
    public double Expectation() => Qubits switch
    {
        4 => Hea4.Evaluate(_weights, default, _state),
        8 => Hea8.Evaluate(_weights, default, _state),
        12 => Hea12.Evaluate(_weights, default, _state),
        16 => Hea16.Evaluate(_weights, default, _state),
        20 => Hea20.Evaluate(_weights, default, _state),
        _ => throw new InvalidOperationException("No generated ansatz for " + Qubits + " qubits."),
    };

    [Benchmark(Description = "Gradient (adjoint)")]
    public double Gradient() => Qubits switch
    {
        4 => Hea4.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        8 => Hea8.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        12 => Hea12.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        16 => Hea16.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        20 => Hea20.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        _ => throw new InvalidOperationException("No generated ansatz for " + Qubits + " qubits."),
    };
}
