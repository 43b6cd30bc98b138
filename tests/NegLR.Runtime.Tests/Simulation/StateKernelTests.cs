using System;
using System.Linq;
using System.Numerics;
using NegLR.Simulation;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation;

/// <summary>
/// The public kernels (which generated code calls directly) with arbitrary — not only unitary — matrices, every qubit
/// position and ordering, 1 to 6 qubits (so both the vector and the scalar paths run), against dense matrices.
/// </summary>
public class StateKernelTests
{
    private const double Tol = 1e-12;

    private static Complex RandomComplex(SeededRandom rng) => new(rng.NextDouble(-1, 1), rng.NextDouble(-1, 1));

    private static DenseMatrix RandomMatrix2(SeededRandom rng, bool real = false)
    {
        var m = DenseMatrix.FromRows(new[] { RandomComplex(rng), RandomComplex(rng) }, new[] { RandomComplex(rng), RandomComplex(rng) });
        return real ? RealPart(m) : m;
    }

    private static DenseMatrix RealPart(DenseMatrix m) =>
        DenseMatrix.FromRows(new Complex[] { m[0, 0].Real, m[0, 1].Real }, new Complex[] { m[1, 0].Real, m[1, 1].Real });

    private static Matrix2 ToMatrix2(DenseMatrix m) => new(m[0, 0], m[0, 1], m[1, 0], m[1, 1]);

    private static void Check(DenseMatrix expected, Complex[] psi, Action<Span<Complex>> kernel, string context)
    {
        var actual = (Complex[])psi.Clone();
        kernel(actual);
        TestData.AssertStatesEqual(expected.Apply(psi), actual, Tol, context);
    }

    [Fact]
    public void SingleQubitKernels_OnEveryQubit_MatchDenseKroneckerProducts()
    {
        var rng = new SeededRandom(600);
        for (int n = 1; n <= 6; n++)
        {
            var sim = new DenseReferenceSimulator(n);
            for (int q = 0; q < n; q++)
            {
                var psi = TestData.RandomState(rng, n);
                var m = RandomMatrix2(rng);
                Check(sim.Product((q, m)), psi, s => StateKernels.ApplyMatrix(s, q, ToMatrix2(m)), $"ApplyMatrix q{q} of {n}");

                var r = RandomMatrix2(rng, real: true);
                Check(sim.Product((q, r)), psi,
                    s => StateKernels.ApplyRealMatrix(s, q, r[0, 0].Real, r[0, 1].Real, r[1, 0].Real, r[1, 1].Real), $"ApplyRealMatrix q{q} of {n}");

                var (d0, d1) = (RandomComplex(rng), RandomComplex(rng));
                Check(sim.Product((q, DenseMatrix.Diagonal(d0, d1))), psi, s => StateKernels.ApplyDiagonal(s, q, d0, d1), $"ApplyDiagonal q{q} of {n}");
                Check(sim.Product((q, DenseMatrix.Diagonal(1, d1))), psi, s => StateKernels.ApplyDiagonal(s, q, 1, d1), $"ApplyDiagonal(1, d) q{q} of {n}");
                Check(sim.Product((q, LiteralGates.X)), psi, s => StateKernels.ApplyX(s, q), $"ApplyX q{q} of {n}");
            }
        }
    }

