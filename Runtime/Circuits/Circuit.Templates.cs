using System;

namespace NegLR;

// Templates: the layer patterns PennyLane and Qiskit users know, recorded as ordinary gates.
#if NEGLR_LINKED
internal
#else
public
#endif
sealed partial class Circuit
{
    /// <summary>
    /// Encodes data features as rotation angles: <c>R(x[firstInput + q])</c> on qubit q for q &lt; <paramref name="features"/>
    /// (PennyLane's AngleEmbedding; its default axis is X).
    /// </summary>
    public Circuit AngleEmbedding(int features, Rotation rotation = Rotation.X, int firstInput = 0)
    {
        if (features < 1 || features > Qubits)
        {
            throw new ArgumentOutOfRangeException(nameof(features), features, $"AngleEmbedding encodes 1 to {Qubits} features, one per qubit.");
        }

        if (firstInput < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(firstInput), firstInput, "The first input index must be 0 or more.");
        }

        for (int q = 0; q < features; q++)
        {
            Rotate(rotation, q, Input(firstInput + q));
        }

        return this;
    }

    /// <summary>
    /// PennyLane's BasicEntanglerLayers: per layer, a rotation with a fresh weight on every qubit, then a ring of CNOTs
    /// (q → q+1, closing n−1 → 0 when there are more than two qubits).
    /// </summary>
    public Circuit BasicEntanglerLayers(int layers, Rotation rotation = Rotation.X)
    {
        RequireLayers(layers);
        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < Qubits; q++)
            {
                Rotate(rotation, q, Weight());
            }

            EntangleRing();
        }

        return this;
    }

    /// <summary>
    /// PennyLane's StronglyEntanglingLayers: per layer l, Rot(φ, θ, ω) with fresh weights on every qubit, then
    /// CNOT(q, q + r) mod n with range r = (l mod (n − 1)) + 1.
    /// </summary>
    public Circuit StronglyEntanglingLayers(int layers)
    {
        RequireLayers(layers);
        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < Qubits; q++)
            {
                Rot(q, Weight(), Weight(), Weight());
            }

            if (Qubits > 1)
            {
                // Unlike BasicEntanglerLayers, two qubits get both CNOT(0, 1) and CNOT(1, 0), as in PennyLane.
                int range = (l % (Qubits - 1)) + 1;
                for (int q = 0; q < Qubits; q++)
                {
                    CNOT(q, (q + range) % Qubits);
                }
            }
        }

        return this;
    }

    /// <summary>
    /// A hardware-efficient ansatz: per layer, RY with a fresh weight on every qubit, then RZ on every qubit, then a
    /// CNOT ladder q → q+1 for q = 0 … n−2 (NegLR's standard benchmark workload; weights in that gate order).
    /// </summary>
    public Circuit HardwareEfficient(int layers)
    {
        RequireLayers(layers);
        for (int l = 0; l < layers; l++)
        {
            for (int q = 0; q < Qubits; q++)
            {
                RY(q, Weight());
            }

            for (int q = 0; q < Qubits; q++)
            {
                RZ(q, Weight());
            }

            for (int q = 0; q + 1 < Qubits; q++)
            {
                CNOT(q, q + 1);
            }
        }

        return this;
    }

    /// <summary>
    /// QAOA for MaxCut with cost <c>C = Σ (1 − Z_u Z_v)/2</c> over <paramref name="edges"/>: Hadamards, then per layer
    /// e^{−iγC} (RZZ(−γ) per edge, dropping a global phase) and the mixer e^{−iβΣX} (RX(2β) per qubit).
    /// Each layer takes two fresh weights, γ then β, shared by all its gates.
    /// </summary>
    public Circuit QaoaMaxCut((int U, int V)[] edges, int layers)
    {
        Guard.NotNull(edges, nameof(edges));
        RequireLayers(layers);
        foreach (var (u, v) in edges)
        {
            if (u == v)
            {
                throw new ArgumentException($"Edge ({u}, {v}) is a self-loop; MaxCut edges join two different vertices.", nameof(edges));
            }
        }

        for (int q = 0; q < Qubits; q++)
        {
            H(q);
        }

        for (int l = 0; l < layers; l++)
        {
            var gamma = Weight();
            var beta = Weight();
            foreach (var (u, v) in edges)
            {
                RZZ(u, v, -gamma);
            }

            for (int q = 0; q < Qubits; q++)
            {
                RX(q, 2 * beta);
            }
        }

        return this;
    }

    private void EntangleRing()
    {
        if (Qubits == 1)
        {
            return;
        }

        if (Qubits == 2)
        {
            CNOT(0, 1);
            return;
        }

        for (int q = 0; q < Qubits; q++)
        {
            CNOT(q, (q + 1) % Qubits);
        }
    }

    private static void RequireLayers(int layers)
    {
        if (layers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), layers, "A template needs at least one layer.");
        }
    }
}
