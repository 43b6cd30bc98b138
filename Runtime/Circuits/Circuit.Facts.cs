using System.Collections.Generic;
using System.Linq;

namespace NegLR;

// Facts about a recorded circuit that users read and that the generator and analyzers compute at compile time
// (this file is linked into both).
#if NEGLR_LINKED
internal
#else
public
#endif
sealed partial class Circuit
{
    /// <summary>Depth: the number of moments when each gate starts as soon as its qubits are free.</summary>
    public int Depth => _gates.Count == 0 ? 0 : CircuitDrawing.Moments(this, spanWires: false).Max() + 1;

    /// <summary>Number of multi-qubit gates.</summary>
    public int MultiQubitGateCount => _gates.Count(g => g.Qubits.Length > 1);

    /// <summary>
    /// Entangling depth: the depth counting multi-qubit gates only (single-qubit gates take no time), the quantity
    /// barren-plateau bounds for local costs are stated in (Cerezo et al. 2021).
    /// </summary>
    public int EntanglingDepth
    {
        get
        {
            var free = new int[Qubits];
            int depth = 0;
            foreach (var g in _gates)
            {
                if (g.Qubits.Length < 2)
                {
                    continue;
                }

                int start = g.Qubits.Max(q => free[q]);
                foreach (int q in g.Qubits)
                {
                    free[q] = start + 1;
                }

                depth = System.Math.Max(depth, start + 1);
            }

            return depth;
        }
    }

    /// <summary>A text drawing, one wire per qubit, e.g. <c>q0: ─RY(w[0])─●─</c>.</summary>
    public string Draw() => CircuitDrawing.Draw(this);

    /// <summary>
    /// The backward light cone of an observable acting on the qubits in <paramref name="supportMask"/>: walking the
    /// gates from last to first, a gate touching the cone joins it and widens it by its qubits. Returns the qubits the
    /// cone reaches at the start of the circuit (its width) and the weights of the gates inside it, ascending. A weight
    /// outside the cone of every observable term cannot change the cost: its gradient is identically zero.
    /// </summary>
    public (int QubitMask, IReadOnlyList<int> Weights) BackwardLightCone(int supportMask)
    {
        var inside = new bool[WeightCount];
        int cone = MarkBackwardLightCone(supportMask, inside);
        var weights = new List<int>();
        for (int k = 0; k < inside.Length; k++)
        {
            if (inside[k])
            {
                weights.Add(k);
            }
        }

        return (cone, weights);
    }

    /// <summary>
    /// The walk behind <see cref="BackwardLightCone"/>: sets <paramref name="inside"/>[k] (length
    /// <see cref="WeightCount"/>; every gate's weight index is below it) for each weight in the cone and returns the
    /// cone's qubit mask. Flags rather than a list, so the analyzers can test membership without building one.
    /// </summary>
    internal int MarkBackwardLightCone(int supportMask, bool[] inside)
    {
        int cone = supportMask;
        for (int i = _gates.Count - 1; i >= 0; i--)
        {
            var gate = _gates[i];
            int mask = 0;
            foreach (int q in gate.Qubits)
            {
                mask |= 1 << q;
            }

            if ((mask & cone) == 0)
            {
                continue;
            }

            cone |= mask;
            foreach (var a in gate.Angles)
            {
                if (a.Source == AngleSource.Weight)
                {
                    inside[a.Index] = true;
                }
            }
        }

        return cone;
    }
}
