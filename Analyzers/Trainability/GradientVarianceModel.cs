using System;
using System.Collections.Generic;

namespace NegLR.Analyzers.Trainability;

/// <summary>
/// Estimates, at compile time, how the gradient variance of a cost scales over random initialisations — the quantity
/// <c>BarrenPlateauProbe</c> measures at run time — and the features the warnings name as its reason.
/// </summary>
/// <remarks>
/// <para>The estimate is the Pauli-path picture of <see cref="PauliLetterField"/>: per term P, E[(∂⟨P⟩/∂w)²] summed over
/// the weights is P(the path ends diagonal) × E[branchings at weight rotations]. The cost's variance, relative to Σ c²
/// (so a mean of terms and a sum of them compare equally), averages that over the live weights as the probe does:
/// Σ_t c_t² · P_t · B_t / (live weights · Σ c²); cross terms between different Pauli strings average to zero.</para>
/// <para>The reasons: a term's locality once carried exactly through the circuit's trailing Clifford gates (a global term
/// on k qubits gives ~2^−k however shallow the circuit: Cerezo et al. 2021, Nat. Commun. 12, 1791), and the width
/// and entangling depth of the rest of its backward light cone (local costs stay trainable for O(log n) layers, and a
/// cone scrambled like a 2-design on w qubits gives ≈ 2^−(w+1): McClean et al. 2018, Nat. Commun. 9, 4812).</para>
/// </remarks>
internal static class GradientVarianceModel
{
    /// <summary>Below this a weight's expected branching count is rounding, not a path: it does not count as live.</summary>
    private const double MinSensitivity = 1e-12;

    /// <summary>Estimates every term of <paramref name="terms"/> (coefficient, X mask, Z mask; no identity terms) on <paramref name="circuit"/>.</summary>
    public static CostTrainability Estimate(Circuit circuit, IReadOnlyList<(double Coefficient, int X, int Z)> terms)
    {
        var gates = circuit.Gates;
        var estimates = new TermTrainability[terms.Count];
        var live = new bool[circuit.WeightCount];
        var inCone = new bool[circuit.WeightCount];
        var layer = new int[circuit.Qubits];
        var mixed = new bool[circuit.Qubits];
        var field = new PauliLetterField(circuit.Qubits, circuit.WeightCount);

        // Per-gate facts, once: every term walks every gate, so nothing is recomputed per term.
        var masks = new int[gates.Count];
        var clifford = new bool[gates.Count];
        for (int g = 0; g < gates.Count; g++)
        {
            masks[g] = Mask(gates[g]);
            clifford[g] = IsClifford(gates[g]);
        }

        // 1. Every term's Pauli-path estimate (the only per-term work: most costs raise no warning).
        var diagonal = new double[terms.Count];
        var branchings = new double[terms.Count];
        for (int t = 0; t < terms.Count; t++)
        {
            var (_, x0, z0) = terms[t];
            field.Reset(x0, z0);
            for (int g = gates.Count - 1; g >= 0; g--)
            {
                field.Apply(gates[g], masks[g]);
            }

            var sensitivity = field.Sensitivity;
            for (int k = 0; k < sensitivity.Length; k++)
            {
                if (sensitivity[k] > MinSensitivity)
                {
                    live[k] = true;
                    branchings[t] += sensitivity[k];
                }
            }

            diagonal[t] = field.DiagonalProbability;
        }

        int liveWeights = 0;
        foreach (bool l in live)
        {
            liveWeights += l ? 1 : 0;
        }

        // 2. The reasons, for the term that carries the most gradient (the one a warning names).
        int dominant = -1;
        double best = 0;
        for (int t = 0; t < terms.Count; t++)
        {
            double share = terms[t].Coefficient * terms[t].Coefficient * diagonal[t] * branchings[t];
            if (branchings[t] > 0 && (dominant < 0 || share > best))
            {
                (dominant, best) = (t, share);
            }
        }

        for (int t = 0; t < terms.Count; t++)
        {
            estimates[t] = t == dominant
                ? Explain(circuit, masks, clifford, t, terms[t], diagonal[t], branchings[t], layer, mixed, inCone)
                : new TermTrainability(t, terms[t].Coefficient, terms[t].X | terms[t].Z, 0, 0, 0, 0, diagonal[t], branchings[t]);
        }

        return new CostTrainability(estimates, liveWeights, circuit.Qubits, dominant);
    }

