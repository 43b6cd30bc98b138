using System;
using System.Diagnostics;
using System.Linq;
using System.Numerics;

namespace NegLR.Tests.Observables;

public class ExactSolverTests
{
    // H2 / STO-3G at R = 0.735 Å (Qiskit Nature, qiskit-community/qiskit-nature docs/tutorials: the electronic energy as
    // printed there; the spectra computed from its operators).
    private const double H2Electronic = -1.857275030202;
    private const double H2Total = -1.1373060357534;

    [Theory]
    [InlineData(EigenMethod.Dense)]
    [InlineData(EigenMethod.Lanczos)]
    public void H2JordanWigner_GroundEnergy_MatchesQiskitNature(EigenMethod method)
    {
        var result = ExactSolver.GroundState(Hamiltonians.H2Sto3g4Qubits(), 4, method);
        Assert.Equal(method, result.Method);
        Assert.True(result.Converged);
        Assert.Equal(H2Electronic, result.Energy, 11);
        Assert.Equal(H2Total, result.Energy + Hamiltonians.H2Sto3gNuclearRepulsion, 12);
        Assert.Equal(Hamiltonians.H2Sto3gElectronicGroundEnergy, result.Energy, 11);
        Assert.True(result.Residual < 1e-10);
    }

    [Fact]
    public void H2JordanWigner_GroundState_IsHartreeFockPlusDoubleExcitation()
    {
        // The ground state: -0.9937604009 |0101> + 0.1115359387 |1010> (global sign arbitrary; ours makes the largest positive).
        var psi = ExactSolver.GroundState(Hamiltonians.H2Sto3g4Qubits(), 4).State;
        Assert.Equal(0.9937604009, psi[5].Real, 9);
        Assert.Equal(-0.1115359387, psi[10].Real, 9);
        for (int i = 0; i < 16; i++)
        {
            Assert.True(Math.Abs(psi[i].Imaginary) < 1e-12);
            if (i != 5 && i != 10)
            {
                Assert.True(Complex.Abs(psi[i]) < 1e-10);
            }
        }
    }

    [Fact]
    public void H2_Spectra_MatchReference()
    {
        double[] jw = ExactSolver.LowestEigenvalues(Hamiltonians.H2Sto3g4Qubits(), 4, 4);
        Assert.Equal(new[] { -1.85727503, -1.25633907, -1.25633907, -1.24458455 }, jw.Select(e => Math.Round(e, 8)));
        double[] two = ExactSolver.LowestEigenvalues(Hamiltonians.H2Sto3g2Qubits(), 2, 4);
        Assert.Equal(new[] { -1.85727503, -1.24458455, -0.88272215, -0.22491125 }, two.Select(e => Math.Round(e, 8)));
    }

    [Fact]
    public void H2_ReducedAndTaperedForms_HaveTheSameGroundEnergy()
    {
        double four = ExactSolver.GroundState(Hamiltonians.H2Sto3g4Qubits(), 4).Energy;
        double two = ExactSolver.GroundState(Hamiltonians.H2Sto3g2Qubits(), 2).Energy;
        double one = ExactSolver.GroundState(Hamiltonians.H2Sto3g1Qubit(), 1).Energy;
        Assert.Equal(four, two, 11);
        Assert.Equal(four, one, 11);
        // The 2-qubit ground vector (0, -0.9937604, 0.11153594, 0), up to sign.
        var psi = ExactSolver.GroundState(Hamiltonians.H2Sto3g2Qubits(), 2).State;
        Assert.Equal(0.9937604, psi[1].Real, 7);
        Assert.Equal(-0.11153594, psi[2].Real, 7);
    }

    [Fact]
    public void H2_ParityMapping_HasTheJordanWignerSpectrum()
    {
        // Qiskit Nature's parity mapping (Qiskit labels, rightmost = qubit 0).
        var parity = PauliSum.FromDenseLabels(new[]
        {
            ("IIII", -0.8105479805373283), ("IIIZ", 0.17218393261915543), ("IIZZ", -0.2257534922240237),
            ("IIZI", 0.12091263261776633), ("IZZI", 0.17218393261915543), ("IZZZ", 0.16892753870087907),
            ("ZXIX", 0.045232799946057826), ("IXZX", -0.045232799946057826), ("ZXZX", -0.045232799946057826),
            ("IXIX", 0.045232799946057826), ("ZZII", -0.22575349222402363), ("ZZIZ", 0.1661454325638241),
            ("IZIZ", 0.16614543256382408), ("ZZZZ", 0.1746434306830045), ("ZIZI", 0.12091263261776633),
        });
        double[] p = ExactSolver.LowestEigenvalues(parity, 4, 16);
        double[] jw = ExactSolver.LowestEigenvalues(Hamiltonians.H2Sto3g4Qubits(), 4, 16);
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(jw[i], p[i], 12);
        }
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void TransverseFieldIsing_Lanczos_MatchesClosedForms(double h)
    {
        // Pfeuty / LSM closed forms (closed forms); J = 1, both boundary conditions, N = 6…12.
        for (int n = 6; n <= 12; n++)
        {
            var ring = ExactSolver.GroundState(Hamiltonians.TransverseFieldIsing(n, 1, h, periodic: true), n, EigenMethod.Lanczos);
            Assert.True(ring.Converged);
            Assert.Equal(TfimClosedForm.Periodic(n, 1, h), ring.Energy, 9);
            var chain = ExactSolver.GroundState(Hamiltonians.TransverseFieldIsing(n, 1, h, periodic: false), n, EigenMethod.Lanczos);
            Assert.True(chain.Converged);
            Assert.Equal(TfimClosedForm.Open(n, 1, h), chain.Energy, 9);
        }
    }

