using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Noise;

/// <summary>Channels of every kind, noisy circuits and the noisy standard workload, shared by the noise tests.</summary>
internal static class NoiseTestData
{
    /// <summary>
    /// The hardware-efficient workload of docs/performance.md with depolarizing p1 = 0.001 after every single-qubit gate
    /// and two-qubit depolarizing p2 = 0.01 after every CNOT (PEERS.md's noisy standard workload).
    /// </summary>
    public static Circuit NoisyStandardWorkload(int qubits, double p1 = 0.001, double p2 = 0.01) =>
        new NoiseModel()
            .AfterEach(NoiseChannel.Depolarizing(p1), GateKind.RY, GateKind.RZ)
            .AfterEach(NoiseChannel.TwoQubitDepolarizing(p2), GateKind.CNOT)
            .ApplyTo(new Circuit(qubits).HardwareEfficient(layers: qubits));

    /// <summary>θ_k = 0.1·(k + 1).</summary>
    public static double[] WorkloadWeights(int count) => Enumerable.Range(0, count).Select(k => 0.1 * (k + 1)).ToArray();

    public static PauliSum Z0Z1 { get; } = PauliSum.Parse("Z0 Z1");

    /// <summary>One channel of every kind with parameters drawn from <paramref name="rng"/> (moderate strength).</summary>
    public static List<NoiseChannel> EveryChannel(SeededRandom rng)
    {
        double P() => rng.NextDouble(0.02, 0.3);
        var twoQubit = new double[15];
        for (int w = 0; w < 15; w++)
        {
            twoQubit[w] = rng.NextDouble(0, 0.04);
        }

        double t1 = rng.NextDouble(50, 100);
        return new List<NoiseChannel>
        {
            NoiseChannel.Depolarizing(P()),
            NoiseChannel.BitFlip(P()),
            NoiseChannel.PhaseFlip(P()),
            NoiseChannel.BitPhaseFlip(P()),
            NoiseChannel.PauliChannel(P() / 3, P() / 3, P() / 3),
            NoiseChannel.AmplitudeDamping(P()),
            NoiseChannel.GeneralizedAmplitudeDamping(P(), rng.NextDouble(0, 1)),
            NoiseChannel.PhaseDamping(P()),
            NoiseChannel.ThermalRelaxation(t1, rng.NextDouble(10, 2 * t1), rng.NextDouble(1, 20), rng.NextDouble(0, 0.2)),
            NoiseChannel.ResetError(P() / 2, P() / 2),
            NoiseChannel.TwoQubitDepolarizing(P()),
            NoiseChannel.TwoQubitPauliChannel(twoQubit),
            RandomKraus(rng, 1),
            RandomKraus(rng, 2),
        };
    }

