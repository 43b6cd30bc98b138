using System.Linq;
using BenchmarkDotNet.Attributes;
using NegLR.Simulation;

namespace NegLR.Benchmarks.Noise;

/// <summary>
/// The constant two-qubit step of the noisy ladder (CNOT followed by two-qubit depolarizing: a monomial involution) with
/// the interpreter's kernel (<c>PauliKernels.Apply2</c>) and the light-cone segments' kernels, which form the same
/// products: pair by pair above qubit 0 (<c>PauliKernels.TryApplyInvolution</c>), gathered by <c>vpermt2pd</c> on a pair
/// with qubit 0 (<c>PauliKernels.TryApplyMonomialOnQubitZero</c>, AVX-512; without it the segments use Apply2). Two passes over an n-qubit Pauli vector:
/// the step, then its inverse (as the adjoint un-computes it), so the entries keep their size however often it runs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SegmentKernelBenchmarks
{
    private double[] _r = null!;
    private Sparse16 _step = null!;
    private Sparse16 _inverse = null!;

    [Params(4, 6, 8)]
    public int Qubits { get; set; }

    /// <summary>The pair's lower qubit (the upper is the next one).</summary>
    [Params(0, 1, 2)]
    public int Low { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var cnot = PauliAlgebra.ToLocalOrder(GateTransfer.ConstantTransfer(GateKind.CNOT), 2);
        var depolarizing = PauliAlgebra.ToLocalOrder(NoiseChannel.TwoQubitDepolarizing(0.01).PauliTransferMatrix, 2);
        var step = SmallMatrix.Multiply(depolarizing, cnot, 16);
        _step = new Sparse16(step);
        _inverse = new Sparse16(SmallMatrix.Inverse(step, 16)!);
        _r = Enumerable.Range(0, 1 << (2 * Qubits)).Select(i => (i % 7) - 3.0).ToArray();
    }

    [Benchmark(Baseline = true, Description = "Interpreter: Apply2")]
    public void Interpreter()
    {
        PauliKernels.Apply2(_r, Low, Low + 1, _step);
        PauliKernels.Apply2(_r, Low, Low + 1, _inverse);
    }

    [Benchmark(Description = "Segments: pair by pair or gathered")]
    public void Segments()
    {
        Apply(_step);
        Apply(_inverse);
    }

    private void Apply(Sparse16 m)
    {
        if (!PauliKernels.TryApplyInvolution(_r, Low, Low + 1, m) && !PauliKernels.TryApplyMonomialOnQubitZero(_r, Low, Low + 1, m))
        {
            PauliKernels.Apply2(_r, Low, Low + 1, m);
        }
    }
}
