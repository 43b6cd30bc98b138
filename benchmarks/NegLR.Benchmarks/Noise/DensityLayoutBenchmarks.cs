using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using NegLR.Simulation;

namespace NegLR.Benchmarks.Noise;

/// <summary>
/// The layout decision of the density-matrix engine, measured: one qubit's block of the noisy standard workload
/// (RY, depolarizing, RZ, depolarizing) applied to an n-qubit density matrix stored three ways.
/// <list type="bullet">
/// <item>QuEST's layout: ρ as a complex 2n-qubit vector, each gate two passes (U on the row bit, U* on the column bit),
/// each channel one pass: six passes.</item>
/// <item>The same complex vector with the four maps fused into one 4×4 complex superoperator on (row bit, column bit):
/// one pass, the "dense matrix, UρU† in one pass" layout.</item>
/// <item>NegLR's layout: the real Pauli vector r_P = Tr(ρP) (half the bytes), the four maps fused into one real 4×4
/// Pauli transfer matrix on the qubit's digit: one pass, unital so only three of the four entries move.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DensityLayoutBenchmarks
{
    private Complex[] _complex = null!;
    private double[] _pauli = null!;
    private Matrix2 _ry, _ryConj, _rz, _rzConj;
    private Complex[] _superoperator = null!;
    private double[] _transfer = null!;
    private const double P = 0.001;

    [Params(4, 8, 12)]
    public int Qubits { get; set; }

    [Params(0, 2)]
    public int Qubit { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _complex = new Complex[1 << (2 * Qubits)];
        _pauli = new double[1 << (2 * Qubits)];
        var random = new Random(1);
        for (int i = 0; i < _complex.Length; i++)
        {
            _complex[i] = new Complex(random.NextDouble() * 1e-3, random.NextDouble() * 1e-3);
            _pauli[i] = random.NextDouble() * 1e-3;
        }

        double a = 0.3, b = 0.7;
        _ry = new Matrix2(Math.Cos(a / 2), -Math.Sin(a / 2), Math.Sin(a / 2), Math.Cos(a / 2));
        _ryConj = _ry;
        _rz = new Matrix2(new Complex(Math.Cos(b / 2), -Math.Sin(b / 2)), 0, 0, new Complex(Math.Cos(b / 2), Math.Sin(b / 2)));
        _rzConj = new Matrix2(new Complex(Math.Cos(b / 2), Math.Sin(b / 2)), 0, 0, new Complex(Math.Cos(b / 2), -Math.Sin(b / 2)));

        // Superoperator on (row bit, column bit), entries ordered 00, 10, 01, 11 (row bit low): S = D·(RZ⊗RZ*)·D·(RY⊗RY*).
        var ry = Super(_ry);
        var rz = Super(_rz);
        var dep = Depolarizing();
        _superoperator = Multiply(dep, Multiply(rz, Multiply(dep, ry)));

        // Pauli transfer matrix (I, X, Z, Y), the same four maps: dep·RZ·dep·RY with f = 1 − 4p/3.
        double f = 1 - (4 * P / 3);
        double ca = Math.Cos(a), sa = Math.Sin(a), cb = Math.Cos(b), sb = Math.Sin(b);
        // RY: X → cos X − sin Z... written as the Schrödinger-picture map on (X, Z); RZ: on (X, Y).
        var tRy = new double[] { 1, 0, 0, 0, 0, ca, sa, 0, 0, -sa, ca, 0, 0, 0, 0, 1 };
        var tRz = new double[] { 1, 0, 0, 0, 0, cb, 0, -sb, 0, 0, 1, 0, 0, sb, 0, cb };
        var tDep = new double[] { 1, 0, 0, 0, 0, f, 0, 0, 0, 0, f, 0, 0, 0, 0, f };
        _transfer = Multiply4(tDep, Multiply4(tRz, Multiply4(tDep, tRy)));
    }

    [Benchmark(Baseline = true, Description = "complex 2n-qubit vector, 6 passes (QuEST)")]
    public void ComplexSixPasses()
    {
        var rho = _complex.AsSpan();
        int n = Qubits;
        StateKernels.ApplyMatrix(rho, Qubit, _ry);
        StateKernels.ApplyMatrix(rho, Qubit + n, _ryConj);
        DepolarizingPass(rho, Qubit, Qubit + n);
        StateKernels.ApplyMatrix(rho, Qubit, _rz);
        StateKernels.ApplyMatrix(rho, Qubit + n, _rzConj);
        DepolarizingPass(rho, Qubit, Qubit + n);
    }

    [Benchmark(Description = "complex, fused 4x4 superoperator, 1 pass")]
    public void ComplexFusedSuperoperator() => SuperoperatorPass(_complex, Qubit, Qubit + Qubits, _superoperator);

    [Benchmark(Description = "real Pauli vector, fused 4x4 transfer matrix, 1 pass")]
    public void PauliFused() => PauliKernels.Apply(_pauli, Qubit, _transfer, unital: true);

    private static void DepolarizingPass(Span<Complex> rho, int rowBit, int columnBit)
    {
        // QuEST's one-pass depolarizing kernel: populations mix, coherences shrink by 1 − 4p/3.
        double f = 1 - (4 * P / 3), mix = 2 * P / 3;
        int r = 1 << rowBit, c = 1 << columnBit;
        for (int i = 0; i < rho.Length; i++)
        {
            if ((i & (r | c)) != 0)
            {
                continue;
            }

            ref Complex a00 = ref rho[i];
            ref Complex a11 = ref rho[i | r | c];
            var p0 = a00;
            var p1 = a11;
            a00 = ((1 - mix) * p0) + (mix * p1);
            a11 = ((1 - mix) * p1) + (mix * p0);
            rho[i | r] *= f;
            rho[i | c] *= f;
        }
    }

    private static void SuperoperatorPass(Span<Complex> rho, int rowBit, int columnBit, Complex[] s)
    {
        int r = 1 << rowBit, c = 1 << columnBit;
        int quarter = rho.Length >> 2;
        ref Complex d = ref MemoryMarshal.GetReference(rho);
        for (int k = 0; k < quarter; k++)
        {
            int i = BitIndex.InsertZeros(k, rowBit, columnBit);
            ref Complex e0 = ref Unsafe.Add(ref d, i);
            ref Complex e1 = ref Unsafe.Add(ref d, i | r);
            ref Complex e2 = ref Unsafe.Add(ref d, i | c);
            ref Complex e3 = ref Unsafe.Add(ref d, i | r | c);
            Complex v0 = e0, v1 = e1, v2 = e2, v3 = e3;
            e0 = (s[0] * v0) + (s[1] * v1) + (s[2] * v2) + (s[3] * v3);
            e1 = (s[4] * v0) + (s[5] * v1) + (s[6] * v2) + (s[7] * v3);
            e2 = (s[8] * v0) + (s[9] * v1) + (s[10] * v2) + (s[11] * v3);
            e3 = (s[12] * v0) + (s[13] * v1) + (s[14] * v2) + (s[15] * v3);
        }
    }

    private static Complex[] Super(Matrix2 u)
    {
        // vec index = rowBit + 2·columnBit; ρ'[a,b] = Σ U[a,c] ρ[c,d] conj(U[b,d]).
        Complex U(int i, int j) => (i, j) switch { (0, 0) => u.M00, (0, 1) => u.M01, (1, 0) => u.M10, _ => u.M11 };
        var s = new Complex[16];
        for (int a = 0; a < 2; a++)
        for (int b = 0; b < 2; b++)
        for (int c = 0; c < 2; c++)
        for (int e = 0; e < 2; e++)
        {
            s[((a + (2 * b)) * 4) + c + (2 * e)] = U(a, c) * Complex.Conjugate(U(b, e));
        }

        return s;
    }

    private static Complex[] Depolarizing()
    {
        double f = 1 - (4 * P / 3), mix = 2 * P / 3;
        var s = new Complex[16];
        s[0] = 1 - mix; s[3] = mix; s[12] = mix; s[15] = 1 - mix; s[5] = f; s[10] = f;
        return s;
    }

    private static Complex[] Multiply(Complex[] a, Complex[] b)
    {
        var m = new Complex[16];
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
        for (int k = 0; k < 4; k++)
        {
            m[(i * 4) + j] += a[(i * 4) + k] * b[(k * 4) + j];
        }

        return m;
    }

    private static double[] Multiply4(double[] a, double[] b)
    {
        var m = new double[16];
        for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
        for (int k = 0; k < 4; k++)
        {
            m[(i * 4) + j] += a[(i * 4) + k] * b[(k * 4) + j];
        }

        return m;
    }
}
