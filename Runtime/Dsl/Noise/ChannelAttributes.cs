using System;

// One attribute per channel of NoiseChannel, named as the channel is (and as PennyLane and Qiskit name it); the
// parametrisation of each is the runtime channel's, documented in docs/noise.md.
namespace NegLR;

/// <summary>Depolarizing noise ρ → (1−p)ρ + p/3 (XρX + YρY + ZρZ) (PennyLane's convention; <see cref="NoiseChannel.Depolarizing"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DepolarizingAttribute(double p) : NoiseAttribute
{
    /// <summary>The probability p in [0, 1].</summary>
    public double P { get; } = p;
}

/// <summary>Bit flip ρ → (1−p)ρ + p XρX (<see cref="NoiseChannel.BitFlip"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BitFlipAttribute(double p) : NoiseAttribute
{
    /// <summary>The probability p in [0, 1].</summary>
    public double P { get; } = p;
}

/// <summary>Phase flip ρ → (1−p)ρ + p ZρZ (<see cref="NoiseChannel.PhaseFlip"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PhaseFlipAttribute(double p) : NoiseAttribute
{
    /// <summary>The probability p in [0, 1].</summary>
    public double P { get; } = p;
}

/// <summary>Bit-phase flip ρ → (1−p)ρ + p YρY (<see cref="NoiseChannel.BitPhaseFlip"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BitPhaseFlipAttribute(double p) : NoiseAttribute
{
    /// <summary>The probability p in [0, 1].</summary>
    public double P { get; } = p;
}

/// <summary>Pauli channel ρ → (1−pX−pY−pZ)ρ + pX XρX + pY YρY + pZ ZρZ (<see cref="NoiseChannel.PauliChannel"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PauliChannelAttribute(double pX, double pY, double pZ) : NoiseAttribute
{
    /// <summary>Probability of X.</summary>
    public double PX { get; } = pX;

    /// <summary>Probability of Y.</summary>
    public double PY { get; } = pY;

    /// <summary>Probability of Z.</summary>
    public double PZ { get; } = pZ;
}

/// <summary>Amplitude damping with decay probability γ (<see cref="NoiseChannel.AmplitudeDamping"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AmplitudeDampingAttribute(double gamma) : NoiseAttribute
{
    /// <summary>γ in [0, 1].</summary>
    public double Gamma { get; } = gamma;
}

/// <summary>Generalized amplitude damping toward a thermal state (<see cref="NoiseChannel.GeneralizedAmplitudeDamping"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class GeneralizedAmplitudeDampingAttribute(double gamma, double excitedPopulation) : NoiseAttribute
{
    /// <summary>γ in [0, 1].</summary>
    public double Gamma { get; } = gamma;

    /// <summary>The excited-state population of the bath in [0, 1] (PennyLane's 1 − p).</summary>
    public double ExcitedPopulation { get; } = excitedPopulation;
}

/// <summary>Phase damping with probability γ (<see cref="NoiseChannel.PhaseDamping"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PhaseDampingAttribute(double gamma) : NoiseAttribute
{
    /// <summary>γ in [0, 1].</summary>
    public double Gamma { get; } = gamma;
}

/// <summary>
/// Thermal relaxation for a gate of duration <see cref="GateTime"/> on a qubit with relaxation time T1 and dephasing time
/// T2 ≤ 2·T1, all in one unit (<see cref="NoiseChannel.ThermalRelaxation"/>, Qiskit's <c>thermal_relaxation_error</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ThermalRelaxationAttribute(double t1, double t2, double gateTime) : NoiseAttribute
{
    /// <summary>T1, above 0.</summary>
    public double T1 { get; } = t1;

    /// <summary>T2, above 0 and at most 2·T1.</summary>
    public double T2 { get; } = t2;

    /// <summary>The gate's duration, 0 or more, in the unit of T1 and T2.</summary>
    public double GateTime { get; } = gateTime;

    /// <summary>The excited-state population at equilibrium in [0, 1]; default 0.</summary>
    public double ExcitedPopulation { get; set; }
}

/// <summary>Reset error: to |0⟩ with probability p0, to |1⟩ with p1 (<see cref="NoiseChannel.ResetError"/>).</summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ResetErrorAttribute(double p0, double p1) : NoiseAttribute
{
    /// <summary>Probability of a reset to |0⟩.</summary>
    public double P0 { get; } = p0;

    /// <summary>Probability of a reset to |1⟩.</summary>
    public double P1 { get; } = p1;
}

/// <summary>
/// Two-qubit depolarizing noise ρ → (1−p)ρ + p/15 Σ PρP over the 15 non-identity two-qubit Paulis, after every two-qubit
/// gate unless <see cref="NoiseAttribute.Gates"/> says which (<see cref="NoiseChannel.TwoQubitDepolarizing"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TwoQubitDepolarizingAttribute(double p) : NoiseAttribute
{
    /// <summary>The probability p in [0, 1].</summary>
    public double P { get; } = p;
}
