using System;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>Channel definitions: the three forms agree, conventions match PennyLane and Qiskit, bad input is refused clearly.</summary>
public class NoiseChannelTests
{
    [Fact]
    public void EveryChannel_TransferMatrixEqualsTheOneItsKrausOperatorsGive_AndKrausIsTracePreserving()
    {
        foreach (var channel in NoiseTestData.EveryChannel(new SeededRandom(5)))
        {
            int d = 1 << channel.Qubits, dd = d * d;
            var fromKraus = TransferFromKraus(channel.KrausOperators, channel.Qubits);
            for (int i = 0; i < dd * dd; i++)
            {
                Assert.True(Math.Abs(fromKraus[i] - channel.PauliTransferMatrix[i]) < 1e-14, $"{channel}: entry {i}");
            }

            var sum = new Complex[d, d];
            foreach (var k in channel.KrausOperators)
            {
                for (int i = 0; i < d; i++)
                {
                    for (int j = 0; j < d; j++)
                    {
                        for (int m = 0; m < d; m++)
                        {
                            sum[i, j] += Complex.Conjugate(k[(m * d) + i]) * k[(m * d) + j];
                        }
                    }
                }
            }

            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    Assert.True((sum[i, j] - (i == j ? 1 : 0)).Magnitude < 1e-13, $"{channel}: Σ K†K entry ({i}, {j})");
                }
            }
        }
    }

    [Fact]
    public void Conventions_QiskitLambdaMapsToPennyLaneP()
    {
        // Qiskit's depolarizing_error(λ, 1) = (1 − λ)ρ + λ I/2, which is PennyLane's/NegLR's p = 3λ/4: the same transfer matrix.
        double lambda = 0.08;
        var negLr = NoiseChannel.Depolarizing(0.75 * lambda).PauliTransferMatrix;
        Assert.Equal(1 - lambda, negLr[5], 15);
        Assert.Equal(1 - lambda, negLr[15], 15);
        var two = NoiseChannel.TwoQubitDepolarizing(15 * lambda / 16).PauliTransferMatrix;
        Assert.Equal(1 - lambda, two[17 * 5], 15);
        // PennyLane's GeneralizedAmplitudeDamping(γ, p) has p weighting the decay: it is NegLR's excitedPopulation = 1 − p.
        var gad = NoiseChannel.GeneralizedAmplitudeDamping(0.2, 0.1).PauliTransferMatrix;
        Assert.Equal(0.2 * (1 - (2 * 0.1)), gad[12], 15);   // I → I + γ(1 − 2p_e) Z: the resting state has ⟨Z⟩ = 1 − 2p_e
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ProbabilityOutsideItsRange_IsAnArgumentExceptionNamingTheParameter(double p)
    {
        AssertBad(() => NoiseChannel.Depolarizing(p), "p");
        AssertBad(() => NoiseChannel.BitFlip(p), "p");
        AssertBad(() => NoiseChannel.AmplitudeDamping(p), "gamma");
        AssertBad(() => NoiseChannel.GeneralizedAmplitudeDamping(0.1, p), "excitedPopulation");
        AssertBad(() => NoiseChannel.TwoQubitDepolarizing(p), "p");
        AssertBad(() => new Circuit(2).Depolarizing(0, p), "p");
        AssertBad(() => new Circuit(2).PhaseDamping(1, p), "gamma");
    }

    [Fact]
    public void SumsAboveOne_AreRefusedWithTheTotal()
    {
        var e = AssertBad(() => NoiseChannel.PauliChannel(0.5, 0.4, 0.2), "pZ");
        Assert.Contains("1.1", e.Message, StringComparison.Ordinal);
        AssertBad(() => NoiseChannel.ResetError(0.7, 0.5), "p1");
        AssertBad(() => NoiseChannel.TwoQubitPauliChannel(Enumerable.Repeat(0.1, 15).ToArray()), "probabilities");
        AssertBad(() => NoiseChannel.TwoQubitPauliChannel(new double[14]), "probabilities");
        // 0.1 + 0.2 + 0.7 rounds a hair above 1 and is accepted.
        Assert.Equal(ChannelKind.PauliChannel, NoiseChannel.PauliChannel(0.1, 0.2, 0.7).Kind);
    }

    [Fact]
    public void ThermalRelaxation_T2AboveTwiceT1_OrBadTimes_AreRefused()
    {
        var e = AssertBad(() => NoiseChannel.ThermalRelaxation(50, 101, 1), "t2");
        Assert.Contains("T2 ≤ 2·T1", e.Message, StringComparison.Ordinal);
        Assert.Equal(ChannelKind.ThermalRelaxation, NoiseChannel.ThermalRelaxation(50, 100, 1).Kind);   // the boundary is allowed
        AssertBad(() => NoiseChannel.ThermalRelaxation(0, 10, 1), "t1");
        AssertBad(() => NoiseChannel.ThermalRelaxation(double.NaN, 10, 1), "t1");
        AssertBad(() => NoiseChannel.ThermalRelaxation(50, -1, 1), "t2");
        AssertBad(() => NoiseChannel.ThermalRelaxation(50, 60, -1), "time");
        AssertBad(() => NoiseChannel.ThermalRelaxation(50, 60, double.PositiveInfinity), "time");
        AssertBad(() => NoiseChannel.ThermalRelaxation(50, 60, 1, 1.5), "excitedPopulation");
        // Infinite T1 and T2: the identity.
        Assert.Equal(1, NoiseChannel.ThermalRelaxation(double.PositiveInfinity, double.PositiveInfinity, 5).PauliTransferMatrix[5]);
    }

    [Fact]
    public void NonTracePreservingKraus_SaysWhichConditionFailsAndByHowMuch()
    {
        // Amplitude damping without its jump operator: Σ K†K = diag(1, 1 − γ).
        var e = AssertBad(() => NoiseChannel.FromKraus(new Complex[,] { { 1, 0 }, { 0, Math.Sqrt(0.7) } }), "operators");
        Assert.Contains("not trace preserving", e.Message, StringComparison.Ordinal);
        Assert.Contains("0.3", e.Message, StringComparison.Ordinal);
        Assert.Contains("(1, 1)", e.Message, StringComparison.Ordinal);
        AssertBad(() => NoiseChannel.FromKraus(new Complex[,] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }), "operators");
        AssertBad(() => NoiseChannel.FromKraus(new Complex[,] { { 1, 0 }, { 0, 1 } }, new Complex[4, 4]), "operators");
        AssertBad(() => NoiseChannel.FromKraus(new Complex[,] { { double.NaN, 0 }, { 0, 1 } }), "operators");
        AssertBad(() => NoiseChannel.FromKraus(Array.Empty<Complex[,]>()), "operators");
        // Within the tolerance it is accepted.
        Assert.Equal(ChannelKind.Kraus, NoiseChannel.FromKraus(new Complex[,] { { 1, 0 }, { 0, 1 + 1e-12 } }).Kind);
    }

    [Fact]
    public void ChannelQubits_OutsideTheCircuitOrRepeated_AreRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Circuit(2).Depolarizing(2, 0.1));
        Assert.Equal("qubit", e.ParamName);
        Assert.Contains("qubits 0 to 1", e.Message, StringComparison.Ordinal);
        AssertBad(() => new Circuit(2).TwoQubitDepolarizing(1, 1, 0.1), "b");
        AssertBad(() => new Circuit(3).Channel(NoiseChannel.TwoQubitDepolarizing(0.1), 0), "qubits");
    }

    [Fact]
    public void Channels_LeaveTheGateListExactlyAsTheIdealCircuit_AndTheInterpreterRefusesThem()
    {
        var ideal = new Circuit(3).HardwareEfficient(2);
        var noisy = NoiseTestData.NoisyStandardWorkload(3).WithoutChannels();
        Assert.Equal(new Circuit(3).HardwareEfficient(3).Gates, noisy.Gates);
        var withChannels = new Circuit(3).RY(0, 0.3).Depolarizing(0, 0.1).CNOT(0, 1).AmplitudeDamping(1, 0.2);
        Assert.Equal(new Circuit(3).RY(0, 0.3).CNOT(0, 1).Gates, withChannels.Gates);
        Assert.Equal(new[] { 1, 2 }, withChannels.Channels.Select(c => c.Position));
        var e = AssertBad(() => new CircuitInterpreter(withChannels), "circuit");
        Assert.Contains("DensityMatrixSimulator", e.Message, StringComparison.Ordinal);
        Assert.False(ideal.HasChannels);
        // Append copies channels in place; appending a circuit to itself doubles it.
        var doubled = new Circuit(3).Append(withChannels).Append(withChannels);
        Assert.Equal(new[] { 1, 2, 3, 4 }, doubled.Channels.Select(c => c.Position));
        withChannels.Append(withChannels);
        Assert.Equal(4, withChannels.Channels.Count);
    }

    private static ArgumentException AssertBad(Func<object> call, string parameter)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => call());
        Assert.Equal(parameter, e.ParamName);
        return e;
    }

    private static double[] TransferFromKraus(ImmutableArray<ImmutableArray<Complex>> kraus, int qubits)
    {
        // Independent of ChannelMath: R_ij = Tr(P_i Σ K P_j K†)/d with the test's literal Pauli matrices.
        int d = 1 << qubits, dd = d * d;
        DenseMatrix Word(int w) => qubits == 1 ? LiteralGates.Pauli("IXYZ"[w]) : DenseMatrix.Kron(LiteralGates.Pauli("IXYZ"[w >> 2]), LiteralGates.Pauli("IXYZ"[w & 3]));
        var ks = kraus.Select(k =>
        {
            var m = new DenseMatrix(d);
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    m[i, j] = k[(i * d) + j];
                }
            }

            return m;
        }).ToArray();
        var r = new double[dd * dd];
        for (int j = 0; j < dd; j++)
        {
            var image = new DenseMatrix(d);
            foreach (var k in ks)
            {
                image += k * Word(j) * k.Adjoint();
            }

            for (int i = 0; i < dd; i++)
            {
                var p = Word(i) * image;
                Complex trace = 0;
                for (int m = 0; m < d; m++)
                {
                    trace += p[m, m];
                }

                r[(i * dd) + j] = trace.Real / d;
            }
        }

        return r;
    }
}