    [Fact]
    public void ControlledKernels_OnEveryOrderedPair_MatchProjectorSums()
    {
        var rng = new SeededRandom(601);
        for (int n = 2; n <= 6; n++)
        {
            var sim = new DenseReferenceSimulator(n);
            foreach (var q in TestData.OrderedTuples(n, 2))
            {
                var (c, t) = (q[0], q[1]);
                var psi = TestData.RandomState(rng, n);
                var m = RandomMatrix2(rng);
                var controlled = sim.Product((c, LiteralGates.P0)) + sim.Product((c, LiteralGates.P1), (t, m));
                Check(controlled, psi, s => StateKernels.ApplyControlledMatrix(s, c, t, ToMatrix2(m)), $"ApplyControlledMatrix {c}->{t} of {n}");

                var cnot = sim.Product((c, LiteralGates.P0)) + sim.Product((c, LiteralGates.P1), (t, LiteralGates.X));
                Check(cnot, psi, s => StateKernels.ApplyCNOT(s, c, t), $"ApplyCNOT {c}->{t} of {n}");

                Check(sim.Embed(LiteralGates.Swap, q), psi, s => StateKernels.ApplySwap(s, c, t), $"ApplySwap {c},{t} of {n}");
                Check(sim.Embed(LiteralGates.ISwap, q), psi, s => StateKernels.ApplyISwap(s, c, t, inverse: false), $"ApplyISwap {c},{t} of {n}");
                Check(sim.Embed(LiteralGates.ISwap, q).Adjoint(), psi, s => StateKernels.ApplyISwap(s, c, t, inverse: true), $"ApplyISwap† {c},{t} of {n}");
            }
        }
    }

    [Fact]
    public void MaskKernels_WithOneTwoAndThreeBitMasks_MatchDiagonalMatrices()
    {
        var rng = new SeededRandom(602);
        for (int n = 1; n <= 5; n++)
        {
            var sim = new DenseReferenceSimulator(n);
            for (int mask = 1; mask < 1 << n; mask++)
            {
                var psi = TestData.RandomState(rng, n);
                var phase = RandomComplex(rng);
                var (even, odd) = (RandomComplex(rng), RandomComplex(rng));
                var controlledPhase = new DenseMatrix(1 << n);
                var parity = new DenseMatrix(1 << n);
                for (int i = 0; i < 1 << n; i++)
                {
                    controlledPhase[i, i] = (i & mask) == mask ? phase : Complex.One;
                    parity[i, i] = BitOperations.PopCount((uint)(i & mask)) % 2 == 1 ? odd : even;
                }

                Check(controlledPhase, psi, s => StateKernels.ApplyControlledPhase(s, mask, phase), $"ApplyControlledPhase mask {mask} of {n}");
                Check(parity, psi, s => StateKernels.ApplyParityPhase(s, mask, even, odd), $"ApplyParityPhase mask {mask} of {n}");
            }
        }
    }

    [Fact]
    public void ThreeQubitKernels_OnEveryOrderedTriple_MatchPermutations()
    {
        var rng = new SeededRandom(603);
        for (int n = 3; n <= 5; n++)
        {
            var sim = new DenseReferenceSimulator(n);
            foreach (var q in TestData.OrderedTuples(n, 3))
            {
                var psi = TestData.RandomState(rng, n);
                var none = Array.Empty<double>();
                Check(sim.GateMatrix(GateKind.Toffoli, q, none), psi, s => StateKernels.ApplyToffoli(s, q[0], q[1], q[2]), $"Toffoli {string.Join(",", q)}");
                Check(sim.GateMatrix(GateKind.CSWAP, q, none), psi, s => StateKernels.ApplySwap(s, q[1], q[2], 1 << q[0]), $"CSWAP {string.Join(",", q)}");
            }

            // A swap controlled by two qubits.
            for (int trial = 0; trial < 10 && n >= 4; trial++)
            {
                var q = TestData.DistinctQubits(rng, n, 4);
                var psi = TestData.RandomState(rng, n);
                var expected = sim.Product((q[0], LiteralGates.P0)) + sim.Product((q[0], LiteralGates.P1), (q[1], LiteralGates.P0))
                    + (sim.Product((q[0], LiteralGates.P1), (q[1], LiteralGates.P1)) * sim.Embed(LiteralGates.Swap, new[] { q[2], q[3] }));
                Check(expected, psi, s => StateKernels.ApplySwap(s, q[2], q[3], (1 << q[0]) | (1 << q[1])), "doubly controlled swap");
            }
        }
    }

