using System;
using System.Linq;
using System.Numerics;

namespace NegLR.Tests.Reference;

/// <summary>
/// Checks of the oracle itself: its conventions, and identities between independently written matrices
/// (docs/conventions.md), so a typo in one literal matrix shows up here rather than as a runtime "bug".
/// </summary>
public class DenseReferenceSimulatorTests
{
    private const double Tol = 1e-13;

    [Fact]
    public void Product_XOnQubitQ_MapsZeroToTwoToTheQ()
    {
        // Qubit 0 is the least-significant bit of the basis index.
        var sim = new DenseReferenceSimulator(4);
        for (int q = 0; q < 4; q++)
        {
            var psi = sim.Product((q, LiteralGates.X)).Apply(sim.BasisState(0));
            Assert.Equal(Complex.One, psi[1 << q]);
        }
    }

    [Fact]
    public void EveryGateMatrix_IsUnitary()
    {
        var rng = new SeededRandom(11);
        var sim = new DenseReferenceSimulator(3);
        foreach (var kind in TestData.AllKinds)
        {
            int arity = TestData.Arity(kind) < 0 ? 3 : TestData.Arity(kind);
            var q = TestData.DistinctQubits(rng, 3, arity);
            var angles = TestData.RandomVector(rng, GateInfo.Of(kind).Angles, -4, 4);
            var u = sim.GateMatrix(kind, q, angles, kind == GateKind.PauliRot ? "XYZ" : null);
            Assert.True((u.Adjoint() * u).MaxAbsDifference(DenseMatrix.Identity(8)) < Tol, kind.ToString());
        }
    }

    [Fact]
    public void Rot_ClosedForm_EqualsRzRyRzProduct()
    {
        // PennyLane: Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ).
        var (phi, theta, omega) = (0.7, -1.3, 2.9);
        var product = LiteralGates.RZ(omega) * LiteralGates.RY(theta) * LiteralGates.RZ(phi);
        Assert.True(LiteralGates.Rot(phi, theta, omega).MaxAbsDifference(product) < Tol);
    }

    [Fact]
    public void U3_MatchesPublishedIdentities()
    {
        // docs/conventions.md (OpenQASM): the 2.0 paper's U = Rz(φ)Ry(θ)Rz(λ) = e^{−i(φ+λ)/2} U3; U(θ,−π/2,π/2) = RX(θ); U(θ,0,0) = RY(θ).
        var (theta, phi, lambda) = (0.7, 0.3, 1.1);
        var qasm2 = LiteralGates.RZ(phi) * LiteralGates.RY(theta) * LiteralGates.RZ(lambda);
        var phased = Complex.Exp(-Complex.ImaginaryOne * (phi + lambda) / 2) * LiteralGates.U3(theta, phi, lambda);
        Assert.True(qasm2.MaxAbsDifference(phased) < Tol);
        Assert.True(LiteralGates.U3(theta, -Math.PI / 2, Math.PI / 2).MaxAbsDifference(LiteralGates.RX(theta)) < Tol);
        Assert.True(LiteralGates.U3(theta, 0, 0).MaxAbsDifference(LiteralGates.RY(theta)) < Tol);
        // PhaseShift(φ) = e^{iφ/2} RZ(φ).
        var rz = Complex.Exp(Complex.ImaginaryOne * phi / 2) * LiteralGates.RZ(phi);
        Assert.True(LiteralGates.PhaseShift(phi).MaxAbsDifference(rz) < Tol);
    }

    [Fact]
    public void IsingMatrices_EqualCosMinusISinOfPauliProducts()
    {
        var sim = new DenseReferenceSimulator(2);
        double phi = 0.83;
        foreach (var (word, literal) in new[] { ("XX", LiteralGates.IsingXX(phi)), ("YY", LiteralGates.IsingYY(phi)), ("ZZ", LiteralGates.IsingZZ(phi)) })
        {
            var expected = (Complex)Math.Cos(phi / 2) * DenseMatrix.Identity(4)
                + (-Complex.ImaginaryOne * Math.Sin(phi / 2)) * sim.PauliString(word, new[] { 1, 0 });
            Assert.True(literal.MaxAbsDifference(expected) < Tol, word);
        }

        // MultiRZ on two qubits is IsingZZ, on one RZ; PauliRot("ZZ") is MultiRZ.
        Assert.True(sim.GateMatrix(GateKind.MultiRZ, new[] { 0, 1 }, new[] { phi })
            .MaxAbsDifference(sim.Embed(LiteralGates.IsingZZ(phi), new[] { 0, 1 })) < Tol);
        Assert.True(sim.GateMatrix(GateKind.MultiRZ, new[] { 1 }, new[] { phi })
            .MaxAbsDifference(sim.Product((1, LiteralGates.RZ(phi)))) < Tol);
        Assert.True(sim.GateMatrix(GateKind.PauliRot, new[] { 0, 1 }, new[] { phi }, "ZZ")
            .MaxAbsDifference(sim.GateMatrix(GateKind.MultiRZ, new[] { 1, 0 }, new[] { phi })) < Tol);
    }

