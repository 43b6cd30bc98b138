using System;
using System.Linq;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// How one placed channel is unravelled on a state vector: a Pauli channel picks a Pauli word with its fixed
/// probability (one uniform draw, no pass over the state); any other channel picks Kraus operator K_k with probability
/// p_k = ‖K_k ψ‖² = Tr(K_k†K_k ρ_q) from the qubits' reduced density matrix (one pass) and applies K_k/√p_k (one pass).
/// Averaged over draws, |ψ⟩⟨ψ| follows Σ_k K_k ρ K_k† exactly.
/// </summary>
internal sealed class ChannelSampler
{
    public ChannelSampler(ChannelPlacement placement)
    {
        var channel = placement.Channel;
        Qubits = placement.Qubits.ToArray();
        if (channel.IsPauliChannel)
        {
            var p = channel.PauliProbabilities;
            Cumulative = new double[p.Length];
            double total = 0;
            for (int w = 0; w < p.Length; w++)
            {
                total += p[w];
                Cumulative[w] = total;
            }

            return;
        }

        int d = 1 << channel.Qubits;
        var kraus = channel.KrausOperators;
        Kraus = new Complex[kraus.Length][];
        Gram = new Complex[kraus.Length][];
        for (int k = 0; k < kraus.Length; k++)
        {
            Kraus[k] = ChannelMath.ToArray(kraus[k]);
            Gram[k] = ChannelMath.Multiply(ChannelMath.Adjoint(Kraus[k], d), Kraus[k], d);
        }
    }

    /// <summary>The qubits, in the channel's order (the first is the more significant local bit).</summary>
    public int[] Qubits { get; }

    /// <summary>Pauli channels: running sums of the word probabilities (word order of <see cref="NoiseChannel.PauliProbabilities"/>).</summary>
    public double[]? Cumulative { get; }

    /// <summary>Other channels: the Kraus operators, row-major in textbook order.</summary>
    public Complex[][]? Kraus { get; }

    /// <summary>K_k†K_k, whose expectation in the reduced state is the probability of outcome k.</summary>
    public Complex[][]? Gram { get; }

    /// <summary>True for a Pauli channel (branches drawn without looking at the state).</summary>
    public bool IsPauli => Cumulative is not null;

    /// <summary>Number of Kraus operators (0 for a Pauli channel).</summary>
    public int KrausCount => Kraus?.Length ?? 0;

    /// <summary>Applies one random branch of the channel to <paramref name="state"/> with one uniform draw.</summary>
    public void Apply(Span<Complex> state, SeededRandom random, Span<Complex> reduced)
    {
        double u = random.NextDouble();
        if (IsPauli)
        {
            ApplyWord(state, ChooseWord(u));
            return;
        }

        Span<double> p = stackalloc double[KrausCount];
        Probabilities(state, reduced, p);
        var (chosen, chosenP) = ChooseKraus(u, p);
        ApplyKraus(state, chosen, chosenP);
    }

    /// <summary>The Pauli word a uniform <paramref name="u"/> picks (word order of <see cref="NoiseChannel.PauliProbabilities"/>).</summary>
    public int ChooseWord(double u)
    {
        var cumulative = Cumulative!;
        int word = 0;
        double scaled = u * cumulative[^1];
        while (word < cumulative.Length - 1 && cumulative[word] <= scaled)
        {
            word++;
        }

        return word;
    }

    /// <summary>p_k = Tr(K_k†K_k ρ) for every Kraus operator, from the qubits' reduced state (one pass over the state).</summary>
    public void Probabilities(ReadOnlySpan<Complex> state, Span<Complex> reduced, Span<double> p)
    {
        var gram = Gram!;
        int d = 1 << Qubits.Length;
        var rho = reduced[..(d * d)];
        if (Qubits.Length == 1)
        {
            TrajectoryKernels.Reduced1(state, Qubits[0], rho);
        }
        else
        {
            TrajectoryKernels.Reduced2(state, Qubits[0], Qubits[1], rho);
        }

        for (int k = 0; k < gram.Length; k++)
        {
            p[k] = Probability(gram[k], rho, d);
        }
    }

    /// <summary>
    /// The Kraus operator a uniform <paramref name="u"/> picks from the probabilities <paramref name="p"/>, and its
    /// probability; a function of (u, p) alone, so a trajectory gets the same branch from equal states however it got them.
    /// </summary>
    public (int Chosen, double ChosenP) ChooseKraus(double u, ReadOnlySpan<double> p)
    {
        // The last operator takes whatever rounding leaves of the total.
        double total = 0;
        for (int k = 0; k < p.Length; k++)
        {
            total += p[k];
        }

        double target = u * total, running = 0;
        int chosen = p.Length - 1;
        double chosenP = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double pk = p[k];
            running += pk;
            if (target < running && pk > 0)
            {
                chosen = k;
                chosenP = pk;
                break;
            }

            if (k == p.Length - 1)
            {
                chosenP = pk;
            }
        }

        // Rounding can leave the last branch at ~0 probability when u is within a few ulps of 1: take the likeliest.
        if (!(chosenP > 0))
        {
            for (int k = 0; k < p.Length; k++)
            {
                if (p[k] > chosenP)
                {
                    chosen = k;
                    chosenP = p[k];
                }
            }
        }

        return (chosen, chosenP);
    }

    /// <summary>Applies K_chosen/√p_chosen.</summary>
    public void ApplyKraus(Span<Complex> state, int chosen, double chosenP)
    {
        double scale = 1 / Math.Sqrt(chosenP);
        var op = Kraus![chosen];
        if (Qubits.Length == 1)
        {
            StateKernels.ApplyMatrix(state, Qubits[0], new Matrix2(op[0] * scale, op[1] * scale, op[2] * scale, op[3] * scale));
        }
        else
        {
            TrajectoryKernels.Apply4(state, Qubits[0], Qubits[1], op, scale);
        }
    }

    /// <summary>The likeliest Pauli word (the lowest index among equals): the branch trajectories share.</summary>
    public int LikeliestWord()
    {
        var cumulative = Cumulative!;
        Span<double> p = stackalloc double[cumulative.Length];
        for (int w = 0; w < p.Length; w++)
        {
            p[w] = w == 0 ? cumulative[0] : cumulative[w] - cumulative[w - 1];
        }

        return Likeliest(p);
    }

    /// <summary>The index of the largest probability (the lowest among equals).</summary>
    public static int Likeliest(ReadOnlySpan<double> p)
    {
        int best = 0;
        for (int k = 1; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return best;
    }

    public void ApplyWord(Span<Complex> state, int word)
    {
        if (Qubits.Length == 1)
        {
            TrajectoryKernels.ApplyPauli(state, Qubits[0], word);
            return;
        }

        TrajectoryKernels.ApplyPauli(state, Qubits[0], word >> 2);
        TrajectoryKernels.ApplyPauli(state, Qubits[1], word & 3);
    }

    private static double Probability(Complex[] gram, ReadOnlySpan<Complex> rho, int d)
    {
        // Tr(G ρ) = Σ_ij G_ij ρ_ji.
        double p = 0;
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                p += (gram[(i * d) + j] * rho[(j * d) + i]).Real;
            }
        }

        return Math.Max(0, p);
    }
}
