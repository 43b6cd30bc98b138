using System;
using System.Numerics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace NegLR.Benchmarks.Ablation;

/// <summary>
/// What each layout choice of the generated code buys: the standard workload (HardwareEfficient, L = n, Z0 Z1) compiled
/// with each <see cref="LayoutVariant"/> and timed through the same static-abstract call path users get.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AblationBenchmarks
{
    private Func<double[], Complex[], double> _evaluate = null!;
    private Func<double[], double[], Complex[], Complex[], double> _gradient = null!;
    private double[] _weights = null!;
    private double[] _g = null!;
    private Complex[] _state = null!;
    private Complex[] _adjoint = null!;

    [Params(4, 8, 12)]
    public int Qubits { get; set; }

    [ParamsAllValues]
    public LayoutVariant Layout { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        string source = $$"""
            [global::NegLR.Ansatz(Qubits = {{Qubits}}, Template = global::NegLR.AnsatzTemplate.HardwareEfficient, Layers = {{Qubits}})]
            [global::NegLR.Observable("Z0 Z1")]
            public partial struct Workload;
            """;
        var type = InProcessGenerator.CompileAnsatz(source, "Workload", LayoutVariants.Options(Layout));
        _evaluate = Bind<Func<double[], Complex[], double>>(nameof(Evaluate), type);
        _gradient = Bind<Func<double[], double[], Complex[], Complex[], double>>(nameof(Gradient), type);
        int p = 2 * Qubits * Qubits;
        _weights = StandardWorkload.Weights(p);
        _g = new double[p];
        _state = new Complex[1 << Qubits];
        _adjoint = new Complex[1 << Qubits];
    }

    [Benchmark(Description = "Expectation")]
    public double Expectation() => _evaluate(_weights, _state);

    [Benchmark(Description = "Gradient (adjoint)")]
    public double Gradient() => _gradient(_weights, _g, _state, _adjoint);

    private static T Bind<T>(string name, Type ansatz) where T : Delegate =>
        typeof(AblationBenchmarks).GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic)!
            .MakeGenericMethod(ansatz).CreateDelegate<T>();

    private static double Evaluate<TA>(double[] w, Complex[] s) where TA : IAnsatz => TA.Evaluate(w, default, s);

    private static double Gradient<TA>(double[] w, double[] g, Complex[] s, Complex[] a) where TA : IAnsatz =>
        TA.EvaluateWithGradient(w, default, g, s, a);
}
