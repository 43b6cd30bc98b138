using System;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// Every rotation angle of a light-cone plan's prefixes and segments prepared in one batch: θ of each instruction and
/// φ of each rotation exactly as <see cref="DensityMatrixSimulator.PrepareAngles"/> forms them, then one
/// <see cref="FusedKernels.CosSin"/> call for all of them, then each simulator's cosines and sines copied into its
/// workspace. Why: at 2–4 qubits a call runs n prefixes and a few segments of a handful of rotations each, and one
/// angle preparation and one short sine/cosine batch per simulator cost about as much as the arithmetic on the
/// vectors. The cosines and sines are elementwise, so they have the bits of the per-simulator calls.
/// </summary>
internal sealed class PlanAngles
{
    private readonly Target[] _targets;

    public PlanAngles(LightConePlan plan)
    {
        var targets = new System.Collections.Generic.List<Target>();
        int offset = 0;
        for (int q = 0; q < plan.Prefixes.Length; q++)
        {
            if (plan.Prefixes[q] is { } prefix)
            {
                targets.Add(new Target(prefix, q, offset, prefix.Program.Rotations.Length));
                offset += prefix.Program.Rotations.Length;
            }
        }

        for (int s = 0; s < plan.Segments.Length; s++)
        {
            var simulator = plan.Segments[s].Simulator;
            targets.Add(new Target(simulator, -1 - s, offset, simulator.Program.Rotations.Length));
            offset += simulator.Program.Rotations.Length;
        }

        _targets = targets.ToArray();
        Count = offset;
        _entries = new Entry[offset];
        foreach (var target in _targets)
        {
            var program = target.Simulator.Program;
            for (int i = 0; i < program.Rotations.Length; i++)
            {
                var rot = program.Rotations[i];
                _entries[target.Offset + i] = rot.Instruction >= 0
                    ? new Entry(program.Instructions[rot.Instruction].Angle, rot.Multiplier, false)
                    : new Entry(default, rot.Multiplier, true);
            }
        }
    }

    private readonly Entry[] _entries;

    /// <summary>Rotations in all prefixes and segments.</summary>
    public int Count { get; }

    /// <summary>Fills the Cos and Sin of every prefix's and segment's workspace for this call.</summary>
    /// <exception cref="ArgumentException">An angle is not finite (the simulator's own message, naming the gate).</exception>
    public void Prepare(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, NoisyAnsatzWorkspace workspace)
    {
        // φ = multiplier · θ with θ = scale · w + offset: PrepareAngles's operations, from one flat table.
        var phases = workspace.PlanPhases.AsSpan(0, Count);
        var entries = _entries;
        bool finite = true;
        for (int j = 0; j < entries.Length; j++)
        {
            ref readonly var e = ref entries[j];
            if (e.Constant)
            {
                phases[j] = e.Multiplier;
                continue;
            }

            double theta = e.Angle.Evaluate(weights, inputs);
            finite &= double.IsFinite(theta);
            phases[j] = e.Multiplier * theta;
        }

        if (!finite)
        {
            foreach (var target in _targets)
            {
                target.Simulator.PrepareAngles(weights, inputs, Workspace(target, workspace), -1, 0); // throws, naming the gate
            }
        }

        var cosSin = workspace.PlanCosSin.AsSpan(0, 2 * Count);
        FusedKernels.CosSin(phases, cosSin);
        foreach (var target in _targets)
        {
            var ws = Workspace(target, workspace);
            cosSin.Slice(target.Offset, target.Count).CopyTo(ws.Cos);
            cosSin.Slice(Count + target.Offset, target.Count).CopyTo(ws.Sin);
        }
    }

    private static DensityMatrixWorkspace Workspace(Target target, NoisyAnsatzWorkspace workspace) =>
        target.Place >= 0 ? workspace.Prefixes[target.Place]! : workspace.Segments[-1 - target.Place];

    /// <summary>One rotation: its instruction's angle (unless constant) and its multiplier.</summary>
    private readonly record struct Entry(Angle Angle, double Multiplier, bool Constant);

    /// <summary>A simulator, where its workspace is (prefix qubit ≥ 0, or −1 − segment), its first rotation in the batch and how many it has.</summary>
    private readonly record struct Target(DensityMatrixSimulator Simulator, int Place, int Offset, int Count);
}
