using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;

namespace NegLR.Analyzers.Trainability;

/// <summary>One channel placed in a circuit: after gate <see cref="Position"/> − 1, on <see cref="Qubits"/>.</summary>
internal readonly struct PlacedChannel
{
    public PlacedChannel(int position, NoiseChannel channel, ImmutableArray<int> qubits)
    {
        Position = position;
        Channel = channel;
        Qubits = qubits;
    }

    public int Position { get; }

    public NoiseChannel Channel { get; }

    public ImmutableArray<int> Qubits { get; }
}

/// <summary>What the noise does to one cost term: its light cone's width, the factors of the noise layers inside it, the noise that drives them.</summary>
internal sealed class TermContraction
{
    public TermContraction(int index, double coefficient, int coneWidth, ImmutableArray<double> layerFactors, ImmutableArray<(string Channel, double Share)> drivers)
    {
        Index = index;
        Coefficient = coefficient;
        ConeWidth = coneWidth;
        LayerFactors = layerFactors;
        Drivers = drivers;
        double q = 1;
        foreach (double f in layerFactors)
        {
            q *= f;
        }

        Contraction = q;
    }

    /// <summary>The term's position in the observable.</summary>
    public int Index { get; }

    public double Coefficient { get; }

    /// <summary>w: the qubits of the term's backward light cone at the start of the circuit (the theorem's n for this term).</summary>
    public int ConeWidth { get; }

    /// <summary>q_k of each complete local noise layer inside the cone, in circuit order.</summary>
    public ImmutableArray<double> LayerFactors { get; }

    /// <summary>Q = Π q_k.</summary>
    public double Contraction { get; }

    /// <summary>The channels that contract the term, each with its share of −ln Q (largest first).</summary>
    public ImmutableArray<(string Channel, double Share)> Drivers { get; }

    /// <summary>Wang et al.'s bound on |∂C_term/∂θ| for a rotation (‖η‖₁ = ½) after the first <paramref name="layers"/> noise layers (all when null).</summary>
    public double GradientBound(int? layers = null)
    {
        double q = 1;
        int count = Math.Min(layers ?? LayerFactors.Length, LayerFactors.Length);
        for (int k = 0; k < count; k++)
        {
            q *= LayerFactors[k];
        }

        return NoiseInducedPlateauBound.GradientBound(Math.Max(1, ConeWidth), Math.Max(0, Math.Min(1, q)), 0.5, Math.Abs(Coefficient));
    }
}

/// <summary>
/// The contraction Wang et al.'s bound needs (Nat. Commun. 12, 6961 (2021), <see cref="NoiseInducedPlateauBound"/>),
/// read off a noisy circuit for one cost term. The term's backward light cone is followed gate by gate; forward in
/// time the cone only shrinks (a qubit leaves it once nothing after can carry its state to the term). Channels on
/// qubits outside the cone cannot change the term and are skipped. Inside it, channels are grouped greedily into
/// <b>local noise layers</b>: a layer closes as soon as every qubit still in the cone has received at least one channel
/// since the previous layer; its factor q_k is the largest, over those qubits, of the product of the factors each
/// received. A qubit that leaves the cone before receiving its channel voids the open layer (it may have carried the
/// state past the noise). Each channel's factor is the q of its Pauli-twirled (unital) part: the largest |R_σσ| of its Pauli transfer
/// matrix (σ = X, Y, Z) — exactly the theorem's q for Pauli channels (depolarizing: 1 − 4p/3), √(1 − γ) for amplitude
/// damping, max(e^(−t/T1), e^(−t/T2)) for thermal relaxation; a two-qubit depolarizing channel contributes its
/// hidden local factor (<see cref="NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor"/>) on both qubits, and any
/// other two-qubit channel the local factor hidden in its Pauli twirl (<see cref="NoiseInducedPlateauBound.TwoQubitPauliLocalFactor"/>:
/// exact for two-qubit Pauli channels, an estimate for others, as for non-unital one-qubit channels).
/// </summary>
/// <remarks>
/// For a layered circuit with noise on every qubit of every layer (the theorem's setting) this is the theorem's
/// Q = q^L exactly; for channels spread unevenly it is an approximation. For non-unital channels (amplitude damping,
/// thermal relaxation, reset) the theorem does not apply: their twirled factor is used as an estimate, which can
/// overstate the decay because non-unital noise also feeds low-weight Pauli strings (Mele et al., Nat. Phys. 2024).
/// </remarks>
internal static class NoiseContraction
{
    /// <summary>The contraction of each term (X, Z masks) of the cost on <paramref name="circuit"/> with <paramref name="channels"/>.</summary>
    public static List<TermContraction> Estimate(Circuit circuit, IReadOnlyList<PlacedChannel> channels, IReadOnlyList<(double Coefficient, int X, int Z)> terms,
        CancellationToken cancellationToken)
    {
        var gates = circuit.Gates;
        var gateMasks = new int[gates.Count];
        for (int g = 0; g < gates.Count; g++)
        {
            int m = 0;
            foreach (int q in gates[g].Qubits)
            {
                m |= 1 << q;
            }

            gateMasks[g] = m;
        }

        // Channels by position, in placement order, with each qubit's factor computed once.
        var byPosition = new List<(NoiseChannel Channel, ImmutableArray<int> Qubits, double Factor, string Label)>?[gates.Count + 1];
        var factors = new Dictionary<NoiseChannel, double>();
        foreach (var placed in channels)
        {
            if (placed.Position < 0 || placed.Position > gates.Count)
            {
                continue;
            }

            if (!factors.TryGetValue(placed.Channel, out double f))
            {
                f = LocalFactor(placed.Channel);
                factors.Add(placed.Channel, f);
            }

            (byPosition[placed.Position] ??= new()).Add((placed.Channel, placed.Qubits, f, placed.Channel.ToString()));
        }

        var result = new List<TermContraction>(terms.Count);
        var coneAfter = new int[gates.Count];
        for (int t = 0; t < terms.Count; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (coefficient, x, z) = terms[t];
            int mask = x | z;
            for (int g = gates.Count - 1; g >= 0; g--)
            {
                coneAfter[g] = mask;
                if ((gateMasks[g] & mask) != 0)
                {
                    mask |= gateMasks[g];
                }
            }

            result.Add(Layers(t, coefficient, mask, coneAfter, byPosition, gates.Count, circuit.Qubits));
        }

        return result;
    }

