using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace NegLR;

/// <summary>
/// A noisy circuit cut for one fixed observable into density-matrix segments on registers that change size: gates and
/// channels outside the observable's backward light cone are dropped; a qubit joins the register only at its first
/// multi-qubit operation (its one-qubit prefix runs on its own 4-entry vector and enters as a tensor factor); a qubit
/// leaves the register (partial trace: the entries with I on it) once nothing after it is in the cone.
/// </summary>
/// <remarks>
/// Why it is exact: every gate and channel is trace preserving, so its transfer matrix maps a Pauli vector's entries
/// with I on its qubits only from entries with I on its qubits; the observable reads only entries with I outside its
/// support. Going backwards, the qubits whose non-identity entries still matter grow by each operation that touches
/// them; an operation on none of them cannot change the result. Each segment is an ordinary
/// <see cref="DensityMatrixSimulator"/> on a remapped sub-circuit (so fusion, kernels, checkpoints and the adjoint are
/// the engine's); the plan adds the joins and partial traces between them.
/// </remarks>
internal sealed class LightConePlan
{
    private LightConePlan(Segment[] segments, DensityMatrixSimulator?[] prefixes, PauliSum localObservable, int droppedOperations)
    {
        Segments = segments;
        Prefixes = prefixes;
        PrefixKernels = Array.ConvertAll(prefixes, p => p is null ? null : new QubitPrefix(p));
        LocalObservable = localObservable;
        DroppedOperations = droppedOperations;
    }

    /// <summary>The segments in order; the last one measures.</summary>
    public Segment[] Segments { get; }

    /// <summary>Per circuit qubit: its one-qubit prefix on a 1-qubit register, or null when it enters in |0⟩.</summary>
    public DensityMatrixSimulator?[] Prefixes { get; }

    /// <summary>Per circuit qubit: its prefix run map by map on four numbers (what the calls use), or null.</summary>
    public QubitPrefix?[] PrefixKernels { get; }

    /// <summary>The observable on the last segment's register.</summary>
    public PauliSum LocalObservable { get; }

    /// <summary>Gates and channels outside the light cone.</summary>
    public int DroppedOperations { get; }

    /// <summary>Whether every segment stores all its checkpoints (the adjoint must never recompute from |0…0⟩ in a segment).</summary>
    /// <remarks>Prefixes keep every intermediate vector on a tape (<see cref="QubitPrefix"/>), so they never recompute.</remarks>
    public bool AdjointSafe => Segments.All(s => s.Simulator.CheckpointsToStore == s.Simulator.RestoredChannelCount);

    /// <summary>One register and the operations run on it.</summary>
    internal sealed class Segment
    {
        public Segment(int[] register, int[] kept, int previousLength, int[] joined, DensityMatrixSimulator simulator)
        {
            Register = register;
            Kept = kept;
            PreviousLength = previousLength;
            Joined = joined;
            Simulator = simulator;
            Tiles = simulator.Qubits <= DensityMatrixSimulator.BlockQubits ? TileSchedule.Build(simulator.Program) : null;
            KeptMask = 0;
            foreach (int p in kept)
            {
                KeptMask |= 3u << (2 * p);
            }
        }

        /// <summary>Circuit qubit at each digit position.</summary>
        public int[] Register { get; }

        /// <summary>Positions of the previous register kept, in order (they become positions 0…).</summary>
        public int[] Kept { get; }

        /// <summary>Qubits in the previous register (0 for the first segment).</summary>
        public int PreviousLength { get; }

        /// <summary>Whether the entry traces out some of the previous register.</summary>
        public bool Drops => Kept.Length < PreviousLength;

        /// <summary>The digit bits of the kept positions in a previous index.</summary>
        public uint KeptMask { get; }

        /// <summary>Circuit qubits appended above the kept ones, in order.</summary>
        public int[] Joined { get; }

        public DensityMatrixSimulator Simulator { get; }

        /// <summary>The forward order with one-qubit steps run inside two-qubit passes (<see cref="TileSchedule"/>), or null.</summary>
        public TileSchedule.Item[]? Tiles { get; }
    }