    [Fact]
    public void ControlledGates_AgreeWithTextbookFourByFourMatrices()
    {
        // CNOT with the control first = [[1,0,0,0],[0,1,0,0],[0,0,0,1],[0,0,1,0]]; CRX = diag-block(I, RX).
        var sim = new DenseReferenceSimulator(3);
        var cnot = DenseMatrix.FromRows(
            new Complex[] { 1, 0, 0, 0 }, new Complex[] { 0, 1, 0, 0 }, new Complex[] { 0, 0, 0, 1 }, new Complex[] { 0, 0, 1, 0 });
        var rx = LiteralGates.RX(1.234);
        var crx = DenseMatrix.FromRows(
            new Complex[] { 1, 0, 0, 0 }, new Complex[] { 0, 1, 0, 0 }, new[] { 0, 0, rx[0, 0], rx[0, 1] }, new[] { 0, 0, rx[1, 0], rx[1, 1] });
        foreach (var q in TestData.OrderedTuples(3, 2))
        {
            Assert.True(sim.GateMatrix(GateKind.CNOT, q, Array.Empty<double>()).MaxAbsDifference(sim.Embed(cnot, q)) < Tol);
            Assert.True(sim.GateMatrix(GateKind.CRX, q, new[] { 1.234 }).MaxAbsDifference(sim.Embed(crx, q)) < Tol);
        }
    }

    [Fact]
    public void CrzDecompositionFromQelib1_EqualsControlledRz()
    {
        // qelib1.inc: crz(λ) a,b = u1(λ/2) b; cx a,b; u1(−λ/2) b; cx a,b — controlled e^{−iλZ/2} exactly.
        var sim = new DenseReferenceSimulator(2);
        double lambda = 0.9;
        var none = Array.Empty<double>();
        var decomposed = sim.GateMatrix(GateKind.CNOT, new[] { 0, 1 }, none)
            * sim.GateMatrix(GateKind.PhaseShift, new[] { 1 }, new[] { -lambda / 2 })
            * sim.GateMatrix(GateKind.CNOT, new[] { 0, 1 }, none)
            * sim.GateMatrix(GateKind.PhaseShift, new[] { 1 }, new[] { lambda / 2 });
        Assert.True(decomposed.MaxAbsDifference(sim.GateMatrix(GateKind.CRZ, new[] { 0, 1 }, new[] { lambda })) < Tol);
    }

    [Fact]
    public void ThreeQubitPermutations_AgreeWithProjectorSums()
    {
        var sim = new DenseReferenceSimulator(4);
        var none = Array.Empty<double>();
        foreach (var q in TestData.OrderedTuples(4, 3))
        {
            var toffoli = sim.Product((q[0], LiteralGates.P0))
                + sim.Product((q[0], LiteralGates.P1), (q[1], LiteralGates.P0))
                + sim.Product((q[0], LiteralGates.P1), (q[1], LiteralGates.P1), (q[2], LiteralGates.X));
            Assert.True(sim.GateMatrix(GateKind.Toffoli, q, none).MaxAbsDifference(toffoli) < Tol);

            // SWAP = ½(I + XX + YY + ZZ).
            var swap = (Complex)0.5 * (DenseMatrix.Identity(16) + sim.Product((q[1], LiteralGates.X), (q[2], LiteralGates.X))
                + sim.Product((q[1], LiteralGates.Y), (q[2], LiteralGates.Y)) + sim.Product((q[1], LiteralGates.Z), (q[2], LiteralGates.Z)));
            var cswap = sim.Product((q[0], LiteralGates.P0)) + (sim.Product((q[0], LiteralGates.P1)) * swap);
            Assert.True(sim.GateMatrix(GateKind.CSWAP, q, none).MaxAbsDifference(cswap) < Tol);
            Assert.True(sim.GateMatrix(GateKind.SWAP, q[1..], none).MaxAbsDifference(swap) < Tol);
        }
    }

    [Fact]
    public void ISwap_MapsZeroOneToIOneZero()
    {
        // GateKind docs: iSWAP |01⟩ → i|10⟩, |10⟩ → i|01⟩ (symmetric in its qubits).
        var sim = new DenseReferenceSimulator(2);
        var u = sim.GateMatrix(GateKind.ISWAP, new[] { 0, 1 }, Array.Empty<double>());
        Assert.Equal(Complex.ImaginaryOne, u.Apply(sim.BasisState(0b01))[0b10]);
        Assert.Equal(Complex.ImaginaryOne, u.Apply(sim.BasisState(0b10))[0b01]);
        Assert.Equal(Complex.One, u.Apply(sim.BasisState(0b11))[0b11]);
        Assert.Equal(0, u.MaxAbsDifference(sim.GateMatrix(GateKind.ISWAP, new[] { 1, 0 }, Array.Empty<double>())));
    }

    [Fact]
    public void Observable_BuildsDenseMatrixFromLetters()
    {
        var sim = new DenseReferenceSimulator(2);
        // Z0 on |01⟩ (qubit 0 set) is −1; Z1 is +1; X0 X1 on the Bell state is 1; Y0 Y1 is −1.
        Assert.Equal(-1, sim.Expectation(TestData.Obs("Z0"), sim.BasisState(1)), 15);
        Assert.Equal(1, sim.Expectation(TestData.Obs("Z1"), sim.BasisState(1)), 15);
        double r = 1 / Math.Sqrt(2);
        var bell = new Complex[] { r, 0, 0, r };
        Assert.Equal(1, sim.Expectation(TestData.Obs("X0 X1"), bell), 14);
        Assert.Equal(-1, sim.Expectation(TestData.Obs("Y0 Y1"), bell), 14);
        var sum = new PauliSum(new[] { TestData.Term("Z0", 0.5), TestData.Term("X1", -2) }, constant: 3);
        var o = sim.Observable(sum);
        Assert.Equal(0, o.MaxAbsDifference(o.Adjoint()));
        // Diagonal entry ⟨00|O|00⟩ = 0.5 + 3; off-diagonal ⟨10|O|00⟩ = −2.
        Assert.Equal(3.5, o[0, 0].Real, 15);
        Assert.Equal(-2, o[2, 0].Real, 15);
        Assert.True(Enumerable.Range(0, 4).All(i => o[i, i].Imaginary == 0));
    }
}
