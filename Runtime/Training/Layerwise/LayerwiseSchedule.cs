using System;
using System.Collections.Generic;
using System.Globalization;

namespace NegLR;

/// <summary>
/// The plan of layerwise training (Skolik, McClean, Mohseni, van der Smagt &amp; Leib, "Layerwise learning for quantum
/// neural networks", Quantum Mach. Intell. 3, 5 (2021)). Phase one grows the circuit: it starts with
/// <see cref="InitialBlocks"/> blocks and adds <see cref="BlocksPerPhase"/> at a time (their weights set to
/// <see cref="NewWeight"/>, 0 in the paper, so a new rotation layer starts as the identity), training the first phase's
/// blocks together and then the <see cref="TrainedBlocks"/> most recent blocks (0: all active blocks, no freezing) for
/// <see cref="StepsPerPhase"/> steps each time. Phase two, for <see cref="Sweeps"/> sweeps, trains the full circuit in partitions of
/// <see cref="PartitionBlocks"/> consecutive blocks, the others frozen.
/// </summary>
public sealed class LayerwiseSchedule
{
    private readonly int _initialBlocks = 1;
    private readonly int _blocksPerPhase = 1;
    private readonly int _stepsPerPhase = 20;
    private readonly int _trainedBlocks = 1;
    private readonly int _sweeps;
    private readonly int _partitionBlocks = 1;
    private readonly double _newWeight;

    /// <summary>s: blocks in the first phase, at least 1; default 1.</summary>
    public int InitialBlocks
    {
        get => _initialBlocks;
        init => _initialBlocks = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(InitialBlocks), value, "Start with at least 1 block.");
    }

    /// <summary>p: blocks added per growth phase, at least 1; default 1.</summary>
    public int BlocksPerPhase
    {
        get => _blocksPerPhase;
        init => _blocksPerPhase = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BlocksPerPhase), value, "Add at least 1 block per phase.");
    }

    /// <summary>Steps per phase (the paper's epochs per layer), at least 1; default 20.</summary>
    public int StepsPerPhase
    {
        get => _stepsPerPhase;
        init => _stepsPerPhase = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(StepsPerPhase), value, "Each phase needs at least 1 step.");
    }

    /// <summary>
    /// How many of the most recent blocks train in a growth phase; the earlier ones are frozen. 0 means every active block
    /// trains (no freezing). Default 1 (only the newest block, as in the paper with one layer added at a time).
    /// </summary>
    public int TrainedBlocks
    {
        get => _trainedBlocks;
        init => _trainedBlocks = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(TrainedBlocks), value, "TrainedBlocks must be 0 (all) or more.");
    }

    /// <summary>Sweeps of phase two over the full circuit's partitions, 0 or more; default 0 (phase one only).</summary>
    public int Sweeps
    {
        get => _sweeps;
        init => _sweeps = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(Sweeps), value, "Sweeps must be 0 or more.");
    }

    /// <summary>r: blocks per partition in phase two, at least 1; default 1.</summary>
    public int PartitionBlocks
    {
        get => _partitionBlocks;
        init => _partitionBlocks = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(PartitionBlocks), value, "A partition holds at least 1 block.");
    }

    /// <summary>The value a newly added block's weights start from; default 0 (the paper's choice).</summary>
    public double NewWeight
    {
        get => _newWeight;
        init => _newWeight = double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(NewWeight), value, "NewWeight must be finite.");
    }

    /// <summary>The phases this schedule gives for a circuit of <paramref name="blocks"/> blocks.</summary>
    public IReadOnlyList<LayerwisePhase> Plan(int blocks)
    {
        if (blocks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "The circuit needs at least 1 block.");
        }

        if (InitialBlocks > blocks)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"InitialBlocks = {InitialBlocks}, but the circuit has only {blocks} blocks."), nameof(blocks));
        }

        var phases = new List<LayerwisePhase>();
        int previous = 0;
        for (int active = InitialBlocks; ; active = Math.Min(active + BlocksPerPhase, blocks))
        {
            // The first phase trains all its s blocks; later ones the TrainedBlocks newest (0: all).
            int first = TrainedBlocks == 0 || phases.Count == 0 ? 1 : Math.Max(1, active - TrainedBlocks + 1);
            phases.Add(new LayerwisePhase(phases.Count, active, previous + 1, first, active, Growth: true));
            previous = active;
            if (active == blocks)
            {
                break;
            }
        }

        for (int sweep = 0; sweep < Sweeps; sweep++)
        {
            for (int start = 1; start <= blocks; start += PartitionBlocks)
            {
                phases.Add(new LayerwisePhase(phases.Count, blocks, blocks + 1, start, Math.Min(start + PartitionBlocks - 1, blocks), Growth: false));
            }
        }

        return phases;
    }

    /// <summary>The schedule's values, for a checkpoint's fingerprint.</summary>
    internal string Fingerprint => string.Create(CultureInfo.InvariantCulture,
        $"s={InitialBlocks},p={BlocksPerPhase},e={StepsPerPhase},t={TrainedBlocks},sweeps={Sweeps},r={PartitionBlocks},new={NewWeight:R}");
}

/// <summary>One phase of a layerwise run.</summary>
/// <param name="Index">Its number, from 0 (also the <see cref="TrainingStep.Segment"/> of its steps).</param>
/// <param name="ActiveBlocks">Blocks in the circuit during the phase (1-based count).</param>
/// <param name="FirstNewBlock">The first block added at the start of this phase (1-based; ActiveBlocks + 1 when none).</param>
/// <param name="FirstTrainedBlock">The first block that trains (1-based).</param>
/// <param name="LastTrainedBlock">The last block that trains (1-based, inclusive).</param>
/// <param name="Growth">Phase one (growing) or phase two (partitions of the full circuit).</param>
public readonly record struct LayerwisePhase(int Index, int ActiveBlocks, int FirstNewBlock, int FirstTrainedBlock, int LastTrainedBlock, bool Growth);
