// Plain C# that builds for netstandard2.0 too (only APIs both targets have), so the generator can later read declared
// readout errors with this very validation; the span-based operations are in ReadoutError.Apply.cs (Runtime only).
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace NegLR;

/// <summary>
/// Per-qubit asymmetric readout (measurement) error: qubit q in |0⟩ reads 1 with probability P(1|0)_q, and in |1⟩ reads
/// 0 with probability P(0|1)_q, independently of the other qubits (Qiskit's <c>ReadoutError([[1 − p10, p10], [p01, 1 − p01]])</c>
/// per qubit; PennyLane's <c>BitFlip</c> before measurement is the symmetric case).
/// </summary>
/// <remarks>
/// A measured ±1 value of qubit q then has mean a_q + b_q⟨Z_q⟩ with bias a_q = P(0|1) − P(1|0) and contraction
/// b_q = 1 − P(1|0) − P(0|1), so a Pauli term on the qubits S, measured in its basis, reads
/// Σ_{T⊆S} (Π_{q∈S∖T} a_q)(Π_{q∈T} b_q) ⟨P_T⟩ with P_T the term restricted to T.
/// </remarks>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed partial class ReadoutError : IEquatable<ReadoutError>
{
    /// <summary>Readout error with the given per-qubit probabilities (one entry per qubit).</summary>
    /// <param name="probability1Given0">P(read 1 | state 0) per qubit.</param>
    /// <param name="probability0Given1">P(read 0 | state 1) per qubit.</param>
    /// <exception cref="ArgumentException">The lists differ in length or are empty, a probability is NaN or outside
    /// [0, 1], or a qubit's two probabilities add up to 1 or more (its readout then carries no information).</exception>
    public ReadoutError(IReadOnlyList<double> probability1Given0, IReadOnlyList<double> probability0Given1)
    {
        Guard.NotNull(probability1Given0, nameof(probability1Given0));
        Guard.NotNull(probability0Given1, nameof(probability0Given1));
        if (probability1Given0.Count == 0 || probability1Given0.Count > Circuit.MaxQubits)
        {
            throw new ArgumentException($"A readout error needs one probability per qubit (1 to {Circuit.MaxQubits}), but {probability1Given0.Count} were given.",
                nameof(probability1Given0));
        }

        if (probability0Given1.Count != probability1Given0.Count)
        {
            throw new ArgumentException(
                Invariant($"probability0Given1 has {probability0Given1.Count} entries but probability1Given0 has {probability1Given0.Count}; give one of each per qubit."),
                nameof(probability0Given1));
        }

        for (int q = 0; q < probability1Given0.Count; q++)
        {
            Check(probability1Given0[q], probability0Given1[q], q);
        }

        Probability1Given0 = probability1Given0.ToImmutableArray();
        Probability0Given1 = probability0Given1.ToImmutableArray();
    }

    /// <summary>The same readout error on every one of <paramref name="qubits"/> qubits.</summary>
    public static ReadoutError Uniform(int qubits, double probability1Given0, double probability0Given1)
    {
        if (qubits < 1 || qubits > Circuit.MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"A readout error covers 1 to {Circuit.MaxQubits} qubits.");
        }

        return new ReadoutError(Enumerable.Repeat(probability1Given0, qubits).ToArray(), Enumerable.Repeat(probability0Given1, qubits).ToArray());
    }

    /// <summary>No readout error on <paramref name="qubits"/> qubits (a starting point for <see cref="With"/>).</summary>
    public static ReadoutError None(int qubits) => Uniform(qubits, 0, 0);

    /// <summary>A copy with qubit <paramref name="qubit"/>'s probabilities replaced.</summary>
    public ReadoutError With(int qubit, double probability1Given0, double probability0Given1)
    {
        if (qubit < 0 || qubit >= Qubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubit), qubit, $"This readout error covers qubits 0 to {Qubits - 1}.");
        }

        var p10 = Probability1Given0.ToArray();
        var p01 = Probability0Given1.ToArray();
        p10[qubit] = probability1Given0;
        p01[qubit] = probability0Given1;
        return new ReadoutError(p10, p01);
    }

    /// <summary>Number of qubits covered.</summary>
    public int Qubits => Probability1Given0.Length;

    /// <summary>P(read 1 | state 0) per qubit.</summary>
    public ImmutableArray<double> Probability1Given0 { get; }

    /// <summary>P(read 0 | state 1) per qubit.</summary>
    public ImmutableArray<double> Probability0Given1 { get; }

    /// <summary>True when every probability is zero.</summary>
    public bool IsNone => Probability1Given0.All(p => p == 0) && Probability0Given1.All(p => p == 0);

    /// <summary>a_q = P(0|1) − P(1|0): the mean of the measured ±1 value of a qubit whose ⟨Z⟩ is 0.</summary>
    public double Bias(int qubit) => Probability0Given1[qubit] - Probability1Given0[qubit];

    /// <summary>b_q = 1 − P(1|0) − P(0|1): how much readout shrinks ⟨Z_q⟩.</summary>
    public double Contraction(int qubit) => 1 - Probability1Given0[qubit] - Probability0Given1[qubit];

    /// <inheritdoc/>
    public bool Equals(ReadoutError? other) =>
        other is not null && Probability1Given0.SequenceEqual(other.Probability1Given0) && Probability0Given1.SequenceEqual(other.Probability0Given1);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ReadoutError);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int hash = Qubits;
        for (int q = 0; q < Qubits; q++)
        {
            hash = Guard.Combine(Guard.Combine(hash, Probability1Given0[q].GetHashCode()), Probability0Given1[q].GetHashCode());
        }

        return hash;
    }

    /// <summary>Text such as <c>ReadoutError(q0: P(1|0)=0.01, P(0|1)=0.03; …)</c>.</summary>
    public override string ToString() => "ReadoutError(" + string.Join("; ",
        Enumerable.Range(0, Qubits).Select(q => Invariant($"q{q}: P(1|0)={Probability1Given0[q]:R}, P(0|1)={Probability0Given1[q]:R}"))) + ")";

    private static void Check(double p10, double p01, int qubit)
    {
        if (double.IsNaN(p10) || p10 < 0 || p10 > 1)
        {
            throw new ArgumentException(Invariant($"probability1Given0[{qubit}] = {p10:R} is not a probability between 0 and 1."), "probability1Given0");
        }

        if (double.IsNaN(p01) || p01 < 0 || p01 > 1)
        {
            throw new ArgumentException(Invariant($"probability0Given1[{qubit}] = {p01:R} is not a probability between 0 and 1."), "probability0Given1");
        }

        if (p10 + p01 >= 1)
        {
            throw new ArgumentException(Invariant(
                $"Qubit {qubit}'s readout probabilities P(1|0) = {p10:R} and P(0|1) = {p01:R} add up to 1 or more: such a readout says nothing about the state (or reads it inverted). Check the calibration data."),
                "probability0Given1");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
