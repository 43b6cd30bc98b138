using System;

namespace NegLR;

/// <summary>Which gates a declared channel follows when <see cref="NoiseAttribute.Gates"/> is not set.</summary>
public enum NoiseAfter
{
    /// <summary>Every gate (a two-qubit channel: every two-qubit gate).</summary>
    AllGates,

    /// <summary>Every one-qubit gate (<see cref="NoiseModel.SingleQubitGates"/>).</summary>
    SingleQubitGates,

    /// <summary>Every two-qubit gate (<see cref="NoiseModel.TwoQubitGates"/>).</summary>
    TwoQubitGates,
}

/// <summary>
/// A noise channel declared on an <see cref="AnsatzAttribute"/> type. The attributes of a type, in the order written,
/// become the rules of its <see cref="NoiseModel"/> (after a <see cref="DeviceProfileAttribute"/>'s model when there is
/// one), and the generated simulation runs on the density matrix of the noisy circuit. The selection is the
/// runtime model's: a one-qubit channel follows each qubit of a selected gate (<see cref="NoiseModel.AfterEach(NoiseChannel, GateKind[])"/>);
/// a two-qubit channel follows a selected two-qubit gate on its qubits; with <see cref="Qubits"/> set, only gates on
/// those qubits (<see cref="NoiseModel.AfterEachOn"/>).
/// </summary>
/// <example>
/// <code>
/// [Ansatz(Qubits = 4, Template = AnsatzTemplate.HardwareEfficient, Layers = 4)]
/// [Observable("Z0 Z1")]
/// [Depolarizing(1e-3, After = NoiseAfter.SingleQubitGates)]
/// [TwoQubitDepolarizing(1e-2)]
/// [ReadoutError(0.02, 0.03)]
/// internal partial struct NoisyHea;
/// </code>
/// </example>
public abstract class NoiseAttribute : Attribute
{
    /// <summary>The gates the channel follows when <see cref="Gates"/> is not set; default <see cref="NoiseAfter.AllGates"/>.</summary>
    public NoiseAfter After { get; set; }

    /// <summary>The gate kinds the channel follows (overrides <see cref="After"/>); a two-qubit channel only two-qubit kinds.</summary>
    public GateKind[]? Gates { get; set; }

    /// <summary>
    /// Only gates on these qubits: a one-qubit channel follows each listed qubit a selected gate acts on; a two-qubit
    /// channel follows a gate on exactly this ordered pair (Qiskit's <c>add_quantum_error(error, "cx", [0, 1])</c>).
    /// </summary>
    public int[]? Qubits { get; set; }
}
