using System.Collections.Generic;

// Linked into the Generator too (netstandard2.0): the emitter walks the same steps the interpreter runs.
namespace NegLR.Simulation;

/// <summary>Turns a recorded <see cref="Circuit"/> into the flat list of primitive steps the interpreter runs.</summary>
internal static class InstructionCompiler
{
    public static Instruction[] Compile(Circuit circuit)
    {
        var list = new List<Instruction>(circuit.Gates.Count);
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            var gate = circuit.Gates[g];
            var q = gate.Qubits;
            int q0 = q[0], q1 = q.Length > 1 ? q[1] : -1, q2 = q.Length > 2 ? q[2] : -1;
            switch (gate.Kind)
            {
                case GateKind.Rot:
                    // Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ): RZ(φ) acts first.
                    list.Add(new Instruction(GateKind.RZ, q0, -1, -1, gate.Angles[0], true, g, 0));
                    list.Add(new Instruction(GateKind.RY, q0, -1, -1, gate.Angles[1], true, g, 1));
                    list.Add(new Instruction(GateKind.RZ, q0, -1, -1, gate.Angles[2], true, g, 2));
                    break;
                case GateKind.U3:
                    // U3(θ, φ, λ) = P(φ) RY(θ) P(λ), exactly (no global phase): P(λ) acts first.
                    list.Add(new Instruction(GateKind.PhaseShift, q0, -1, -1, gate.Angles[2], true, g, 2));
                    list.Add(new Instruction(GateKind.RY, q0, -1, -1, gate.Angles[0], true, g, 0));
                    list.Add(new Instruction(GateKind.PhaseShift, q0, -1, -1, gate.Angles[1], true, g, 1));
                    break;
                case GateKind.RXX:
                    list.Add(Pauli(gate, g, (1 << q0) | (1 << q1), 0));
                    break;
                case GateKind.RYY:
                    list.Add(Pauli(gate, g, (1 << q0) | (1 << q1), (1 << q0) | (1 << q1)));
                    break;
                case GateKind.RZZ:
                    list.Add(Pauli(gate, g, 0, (1 << q0) | (1 << q1)));
                    break;
                case GateKind.MultiRZ:
                {
                    int z = 0;
                    foreach (int qubit in q)
                    {
                        z |= 1 << qubit;
                    }

                    list.Add(Pauli(gate, g, 0, z));
                    break;
                }

                case GateKind.PauliRot:
                {
                    int x = 0, z = 0;
                    for (int k = 0; k < q.Length; k++)
                    {
                        char p = gate.PauliWord![k];
                        if (p is 'X' or 'Y')
                        {
                            x |= 1 << q[k];
                        }

                        if (p is 'Z' or 'Y')
                        {
                            z |= 1 << q[k];
                        }
                    }

                    list.Add(Pauli(gate, g, x, z));
                    break;
                }

                default:
                    bool hasAngle = gate.Angles.Length == 1;
                    list.Add(new Instruction(gate.Kind, q0, q1, q2, hasAngle ? gate.Angles[0] : default, hasAngle, g, 0));
                    break;
            }
        }

        return list.ToArray();
    }

    private static Instruction Pauli(Gate gate, int index, int x, int z) =>
        new(gate.Kind, gate.Qubits[0], gate.Qubits.Length > 1 ? gate.Qubits[1] : -1, -1, gate.Angles[0], true, index, 0, x, z);
}
