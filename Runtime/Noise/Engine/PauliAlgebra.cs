using System.Numerics;
using System.Runtime.CompilerServices;

namespace NegLR.Simulation;

/// <summary>
/// Pauli words as indices of the Pauli vector: qubit q's letter is the digit at bits (2q, 2q + 1) = (x, z), so
/// I = 0, X = 1, Z = 2, Y = 3 ("symplectic order"), and the index of the product of two words is the XOR of their
/// indices. Letters elsewhere in NegLR (<see cref="NoiseChannel"/>) use the standard order I = 0, X = 1, Y = 2, Z = 3.
/// </summary>
internal static class PauliAlgebra
{
    /// <summary>The X bits of every qubit (even bit positions).</summary>
    public const int XBits = 0x55555555;

    /// <summary>Standard letter (I, X, Y, Z) → symplectic digit (I, X, Z, Y); the map is its own inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToDigit(int letter) => letter switch { 2 => 3, 3 => 2, _ => letter };

    /// <summary>The digit of a letter given as a character I, X, Y or Z.</summary>
    public static int DigitOf(char letter) => letter switch { 'X' => 1, 'Z' => 2, 'Y' => 3, _ => 0 };

    /// <summary>The Pauli-vector index of the word with x bits <paramref name="x"/> and z bits <paramref name="z"/> (state-vector masks).</summary>
    public static int WordIndex(int x, int z)
    {
        int index = 0;
        for (int q = 0; x >> q != 0 || z >> q != 0; q++)
        {
            index |= (((x >> q) & 1) | (((z >> q) & 1) << 1)) << (2 * q);
        }

        return index;
    }

    /// <summary>
    /// For words Q and P (indices): 0 when they commute, else σ = ±1 with −i·Q·P = σ·(Q ⊕ P). The rotation
    /// exp(−iθP/2) then maps the Pauli vector as r'_Q = cos θ r_Q + σ sin θ r_{Q⊕P} for every anticommuting Q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int RotationSign(int q, int p)
    {
        uint xq = (uint)q & XBits, zq = ((uint)q >> 1) & XBits;
        uint xp = (uint)p & XBits, zp = ((uint)p >> 1) & XBits;
        if ((BitOperations.PopCount((xq & zp) ^ (zq & xp)) & 1) == 0)
        {
            return 0;
        }

        // Q·P = i^e (Q ⊕ P) with P(x, z) = i^{x·z} X^x Z^z, so e = |xq zq| + |xp zp| + 2|zq xp| − |xr zr| (mod 4), odd here.
        uint xr = xq ^ xp, zr = zq ^ zp;
        int e = BitOperations.PopCount(xq & zq) + BitOperations.PopCount(xp & zp) + (2 * BitOperations.PopCount(zq & xp))
            - BitOperations.PopCount(xr & zr);
        return (e & 3) == 1 ? 1 : -1;
    }

    /// <summary>
    /// A 4^k × 4^k transfer matrix given in standard letter order (word index 4·l0 + l1, l0 on the first qubit) rewritten
    /// in the engine's local order (local index d0 + 4·d1, d0 the first qubit's symplectic digit).
    /// </summary>
    public static double[] ToLocalOrder(System.Collections.Generic.IReadOnlyList<double> standard, int qubits)
    {
        int dd = 1 << (2 * qubits);
        var local = new double[dd * dd];
        for (int i = 0; i < dd; i++)
        {
            for (int j = 0; j < dd; j++)
            {
                local[(Local(i, qubits) * dd) + Local(j, qubits)] = standard[(i * dd) + j];
            }
        }

        return local;
    }

    /// <summary>Standard word index → local index (see <see cref="ToLocalOrder"/>).</summary>
    public static int Local(int standardWord, int qubits) =>
        qubits == 1 ? ToDigit(standardWord) : ToDigit(standardWord >> 2) + (4 * ToDigit(standardWord & 3));
}