    [Fact]
    public void SingleQubitOverlap_ForEveryQubitAndGenerator_MatchesDenseOverlap()
    {
        // The adjoint method's vectorised overlaps ⟨λ|P|φ⟩ for P = X, Y, Z and Π₁ = |1⟩⟨1| on one qubit.
        var rng = new SeededRandom(605);
        for (int n = 1; n <= 6; n++)
        {
            var sim = new DenseReferenceSimulator(n);
            for (int q = 0; q < n; q++)
            {
                var phi = TestData.RandomState(rng, n);
                var lambda = TestData.RandomState(rng, n);
                foreach (var (letter, matrix) in new[] { ('X', LiteralGates.X), ('Y', LiteralGates.Y), ('Z', LiteralGates.Z), ('1', LiteralGates.P1) })
                {
                    var op = sim.Product((q, matrix)).Apply(phi);
                    var expected = Enumerable.Range(0, 1 << n).Aggregate(Complex.Zero, (acc, i) => acc + (Complex.Conjugate(lambda[i]) * op[i]));
                    var actual = StateKernels.SingleQubitOverlap(lambda, phi, q, letter);
                    Assert.True((actual - expected).Magnitude <= Tol, $"SingleQubitOverlap {letter} q{q} of {n}: {actual} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void PauliKernels_ForRandomStringsAndControlMasks_MatchDenseOperators()
    {
        var rng = new SeededRandom(604);
        for (int n = 1; n <= 5; n++)
        {
            var sim = new DenseReferenceSimulator(n);
            for (int trial = 0; trial < 40; trial++)
            {
                int x = rng.NextInt(1 << n), z = rng.NextInt(1 << n);
                int y = BitOperations.PopCount((uint)(x & z));
                string word = new(Enumerable.Range(0, n).Select(q => "IXZY"[((x >> q) & 1) | (((z >> q) & 1) << 1)]).ToArray());
                var p = sim.PauliString(word, Enumerable.Range(0, n).ToArray());
                var psi = TestData.RandomState(rng, n);
                var lambda = TestData.RandomState(rng, n);
                double theta = rng.NextDouble(-7, 7);

                var rotation = (Complex)Math.Cos(theta / 2) * DenseMatrix.Identity(1 << n) + (-Complex.ImaginaryOne * Math.Sin(theta / 2)) * p;
                Check(rotation, psi, s => StateKernels.ApplyPauliRotation(s, x, z, y, theta), $"ApplyPauliRotation {word}");

                Assert.Equal(DenseReferenceSimulator.Expectation(p, psi), StateKernels.PauliExpectation(psi, x, z, y), Tol);

                double coefficient = rng.NextDouble(-2, 2);
                var destination = TestData.RandomState(rng, n);
                var expectedSum = p.Apply(psi).Select((v, i) => destination[i] + (coefficient * v)).ToArray();
                StateKernels.AccumulatePauli(psi, destination, coefficient, x, z, y);
                TestData.AssertStatesEqual(expectedSum, destination, Tol, $"AccumulatePauli {word}");

                int control = rng.NextInt(1 << n) & ~rng.NextInt(1 << n);
                var projector = new DenseMatrix(1 << n);
                for (int i = 0; i < 1 << n; i++)
                {
                    projector[i, i] = (i & control) == control ? 1 : 0;
                }

                var pp = (projector * p).Apply(psi);
                Complex expectedOverlap = Enumerable.Range(0, 1 << n).Aggregate(Complex.Zero, (acc, i) => acc + (Complex.Conjugate(lambda[i]) * pp[i]));
                var overlap = StateKernels.PauliOverlap(lambda, psi, control, x, z, y);
                Assert.True((overlap - expectedOverlap).Magnitude <= Tol, $"PauliOverlap {word} control {control}: {overlap} vs {expectedOverlap}");
            }
        }
    }
}
