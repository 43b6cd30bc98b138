using System;

namespace NegLR;

/// <summary>
/// Readout error on an <see cref="AnsatzAttribute"/> type: a measured 0 reads 1 with <see cref="Probability1Given0"/>
/// and a measured 1 reads 0 with <see cref="Probability0Given1"/> (<see cref="NegLR.ReadoutError"/>), on every qubit or
/// on <see cref="Qubits"/>. Several attributes may set different qubits; a later one overrides an earlier one on the
/// same qubit. It applies to sampled bitstrings and to exact expectations of Pauli-Z strings.
/// </summary>
[AttributeUsage(AttributeTargets.Struct | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ReadoutErrorAttribute(double probability1Given0, double probability0Given1) : Attribute
{
    /// <summary>P(read 1 | state 0) in [0, 1].</summary>
    public double Probability1Given0 { get; } = probability1Given0;

    /// <summary>P(read 0 | state 1) in [0, 1].</summary>
    public double Probability0Given1 { get; } = probability0Given1;

    /// <summary>The qubits it applies to; every qubit when not set.</summary>
    public int[]? Qubits { get; set; }
}
