namespace NegLR.Analyzers.Trainability;

/// <summary>
/// Carries a Pauli string backward through Clifford gates exactly (Heisenberg picture, signs dropped), the way a
/// stabilizer simulator does with its symplectic tableau. Used to see what a cost term really is where the
/// parameterised part of a circuit ends: a CNOT ladder turns <c>Z3</c> into <c>Z0 Z1 Z2 Z3</c> (a global term) and
/// <c>Z0 Z1 Z2 Z3</c> into a two-qubit one.
/// </summary>
internal static class PauliPropagation
{
    /// <summary>
    /// True when <paramref name="gate"/> commutes with the string (<paramref name="x"/>, <paramref name="z"/>), so the
    /// string passes it unchanged whatever its angle: a rotation exp(−iθG/2) whose generator G commutes with the string
    /// (RZ, CPhase or MultiRZ past a Z-only string), or any gate on qubits the string does not touch.
    /// </summary>
    public static bool Commutes(Gate gate, int x, int z)
    {
        var q = gate.Qubits;
        int support = x | z;
        int mask = 0;
        foreach (int qubit in q)
        {
            mask |= 1 << qubit;
        }

        if ((mask & support) == 0)
        {
            return true;
        }

        switch (gate.Kind)
        {
            case GateKind.RX:
                return CommutesWith(x, z, 1 << q[0], 0);
            case GateKind.RY:
                return CommutesWith(x, z, 1 << q[0], 1 << q[0]);
            case GateKind.RZ:
            case GateKind.PhaseShift:
            case GateKind.T:
            case GateKind.Tdg:
            case GateKind.CPhase:
            case GateKind.CRZ:
            case GateKind.RZZ:
            case GateKind.MultiRZ:
                // Diagonal: commutes exactly with strings that have only Z (or nothing) on its qubits.
                return (x & mask) == 0;
            case GateKind.RXX:
                return CommutesWith(x, z, mask, 0);
            case GateKind.RYY:
                return CommutesWith(x, z, mask, mask);
            case GateKind.CRX:
                // Generator (I − Z_c) X_t / 2: the string must commute with X_t and with Z_c.
                return CommutesWith(x, z, 1 << q[1], 0) && CommutesWith(x, z, 0, 1 << q[0]);
            case GateKind.CRY:
                return CommutesWith(x, z, 1 << q[1], 1 << q[1]) && CommutesWith(x, z, 0, 1 << q[0]);
            case GateKind.PauliRot when gate.PauliWord is { } word:
                int gx = 0, gz = 0;
                for (int i = 0; i < word.Length && i < q.Length; i++)
                {
                    int bit = 1 << q[i];
                    if (word[i] is 'X' or 'Y')
                    {
                        gx |= bit;
                    }

                    if (word[i] is 'Z' or 'Y')
                    {
                        gz |= bit;
                    }
                }

                return CommutesWith(x, z, gx, gz);
            default:
                return false;
        }
    }

    /// <summary>
    /// Conjugates the string (<paramref name="x"/>, <paramref name="z"/>) by <paramref name="gate"/>, U† P U; returns
    /// false, leaving it unchanged, when the gate is not a Clifford gate this class knows.
    /// </summary>
    public static bool TryConjugate(Gate gate, ref int x, ref int z)
    {
        var q = gate.Qubits;
        switch (gate.Kind)
        {
            case GateKind.I:
            case GateKind.X:
            case GateKind.Y:
            case GateKind.Z:
                // A Pauli commutes or anticommutes with P: only the sign changes.
                return true;
            case GateKind.H:
                Swap(ref x, ref z, q[0]);
                return true;
            case GateKind.S:
            case GateKind.Sdg:
                // X ↔ Y, Z fixed.
                z ^= x & (1 << q[0]);
                return true;
            case GateKind.SX:
                // Z ↔ Y, X fixed.
                x ^= z & (1 << q[0]);
                return true;
            case GateKind.CNOT:
                Cnot(ref x, ref z, q[0], q[1]);
                return true;
            case GateKind.CZ:
            {
                int a = q[0], b = q[1];
                int xa = (x >> a) & 1, xb = (x >> b) & 1;
                z ^= (xb << a) | (xa << b);
                return true;
            }

            case GateKind.CY:
                // CY = S_t · CNOT · S_t†, and S acts on the masks as its own inverse.
                z ^= x & (1 << q[1]);
                Cnot(ref x, ref z, q[0], q[1]);
                z ^= x & (1 << q[1]);
                return true;
            case GateKind.SWAP:
                SwapQubits(ref x, q[0], q[1]);
                SwapQubits(ref z, q[0], q[1]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Two Pauli strings commute when they anticommute on an even number of qubits.</summary>
    private static bool CommutesWith(int x, int z, int gx, int gz) => (Guard.PopCount((x & gz) ^ (z & gx)) & 1) == 0;

    private static void Cnot(ref int x, ref int z, int control, int target)
    {
        // X_c → X_c X_t and Z_t → Z_c Z_t (the same in both directions: CNOT is its own inverse).
        x ^= ((x >> control) & 1) << target;
        z ^= ((z >> target) & 1) << control;
    }

    private static void Swap(ref int x, ref int z, int qubit)
    {
        int bit = 1 << qubit;
        int xb = x & bit, zb = z & bit;
        x = (x & ~bit) | zb;
        z = (z & ~bit) | xb;
    }

    private static void SwapQubits(ref int mask, int a, int b)
    {
        int ba = (mask >> a) & 1, bb = (mask >> b) & 1;
        if (ba != bb)
        {
            mask ^= (1 << a) | (1 << b);
        }
    }
}
