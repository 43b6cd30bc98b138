using System.Collections.Generic;
using System.Threading;
using NegLR.Simulation;

namespace NegLR.Generator.Emit;

/// <summary>Knobs of the tiled emission, each chosen by benchmark (docs/performance.md, "Generated kernels").</summary>
internal sealed class TileOptions
{
    /// <summary>Qubits per forward tile besides qubit 0: 2^4 = 16 registers of two amplitudes.</summary>
    public int ForwardTileQubits { get; set; } = 4;

    /// <summary>Qubits per adjoint tile besides qubit 0: 2 × 2^3 registers (φ and λ).</summary>
    public int BackwardTileQubits { get; set; } = 3;

    /// <summary>Most steps per pass method (keeps each method well inside the JIT's optimisation limits).</summary>
    public int MaxStepsPerPass { get; set; } = 48;

    /// <summary>Circuits with more steps than this are searched for a repeated block, emitted once inside a loop.</summary>
    public int UnrollLimit { get; set; } = 64;

    /// <summary>Fuse each run of two or more diagonal gates in a pass into one phase table (when the pass loops).</summary>
    public bool PhaseTables { get; set; } = true;

    /// <summary>Most qubits of a forward sweep's block (2^12 amplitudes = 64 KB): consecutive passes inside it run block by block.</summary>
    public int ForwardBlockQubits { get; set; } = 12;

    /// <summary>Most qubits of an adjoint sweep's block (two states).</summary>
    public int BackwardBlockQubits { get; set; } = 11;

    /// <summary>A tile whose qubits are all at least this high also takes qubit 1 (0: never).</summary>
    public int FarQubit { get; set; } = 6;

    /// <summary>Every step as a whole-state kernel call (the path for machines without 256-bit SIMD).</summary>
    public bool KernelsOnly { get; set; }

    /// <summary>
    /// Most characters of register-tile code one ansatz gets (about 8 k lines): a region whose tiles would not fit runs
    /// from data, one kernel call per step (<c>GeneratedProgram</c>), so the generated file stays small whatever the circuit.
    /// </summary>
    public int TileBudget { get; set; } = 600_000;

    /// <summary>Up to this many angles the argument buffer is filled by straight-line code; beyond, by a loop over the program.</summary>
    public int UnrolledArgumentLimit { get; set; } = 160;

    /// <summary>
    /// A repeated block whose state fits one tile loops inside the tile method, the registers loaded once for every
    /// layer; circuits on so few qubits are searched for repeated blocks whatever their length.
    /// </summary>
    public bool LoopedTiles { get; set; } = true;

    /// <summary>
    /// Passes of one shape on different qubits (the passes of a layer walking up a large register) share one method
    /// whose strides are parameters, instead of one method each with its strides as constants.
    /// </summary>
    public bool SharedPasses { get; set; } = true;

    /// <summary>
    /// Also write every tile method on 128-bit registers (<see cref="LaneSplit"/>), for machines where only 128-bit SIMD
    /// is accelerated (arm64, x64 without AVX2), when all of them fit <see cref="NarrowTileBudget"/>; otherwise those
    /// machines run one kernel call per step.
    /// </summary>
    public bool NarrowTiles { get; set; } = true;

    /// <summary>
    /// The characters the 128-bit tile methods of one ansatz may take (about 1.7 times the 256-bit ones, in as many
    /// lines): 150,000 admits the edge workloads (twins of HEA 4 × 4, 8 × 8, 12 × 40: about 38,000, 103,000 and 141,000)
    /// and keeps 20-qubit templates (159,000) at their 256-bit size, as 200,000 did before the twins shared their
    /// constant registers and named their shuffles.
    /// </summary>
    public int NarrowTileBudget { get; set; } = 150_000;
}

