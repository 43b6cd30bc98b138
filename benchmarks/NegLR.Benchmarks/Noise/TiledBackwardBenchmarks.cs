using System;
using System.Linq;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks.Noise;

/// <summary>
/// The backward pass of one light-cone segment of the noisy standard workload (the largest with a
/// <see cref="TileSchedule"/>: n − 1 qubits at n = 4, 6, 8) step by step in program order
/// (<c>DensityMatrixSimulator.Backpropagate</c>, what the generated adjoint runs) and with the merged passes of
/// <c>BackpropagateTiled</c> (one pass over r and λ for a constant monomial step and the rotation steps the forward ran
/// inside it). Each call starts from the same r and λ (both copied in), so the entries keep their size.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TiledBackwardBenchmarks
{
    private DensityMatrixSimulator _segment = null!;
    private DensityMatrixWorkspace _workspace = null!;
    private TileSchedule.Item[] _tiles = null!;
    private double[] _r0 = null!;
    private double[] _lambda0 = null!;
    private double[] _r = null!;
    private double[] _lambda = null!;
    private double[] _gradient = null!;

    [Params(4, 6, 8)]
    public int Qubits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var runtime = new NoisyAnsatzRuntime("NoisyHea", NoisyWorkload.Circuit(Qubits), null, StandardWorkload.Observable);
        var segment = runtime.Plan!.Segments.Where(s => s.Tiles is not null).MaxBy(s => s.Simulator.Qubits)!;
        _segment = segment.Simulator;
        _tiles = segment.Tiles!;
        _workspace = _segment.CreateWorkspace();
        _segment.PrepareAngles(StandardWorkload.Weights(_segment.WeightCount), ReadOnlySpan<double>.Empty, _workspace, -1, 0);
        int length = 1 << (2 * _segment.Qubits);
        _r0 = Enumerable.Range(0, length).Select(i => ((i * 37) % 11 / 11.0) - 0.5).ToArray();
        _lambda0 = Enumerable.Range(0, length).Select(i => ((i * 13) % 7 / 7.0) - 0.5).ToArray();
        _r = new double[length];
        _lambda = new double[length];
        _gradient = new double[_segment.WeightCount];
    }

    [Benchmark(Baseline = true, Description = "Step by step (Backpropagate)")]
    public double StepByStep()
    {
        _r0.CopyTo(_r, 0);
        _lambda0.CopyTo(_lambda, 0);
        _segment.Backpropagate(_r, _lambda, _gradient, _workspace);
        return _gradient[0];
    }

    [Benchmark(Description = "Merged passes (BackpropagateTiled)")]
    public double Merged()
    {
        _r0.CopyTo(_r, 0);
        _lambda0.CopyTo(_lambda, 0);
        _segment.BackpropagateTiled(_r, _lambda, _gradient, _workspace, _tiles);
        return _gradient[0];
    }
}