    /// <summary>q of one channel's twirled part on each qubit it acts on (see the class remarks).</summary>
    internal static double LocalFactor(NoiseChannel channel)
    {
        if (channel.Qubits == 1)
        {
            var r = channel.PauliTransferMatrix;
            return Math.Min(1, Math.Max(Math.Abs(r[5]), Math.Max(Math.Abs(r[10]), Math.Abs(r[15]))));
        }

        if (channel.Kind == ChannelKind.TwoQubitDepolarizing)
        {
            double p = channel.Parameters[0];
            return p > 15.0 / 16 ? 0 : NoiseInducedPlateauBound.TwoQubitDepolarizingLocalFactor(p);
        }

        if (channel.Qubits == 2)
        {
            // Any other two-qubit channel: the local noise hidden in its Pauli twirl (exact for two-qubit Pauli channels).
            var r = channel.PauliTransferMatrix;
            var diagonal = new double[16];
            for (int i = 0; i < 16; i++)
            {
                diagonal[i] = Math.Max(-1, Math.Min(1, r[(i * 16) + i]));
            }

            diagonal[0] = 1;
            return NoiseInducedPlateauBound.TwoQubitPauliLocalFactor(diagonal);
        }

        return 1;
    }

    private static TermContraction Layers(int index, double coefficient, int cone0, int[] coneAfter,
        List<(NoiseChannel Channel, ImmutableArray<int> Qubits, double Factor, string Label)>?[] byPosition, int gateCount, int qubits)
    {
        var layer = new double[qubits];
        for (int q = 0; q < qubits; q++)
        {
            layer[q] = 1;
        }

        var factors = ImmutableArray.CreateBuilder<double>();
        var tally = new Dictionary<string, double>(StringComparer.Ordinal);
        int cone = cone0, pending = cone0;
        bool touched = false;
        for (int position = 0; position <= gateCount; position++)
        {
            if (position > 0)
            {
                // Gate position − 1 has run. A qubit that leaves the cone after noise in this layer no longer needs any;
                // one that leaves without it may have carried the state past the noise (and handed it back through the
                // gate that ends its part in the cone), so the open layer is credited nothing and starts again.
                int next = coneAfter[position - 1];
                if ((pending & ~next) != 0)
                {
                    for (int q = 0; q < qubits; q++)
                    {
                        layer[q] = 1;
                    }

                    touched = false;
                    pending = next;
                }
                else
                {
                    pending &= next;
                }

                cone = next;
                Close(ref pending, ref touched, cone, layer, factors);
            }

            if (byPosition[position] is not { } here)
            {
                continue;
            }

            foreach (var (_, channelQubits, factor, label) in here)
            {
                foreach (int q in channelQubits)
                {
                    if (((cone >> q) & 1) == 0)
                    {
                        continue;
                    }

                    layer[q] *= factor;
                    pending &= ~(1 << q);
                    touched = true;
                    if (factor < 1)
                    {
                        tally.TryGetValue(label, out double sum);
                        tally[label] = sum + (factor > 0 ? -Math.Log(factor) : 745);
                    }
                }

                Close(ref pending, ref touched, cone, layer, factors);
            }
        }

        double total = tally.Values.Sum();
        var drivers = tally.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (kv.Key, total > 0 ? kv.Value / total : 0)).ToImmutableArray();
        return new TermContraction(index, coefficient, Guard.PopCount(cone0), factors.ToImmutable(), drivers);
    }

    private static void Close(ref int pending, ref bool touched, int cone, double[] layer, ImmutableArray<double>.Builder factors)
    {
        if (pending != 0 || !touched)
        {
            return;
        }

        double q = 0;
        for (int i = 0; i < layer.Length; i++)
        {
            if (((cone >> i) & 1) != 0)
            {
                q = Math.Max(q, layer[i]);
            }

            layer[i] = 1;
        }

        factors.Add(q);
        pending = cone;
        touched = false;
    }
}
