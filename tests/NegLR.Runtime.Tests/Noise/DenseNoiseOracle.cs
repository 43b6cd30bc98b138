using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>
/// The noise oracle: slow and obviously correct. The density matrix is the full 2^n × 2^n complex matrix; a gate acts
/// as UρU† with the dense reference simulator's literal gate matrix, a channel as Σ_k K_k ρ K_k† with its literal Kraus
/// operators written out below from the textbook formulas (not read from <see cref="NoiseChannel.KrausOperators"/>),
/// placed on the full space by Kronecker products. Nothing of the density-matrix engine is used.
/// </summary>
internal sealed class DenseNoiseOracle
{
    private readonly DenseReferenceSimulator _sim;

    public DenseNoiseOracle(int qubits)
    {
        if (qubits > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "The dense noise oracle handles up to 6 qubits.");
        }

        _sim = new DenseReferenceSimulator(qubits);
    }

    public int Qubits => _sim.Qubits;

    /// <summary>ρ(w, x): gates and channels in the circuit's recorded order, from |0…0⟩⟨0…0|.</summary>
    public DenseMatrix Run(Circuit circuit, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs)
    {
        var rho = new DenseMatrix(_sim.Dimension);
        rho[0, 0] = Complex.One;
        var channels = circuit.Channels;
        int c = 0;
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            for (; c < channels.Count && channels[c].Position == g; c++)
            {
                rho = ApplyChannel(rho, channels[c]);
            }

            var u = _sim.GateMatrix(circuit.Gates[g], weights, inputs);
            rho = u * rho * u.Adjoint();
        }

        for (; c < channels.Count; c++)
        {
            rho = ApplyChannel(rho, channels[c]);
        }

        return rho;
    }

    /// <summary>Re Tr(ρO).</summary>
    public double Expectation(DenseMatrix rho, PauliSum observable)
    {
        var product = rho * _sim.Observable(observable);
        Complex trace = Complex.Zero;
        for (int i = 0; i < product.Dimension; i++)
        {
            trace += product[i, i];
        }

        return trace.Real;
    }

    public double Evaluate(Circuit circuit, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable) =>
        Expectation(Run(circuit, weights, inputs), observable);

    /// <summary>The diagonal of ρ: the probability of each basis state.</summary>
    public static double[] Probabilities(DenseMatrix rho) => Enumerable.Range(0, rho.Dimension).Select(i => rho[i, i].Real).ToArray();

    private DenseMatrix ApplyChannel(DenseMatrix rho, ChannelPlacement placement)
    {
        var q = placement.Qubits;
        foreach (var stage in LiteralKraus(placement.Channel))
        {
            var result = new DenseMatrix(rho.Dimension);
            foreach (var local in stage)
            {
                var k = q.Length == 1 ? _sim.Product((q[0], local)) : _sim.Embed(local, q);
                result += k * rho * k.Adjoint();
            }

            rho = result;
        }

        return rho;
    }

    /// <summary>
    /// The literal Kraus operators of a channel, as one or more stages applied in turn (thermal relaxation is generalized
    /// amplitude damping, then phase damping).
    /// </summary>
    public static List<DenseMatrix[]> LiteralKraus(NoiseChannel channel)
    {
        var p = channel.Parameters;
        var stages = new List<DenseMatrix[]>();
        switch (channel.Kind)
        {
            case ChannelKind.Depolarizing:
                stages.Add(Pauli1(1 - p[0], p[0] / 3, p[0] / 3, p[0] / 3));
                break;
            case ChannelKind.BitFlip:
                stages.Add(Pauli1(1 - p[0], p[0], 0, 0));
                break;
            case ChannelKind.PhaseFlip:
                stages.Add(Pauli1(1 - p[0], 0, 0, p[0]));
                break;
            case ChannelKind.BitPhaseFlip:
                stages.Add(Pauli1(1 - p[0], 0, p[0], 0));
                break;
            case ChannelKind.PauliChannel:
                stages.Add(Pauli1(1 - p[0] - p[1] - p[2], p[0], p[1], p[2]));
                break;
            case ChannelKind.AmplitudeDamping:
                stages.Add(new[] { M(1, 0, 0, Math.Sqrt(1 - p[0])), M(0, Math.Sqrt(p[0]), 0, 0) });
                break;
            case ChannelKind.GeneralizedAmplitudeDamping:
                stages.Add(Gad(p[0], p[1]));
                break;
            case ChannelKind.PhaseDamping:
                stages.Add(new[] { M(1, 0, 0, Math.Sqrt(1 - p[0])), M(0, 0, 0, Math.Sqrt(p[0])) });
                break;
            case ChannelKind.ThermalRelaxation:
            {
                double e1 = Math.Exp(-p[2] / p[0]), e2 = Math.Exp(-p[2] / p[1]);
                stages.Add(Gad(1 - e1, p[3]));
                double lambda = Math.Max(0, 1 - (e2 * e2 / e1));
                stages.Add(new[] { M(1, 0, 0, Math.Sqrt(1 - lambda)), M(0, 0, 0, Math.Sqrt(lambda)) });
                break;
            }

            case ChannelKind.ResetError:
            {
                double keep = 1 - p[0] - p[1];
                stages.Add(new[]
                {
                    Math.Sqrt(Math.Max(0, keep)) * LiteralGates.Identity,
                    M(Math.Sqrt(p[0]), 0, 0, 0), M(0, Math.Sqrt(p[0]), 0, 0),
                    M(0, 0, Math.Sqrt(p[1]), 0), M(0, 0, 0, Math.Sqrt(p[1])),
                });
                break;
            }

            case ChannelKind.TwoQubitDepolarizing:
            {
                var ops = new List<DenseMatrix> { Math.Sqrt(1 - p[0]) * DenseMatrix.Kron(LiteralGates.Identity, LiteralGates.Identity) };
                foreach (string word in NoiseChannel.TwoQubitPauliWords)
                {
                    ops.Add(Math.Sqrt(p[0] / 15) * Word(word));
                }

                stages.Add(ops.ToArray());
                break;
            }

            case ChannelKind.TwoQubitPauliChannel:
            {
                var ops = new List<DenseMatrix> { Math.Sqrt(Math.Max(0, 1 - p.Sum())) * DenseMatrix.Kron(LiteralGates.Identity, LiteralGates.Identity) };
                for (int w = 0; w < 15; w++)
                {
                    ops.Add(Math.Sqrt(p[w]) * Word(NoiseChannel.TwoQubitPauliWords[w]));
                }

                stages.Add(ops.ToArray());
                break;
            }

            case ChannelKind.Kraus:
            {
                int d = 1 << channel.Qubits;
                stages.Add(channel.KrausOperators.Select(k =>
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
                }).ToArray());
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(channel), channel.Kind, "Unknown channel.");
        }

        return stages;
    }

    /// <summary>Nielsen &amp; Chuang's generalized amplitude damping with p_e the excited population of the resting state.</summary>
    private static DenseMatrix[] Gad(double gamma, double excited)
    {
        double g = Math.Sqrt(1 - excited), e = Math.Sqrt(excited);
        return new[]
        {
            g * M(1, 0, 0, Math.Sqrt(1 - gamma)), g * M(0, Math.Sqrt(gamma), 0, 0),
            e * M(Math.Sqrt(1 - gamma), 0, 0, 1), e * M(0, 0, Math.Sqrt(gamma), 0),
        };
    }

    private static DenseMatrix[] Pauli1(double pI, double pX, double pY, double pZ) => new[]
    {
        Math.Sqrt(Math.Max(0, pI)) * LiteralGates.Identity, Math.Sqrt(pX) * LiteralGates.X,
        Math.Sqrt(pY) * LiteralGates.Y, Math.Sqrt(pZ) * LiteralGates.Z,
    };

    /// <summary>A two-qubit word, first letter on the channel's first qubit (the more significant in textbook order).</summary>
    private static DenseMatrix Word(string word) => DenseMatrix.Kron(LiteralGates.Pauli(word[0]), LiteralGates.Pauli(word[1]));

    private static DenseMatrix M(Complex a, Complex b, Complex c, Complex d) => DenseMatrix.FromRows(new[] { a, b }, new[] { c, d });
}
