using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;

namespace NegLR.Simulation;

/// <summary>
/// What a gate does to a Pauli vector. Fixed one- and two-qubit gates become constant transfer matrices; every gate
/// with an angle, and Toffoli and CSWAP, becomes a product of commuting Pauli rotations exp(−iφW/2), one per Pauli
/// word W in its generator (global phases dropped: they do not act on ρ).
/// </summary>
internal static class GateTransfer
{
    private static readonly double InvSqrt2 = 1 / Math.Sqrt(2);

    /// <summary>One Pauli rotation of a gate: word (Pauli-vector index) and φ = <see cref="Multiplier"/> · θ.</summary>
    public readonly record struct Factor(int Word, double Multiplier);

    /// <summary>True when the gate is a constant transfer matrix on its one or two qubits.</summary>
    public static bool IsConstant(GateKind kind) => kind is GateKind.I or GateKind.X or GateKind.Y or GateKind.Z or GateKind.H
        or GateKind.S or GateKind.Sdg or GateKind.T or GateKind.Tdg or GateKind.SX
        or GateKind.CNOT or GateKind.CY or GateKind.CZ or GateKind.SWAP or GateKind.ISWAP;

    /// <summary>
    /// The transfer matrix of a constant gate in standard word order (the gate's first qubit is the first letter), with
    /// entries within 1e-12 of 0 or ±1 made exact: Clifford gates then permute the Pauli vector without rounding.
    /// </summary>
    public static double[] ConstantTransfer(GateKind kind)
    {
        var (u, qubits) = Unitary(kind);
        var kraus = new List<ImmutableArray<Complex>> { ImmutableArray.Create(u) };
        var r = ChannelMath.TransferMatrix(kraus, qubits);
        for (int i = 0; i < r.Length; i++)
        {
            double rounded = Math.Round(r[i]);
            if (Math.Abs(r[i] - rounded) < 1e-12)
            {
                r[i] = rounded;
            }
        }

        return r;
    }

    /// <summary>
    /// The Pauli rotations of a gate with generator G = scale · Π_C · Σ_j a_j W_j (Π_C the projector onto every control
    /// bit set, W_j Pauli words on the other qubits), so that exp(−iθG) = Π exp(−i(2cθ)W/2) over the expanded words.
    /// </summary>
    public static List<Factor> Factors(int controlMask, double scale, IReadOnlyList<(int X, int Z, double A)> targets)
    {
        var factors = new List<Factor>();
        int controls = BitOperations.PopCount((uint)controlMask);
        double weight = scale / (1 << controls);
        // Π_C = Π_{c ∈ C} (I − Z_c)/2 = 2^{−|C|} Σ_{S ⊆ C} (−1)^{|S|} Z_S: enumerate the subsets of the control mask.
        for (int s = controlMask; ; s = (s - 1) & controlMask)
        {
            double sign = (BitOperations.PopCount((uint)s) & 1) == 0 ? 1 : -1;
            foreach (var (x, z, a) in targets)
            {
                int word = PauliAlgebra.WordIndex(x, z | s);
                if (word != 0)
                {
                    factors.Add(new Factor(word, 2 * weight * sign * a));
                }
            }

            if (s == 0)
            {
                break;
            }
        }

        return factors;
    }

    /// <summary>The rotations of a compiled parametric step (its generator as the instruction records it).</summary>
    public static List<Factor> Factors(in Instruction ins) =>
        Factors(ins.GeneratorControl, ins.GeneratorScale, new[] { (ins.GeneratorX, ins.GeneratorZ, 1.0) });

    /// <summary>
    /// Toffoli = exp(iπ Π_{c0}Π_{c1}(I − X_t)/2) and CSWAP = exp(iπ Π_c (I − SWAP)/2): rotations at θ = π. Multipliers
    /// are then the angles.
    /// </summary>
    public static List<Factor> ConstantFactors(in Instruction ins)
    {
        if (ins.Kind == GateKind.Toffoli)
        {
            int t = 1 << ins.Q2;
            return Scale(Factors((1 << ins.Q0) | (1 << ins.Q1), -1, new[] { (0, 0, 0.5), (t, 0, -0.5) }), Math.PI);
        }

        // CSWAP(c; a, b): SWAP = (II + XX + YY + ZZ)/2, so (I − SWAP)/2 = (II − XX − YY − ZZ)/4.
        int ab = (1 << ins.Q1) | (1 << ins.Q2);
        return Scale(Factors(1 << ins.Q0, -1, new[] { (0, 0, 0.25), (ab, 0, -0.25), (ab, ab, -0.25), (0, ab, -0.25) }), Math.PI);
    }

    private static List<Factor> Scale(List<Factor> factors, double theta)
    {
        for (int i = 0; i < factors.Count; i++)
        {
            factors[i] = factors[i] with { Multiplier = factors[i].Multiplier * theta };
        }

        return factors;
    }

    /// <summary>The unitary of a constant gate in textbook order (first qubit most significant).</summary>
    private static (Complex[] U, int Qubits) Unitary(GateKind kind)
    {
        var i = Complex.ImaginaryOne;
        var t = new Complex(InvSqrt2, InvSqrt2);
        return kind switch
        {
            GateKind.I => (new Complex[] { 1, 0, 0, 1 }, 1),
            GateKind.X => (new Complex[] { 0, 1, 1, 0 }, 1),
            GateKind.Y => (new Complex[] { 0, -i, i, 0 }, 1),
            GateKind.Z => (new Complex[] { 1, 0, 0, -1 }, 1),
            GateKind.H => (new Complex[] { InvSqrt2, InvSqrt2, InvSqrt2, -InvSqrt2 }, 1),
            GateKind.S => (new Complex[] { 1, 0, 0, i }, 1),
            GateKind.Sdg => (new Complex[] { 1, 0, 0, -i }, 1),
            GateKind.T => (new Complex[] { 1, 0, 0, t }, 1),
            GateKind.Tdg => (new Complex[] { 1, 0, 0, Complex.Conjugate(t) }, 1),
            GateKind.SX => (new Complex[] { new(0.5, 0.5), new(0.5, -0.5), new(0.5, -0.5), new(0.5, 0.5) }, 1),
            GateKind.CNOT => (Controlled(new Complex[] { 0, 1, 1, 0 }), 2),
            GateKind.CY => (Controlled(new Complex[] { 0, -i, i, 0 }), 2),
            GateKind.CZ => (Controlled(new Complex[] { 1, 0, 0, -1 }), 2),
            GateKind.SWAP => (new Complex[] { 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1 }, 2),
            GateKind.ISWAP => (new Complex[] { 1, 0, 0, 0, 0, 0, i, 0, 0, i, 0, 0, 0, 0, 0, 1 }, 2),
            _ => throw new InvalidOperationException($"{kind} is not a constant gate; this is a bug in NegLR."),
        };
    }

    private static Complex[] Controlled(Complex[] target) =>
        new Complex[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, target[0], target[1], 0, 0, target[2], target[3] };
}