/// <summary>
/// A run of steps emitted once: <see cref="Repeats"/> iterations of <see cref="Length"/> steps from
/// <see cref="Start"/>; iteration l uses argument slots shifted by l·<see cref="SlotsPerIteration"/> and weights
/// shifted by l·<see cref="WeightStride"/> (a layered ansatz becomes a loop over its layers).
/// </summary>
internal sealed class TileRegion
{
    public int Start { get; set; }
    public int Length { get; set; }
    public int Repeats { get; set; } = 1;
    public int SlotStart { get; set; }
    public int SlotsPerIteration { get; set; }
    public int WeightStride { get; set; }

    /// <summary>
    /// Every iteration's weights are the first iteration's shifted by <see cref="WeightStride"/>, with the same scales: the
    /// adjoint tiles add to the weights' gradients directly. Otherwise (layers that differ in their angles) they write one
    /// gradient per argument slot, which the program maps to weights after the pass.
    /// </summary>
    public bool Strided { get; set; } = true;

    /// <summary>The region was grouped into tile passes (false when it is too long for the budget at any rate).</summary>
    public bool Schedulable { get; set; } = true;

    /// <summary>The forward pass is one looped tile: every iteration inside one method, the whole state in registers.</summary>
    public bool ForwardLooped { get; set; }

    /// <summary>The adjoint pass is one looped tile.</summary>
    public bool BackwardLooped { get; set; }

    /// <summary>First step after the region (its iterations included).</summary>
    public int End => Start + (Length * Repeats);
    public List<TilePass> Forward { get; set; } = new();
    public List<TilePass> Backward { get; set; } = new();
}

/// <summary>How a circuit's steps become passes: regions (repeated blocks become loops), each grouped into tiles.</summary>
internal sealed class TilePlan
{
    private TilePlan(Instruction[] steps, int qubits, int[] slot, int arguments, List<TileRegion> regions)
    {
        Steps = steps;
        Qubits = qubits;
        Slot = slot;
        ArgumentCount = arguments;
        Regions = regions;
    }

    public Instruction[] Steps { get; }
    public int Qubits { get; }

    /// <summary>Argument slot of each step with an angle (in step order), −1 otherwise.</summary>
    public int[] Slot { get; }

    /// <summary>Angles in the circuit: the length of the argument buffer.</summary>
    public int ArgumentCount { get; }

    public List<TileRegion> Regions { get; }

    /// <summary>
    /// Fewest characters of tile code a step has ever taken (fewer registers than any real tile): a region longer than
    /// the budget allows at this rate is not even scheduled — it runs from data.
    /// </summary>
    private const int MinCharactersPerStep = 500;

