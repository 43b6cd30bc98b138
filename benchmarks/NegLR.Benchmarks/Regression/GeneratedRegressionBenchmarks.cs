using System;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using NegLR.Benchmarks.Baseline;

namespace NegLR.Benchmarks.Regression;

/// <summary>
/// Same-run A/B of the generated kernels: the standard workload compiled by the generator before issue 12
/// (<c>BaselineHeaN</c>, checked in under <c>Baseline/</c> by <c>benchmarks/baseline/make.sh</c>) against this build's
/// generator (<c>HeaN</c>), expectation and adjoint gradient. The ratio column is current ÷ baseline per size and
/// operation. <c>*_BaselineAgain</c> runs the baseline's code a second time (A/A): its ratio is the noise floor of this
/// run — a current row can only be read to within it. The A/A case is declared after the current one, so it brackets
/// it in time: drift over the group shows in A/A.
/// </summary>
/// <remarks>
/// BenchmarkDotNet runs the cases one after another, so load drift on a shared machine moves rows apart; the paired,
/// interleaved run (<c>-- ab-paired</c>, <see cref="PairedRegressionRun"/>) is the sharper test of "no row more than
/// 5 % slower". Both sides are checked to give the same expectation and gradient (1e-10) before anything is timed.
/// </remarks>
[Config(typeof(GeneratedRegressionConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
[MemoryDiagnoser]
[MedianColumn]
public class GeneratedRegressionBenchmarks
{
    private double[] _weights = null!;
    private double[] _gradient = null!;
    private Complex[] _state = null!;
    private Complex[] _adjoint = null!;

    /// <summary>Number of qubits (L = n layers).</summary>
    [Params(4, 8, 12, 16, 20)]
    public int Qubits { get; set; }

    /// <summary>Buffers, and the check that both sides compute the same thing (else nothing is timed).</summary>
    [GlobalSetup]
    public void Setup()
    {
        RegressionCheck check = RegressionPair.For(Qubits).Check();
        Console.WriteLine("// " + check);
        if (!check.Passed)
        {
            throw new InvalidOperationException("Baseline and current generated code disagree, so timing them compares different work: " + check);
        }

        _weights = StandardWorkload.Weights(2 * Qubits * Qubits);
        _gradient = new double[_weights.Length];
        _state = new Complex[1 << Qubits];
        _adjoint = new Complex[1 << Qubits];
    }

    /// <summary>Baseline expectation (the ratio's denominator).</summary>
    [BenchmarkCategory("Expectation")]
    [Benchmark(Baseline = true)]
    public double Expectation_Baseline() => Qubits switch
    {
        4 => BaselineHea4.Evaluate(_weights, default, _state),
        8 => BaselineHea8.Evaluate(_weights, default, _state),
        12 => BaselineHea12.Evaluate(_weights, default, _state),
        16 => BaselineHea16.Evaluate(_weights, default, _state),
        20 => BaselineHea20.Evaluate(_weights, default, _state),
        _ => throw NoSize(),
    };

    /// <summary>Current expectation.</summary>
    [BenchmarkCategory("Expectation")]
    [Benchmark]
    public double Expectation_Current() => Qubits switch
    {
        4 => Hea4.Evaluate(_weights, default, _state),
        8 => Hea8.Evaluate(_weights, default, _state),
        12 => Hea12.Evaluate(_weights, default, _state),
        16 => Hea16.Evaluate(_weights, default, _state),
        20 => Hea20.Evaluate(_weights, default, _state),
        _ => throw NoSize(),
    };

    /// <summary>Baseline expectation again (A/A: the noise floor).</summary>
    [BenchmarkCategory("Expectation")]
    [Benchmark]
    public double Expectation_BaselineAgain() => Qubits switch
    {
        4 => BaselineHea4.Evaluate(_weights, default, _state),
        8 => BaselineHea8.Evaluate(_weights, default, _state),
        12 => BaselineHea12.Evaluate(_weights, default, _state),
        16 => BaselineHea16.Evaluate(_weights, default, _state),
        20 => BaselineHea20.Evaluate(_weights, default, _state),
        _ => throw NoSize(),
    };

    /// <summary>Baseline gradient (the ratio's denominator).</summary>
    [BenchmarkCategory("Gradient")]
    [Benchmark(Baseline = true)]
    public double Gradient_Baseline() => Qubits switch
    {
        4 => BaselineHea4.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        8 => BaselineHea8.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        12 => BaselineHea12.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        16 => BaselineHea16.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        20 => BaselineHea20.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        _ => throw NoSize(),
    };

    /// <summary>Current gradient.</summary>
    [BenchmarkCategory("Gradient")]
    [Benchmark]
    public double Gradient_Current() => Qubits switch
    {
        4 => Hea4.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        8 => Hea8.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        12 => Hea12.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        16 => Hea16.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        20 => Hea20.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        _ => throw NoSize(),
    };

    /// <summary>Baseline gradient again (A/A: the noise floor).</summary>
    [BenchmarkCategory("Gradient")]
    [Benchmark]
    public double Gradient_BaselineAgain() => Qubits switch
    {
        4 => BaselineHea4.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        8 => BaselineHea8.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        12 => BaselineHea12.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        16 => BaselineHea16.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        20 => BaselineHea20.EvaluateWithGradient(_weights, default, _gradient, _state, _adjoint),
        _ => throw NoSize(),
    };

    private InvalidOperationException NoSize() => new("No generated ansatz for " + Qubits + " qubits.");
}

/// <summary>
/// The A/B job: in-process (no rebuild of this project for the run — with the baseline's 1.8 MB of source that build
/// overran BenchmarkDotNet's 2-minute build timeout on the loaded machine — and every case in the same process, JIT
/// and memory), one launch of 30 iterations of 250 ms after 6 warm-ups (<c>--job short</c>: 3 and 3; <c>--job medium</c>:
/// 2 launches × 15 out of process).
/// </summary>
public sealed class GeneratedRegressionConfig : ManualConfig
{
    /// <summary>The job.</summary>
    public GeneratedRegressionConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(6)
            .WithIterationCount(30)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("ab"));
    }
}