    /// <summary>
    /// Plans <paramref name="circuit"/> (with its channels) for <paramref name="observable"/>; null when the plan would not
    /// differ from running the whole circuit or the observable has no support.
    /// </summary>
    public static LightConePlan? Create(Circuit circuit, ReadoutError? readout, PauliSum observable, DensityMatrixOptions options)
    {
        int n = circuit.Qubits;
        int support = 0;
        foreach (var t in observable.Terms)
        {
            support |= t.Support;
        }

        if (support == 0)
        {
            return null;
        }

        var ops = Interleave(circuit);
        var keep = new bool[ops.Count];
        var need = new int[ops.Count];
        int live = support, dropped = 0;
        for (int k = ops.Count - 1; k >= 0; k--)
        {
            if ((ops[k].Mask & live) == 0)
            {
                dropped++;
                continue;
            }

            keep[k] = true;
            live |= ops[k].Mask;
            need[k] = live;
        }

        var prefixOps = new List<Operation>[n];
        var segmentOps = new List<(int[] Register, int[] Kept, int Previous, int[] Joined, List<Operation> Ops)>();
        var register = new List<int>();
        int joined = 0;
        for (int k = 0; k < ops.Count; k++)
        {
            if (!keep[k])
            {
                continue;
            }

            var op = ops[k];
            if (op.Qubits.Length == 1 && (joined & op.Mask) == 0)
            {
                (prefixOps[op.Qubits[0]] ??= new List<Operation>()).Add(op);
                continue;
            }

            int registerMask = register.Aggregate(0, (m, q) => m | (1 << q));
            int drop = registerMask & ~need[k];
            int join = op.Mask & ~joined;
            if (drop != 0 || join != 0 || segmentOps.Count == 0)
            {
                Transition(segmentOps, register, drop, join);
                joined |= join;
            }

            segmentOps[^1].Ops.Add(op);
        }

        int missing = support & ~joined;
        if (missing != 0 || segmentOps.Count == 0)
        {
            Transition(segmentOps, register, 0, missing);
        }

        bool anyChange = dropped > 0 || segmentOps.Count > 1 || prefixOps.Any(p => p is not null);
        if (!anyChange)
        {
            return null;
        }

        var segments = new Segment[segmentOps.Count];
        for (int s = 0; s < segments.Length; s++)
        {
            var (reg, kept, previous, joins, list) = segmentOps[s];
            FoldDepolarizing(list);
            var sub = Build(reg, list);
            ReadoutError? localReadout = null;
            if (s == segments.Length - 1 && readout is not null)
            {
                localReadout = new ReadoutError(reg.Select(q => readout.Probability1Given0[q]).ToArray(),
                    reg.Select(q => readout.Probability0Given1[q]).ToArray());
            }

            segments[s] = new Segment(reg, kept, previous, joins, new DensityMatrixSimulator(sub, localReadout, options) { SegmentKernels = true });
        }

        var prefixes = new DensityMatrixSimulator?[n];
        for (int q = 0; q < n; q++)
        {
            if (prefixOps[q] is { } list)
            {
                prefixes[q] = new DensityMatrixSimulator(Build(new[] { q }, list), readout: null, options) { SegmentKernels = true };
            }
        }

        var last = segments[^1].Register;
        var position = new int[n];
        Array.Fill(position, -1);
        for (int i = 0; i < last.Length; i++)
        {
            position[last[i]] = i;
        }

        var local = new PauliSum(observable.Terms.Select(t => new PauliTerm(t.Coefficient, Remap(t.XMask, position), Remap(t.ZMask, position))),
            observable.Constant);
        return new LightConePlan(segments, prefixes, local, dropped);
    }

    private static void Transition(List<(int[] Register, int[] Kept, int Previous, int[] Joined, List<Operation> Ops)> segments, List<int> register,
        int drop, int join)
    {
        int previous = register.Count;
        var kept = new List<int>();
        for (int p = 0; p < register.Count; p++)
        {
            if ((drop & (1 << register[p])) == 0)
            {
                kept.Add(p);
            }
        }

        var next = kept.Select(p => register[p]).ToList();
        var joins = new List<int>();
        for (int q = 0; q < 31; q++)
        {
            if ((join & (1 << q)) != 0)
            {
                joins.Add(q);
                next.Add(q);
            }
        }

        register.Clear();
        register.AddRange(next);
        segments.Add((next.ToArray(), kept.ToArray(), previous, joins.ToArray(), new List<Operation>()));
    }

    private static int Remap(int mask, int[] position)
    {
        int result = 0;
        for (int q = 0; q < position.Length; q++)
        {
            if ((mask & (1 << q)) != 0)
            {
                result |= 1 << position[q];
            }
        }

        return result;
    }