    public static TilePlan Build(Instruction[] steps, int qubits, TileOptions options, CancellationToken cancellationToken = default)
    {
        var slot = new int[steps.Length];
        int arguments = 0;
        for (int k = 0; k < steps.Length; k++)
        {
            slot[k] = steps[k].HasAngle ? arguments++ : -1;
        }

        var regions = new List<TileRegion>();
        bool wholeStateTiles = options.LoopedTiles && !options.KernelsOnly && qubits - 1 <= options.ForwardTileQubits;
        var (start, period, repeats, stride, strided) = steps.Length > options.UnrollLimit || (wholeStateTiles && steps.Length >= 16)
            ? Periodicity.Find(steps, cancellationToken)
            : (0, 0, 0, 0, true);
        if (repeats >= 2)
        {
            Add(regions, steps, slot, 0, start, 1, 0, true);
            Add(regions, steps, slot, start, period, repeats, stride, strided);
            Add(regions, steps, slot, start + (period * repeats), steps.Length - start - (period * repeats), 1, 0, true);
        }
        else
        {
            Add(regions, steps, slot, 0, steps.Length, 1, 0, true);
        }

        foreach (var region in regions)
        {
            var order = new List<int>();
            for (int k = region.Start; k < region.Start + region.Length; k++)
            {
                order.Add(k);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (options.KernelsOnly || (long)region.Length * MinCharactersPerStep > options.TileBudget)
            {
                // No tiles for this region: it runs from data (scheduling 10,000 steps only to drop them would be the slow part).
                region.Schedulable = false;
                continue;
            }

            region.Forward = TileSchedule.Group(steps, order, qubits, options.ForwardTileQubits, options.MaxStepsPerPass, options.FarQubit, cancellationToken);
            order.Reverse();
            region.Backward = TileSchedule.Group(steps, order, qubits, options.BackwardTileQubits, options.MaxStepsPerPass, options.FarQubit, cancellationToken);
            Sweeps(region.Forward, qubits, options.ForwardBlockQubits);
            Sweeps(region.Backward, qubits, options.BackwardBlockQubits);
            if (options.LoopedTiles && region.Repeats > 1)
            {
                region.ForwardLooped = WholeState(region.Forward, qubits);
                region.BackwardLooped = WholeState(region.Backward, qubits);
            }
        }

        return new TilePlan(steps, qubits, slot, arguments, regions);
    }

    /// <summary>One tile pass holding the whole state: its loop over iterations can keep every amplitude in registers.</summary>
    private static bool WholeState(List<TilePass> passes, int qubits) =>
        passes.Count == 1 && !passes[0].IsKernel && passes[0].TileQubits == ((qubits >= 31 ? -1 : (1 << qubits) - 1) & ~1);

    /// <summary>
    /// Groups consecutive tile passes into sweeps whose qubits (the union of their tiles, and qubit 0) fit a block of
    /// at most 2^<paramref name="blockQubits"/> amplitudes. The passes of a sweep only mix amplitudes inside a block,
    /// so running all of them on one block before the next is the same as running each over the whole state — with
    /// one trip through memory instead of one per pass.
    /// </summary>
    private static void Sweeps(List<TilePass> passes, int qubits, int blockQubits)
    {
        int all = qubits >= 31 ? -1 : (1 << qubits) - 1;
        int sweep = -1, block = 0;
        foreach (var pass in passes)
        {
            if (pass.IsKernel)
            {
                sweep++;
                block = 0;
                continue;
            }

            // Only tiles inside the lowest blockQubits qubits share sweeps: their blocks are contiguous. A block made of
            // high qubits would be short runs 2^q apart, which share cache sets and evict each other.
            int low = (1 << System.Math.Min(blockQubits, 30)) - 1;
            bool inside = (pass.TileQubits & ~low) == 0;
            if (block == 0 || !inside || (block & ~low) != 0)
            {
                sweep++;
                block = 1 | pass.TileQubits | (inside ? 0 : 1 << 30);
            }

            block |= pass.TileQubits;
            pass.Sweep = sweep;
        }

        // Each pass runs on its sweep's whole block; a sweep that would cover (nearly) the whole state covers all of it.
        var masks = new Dictionary<int, int>();
        foreach (var pass in passes)
        {
            if (!pass.IsKernel)
            {
                masks[pass.Sweep] = masks.TryGetValue(pass.Sweep, out int m) ? m | 1 | pass.TileQubits : 1 | pass.TileQubits;
            }
        }

        foreach (var pass in passes)
        {
            if (!pass.IsKernel)
            {
                int low = (1 << System.Math.Min(blockQubits, 30)) - 1;
                bool inside = (masks[pass.Sweep] & ~low) == 0;
                pass.BlockQubits = qubits <= blockQubits || !inside ? all : low;
            }
        }
    }

    private static void Add(List<TileRegion> regions, Instruction[] steps, int[] slot, int start, int length, int repeats, int stride, bool strided)
    {
        if (length <= 0)
        {
            return;
        }

        int first = 0, count = 0;
        bool found = false;
        for (int k = start; k < start + length; k++)
        {
            if (slot[k] >= 0)
            {
                if (!found)
                {
                    first = slot[k];
                    found = true;
                }

                count++;
            }
        }

        if (!found)
        {
            // No angle here: slots start wherever the next angle will be.
            for (int k = start; k < steps.Length && !found; k++)
            {
                if (slot[k] >= 0)
                {
                    first = slot[k];
                    found = true;
                }
            }
        }

        regions.Add(new TileRegion
        {
            Start = start,
            Length = length,
            Repeats = repeats,
            SlotStart = first,
            SlotsPerIteration = count,
            WeightStride = stride,
            Strided = strided,
        });
    }
}

/// <summary>Finds the longest block of steps repeated back to back (the layers of a layered ansatz).</summary>
internal static class Periodicity
{
    /// <summary>Longest period examined, which bounds the search at O(steps · MaxPeriod).</summary>
    private const int MaxPeriod = 4096;