    /// <summary>The features the warnings name for one term: its locality after the trailing gates, its cone's width and depth.</summary>
    private static TermTrainability Explain(Circuit circuit, int[] masks, bool[] clifford, int t, (double Coefficient, int X, int Z) term,
        double diagonal, double branchings, int[] layer, bool[] mixed, bool[] inCone)
    {
        var gates = circuit.Gates;
        var (coefficient, x0, z0) = term;
        int x = x0, z = z0;

        // 1. Trailing gates the term passes exactly: Clifford gates conjugate it, rotations whose generator commutes
        //    with it leave it alone. So a CNOT ladder's effect on locality is computed, not guessed.
        int i = gates.Count - 1;
        for (; i >= 0; i--)
        {
            if ((masks[i] & (x | z)) != 0 && !PauliPropagation.Commutes(gates[i], x, z) && !PauliPropagation.TryConjugate(gates[i], ref x, ref z))
            {
                break;
            }
        }

        int effective = x | z;

        // 2. The rest of the backward light cone: its width, the weights inside it, and how many entangling layers
        //    it crosses. A layer counts when a non-Clifford gate (a rotation) stands between two entangling gates on
        //    a qubit: a ladder of bare CNOTs is one Clifford block, not n layers, and a Clifford block does not
        //    scramble. A parameterised entangler (RZZ, CRX) is both at once.
        int cone = effective;
        Array.Clear(layer, 0, layer.Length);
        Array.Clear(mixed, 0, mixed.Length);
        Array.Clear(inCone, 0, inCone.Length);
        int depth = 0, coneWeights = 0;
        for (; i >= 0; i--)
        {
            int mask = masks[i];
            if ((mask & cone) == 0)
            {
                continue;
            }

            var gate = gates[i];
            cone |= mask;
            bool isClifford = clifford[i];
            if (gate.Qubits.Length > 1)
            {
                int next = 0;
                foreach (int q in gate.Qubits)
                {
                    next = Math.Max(next, layer[q] + (mixed[q] || !isClifford ? 1 : 0));
                }

                foreach (int q in gate.Qubits)
                {
                    layer[q] = next;
                    mixed[q] = false;
                }

                depth = Math.Max(depth, next);
            }
            else if (!isClifford)
            {
                mixed[gate.Qubits[0]] = true;
            }

            foreach (var angle in gate.Angles)
            {
                if (angle.Source == AngleSource.Weight && !inCone[angle.Index])
                {
                    inCone[angle.Index] = true;
                    coneWeights++;
                }
            }
        }

        return new TermTrainability(t, coefficient, x0 | z0, effective, cone, depth, coneWeights, diagonal, branchings);
    }

    /// <summary>Gates that map Pauli strings to Pauli strings (no angle, or an angle-free Clifford).</summary>
    private static bool IsClifford(Gate gate) => gate.Kind is GateKind.I or GateKind.X or GateKind.Y or GateKind.Z or GateKind.H
        or GateKind.S or GateKind.Sdg or GateKind.SX or GateKind.CNOT or GateKind.CY or GateKind.CZ or GateKind.SWAP or GateKind.ISWAP;

    private static int Mask(Gate gate)
    {
        int mask = 0;
        foreach (int q in gate.Qubits)
        {
            mask |= 1 << q;
        }

        return mask;
    }
}

/// <summary>The variance model's verdict on a whole cost.</summary>
internal sealed class CostTrainability
{
    public CostTrainability(IReadOnlyList<TermTrainability> terms, int liveWeights, int qubits, int dominant)
    {
        Terms = terms;
        LiveWeights = liveWeights;
        Qubits = qubits;

        double norm = 0, sum = 0;
        foreach (var term in terms)
        {
            double c2 = term.Coefficient * term.Coefficient;
            norm += c2;

            // Σ over weights of E[(∂⟨P⟩/∂w)²] ≈ P(diagonal) · E[branchings], averaged over the live weights as the probe does.
            sum += liveWeights == 0 ? 0 : c2 * term.DiagonalProbability * term.Branchings / liveWeights;
        }

        Dominant = dominant >= 0 ? terms[dominant] : null;

        RelativeVariance = norm == 0 ? 0 : sum / norm;
    }

    public IReadOnlyList<TermTrainability> Terms { get; }

    /// <summary>Weights inside some term's light cone.</summary>
    public int LiveWeights { get; }

    public int Qubits { get; }

    /// <summary>The estimated mean gradient variance over live weights, divided by Σ c² of the terms.</summary>
    public double RelativeVariance { get; }

    /// <summary>log₂ of <see cref="RelativeVariance"/> (−∞ when no weight can move the cost).</summary>
    public double Log2RelativeVariance => RelativeVariance > 0 ? Math.Log(RelativeVariance) / Math.Log(2) : double.NegativeInfinity;

    /// <summary>The term contributing most to the gradient (the one keeping the cost trainable), if any weight sees one.</summary>
    public TermTrainability? Dominant { get; }
}
