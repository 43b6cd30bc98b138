using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks;

/// <summary>
/// The generated standard workload at each tile width <see cref="GeneratedCodeSupport.TileWidth"/> offers on this
/// machine: 256-bit tiles, their 128-bit twins (what arm64 runs; on x64 here with VEX-encoded 128-bit instructions),
/// and the per-step kernel path (0). An ansatz without 128-bit tiles (over their size budget) runs the per-step path at
/// width 128, which this shows as equal rows.
/// </summary>
[MemoryDiagnoser]
public class TileWidthBenchmarks
{
    private double[] _weights = null!;
    private double[] _gradient = null!;
    private Complex[] _state = null!;
    private Complex[] _adjoint = null!;
    private int _original;

    [Params(4, 8)]
    public int Qubits { get; set; }

    [Params(256, 128, 0)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        int weights = 2 * Qubits * Qubits;
        _weights = StandardWorkload.Weights(weights);
        _gradient = new double[weights];
        _state = new Complex[1 << Qubits];
        _adjoint = new Complex[1 << Qubits];
        _original = GeneratedCodeSupport.TileWidth;
        GeneratedCodeSupport.TileWidth = Width;
    }

    [GlobalCleanup]
    public void Cleanup() => GeneratedCodeSupport.TileWidth = _original;

    [Benchmark(Description = "Expectation")]
    public double Expectation() => Qubits switch
    {
        4 => Hea4.Evaluate(_weights, default, _state),
        8 => Hea8.Evaluate(_weights, default, _state),
        _ => throw new InvalidOperationException("No generated ansatz for " + Qubits + " qubits."),
    };

    [Benchmark(Description = "Gradient (adjoint)")]
    public double Gradient() => Qubits switch
    {
        4 => Hea4.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        8 => Hea8.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        _ => throw new InvalidOperationException("No generated ansatz for " + Qubits + " qubits."),
    };
}
