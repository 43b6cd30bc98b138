// Compiled into the Runtime and, as linked source, into the Generator and Analyzers (netstandard2.0).
namespace NegLR;

/// <summary>The noise channels a <see cref="Circuit"/> can record (see <see cref="NoiseChannel"/> for each convention).</summary>
#if NEGLR_LINKED
internal
#else
public
#endif
enum ChannelKind
{
    /// <summary>ρ → (1 − p)ρ + p/3 (XρX + YρY + ZρZ).</summary>
    Depolarizing,

    /// <summary>ρ → (1 − p)ρ + p XρX.</summary>
    BitFlip,

    /// <summary>ρ → (1 − p)ρ + p ZρZ.</summary>
    PhaseFlip,

    /// <summary>ρ → (1 − p)ρ + p YρY.</summary>
    BitPhaseFlip,

    /// <summary>ρ → (1 − pX − pY − pZ)ρ + pX XρX + pY YρY + pZ ZρZ.</summary>
    PauliChannel,

    /// <summary>Energy relaxation |1⟩ → |0⟩ with probability γ.</summary>
    AmplitudeDamping,

    /// <summary>Relaxation with probability γ towards the thermal state diag(1 − p_e, p_e).</summary>
    GeneralizedAmplitudeDamping,

    /// <summary>Loss of coherence without energy loss: ρ01 → √(1 − γ) ρ01.</summary>
    PhaseDamping,

    /// <summary>T1/T2 relaxation for a gate's duration, towards the excited-state population p_e.</summary>
    ThermalRelaxation,

    /// <summary>Reset to |0⟩ with probability p0 and to |1⟩ with probability p1.</summary>
    ResetError,

    /// <summary>ρ → (1 − p)ρ + p/15 Σ (P⊗Q)ρ(P⊗Q) over the 15 non-identity two-qubit Paulis.</summary>
    TwoQubitDepolarizing,

    /// <summary>A two-qubit Pauli channel with one probability per non-identity two-qubit Pauli.</summary>
    TwoQubitPauliChannel,

    /// <summary>A general channel on one or two qubits given by Kraus operators.</summary>
    Kraus,
}