    [Fact]
    public void TfimClosedForms_AtCriticality_MatchTheSimpleFormulas()
    {
        for (int n = 3; n <= 12; n++)
        {
            Assert.Equal(-2 / Math.Sin(Math.PI / (2 * n)), TfimClosedForm.Periodic(n, 1, 1), 11);
            Assert.Equal(1 - 1 / Math.Sin(Math.PI / (2 * (2 * n + 1))), TfimClosedForm.Open(n, 1, 1), 11);
        }
    }

    [Fact]
    public void DenseAndLanczos_AgreeAtEightQubits()
    {
        var h = ObservableTestStates.RandomSum(8, 40, seed: 21);
        var dense = ExactSolver.GroundState(h, 8, EigenMethod.Dense);
        var lanczos = ExactSolver.GroundState(h, 8, EigenMethod.Lanczos);
        Assert.Equal(dense.Energy, lanczos.Energy, 10);
        Assert.True(lanczos.Residual < 1e-9);
        // Same (non-degenerate) eigenvector, same phase convention.
        double overlap = Complex.Abs(dense.State.InnerProduct(lanczos.State));
        Assert.Equal(1.0, overlap, 9);
        Assert.Equal(ExactSolver.GroundState(h, 8).Energy, dense.Energy);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Lanczos_OnTinyRegisters_MatchesDense(int qubits)
    {
        // The Krylov space fills the whole 2^n space here, so Lanczos must stop on exhaustion, not on a budget.
        var h = ObservableTestStates.RandomSum(qubits, 6, seed: (ulong)(30 + qubits));
        var lanczos = ExactSolver.GroundState(h, qubits, EigenMethod.Lanczos);
        Assert.True(lanczos.Converged);
        Assert.Equal(ExactSolver.GroundState(h, qubits, EigenMethod.Dense).Energy, lanczos.Energy, 12);
        Assert.Equal(ExactSolver.GroundState(Hamiltonians.H2Sto3g1Qubit(), 1).Energy,
            ExactSolver.GroundState(Hamiltonians.H2Sto3g1Qubit(), 1, EigenMethod.Lanczos).Energy, 12);
    }

    [Fact]
    public void Lanczos_IsDeterministic()
    {
        var h = Hamiltonians.TransverseFieldIsing(10, 1, 0.8, periodic: true);
        var a = ExactSolver.GroundState(h, 10);
        var b = ExactSolver.GroundState(h, 10);
        Assert.Equal(a.Energy, b.Energy);
        Assert.Equal(a.State.Amplitudes.ToArray(), b.State.Amplitudes.ToArray());
        Assert.Equal(a.Applications, b.Applications);
    }

    [Fact]
    public void Lanczos_TwelveQubitTfim_IsFast()
    {
        var h = Hamiltonians.TransverseFieldIsing(12, 1, 1, periodic: true);
        ExactSolver.GroundState(Hamiltonians.TransverseFieldIsing(9, 1, 1, periodic: true), 9); // JIT warm-up
        var watch = Stopwatch.StartNew();
        var result = ExactSolver.GroundState(h, 12);
        watch.Stop();
        Assert.Equal(EigenMethod.Lanczos, result.Method);
        Assert.Equal(-2 / Math.Sin(Math.PI / 24), result.Energy, 9);
        Assert.True(watch.Elapsed.TotalSeconds < 3, $"12-qubit TFIM took {watch.Elapsed.TotalSeconds:F2} s");
    }

    [Fact]
    public void Lanczos_DegenerateAndDiagonalHamiltonians_Converge()
    {
        // Diagonal with a 64-fold degenerate minimum (two cuts × 32 states of the idle qubits): the Krylov space closes early (β → 0).
        var maxCut = Hamiltonians.MaxCut(new[] { (0, 1), (1, 2), (2, 3), (3, 0), (0, 2) });
        var cost = new PauliSum(maxCut.Terms.Select(t => t.WithCoefficient(-t.Coefficient)), -maxCut.Constant);
        var result = ExactSolver.GroundState(cost, 9, EigenMethod.Lanczos);
        Assert.Equal(-4.0, result.Energy, 10);
        Assert.True(result.Converged);

        var constant = ExactSolver.GroundState(PauliSum.Parse("2.5"), 10, EigenMethod.Lanczos);
        Assert.Equal(2.5, constant.Energy, 14);
    }

    [Fact]
    public void BadArguments_Throw()
    {
        var h = PauliSum.Parse("Z3");
        Assert.Throws<ArgumentNullException>(() => ExactSolver.GroundState(null!, 2));
        Assert.Equal("qubits", Assert.Throws<ArgumentOutOfRangeException>(() => ExactSolver.GroundState(h, 0)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentOutOfRangeException>(() => ExactSolver.GroundState(h, 31)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentException>(() => ExactSolver.GroundState(h, 3)).ParamName);
        Assert.Equal("qubits", Assert.Throws<ArgumentOutOfRangeException>(() => ExactSolver.GroundState(h, 11, EigenMethod.Dense)).ParamName);
        Assert.Equal("tolerance", Assert.Throws<ArgumentOutOfRangeException>(() => ExactSolver.GroundState(h, 4, tolerance: 0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentOutOfRangeException>(() => ExactSolver.LowestEigenvalues(h, 4, 17)).ParamName);
        Assert.Equal("method", Assert.Throws<ArgumentOutOfRangeException>(() => ExactSolver.GroundState(h, 4, (EigenMethod)7)).ParamName);
    }
}
