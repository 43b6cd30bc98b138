using System.Collections.Generic;
using NegLR.Simulation;

namespace NegLR.Generator.Emit;

/// <summary>
/// One pass over the state: either a register tile — every listed step applied to registers holding the amplitudes
/// of the tile's qubits (qubit 0 is the lane inside a register) before they are stored once — or one whole-state
/// kernel call for a step with no tile form.
/// </summary>
internal sealed class TilePass
{
    public TilePass(int kernelStep)
    {
        KernelStep = kernelStep;
        Steps = new List<int> { kernelStep };
    }

    public TilePass(int tileQubits, List<int> steps)
    {
        KernelStep = -1;
        TileQubits = tileQubits;
        Steps = steps;
    }

    /// <summary>The step run as a whole-state kernel call, or −1 for a tile.</summary>
    public int KernelStep { get; }

    public bool IsKernel => KernelStep >= 0;

    /// <summary>The tile's qubits other than qubit 0 (mask): register bit j is the j-th lowest set bit.</summary>
    public int TileQubits { get; set; }

    /// <summary>
    /// The qubits of the block the pass runs on (mask, qubit 0 included): the caller loops over the blocks of a sweep
    /// (every qubit outside this mask fixed) and runs the sweep's passes on each block while it is in cache.
    /// </summary>
    public int BlockQubits { get; set; } = -1;

    /// <summary>Passes with the same sweep number run block by block together.</summary>
    public int Sweep { get; set; } = -1;

    /// <summary>The steps in the order the pass applies them.</summary>
    public List<int> Steps { get; }
}

/// <summary>
/// Groups a run of steps into tile passes. A step joins a pass when its qubits are in the pass's tile and no earlier
/// step still waiting shares a qubit with it (so it commutes with everything it overtakes). The tile of each pass is
/// grown a qubit set at a time, taking the set that lets the most work join per added qubit, where a two-qubit
/// permutation counts double: a CNOT left out of a tile costs a pass of its own later, so a CNOT ladder pulls the
/// qubit it hands over from the previous tile into the next one.
/// </summary>
internal static class TileSchedule
{
    /// <param name="steps">All compiled steps.</param>
    /// <param name="order">The steps to group, in the order they must be applied (reversed for the adjoint).</param>
    /// <param name="qubits">Qubits of the state.</param>
    /// <param name="tileQubits">Most qubits per tile besides qubit 0 (2^tileQubits registers).</param>
    /// <param name="maxSteps">Most steps per pass, which bounds the size of a pass method.</param>
    public static List<TilePass> Group(Instruction[] steps, IReadOnlyList<int> order, int qubits, int tileQubits, int maxSteps, int farQubit = 0,
        System.Threading.CancellationToken cancellationToken = default)
    {
        int all = qubits >= 31 ? -1 : (1 << qubits) - 1;
        tileQubits = System.Math.Max(0, System.Math.Min(tileQubits, qubits - 1));
        var passes = new List<TilePass>();
        var done = new bool[order.Count];
        int first = 0;
        while (first < order.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (done[first])
            {
                first++;
                continue;
            }

            var head = steps[order[first]];
            if (!Tileable(head, tileQubits))
            {
                passes.Add(new TilePass(order[first]));
                done[first] = true;
                continue;
            }

            int tile = ChooseTile(steps, order, done, first, all, tileQubits, maxSteps);
            if (farQubit > 0 && qubits - 1 > tileQubits && tile != 0 && (tile & ((1 << farQubit) - 1)) == 0 && tileQubits >= 2)
            {
                // Every register of this tile would be 2^farQubit amplitudes or more from the next: each tile would use
                // half a cache line per register, from addresses that share cache sets. Taking qubit 1 along (no gate
                // on it) makes each pair of registers one whole cache line.
                tile = ChooseTile(steps, order, done, first, all, tileQubits - 1, maxSteps) | 2;
            }

            var group = Take(steps, order, done, first, all, tile, tileQubits, maxSteps, commit: true, out _);
            if (group.Count == 0)
            {
                // Never stall: the first waiting step always fits a tile of its own qubits.
                tile = TileGate.Support(head) & ~1;
                group = Take(steps, order, done, first, all, tile, tileQubits, maxSteps, commit: true, out _);
            }

            System.Diagnostics.Debug.Assert(group.Count > 0, "a pass must take at least one step");

            // A tile that can hold the whole state takes all of it: one instance, no loop.
            if (qubits - 1 <= tileQubits)
            {
                tile = all & ~1;
            }

            passes.Add(new TilePass(tile, group));
        }

        return passes;
    }

    private static bool Tileable(in Instruction ins, int tileQubits) =>
        TileGate.Classify(ins) != TileClass.Kernel && PopCount(TileGate.Support(ins) & ~1) <= tileQubits;

    /// <summary>Grows the tile from nothing while some qubit set adds work; returns its mask.</summary>
    private static int ChooseTile(Instruction[] steps, IReadOnlyList<int> order, bool[] done, int first, int all, int tileQubits, int maxSteps)
    {
        int tile = 0;
        Take(steps, order, done, first, all, tile, tileQubits, maxSteps, commit: false, out double work);
        while (PopCount(tile) < tileQubits)
        {
            int best = 0;
            double bestGain = 0, bestWork = work;
            var tried = new HashSet<int>();
            int seen = 0;
            for (int i = first; i < order.Count && seen < 64; i++)
            {
                if (done[i])
                {
                    continue;
                }

                var ins = steps[order[i]];
                int add = TileGate.Support(ins) & ~1 & ~tile;
                if (add == 0 || PopCount(tile | add) > tileQubits || !Tileable(ins, tileQubits) || !tried.Add(add))
                {
                    continue;
                }

                seen++;
                Take(steps, order, done, first, all, tile | add, tileQubits, maxSteps, commit: false, out double next);
                double gain = (next - work) / PopCount(add);
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = add;
                    bestWork = next;
                }
            }

            if (best == 0)
            {
                break;
            }

            tile |= best;
            work = bestWork;
        }

        return tile;
    }

    /// <summary>The steps a pass with this tile takes, in order (marked done when <paramref name="commit"/>), and their work.</summary>
    private static List<int> Take(Instruction[] steps, IReadOnlyList<int> order, bool[] done, int first, int all, int tile,
        int tileQubits, int maxSteps, bool commit, out double work)
    {
        var group = new List<int>();
        int blocked = 0;
        work = 0;
        for (int i = first; i < order.Count && blocked != all && group.Count < maxSteps; i++)
        {
            if (done[i])
            {
                continue;
            }

            var ins = steps[order[i]];
            int support = TileGate.Support(ins);
            if ((support & blocked) != 0 || !Tileable(ins, tileQubits) || (support & ~1 & ~tile) != 0)
            {
                blocked |= support;
                continue;
            }

            group.Add(order[i]);
            work += TileGate.Classify(ins) == TileClass.Permutation && PopCount(support) > 1 ? 2 : 1;
            if (commit)
            {
                done[i] = true;
            }
        }

        return group;
    }

    public static int PopCount(int mask)
    {
        int count = 0;
        for (uint m = (uint)mask; m != 0; m &= m - 1)
        {
            count++;
        }

        return count;
    }
}
