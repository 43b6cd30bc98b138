using System;
using System.Linq;

namespace NegLR.Tests.Noise;

/// <summary>Closed forms of the channels (T1/T2 decay, depolarizing contraction, dephased GHZ parity) on the engine.</summary>
public class ClosedFormTests
{
    private static double Evaluate(Circuit c, string observable, ReadoutError? readout = null)
    {
        var simulator = new DensityMatrixSimulator(c, readout);
        return simulator.Evaluate(new double[c.WeightCount], PauliSum.Parse(observable), simulator.CreateWorkspace(false));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void AmplitudeDamping_PopulationAndCoherence(double gamma)
    {
        // |1⟩ → ρ11 = 1 − γ, so ⟨Z⟩ = 2γ − 1; |+⟩ → ρ01 = √(1 − γ)/2, so ⟨X⟩ = √(1 − γ) and ⟨Z⟩ = γ.
        Assert.Equal((2 * gamma) - 1, Evaluate(new Circuit(1).X(0).AmplitudeDamping(0, gamma), "Z0"), 14);
        Assert.Equal(Math.Sqrt(1 - gamma), Evaluate(new Circuit(1).H(0).AmplitudeDamping(0, gamma), "X0"), 14);
        Assert.Equal(gamma, Evaluate(new Circuit(1).H(0).AmplitudeDamping(0, gamma), "Z0"), 14);
    }

    [Theory]
    [InlineData(50.0, 70.0, 2.0, 0.0, 10)]
    [InlineData(40.0, 80.0, 5.0, 0.1, 7)]   // T2 = 2·T1: pure relaxation-limited dephasing
    [InlineData(90.0, 20.0, 1.5, 0.05, 12)]
    public void ThermalRelaxation_RepeatedKTimes_FollowsTheT1AndT2Laws(double t1, double t2, double time, double excited, int k)
    {
        // After k gates of duration t: P(1) = p_e + (P0(1) − p_e)·e^{−kt/T1}; coherences ⟨X⟩ = e^{−kt/T2}⟨X⟩0.
        var fromOne = new Circuit(1).X(0);
        var fromPlus = new Circuit(1).H(0);
        for (int i = 0; i < k; i++)
        {
            fromOne.ThermalRelaxation(0, t1, t2, time, excited);
            fromPlus.ThermalRelaxation(0, t1, t2, time, excited);
        }

        double e1 = Math.Exp(-k * time / t1), e2 = Math.Exp(-k * time / t2);
        double p1 = excited + ((1 - excited) * e1);
        Assert.Equal(1 - (2 * p1), Evaluate(fromOne, "Z0"), 13);
        Assert.Equal(e2, Evaluate(fromPlus, "X0"), 13);
        Assert.Equal(0, Evaluate(fromPlus, "Y0"), 13);
    }

    [Fact]
    public void ThermalRelaxation_EqualsGeneralizedAmplitudeDampingThenPhaseDamping()
    {
        double t1 = 60, t2 = 45, t = 3, pe = 0.08;
        double e1 = Math.Exp(-t / t1), e2 = Math.Exp(-t / t2);
        var a = NoiseChannel.ThermalRelaxation(t1, t2, t, pe).PauliTransferMatrix;
        var gad = NoiseChannel.GeneralizedAmplitudeDamping(1 - e1, pe).PauliTransferMatrix;
        var pd = NoiseChannel.PhaseDamping(1 - (e2 * e2 / e1)).PauliTransferMatrix;
        var product = new double[16];
        for (int i = 0; i < 4; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                for (int m = 0; m < 4; m++)
                {
                    product[(i * 4) + j] += pd[(i * 4) + m] * gad[(m * 4) + j];
                }
            }
        }

        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(product[i], a[i], 14);
        }
    }

    [Theory]
    [InlineData("Z0", 0.05)]
    [InlineData("X1 Y2", 0.1)]
    [InlineData("Z0 X1 Y2 Z3", 0.02)]
    public void Depolarizing_OnEveryQubitOfTheSupport_ContractsThePauliStringBy1Minus4POver3PerQubit(string pauli, double p)
    {
        // A state with every ⟨P⟩ non-zero: rotations then a CNOT ladder; depolarizing on every qubit at the end.
        var ideal = new Circuit(4);
        for (int q = 0; q < 4; q++)
        {
            ideal.RY(q, 0.3 + (0.4 * q)).RZ(q, 0.2 * (q + 1)).RX(q, 0.7 - (0.1 * q));
        }

        ideal.CNOT(0, 1).CNOT(1, 2).CNOT(2, 3).RY(0, 0.9).RX(3, 0.4);
        var noisy = new Circuit(4).Append(ideal);
        for (int q = 0; q < 4; q++)
        {
            noisy.Depolarizing(q, p);
        }

        int weight = PauliSum.Parse(pauli).Terms[0].Weight;
        double expected = Math.Pow(1 - (4 * p / 3), weight) * Evaluate(ideal, pauli);
        Assert.Equal(expected, Evaluate(noisy, pauli), 14);
    }

    [Theory]
    [InlineData(2, 0.1)]
    [InlineData(4, 0.05)]
    [InlineData(6, 0.2)]
    public void GhzState_UnderDephasing_ParityDecaysAs1Minus2PToTheN_ZZStaysOne(int n, double p)
    {
        var c = new Circuit(n).H(0);
        for (int q = 0; q + 1 < n; q++)
        {
            c.CNOT(q, q + 1);
        }

        for (int q = 0; q < n; q++)
        {
            c.PhaseFlip(q, p);
        }

        string parity = string.Join(" ", Enumerable.Range(0, n).Select(q => "X" + q));
        Assert.Equal(Math.Pow(1 - (2 * p), n), Evaluate(c, parity), 13);
        Assert.Equal(1, Evaluate(c, "Z0 Z" + (n - 1)), 13);
    }

    [Fact]
    public void TwoQubitDepolarizing_ContractsEveryNonIdentityPairBy1Minus16POver15()
    {
        var c = new Circuit(2).RY(0, 0.4).RX(1, 1.1).CNOT(0, 1).RZ(1, 0.3);
        double ideal = Evaluate(c, "X0 Y1");
        Assert.Equal((1 - (16 * 0.03 / 15)) * ideal, Evaluate(new Circuit(2).Append(c).TwoQubitDepolarizing(0, 1, 0.03), "X0 Y1"), 14);
    }

    [Fact]
    public void ResetError_MovesPopulationAndKillsCoherence()
    {
        // |+⟩ then reset(p0, p1): ⟨X⟩ = (1 − p0 − p1); ⟨Z⟩ = p0 − p1.
        Assert.Equal(0.6, Evaluate(new Circuit(1).H(0).ResetError(0, 0.3, 0.1), "X0"), 14);
        Assert.Equal(0.2, Evaluate(new Circuit(1).H(0).ResetError(0, 0.3, 0.1), "Z0"), 14);
    }

    [Fact]
    public void ReadoutError_OnExactZExpectations_IsBiasPlusContraction()
    {
        // One qubit in |0⟩: reads 1 with P(1|0) → ⟨Z̃⟩ = 1 − 2 P(1|0); in |1⟩: −(1 − 2 P(0|1)).
        var readout = new ReadoutError(new[] { 0.02, 0.05 }, new[] { 0.08, 0.03 });
        Assert.Equal(1 - (2 * 0.02), Evaluate(new Circuit(2), "Z0", readout), 14);
        Assert.Equal(-(1 - (2 * 0.08)), Evaluate(new Circuit(2).X(0), "Z0", readout), 14);
        // Z0 Z1 on |10⟩ (qubit 0 = 1): E[z̃0 z̃1] = E[z̃0]E[z̃1] = −(1 − 2·0.08)(1 − 2·0.05).
        Assert.Equal(-(1 - (2 * 0.08)) * (1 - (2 * 0.05)), Evaluate(new Circuit(2).X(0), "Z0 Z1", readout), 14);
    }
}
