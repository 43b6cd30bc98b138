using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;

namespace NegLR.EdgeBenchmarks;

/// <summary>
/// One adjoint gradient of each workload, by the generated code (register tiles where 256-bit SIMD is accelerated,
/// one Runtime kernel call per gate otherwise) and by the interpreter (Runtime kernels only), single thread.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EdgeBenchmarks
{
    private readonly double[] _w4 = Weights(Hea4x4.WeightCount);
    private readonly double[] _w12 = Weights(Hea12x40.WeightCount);
    private readonly double[] _wIris = Weights(IrisClassifier.WeightCount);
    private readonly double[] _xIris = { 0.3, -0.7, 1.1, -0.2 };
    private readonly double[] _g4 = new double[Hea4x4.WeightCount];
    private readonly double[] _g12 = new double[Hea12x40.WeightCount];
    private readonly double[] _gIris = new double[IrisClassifier.WeightCount];
    private readonly Complex[] _s4 = new Complex[Hea4x4.StateLength], _a4 = new Complex[Hea4x4.StateLength];
    private readonly Complex[] _s12 = new Complex[Hea12x40.StateLength], _a12 = new Complex[Hea12x40.StateLength];
    private readonly Complex[] _sIris = new Complex[IrisClassifier.StateLength], _aIris = new Complex[IrisClassifier.StateLength];
    private readonly CircuitInterpreter _interpreter4 = new(Hea4x4.CreateCircuit());
    private readonly CircuitInterpreter _interpreter12 = new(Hea12x40.CreateCircuit());
    private SimulationWorkspace _workspace4 = null!, _workspace12 = null!;

    [GlobalSetup]
    public void Setup()
    {
        _workspace4 = _interpreter4.CreateWorkspace();
        _workspace12 = _interpreter12.CreateWorkspace();
        // In the job's log: which kernels and which generated path this job timed.
        Console.WriteLine($"// NegLR vector width: {NegLR.Simulation.StateKernels.VectorWidth} bits; register tiles: {GeneratedCodeSupport.RegisterTiles}");
    }

    [Benchmark(Description = "4q x 4 layers, generated gradient")]
    public double Generated4() => Hea4x4.EvaluateWithGradient(_w4, default, _g4, _s4, _a4);

    [Benchmark(Description = "Iris classifier, generated gradient (one row)")]
    public double GeneratedIris() => IrisClassifier.EvaluateWithGradient(_wIris, _xIris, _gIris, _sIris, _aIris);

    [Benchmark(Description = "12q x 40 layers, generated gradient")]
    public double Generated12() => Hea12x40.EvaluateWithGradient(_w12, default, _g12, _s12, _a12);

    [Benchmark(Description = "4q x 4 layers, interpreter gradient")]
    public double Interpreted4() => _interpreter4.EvaluateWithGradient(_w4, Hea4x4.Cost, _g4, _workspace4);

    [Benchmark(Description = "12q x 40 layers, interpreter gradient")]
    public double Interpreted12() => _interpreter12.EvaluateWithGradient(_w12, Hea12x40.Cost, _g12, _workspace12);

    private static double[] Weights(int count)
    {
        var w = new double[count];
        for (int k = 0; k < count; k++)
        {
            w[k] = 0.1 * (k + 1);
        }

        return w;
    }
}