    /// <summary>
    /// A random CPTP map from Kraus operators: K_k = A_k S^{−1/2} with S = Σ A†A, made by whitening random complex
    /// matrices (a Stinespring-style construction); 3 operators on one qubit, 2 on two.
    /// </summary>
    public static NoiseChannel RandomKraus(SeededRandom rng, int qubits)
    {
        int d = 1 << qubits;
        int count = qubits == 1 ? 3 : 2;
        var a = new Complex[count][,];
        for (int k = 0; k < count; k++)
        {
            a[k] = new Complex[d, d];
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    a[k][i, j] = new Complex(rng.NextGaussian(), rng.NextGaussian()) * (k == 0 && i == j ? 3.0 : 1.0);
                }
            }
        }

        // S = Σ A†A is Hermitian positive definite; S^{−1/2} by the Denman–Beavers iteration on the dense matrix.
        var s = new DenseMatrix(d);
        foreach (var ak in a)
        {
            var m = ToDense(ak);
            s += m.Adjoint() * m;
        }

        var inverseRoot = InverseSquareRoot(s);
        return NoiseChannel.FromKraus(a.Select(ak => FromDense(ToDense(ak) * inverseRoot)).ToArray());
    }

    /// <summary>A random circuit of every gate kind (angles on weights and inputs) with channels of every kind interleaved.</summary>
    public static Circuit RandomNoisyCircuit(SeededRandom rng, int qubits, int gates, IReadOnlyList<NoiseChannel>? channels = null)
    {
        channels ??= EveryChannel(rng);
        var c = new Circuit(qubits);
        var kinds = TestData.AllKinds.Where(k => TestData.Arity(k) <= qubits && (TestData.Arity(k) > 0 || qubits >= 1)).ToArray();
        for (int g = 0; g < gates; g++)
        {
            var kind = kinds[rng.NextInt(kinds.Length)];
            var info = GateInfo.Of(kind);
            int arity = info.Qubits > 0 ? info.Qubits : 1 + rng.NextInt(qubits);
            var q = TestData.DistinctQubits(rng, qubits, arity);
            var angles = Enumerable.Range(0, info.Angles)
                .Select(_ => rng.NextInt(4) == 0 ? (0.5 * c.Input(rng.NextInt(2))) + 0.3 : (rng.NextDouble(0.5, 1.5) * c.Weight(rng.NextInt(6))) - 0.2)
                .ToImmutableArray();
            string? word = kind == GateKind.PauliRot ? new string(q.Select(_ => "XYZ"[rng.NextInt(3)]).ToArray()) : null;
            c.Append(kind, q.ToImmutableArray(), angles, word);
            if (rng.NextInt(2) == 0)
            {
                var usable = channels.Where(ch => ch.Qubits <= qubits).ToArray();
                var ch = usable[rng.NextInt(usable.Length)];
                c.Channel(ch, TestData.DistinctQubits(rng, qubits, ch.Qubits));
            }
        }

        return c;
    }

    public static double MaxDifference(Complex[,] engine, DenseMatrix oracle)
    {
        double max = 0;
        for (int i = 0; i < oracle.Dimension; i++)
        {
            for (int j = 0; j < oracle.Dimension; j++)
            {
                max = Math.Max(max, (engine[i, j] - oracle[i, j]).Magnitude);
            }
        }

        return max;
    }

    private static DenseMatrix ToDense(Complex[,] a)
    {
        var m = new DenseMatrix(a.GetLength(0));
        for (int i = 0; i < m.Dimension; i++)
        {
            for (int j = 0; j < m.Dimension; j++)
            {
                m[i, j] = a[i, j];
            }
        }

        return m;
    }

    private static Complex[,] FromDense(DenseMatrix m)
    {
        var a = new Complex[m.Dimension, m.Dimension];
        for (int i = 0; i < m.Dimension; i++)
        {
            for (int j = 0; j < m.Dimension; j++)
            {
                a[i, j] = m[i, j];
            }
        }

        return a;
    }

    /// <summary>Denman–Beavers: Y → S^{1/2}, Z → S^{−1/2}.</summary>
    private static DenseMatrix InverseSquareRoot(DenseMatrix s)
    {
        var y = s;
        var z = DenseMatrix.Identity(s.Dimension);
        for (int k = 0; k < 60; k++)
        {
            var yInv = Inverse(y);
            var zInv = Inverse(z);
            y = 0.5 * (y + zInv);
            z = 0.5 * (z + yInv);
        }

        return z;
    }

    private static DenseMatrix Inverse(DenseMatrix a)
    {
        int n = a.Dimension;
        var m = new DenseMatrix(n);
        var inv = DenseMatrix.Identity(n);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                m[i, j] = a[i, j];
            }
        }

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (m[r, col].Magnitude > m[pivot, col].Magnitude)
                {
                    pivot = r;
                }
            }

            for (int j = 0; j < n; j++)
            {
                (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
                (inv[col, j], inv[pivot, j]) = (inv[pivot, j], inv[col, j]);
            }

            var p = m[col, col];
            for (int j = 0; j < n; j++)
            {
                m[col, j] /= p;
                inv[col, j] /= p;
            }

            for (int r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var f = m[r, col];
                for (int j = 0; j < n; j++)
                {
                    m[r, j] -= f * m[col, j];
                    inv[r, j] -= f * inv[col, j];
                }
            }
        }

        return inv;
    }
}
