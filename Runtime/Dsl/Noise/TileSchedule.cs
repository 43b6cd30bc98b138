using System.Collections.Generic;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// The forward order of a light-cone segment's steps with each unital one-qubit step moved into the next constant
/// monomial two-qubit step on its qubit (a rotation layer before a CNOT ladder: one pass per CNOT instead of one per
/// qubit and one per CNOT). A one-qubit step is delayed only past steps that do not touch its qubit (they commute, so
/// the result equals program order to rounding), and the merged pass gives the bits of the steps run one by one in the
/// schedule's order (<see cref="PauliKernels.TryApplyRotatedMonomial"/>), which is what a machine without AVX-512 runs:
/// the bits do not depend on the hardware. The adjoint pass still walks the program's steps.
/// </summary>
internal static class TileSchedule
{
    /// <summary>
    /// The items: a step alone (<see cref="Item.Pre0"/> = <see cref="Item.Pre1"/> = −1) or a constant two-qubit step with
    /// the one-qubit steps run inside its pass (<see cref="Item.Pre0"/> before <see cref="Item.Pre1"/>); null when the
    /// program has steps this does not handle (restored channels) or nothing to merge.
    /// </summary>
    public static Item[]? Build(DensityProgram program)
    {
        if (program.RestoreCount > 0)
        {
            return null;
        }

        var steps = program.Steps;
        var items = new List<Item>();
        var pending = new Dictionary<int, int>();
        bool merged = false;
        for (int s = 0; s < steps.Length; s++)
        {
            var step = steps[s];
            if (step.Kind == DensityStepKind.One && step.Unital)
            {
                Flush(pending, items, step.Qubit0);
                pending[step.Qubit0] = s;
                continue;
            }

            if (step.Kind == DensityStepKind.Two && step.SparseProduct is { TileFirst: not null })
            {
                int pre0 = pending.TryGetValue(step.Qubit0, out int p0) ? p0 : -1;
                int pre1 = pending.TryGetValue(step.Qubit1, out int p1) ? p1 : -1;
                pending.Remove(step.Qubit0);
                pending.Remove(step.Qubit1);
                if (pre0 > pre1)
                {
                    (pre0, pre1) = (pre1, pre0);
                }

                if (pre0 < 0)
                {
                    (pre0, pre1) = (pre1, -1);
                }

                merged |= pre0 >= 0;
                items.Add(new Item(s, pre0, pre1));
                continue;
            }

            // Anything else: the delayed one-qubit steps on its qubits go first (a rotation step may touch any qubit).
            if (step.Kind == DensityStepKind.Rotation)
            {
                FlushAll(pending, items);
            }
            else
            {
                Flush(pending, items, step.Qubit0);
                Flush(pending, items, step.Qubit1);
            }

            items.Add(new Item(s, -1, -1));
        }

        FlushAll(pending, items);
        return merged ? items.ToArray() : null;
    }

    private static void Flush(Dictionary<int, int> pending, List<Item> items, int qubit)
    {
        if (qubit >= 0 && pending.Remove(qubit, out int s))
        {
            items.Add(new Item(s, -1, -1));
        }
    }

    private static void FlushAll(Dictionary<int, int> pending, List<Item> items)
    {
        var rest = new List<int>(pending.Values);
        rest.Sort();
        foreach (int s in rest)
        {
            items.Add(new Item(s, -1, -1));
        }

        pending.Clear();
    }

    /// <summary>A step, and the one-qubit steps (or −1) that run inside its pass, in program order.</summary>
    internal readonly record struct Item(int Step, int Pre0, int Pre1);
}