    /// <summary>
    /// The (start, period, repeats, weight stride, strided) covering the most steps, or repeats 0. Iteration l + 1 must
    /// repeat iteration l gate for gate — same kind, qubits, angle or none, trainable or not — so one emitted block
    /// serves every iteration; the angles themselves may differ (they are read from the argument buffer). When every
    /// trainable step's weight also moves by one common stride with the same scale, the block is "strided" and its
    /// gradients go straight to the weights.
    /// </summary>
    public static (int Start, int Period, int Repeats, int Stride, bool Strided) Find(Instruction[] steps, CancellationToken cancellationToken = default)
    {
        int n = steps.Length;

        // Each step's shape (what must repeat) as one number, so the O(steps · periods) scan compares numbers.
        var shape = new long[n];
        for (int k = 0; k < n; k++)
        {
            shape[k] = Shape(steps[k]);
        }

        (int Start, int Period, int Repeats) best = (0, 0, 0);
        int bestCover = 0;
        for (int p = 1; p <= n / 2 && p <= MaxPeriod; p++)
        {
            if ((p & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            int runStart = 0;
            for (int k = 0; k <= n - p; k++)
            {
                if (k < n - p && shape[k] == shape[k + p] && Same(steps[k], steps[k + p]))
                {
                    continue;
                }

                // Steps [runStart, k) each equal the step p later: iterations of p steps from runStart.
                int repeats = ((k - runStart) / p) + 1;
                if (repeats >= 2 && repeats * p > bestCover)
                {
                    bestCover = repeats * p;
                    best = (runStart, p, repeats);
                }

                runStart = k + 1;
            }
        }

        if (best.Repeats < 2)
        {
            return (0, 0, 0, 0, true);
        }

        var (stride, strided) = Stride(steps, best.Start, best.Period, best.Repeats);
        return (best.Start, best.Period, best.Repeats, stride, strided);
    }

    /// <summary>A hash of what a repetition must match: kind, qubits, Pauli string, angle or none, trainable or not.</summary>
    private static long Shape(in Instruction a)
    {
        long h = (long)a.Kind;
        h = (h * 31) + a.Q0;
        h = (h * 31) + a.Q1;
        h = (h * 31) + a.Q2;
        h = (h * 1000003) + a.PauliX;
        h = (h * 1000003) + a.PauliZ;
        return (h * 4) + (a.HasAngle ? 2 : 0) + (a.IsTrainable ? 1 : 0);
    }

    private static bool Same(in Instruction a, in Instruction b) =>
        a.Kind == b.Kind && a.Q0 == b.Q0 && a.Q1 == b.Q1 && a.Q2 == b.Q2 && a.PauliX == b.PauliX && a.PauliZ == b.PauliZ
        && a.HasAngle == b.HasAngle && a.IsTrainable == b.IsTrainable;

    /// <summary>
    /// The weight stride across iterations and whether it holds for every trainable step with the same scale ("strided":
    /// gradients go straight to the weights; otherwise per slot).
    /// </summary>
    private static (int Stride, bool Strided) Stride(Instruction[] steps, int start, int period, int repeats)
    {
        int? stride = null;
        for (int k = start; k + period < start + (period * repeats); k++)
        {
            var (a, b) = (steps[k], steps[k + period]);
            if (!a.IsTrainable)
            {
                continue;
            }

            int d = b.Angle.Index - a.Angle.Index;
            stride ??= d;
            if (d != stride || a.Angle.Scale != b.Angle.Scale)
            {
                return (0, false);
            }
        }

        return (stride ?? 0, true);
    }
}
