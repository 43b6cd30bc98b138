using System;
using System.Numerics;

namespace NegLR.Tests.Observables;

public class HamiltoniansTests
{
    [Fact]
    public void H2_JordanWigner_HasPublishedTermsInNegLRQubitOrder()
    {
        var h = Hamiltonians.H2Sto3g4Qubits();
        Assert.Equal(14, h.Terms.Length);
        Assert.Equal(-0.8105479805373283, h.Constant);
        Assert.Equal(4, h.MinQubits);
        // Qiskit "IIIZ" = Z on qubit 0; "IIZI" = Z on qubit 1.
        Assert.Contains(new PauliTerm(0.17218393261915543, 0, 0b0001), h.Terms);
        Assert.Contains(new PauliTerm(-0.2257534922240237, 0, 0b0010), h.Terms);
        Assert.Contains(new PauliTerm(0.045232799946057826, 0b1111, 0b0011), h.Terms); // XXYY: Y on qubits 0, 1
    }

    [Fact]
    public void H2_HartreeFockEnergy_MatchesQiskitReference()
    {
        // Qiskit Nature: <0101|H_JW|0101> + E_nuc = -1.1169989967540 (problem.reference_energy); index 5 = qubits 0, 2.
        var state = new StateVector(4);
        state.SetBasisState(5);
        double e = Hamiltonians.H2Sto3g4Qubits().Expectation(state) + Hamiltonians.H2Sto3gNuclearRepulsion;
        Assert.Equal(-1.1169989967540035, e, 12);

        var two = new StateVector(2);
        two.SetBasisState(1);
        Assert.Equal(-1.1169989967540, Hamiltonians.H2Sto3g2Qubits().Expectation(two) + Hamiltonians.H2Sto3gNuclearRepulsion, 12);
    }

    [Fact]
    public void TransverseFieldIsing_HasBondsAndFields()
    {
        var open = Hamiltonians.TransverseFieldIsing(5, 1.5, 0.5, periodic: false);
        Assert.Equal(4 + 5, open.Terms.Length);
        var ring = Hamiltonians.TransverseFieldIsing(5, 1.5, 0.5, periodic: true);
        Assert.Equal(5 + 5, ring.Terms.Length);
        Assert.Contains(new PauliTerm(-1.5, 0, 0b10001), ring.Terms);
        Assert.Contains(new PauliTerm(-0.5, 0b00100, 0), ring.Terms);
        Assert.Single(Hamiltonians.TransverseFieldIsing(1, 1, 2, periodic: false).Terms);
    }

    [Fact]
    public void TransverseFieldIsing_BadArguments_Throw()
    {
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Hamiltonians.TransverseFieldIsing(2, 1, 1, true)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Hamiltonians.TransverseFieldIsing(0, 1, 1, false)).ParamName);
        Assert.Equal("n", Assert.Throws<ArgumentOutOfRangeException>(() => Hamiltonians.TransverseFieldIsing(31, 1, 1, false)).ParamName);
        Assert.Equal("j", Assert.Throws<ArgumentException>(() => Hamiltonians.TransverseFieldIsing(4, double.NaN, 1, false)).ParamName);
        Assert.Equal("h", Assert.Throws<ArgumentException>(() => Hamiltonians.TransverseFieldIsing(4, 1, double.PositiveInfinity, false)).ParamName);
    }

    [Fact]
    public void MaxCut_OnBasisStates_CountsCutEdges()
    {
        var edges = new[] { (0, 1), (1, 2), (2, 0), (2, 3) };
        var cost = Hamiltonians.MaxCut(edges);
        var state = new StateVector(4);
        for (int b = 0; b < 16; b++)
        {
            state.SetBasisState(b);
            int cut = 0;
            foreach (var (u, v) in edges)
            {
                cut += ((b >> u) & 1) != ((b >> v) & 1) ? 1 : 0;
            }

            Assert.Equal(cut, cost.Expectation(state), 14);
        }
    }

    [Fact]
    public void MaxCut_BadEdges_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => Hamiltonians.MaxCut(null!));
        Assert.Equal("edges", Assert.Throws<ArgumentException>(() => Hamiltonians.MaxCut(new[] { (1, 1) })).ParamName);
        Assert.Equal("edges", Assert.Throws<ArgumentException>(() => Hamiltonians.MaxCut(new[] { (0, 30) })).ParamName);
        Assert.Equal("edges", Assert.Throws<ArgumentException>(() => Hamiltonians.MaxCut(new[] { (-1, 3) })).ParamName);
    }
}
