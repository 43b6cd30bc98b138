// Linked into the Generator too (netstandard2.0): generated code and the run-time program it builds must agree on
// argument slots and on the fingerprint that proves both compiled the same circuit.
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// How a generated ansatz lays its compiled steps out, shared by the generator (which writes register tiles against
/// it) and <see cref="GeneratedProgram"/> (which runs the same steps from data): each step with an angle owns one
/// argument slot, in step order, holding the angle times ½ (rotations, whose matrices use cos θ/2) or 1 (phase gates).
/// </summary>
internal static class ProgramLayout
{
    /// <summary>
    /// The factor between an angle and the argument whose cosine and sine the step's matrix uses: ½ for rotations,
    /// 1 for PhaseShift and CPhase (e^{iφ}). Exact in binary, so the angle is recovered exactly as argument / factor.
    /// </summary>
    public static double ArgumentScale(GateKind kind) => kind is GateKind.PhaseShift or GateKind.CPhase ? 1.0 : 0.5;

    /// <summary>The argument slot of each step (−1 for a step without an angle), and the number of slots.</summary>
    public static int[] Slots(Instruction[] steps, out int count)
    {
        var slots = new int[steps.Length];
        count = 0;
        for (int k = 0; k < steps.Length; k++)
        {
            slots[k] = steps[k].HasAngle ? count++ : -1;
        }

        return slots;
    }

    /// <summary>
    /// A 64-bit FNV-1a hash of every step (kind, qubits, Pauli string, angle source, index, scale and offset). The
    /// generator writes it into the code it compiles from the circuit; the run-time program recomputes it from the
    /// circuit <c>CreateCircuit()</c> records and refuses to run if they differ.
    /// </summary>
    public static long Fingerprint(Instruction[] steps)
    {
        ulong hash = 14695981039346656037;
        void Mix(long value)
        {
            for (int i = 0; i < 8; i++)
            {
                hash = unchecked((hash ^ (byte)(value >> (8 * i))) * 1099511628211);
            }
        }

        Mix(steps.Length);
        foreach (var ins in steps)
        {
            Mix((long)ins.Kind);
            Mix(ins.Q0);
            Mix(ins.Q1);
            Mix(ins.Q2);
            Mix(ins.PauliX);
            Mix(ins.PauliZ);
            Mix(ins.HasAngle ? 1 : 0);
            if (ins.HasAngle)
            {
                Mix((long)ins.Angle.Source);
                Mix(ins.Angle.Index);
                Mix(System.BitConverter.DoubleToInt64Bits(ins.Angle.Scale));
                Mix(System.BitConverter.DoubleToInt64Bits(ins.Angle.Offset));
            }
        }

        return unchecked((long)hash);
    }
}
