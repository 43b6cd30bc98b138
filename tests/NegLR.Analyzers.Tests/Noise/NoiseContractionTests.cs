extern alias analyzers;

using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Shared = analyzers::NegLR;
using Trainability = analyzers::NegLR.Analyzers.Trainability;

namespace NegLR.Analyzers.Tests.Noise;

/// <summary>The contraction NLR0304 reads off a noisy circuit: layers, factors, light cones, drivers.</summary>
public sealed class NoiseContractionTests
{
    private static Trainability.TermContraction Estimate(Shared.Circuit circuit, Shared.NoiseModel model, int x, int z)
    {
        var noisy = model.ApplyTo(circuit);
        var placed = noisy.Channels.Select(c => new Trainability.PlacedChannel(c.Position, c.Channel, c.Qubits)).ToList();
        return Trainability.NoiseContraction.Estimate(circuit, placed, new[] { (1.0, x, z) }, CancellationToken.None).Single();
    }

    private static Shared.Circuit Layered(int qubits, int layers)
    {
        var c = new Shared.Circuit(qubits);
        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < qubits; q++)
            {
                c.RY(q, c.Weight());
            }

            for (int q = 0; q + 1 < qubits; q++)
            {
                c.CZ(q, q + 1);
            }
        }

        return c;
    }

    [Fact]
    public void Noise_on_every_qubit_after_each_rotation_layer_is_the_theorems_q_to_the_L()
    {
        const double p = 0.03;
        var t = Estimate(Layered(4, 7), new Shared.NoiseModel().AfterEach(Shared.NoiseChannel.Depolarizing(p), Shared.GateKind.RY), 0, 1);
        Assert.Equal(7, t.LayerFactors.Length);
        Assert.All(t.LayerFactors, q => Assert.Equal(1 - (4 * p / 3), q, 12));
        Assert.Equal(Math.Pow(1 - (4 * p / 3), 7), t.Contraction, 12);
        Assert.Equal(4, t.ConeWidth);
        // The bound of the runtime class, with n = the cone's width and ‖η‖₁ = ½.
        Assert.Equal(Shared.NoiseInducedPlateauBound.GradientBound(4, t.Contraction, 0.5, 1), t.GradientBound(), 12);
        Assert.Equal("Depolarizing(p=0.03)", Assert.Single(t.Drivers).Channel);
    }

    [Fact]
    public void Channels_outside_the_light_cone_do_not_count()
    {
        // No entangler: the cone of Z0 is qubit 0, and noise on qubits 1–3 (however strong) cannot reach it.
        var c = new Shared.Circuit(4);
        for (int l = 0; l < 5; l++)
        {
            for (int q = 0; q < 4; q++)
            {
                c.RY(q, c.Weight());
            }
        }

        var model = new Shared.NoiseModel().AfterEachOn(Shared.NoiseChannel.Depolarizing(0.5), Shared.GateKind.RY, 1, 2, 3)
            .AfterEachOn(Shared.NoiseChannel.Depolarizing(0.01), Shared.GateKind.RY, 0);
        var t = Estimate(c, model, 0, 1);
        Assert.Equal(1, t.ConeWidth);
        Assert.Equal(Math.Pow(1 - (4 * 0.01 / 3), 5), t.Contraction, 12);
    }

    [Fact]
    public void A_qubit_without_noise_keeps_layers_open_while_it_is_in_the_cone()
    {
        // Qubit 3 gets no noise: a layer closes only once it has left Z0's light cone (the last CZ ladder's tail), so
        // the circuit yields fewer, weaker layers than with noise on every qubit.
        var partial = Estimate(Layered(4, 6), new Shared.NoiseModel().AfterEachOn(Shared.NoiseChannel.Depolarizing(0.2), Shared.GateKind.RY, 0, 1, 2), 0, 1);
        var full = Estimate(Layered(4, 6), new Shared.NoiseModel().AfterEach(Shared.NoiseChannel.Depolarizing(0.2), Shared.GateKind.RY), 0, 1);
        Assert.Equal(6, full.LayerFactors.Length);
        Assert.True(partial.LayerFactors.Length < full.LayerFactors.Length, string.Join(", ", partial.LayerFactors));
        Assert.True(partial.Contraction > full.Contraction);
    }

    [Theory]
    [InlineData("AmplitudeDamping", 0.19)]
    [InlineData("PhaseDamping", 0.19)]
    [InlineData("TwoQubitDepolarizing", 0.3)]
    [InlineData("ThermalRelaxation", 0.5)]
    public void Channel_factors_are_their_twirled_parts(string kind, double parameter)
    {
        var (channel, expected) = kind switch
        {
            "AmplitudeDamping" => (Shared.NoiseChannel.AmplitudeDamping(parameter), Math.Sqrt(1 - parameter)),
            "PhaseDamping" => (Shared.NoiseChannel.PhaseDamping(parameter), 1.0),
            "TwoQubitDepolarizing" => (Shared.NoiseChannel.TwoQubitDepolarizing(parameter), Shared.NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(parameter)),
            _ => (Shared.NoiseChannel.ThermalRelaxation(10, 15, parameter), Math.Max(Math.Exp(-parameter / 10), Math.Exp(-parameter / 15))),
        };
        Assert.Equal(expected, Trainability.NoiseContraction.LocalFactor(channel), 12);
        // Two-qubit channels other than depolarizing: the local noise in their Pauli twirl (a correlated ZZ error has none).
        var pauli2 = Shared.NoiseChannel.TwoQubitPauliChannel(System.Linq.Enumerable.Range(1, 15).Select(w => 0.01).ToArray());
        Assert.Equal(Shared.NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(0.15), Trainability.NoiseContraction.LocalFactor(pauli2), 12);
        var zz = Shared.NoiseChannel.TwoQubitPauliChannel(System.Linq.Enumerable.Range(1, 15).Select(w => w == 15 ? 0.2 : 0.0).ToArray());
        Assert.Equal(1.0, Trainability.NoiseContraction.LocalFactor(zz), 12);
        // Pauli channels: exactly the theorem's q = max |q_σ|.
        Assert.Equal(Shared.NoiseInducedPlateauBound.PauliChannelFactor(0.1, 0.02, 0.3),
            Trainability.NoiseContraction.LocalFactor(Shared.NoiseChannel.PauliChannel(0.1, 0.02, 0.3)), 12);
    }
}