    /// <summary>
    /// Moves each one-qubit depolarizing channel back, past the unital one-qubit operations on its qubit (it commutes with
    /// every one of them: its transfer matrix is the identity on I and a scalar on X, Y, Z), to just after the last
    /// constant two-qubit operation on that qubit, written there as the same map on the pair (a two-qubit Pauli channel
    /// with p/3 on I⊗X, I⊗Y, I⊗Z). The engine then folds it into that pair's constant step (a CNOT and its two-qubit
    /// depolarizing channel stay a monomial map), and the one-qubit steps hold only rotations, so a call folds no
    /// constant 4×4 matrix into them. The map is the same; only rounding differs.
    /// </summary>
    private static void FoldDepolarizing(List<Operation> ops)
    {
        for (int i = 0; i < ops.Count; i++)
        {
            if (ops[i].Channel is not { Kind: ChannelKind.Depolarizing } channel || ops[i].Qubits.Length != 1)
            {
                continue;
            }

            int q = ops[i].Qubits[0];
            int target = -1;
            for (int j = i - 1; j >= 0; j--)
            {
                var o = ops[j];
                if ((o.Mask & (1 << q)) == 0)
                {
                    continue;
                }

                if (o.Qubits.Length == 1 && (o.Gate is not null || o.Channel!.IsUnital))
                {
                    continue;
                }

                if (o.Qubits.Length == 2 && (o.Channel is not null || o.Gate!.Angles.Length == 0))
                {
                    target = j;
                }

                break;
            }

            if (target >= 0)
            {
                var folded = AsPairChannel(channel, q, ops[target]);
                ops.RemoveAt(i);
                ops.Insert(target + 1, folded);
                continue;
            }

            // No constant two-qubit operation before it in this segment (the segment starts with the qubit's rotations):
            // forward instead, past the unital one-qubit operations after it, to just before the next constant
            // two-qubit operation on the qubit.
            for (int j = i + 1; j < ops.Count; j++)
            {
                var o = ops[j];
                if ((o.Mask & (1 << q)) == 0 || (o.Qubits.Length == 1 && (o.Gate is not null || o.Channel!.IsUnital)))
                {
                    continue;
                }

                if (o.Qubits.Length == 2 && (o.Channel is not null || o.Gate!.Angles.Length == 0))
                {
                    var folded = AsPairChannel(channel, q, o);
                    ops.Insert(j, folded);
                    ops.RemoveAt(i);
                    i--;
                }

                break;
            }
        }
    }

    /// <summary>A one-qubit depolarizing channel on <paramref name="qubit"/> written as a two-qubit Pauli channel on <paramref name="pairOp"/>'s pair.</summary>
    private static Operation AsPairChannel(NoiseChannel channel, int qubit, Operation pairOp)
    {
        var pair = pairOp.Qubits;
        var probabilities = new double[15];
        double third = channel.Parameters[0] / 3;
        for (int letter = 1; letter <= 3; letter++)
        {
            probabilities[(pair[0] == qubit ? 4 * letter : letter) - 1] = third;
        }

        return new Operation { Channel = NoiseChannel.TwoQubitPauliChannel(probabilities), Qubits = pair, Mask = pairOp.Mask };
    }

    /// <summary>The sub-circuit of <paramref name="ops"/> on <paramref name="register"/> (same weight and input indices).</summary>
    private static Circuit Build(int[] register, List<Operation> ops)
    {
        var position = new Dictionary<int, int>();
        for (int i = 0; i < register.Length; i++)
        {
            position[register[i]] = i;
        }

        var c = new Circuit(register.Length);
        foreach (var op in ops)
        {
            var qubits = op.Qubits.Select(q => position[q]).ToArray();
            if (op.Gate is { } g)
            {
                c.Append(g.Kind, ImmutableArray.Create(qubits), g.Angles, g.PauliWord);
            }
            else
            {
                c.Channel(op.Channel!, qubits);
            }
        }

        return c;
    }

    /// <summary>Gates and channels in the order they act (a channel at position p acts after gate p − 1).</summary>
    private static List<Operation> Interleave(Circuit circuit)
    {
        var list = new List<Operation>();
        var channels = circuit.Channels;
        int c = 0;
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            for (; c < channels.Count && channels[c].Position <= g; c++)
            {
                list.Add(Operation.Of(channels[c]));
            }

            list.Add(Operation.Of(circuit.Gates[g]));
        }

        for (; c < channels.Count; c++)
        {
            list.Add(Operation.Of(channels[c]));
        }

        return list;
    }

    private sealed class Operation
    {
        public Gate? Gate;
        public NoiseChannel? Channel;
        public int[] Qubits = Array.Empty<int>();
        public int Mask;

        public static Operation Of(Gate gate) => new() { Gate = gate, Qubits = gate.Qubits.ToArray(), Mask = MaskOf(gate.Qubits) };

        public static Operation Of(ChannelPlacement placement) =>
            new() { Channel = placement.Channel, Qubits = placement.Qubits.ToArray(), Mask = MaskOf(placement.Qubits) };

        private static int MaskOf(IEnumerable<int> qubits) => qubits.Aggregate(0, (m, q) => m | (1 << q));
    }

    /// <summary>Index in a previous register for index <paramref name="k"/> over the kept positions (zero digits elsewhere).</summary>
    internal static int Deposit(int k, uint keptMask)
    {
        if (System.Runtime.Intrinsics.X86.Bmi2.IsSupported)
        {
            return (int)System.Runtime.Intrinsics.X86.Bmi2.ParallelBitDeposit((uint)k, keptMask);
        }

        uint result = 0;
        uint mask = keptMask;
        for (uint bit = 1; mask != 0; bit <<= 1)
        {
            uint lowest = mask & (uint)-(int)mask;
            if ((k & bit) != 0)
            {
                result |= lowest;
            }

            mask &= mask - 1;
        }

        return (int)result;
    }

    internal static int Count(int qubits) => 1 << (2 * qubits);
}
