using System;
using System.Collections.Generic;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Identity-block initialization (Grant, Wossnig, Ostaszewski &amp; Benedetti, "An initialization strategy for addressing
/// barren plateaus in parametrized quantum circuits", Quantum 3, 214 (2019)): the circuit is a sequence of blocks, each
/// a unitary U(θ₁) followed by its mirror image; θ₁ is drawn at random (uniform in [0, 2π)) and the mirror's weights are
/// then chosen so the mirror is U(θ₁)†, making every block — and so the trainable part of the circuit — the identity at
/// the start, while the blocks stay shallow and their gradients large.
/// </summary>
/// <remarks>
/// <para>A block is a run of consecutive weights; its gates are those from the first gate that reads one of its weights to
/// the last. Gate k from the block's start must mirror gate k from its end: the same qubits, and a fixed gate its inverse
/// (X, Y, Z, H, CNOT, CY, CZ, SWAP, Toffoli, CSWAP with themselves; S with S†, T with T†), a rotation the same kind with
/// the negated angle (Rot(φ, θ, ω)† = Rot(−ω, −θ, −φ), U3(θ, φ, λ)† = U3(−θ, −λ, −φ)). The later gate's weights must each
/// drive only that angle, so they can be solved for; angles may be affine in their weight. A gate in the middle of an odd
/// block must be its own inverse (or a rotation whose weight is set to angle 0). Data inputs inside a block are refused
/// (the identity would depend on the data). <see cref="IdentityBlocks.Append"/> builds blocks that satisfy this.</para>
/// <para>Weights outside every block are drawn uniformly from [0, 2π).</para>
/// </remarks>
public sealed class IdentityBlockInitialization : IWeightInitializer
{
    private readonly int[] _blockSizes;

    /// <summary>Blocks of consecutive weights starting at weight <paramref name="firstWeight"/>, with the given sizes.</summary>
    /// <param name="blockWeightCounts">Weights per block, each at least 2 (a rotation and its inverse).</param>
    /// <param name="firstWeight">The first weight of the first block (weights before it are not in a block).</param>
    public IdentityBlockInitialization(IReadOnlyList<int> blockWeightCounts, int firstWeight = 0)
    {
        ArgumentNullException.ThrowIfNull(blockWeightCounts);
        ArgumentOutOfRangeException.ThrowIfNegative(firstWeight);
        if (blockWeightCounts.Count == 0)
        {
            throw new ArgumentException("Give at least one block.", nameof(blockWeightCounts));
        }

        _blockSizes = new int[blockWeightCounts.Count];
        for (int b = 0; b < _blockSizes.Length; b++)
        {
            if (blockWeightCounts[b] < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(blockWeightCounts), blockWeightCounts[b],
                    string.Create(CultureInfo.InvariantCulture, $"Block {b} has {blockWeightCounts[b]} weights; a block needs at least one."));
            }

            _blockSizes[b] = blockWeightCounts[b];
        }

        FirstWeight = firstWeight;
    }

    /// <summary><paramref name="blocks"/> equal blocks covering every weight of the circuit (checked when applied).</summary>
    public static IdentityBlockInitialization Equal(int blocks) => new(blocks) { };

    private IdentityBlockInitialization(int equalBlocks)
    {
        if (equalBlocks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(equalBlocks), equalBlocks, "Give at least one block.");
        }

        _blockSizes = Array.Empty<int>();
        EqualBlocks = equalBlocks;
    }

    /// <summary>The first weight of the first block.</summary>
    public int FirstWeight { get; }

    /// <summary>The number of equal blocks for <see cref="Equal"/>, else 0.</summary>
    public int EqualBlocks { get; }

    /// <inheritdoc/>
    public string Name => EqualBlocks > 0
        ? string.Create(CultureInfo.InvariantCulture, $"identity-blocks({EqualBlocks} equal)")
        : string.Create(CultureInfo.InvariantCulture, $"identity-blocks({string.Join("+", _blockSizes)} from weight {FirstWeight})");

    /// <inheritdoc/>
    public void Initialize(Span<double> weights, CircuitStructure circuit, SeededRandom random)
    {
        InitializationChecks.Require(weights, circuit, random);
        var sizes = BlockSizes(circuit.WeightCount);
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = random.NextDouble(0, 2 * Math.PI);
        }

        var uses = CountUses(circuit.Circuit);
        int start = FirstWeight;
        for (int b = 0; b < sizes.Length; b++)
        {
            MirrorBlock(circuit.Circuit, weights, uses, b, start, start + sizes[b]);
            start += sizes[b];
        }
    }

    private int[] BlockSizes(int weightCount)
    {
        if (EqualBlocks == 0)
        {
            long end = FirstWeight;
            foreach (int s in _blockSizes)
            {
                end += s;
            }

            if (end > weightCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"The blocks cover weights {FirstWeight} to {end - 1}, but the circuit has {weightCount} weights."), "circuit");
            }

            return _blockSizes;
        }

        if (weightCount % EqualBlocks != 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The circuit's {weightCount} weights do not split into {EqualBlocks} equal blocks; give the block sizes instead."), "circuit");
        }

        var sizes = new int[EqualBlocks];
        Array.Fill(sizes, weightCount / EqualBlocks);
        return sizes;
    }

    /// <summary>How many angle slots of the circuit read each weight.</summary>
    private static int[] CountUses(Circuit circuit)
    {
        var uses = new int[circuit.WeightCount];
        foreach (var gate in circuit.Gates)
        {
            foreach (var angle in gate.Angles)
            {
                if (angle.Source == AngleSource.Weight)
                {
                    uses[angle.Index]++;
                }
            }
        }

        return uses;
    }

    private static void MirrorBlock(Circuit circuit, Span<double> weights, int[] uses, int block, int firstWeight, int endWeight)
    {
        var gates = circuit.Gates;
        int first = -1, last = -1;
        for (int g = 0; g < gates.Count; g++)
        {
            foreach (var angle in gates[g].Angles)
            {
                if (angle.Source == AngleSource.Weight && angle.Index >= firstWeight && angle.Index < endWeight)
                {
                    first = first < 0 ? g : first;
                    last = g;
                }
            }
        }

        if (first < 0)
        {
            throw Problem(block, $"no gate reads its weights {firstWeight} to {endWeight - 1}");
        }

        for (int g = first; g <= last; g++)
        {
            foreach (var angle in gates[g].Angles)
            {
                if (angle.Source == AngleSource.Input)
                {
                    throw Problem(block, $"gate {g} ({gates[g]}) reads a data input; the identity would depend on the data");
                }
            }
        }

        for (int a = first, z = last; a <= z; a++, z--)
        {
            Mirror(gates[a], gates[z], a, z, weights, uses, block);
        }
    }

    /// <summary>Makes gate <paramref name="late"/> the inverse of gate <paramref name="early"/> by solving for its weights.</summary>
    private static void Mirror(Gate early, Gate late, int a, int z, Span<double> weights, int[] uses, int block)
    {
        if (!SameQubits(early, late) || (early.Kind == GateKind.PauliRot && early.PauliWord != late.PauliWord))
        {
            throw Problem(block, $"gate {z} ({late}) does not mirror gate {a} ({early}): they act differently");
        }

        var info = early.Info;
        if (info.Angles == 0)
        {
            if (late.Kind != InverseKind(early.Kind))
            {
                throw Problem(block, $"gate {z} ({late}) is not the inverse of gate {a} ({early})" + (InverseKind(early.Kind) is null ? $"; {early.Kind} has no inverse gate kind to mirror it with" : ""));
            }

            return;
        }

        if (late.Kind != early.Kind)
        {
            throw Problem(block, $"gate {z} ({late}) is not the same rotation as gate {a} ({early})");
        }

        // Which angle of the late gate must be the negative of which angle of the early one.
        ReadOnlySpan<int> map = early.Kind switch
        {
            GateKind.Rot => stackalloc int[] { 2, 1, 0 },  // Rot(φ, θ, ω)† = Rot(−ω, −θ, −φ)
            GateKind.U3 => stackalloc int[] { 0, 2, 1 },   // U3(θ, φ, λ)† = U3(−θ, −λ, −φ)
            _ => stackalloc int[] { 0 },
        };
        bool middle = a == z;
        for (int k = 0; k < map.Length; k++)
        {
            var target = late.Angles[k];
            double wanted = middle ? 0 : -early.Angles[map[k]].Evaluate(weights, ReadOnlySpan<double>.Empty);
            if (target.Source == AngleSource.Constant)
            {
                if (Math.Abs(target.Offset - wanted) > 1e-12)
                {
                    throw Problem(block, $"gate {z} ({late}) has the constant angle {Format(target.Offset)} where {Format(wanted)} is needed to invert gate {a}");
                }

                continue;
            }

            if (uses[target.Index] != 1)
            {
                throw Problem(block, $"weight {target.Index} of gate {z} ({late}) drives {uses[target.Index]} angles; to be solved for it must drive only this one");
            }

            if (target.Scale == 0)
            {
                throw Problem(block, $"weight {target.Index} of gate {z} ({late}) has scale 0 and cannot set the angle");
            }

            weights[target.Index] = (wanted - target.Offset) / target.Scale;
        }
    }

    private static GateKind? InverseKind(GateKind kind) => kind switch
    {
        GateKind.I or GateKind.X or GateKind.Y or GateKind.Z or GateKind.H or GateKind.CNOT or GateKind.CY or GateKind.CZ
            or GateKind.SWAP or GateKind.Toffoli or GateKind.CSWAP => kind,
        GateKind.S => GateKind.Sdg,
        GateKind.Sdg => GateKind.S,
        GateKind.T => GateKind.Tdg,
        GateKind.Tdg => GateKind.T,
        _ => null,
    };

    private static bool SameQubits(Gate a, Gate b)
    {
        if (a.Qubits.Length != b.Qubits.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Qubits.Length; i++)
        {
            if (a.Qubits[i] != b.Qubits[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static ArgumentException Problem(int block, string what) => new(string.Create(CultureInfo.InvariantCulture,
        $"Identity block {block} is not a mirror: {what}. Build blocks with IdentityBlocks.Append, or give the block sizes that match the circuit."), "circuit");
}
