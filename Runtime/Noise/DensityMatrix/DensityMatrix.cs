using System;
using System.Globalization;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR;

/// <summary>
/// An n-qubit density matrix ρ, stored as its real Pauli vector r_P = Tr(ρP) over the 4^n Pauli words P, so that
/// ρ = 2^{−n} Σ_P r_P P. This is half the memory of the complex matrix, every expectation of a Pauli string is one entry,
/// and every gate and channel is a real map on it (its Pauli transfer matrix).
/// </summary>
/// <remarks>
/// Index layout: qubit q's letter is the digit at bits (2q, 2q + 1) of the index, I = 0, X = 1, Z = 2, Y = 3 (the X bit
/// and the Z bit of the letter), so the index of Z0 Z1 is 0b1010 = 10 and of X2 is 1 &lt;&lt; 4 = 16. Use
/// <see cref="IndexOf(PauliTerm)"/> rather than computing indices by hand.
/// </remarks>
public sealed class DensityMatrix
{
    /// <summary>The largest register the density-matrix engine holds: 4^15 doubles (8 GiB) per density matrix.</summary>
    public const int MaxQubits = 15;

    private readonly double[] _pauli;

    /// <summary>Creates |0…0⟩⟨0…0| on <paramref name="qubits"/> qubits, after checking that it fits in memory.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1 to <see cref="MaxQubits"/>.</exception>
    /// <exception cref="InsufficientMemoryException">It would not fit in the memory this process may use.</exception>
    public DensityMatrix(int qubits)
    {
        EnsureFits(qubits, 1);
        Qubits = qubits;
        _pauli = new double[1L << (2 * qubits)];
        Reset();
    }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    /// <summary>The Pauli vector r_P = Tr(ρP), 4^n entries in the layout described on the type.</summary>
    public ReadOnlySpan<double> PauliVector => _pauli;

    internal double[] Values => _pauli;

    /// <summary>Tr ρ (1 for a state; channels preserve it).</summary>
    public double Trace => _pauli[0];

    /// <summary>Tr ρ² = 2^{−n} Σ_P r_P²: 1 for a pure state, 2^{−n} for the maximally mixed one.</summary>
    public double Purity()
    {
        double sum = 0;
        foreach (double v in _pauli)
        {
            sum += v * v;
        }

        return sum / (1L << Qubits);
    }

    /// <summary>Bytes of one density matrix of <paramref name="qubits"/> qubits in this layout (8·4^n).</summary>
    public static long BytesFor(int qubits) => 8L << (2 * qubits);

    /// <summary>
    /// Throws a clear error, before anything is allocated, when <paramref name="copies"/> density matrices of
    /// <paramref name="qubits"/> qubits are beyond the engine or beyond the memory this process may use.
    /// </summary>
    public static void EnsureFits(int qubits, int copies)
    {
        if (qubits < 1 || qubits > MaxQubits)
        {
            double gib = BytesFor(Math.Clamp(qubits, 1, 25)) / (double)(1L << 30);
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, string.Create(CultureInfo.InvariantCulture,
                $"The density-matrix engine holds 1 to {MaxQubits} qubits (a {qubits}-qubit density matrix would need {gib:G3} GiB); for larger circuits use TrajectorySimulator, which needs one state vector per trajectory."));
        }

        long needed = BytesFor(qubits) * copies;
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (available > 0 && needed > available)
        {
            throw new InsufficientMemoryException(string.Create(CultureInfo.InvariantCulture,
                $"{copies} density matrix buffer(s) of {qubits} qubits need {needed / (double)(1L << 30):F2} GiB, but this process may use " +
                $"{available / (double)(1L << 30):F2} GiB. Use fewer qubits, the trajectory engine (TrajectorySimulator), or a machine with more memory."));
        }
    }

    /// <summary>Sets ρ = |0…0⟩⟨0…0|: r_P = 1 for every word of I and Z only, 0 otherwise.</summary>
    public void Reset() => Reset(_pauli, Qubits);

    internal static void Reset(Span<double> r, int qubits)
    {
        r.Clear();
        // Words of I and Z only: every X bit (even position) clear; enumerate the 2^n Z patterns.
        int count = 1 << qubits;
        for (int z = 0; z < count; z++)
        {
            r[SpreadToZ(z)] = 1;
        }
    }

    /// <summary>Tr(ρO) for a Pauli sum: Σ c_t r_{P_t} + constant·Tr ρ.</summary>
    public double Expectation(PauliSum observable)
    {
        ArgumentNullException.ThrowIfNull(observable);
        if (observable.MinQubits > Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The observable acts on qubit {observable.MinQubits - 1}, but the density matrix has qubits 0 to {Qubits - 1}."), nameof(observable));
        }

        return Expectation(_pauli, observable);
    }

    internal static double Expectation(ReadOnlySpan<double> r, PauliSum observable)
    {
        double total = observable.Constant * r[0];
        foreach (var t in observable.Terms)
        {
            total += t.Coefficient * r[IndexOf(t)];
        }

        return total;
    }

    /// <summary>The index of a term's Pauli word in <see cref="PauliVector"/> (its coefficient is ignored).</summary>
    public static int IndexOf(PauliTerm term) => Spread(term.XMask) | (Spread(term.ZMask) << 1);

    /// <summary>
    /// Writes the probability of every basis state (qubit 0 = least-significant bit) into <paramref name="probabilities"/>
    /// (length 2^n): p(b) = 2^{−n} Σ_z (−1)^{b·z} r_{Z^z}, a Walsh–Hadamard transform of the Z-type entries. Rounding
    /// below zero is set to zero.
    /// </summary>
    public void Probabilities(Span<double> probabilities)
    {
        if (probabilities.Length != 1 << Qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The probabilities need {1 << Qubits} entries, one per basis state, but have {probabilities.Length}."), nameof(probabilities));
        }

        Probabilities(_pauli, Qubits, probabilities);
    }

    internal static void Probabilities(ReadOnlySpan<double> r, int qubits, Span<double> p)
    {
        int count = 1 << qubits;
        for (int z = 0; z < count; z++)
        {
            p[z] = r[SpreadToZ(z)];
        }

        WalshHadamard(p);
        double scale = 1.0 / count;
        for (int b = 0; b < count; b++)
        {
            p[b] = Math.Max(0, p[b] * scale);
        }
    }

    /// <summary>The in-place Walsh–Hadamard butterfly (unnormalised): u, v → u + v, u − v over every bit.</summary>
    internal static void WalshHadamard(Span<double> p)
    {
        for (int len = 1; len < p.Length; len <<= 1)
        {
            for (int i = 0; i < p.Length; i += len << 1)
            {
                for (int j = i; j < i + len; j++)
                {
                    double u = p[j], v = p[j + len];
                    p[j] = u + v;
                    p[j + len] = u - v;
                }
            }
        }
    }

    /// <summary>
    /// The 2^n × 2^n complex matrix ρ = 2^{−n} Σ r_P P (qubit 0 the least-significant bit of row and column), for
    /// inspection and tests; up to 10 qubits.
    /// </summary>
    public Complex[,] ToMatrix()
    {
        if (Qubits > 10)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"ToMatrix writes out 4^n complex entries; it is limited to 10 qubits, and this density matrix has {Qubits}."));
        }

        int dim = 1 << Qubits;
        var m = new Complex[dim, dim];
        double scale = 1.0 / dim;
        for (int p = 0; p < _pauli.Length; p++)
        {
            double v = _pauli[p];
            if (v == 0)
            {
                continue;
            }

            int x = Compact(p), z = Compact(p >> 1);
            // P|j⟩ = i^{nY} (−1)^{popcount(j & z)} |j ⊕ x⟩ with nY = popcount(x & z).
            var phase = IPower(BitOperations.PopCount((uint)(x & z)));
            for (int j = 0; j < dim; j++)
            {
                double sign = (BitOperations.PopCount((uint)(j & z)) & 1) == 0 ? 1 : -1;
                m[j ^ x, j] += scale * v * sign * phase;
            }
        }

        return m;
    }

    /// <summary>Text such as <c>DensityMatrix(3 qubits, purity 0.93)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"DensityMatrix({Qubits} qubits, purity {Purity():G4})");

    /// <summary>Bit i of <paramref name="mask"/> moved to bit 2i.</summary>
    internal static int Spread(int mask)
    {
        int result = 0;
        for (int q = 0; mask >> q != 0; q++)
        {
            result |= ((mask >> q) & 1) << (2 * q);
        }

        return result;
    }

    internal static int SpreadToZ(int mask) => Spread(mask) << 1;

    /// <summary>The even bits of <paramref name="index"/> gathered: the inverse of <see cref="Spread"/>.</summary>
    internal static int Compact(int index)
    {
        int result = 0;
        for (int q = 0; index >> (2 * q) != 0; q++)
        {
            result |= ((index >> (2 * q)) & 1) << q;
        }

        return result;
    }

    private static Complex IPower(int k) => (k & 3) switch
    {
        0 => Complex.One,
        1 => Complex.ImaginaryOne,
        2 => -Complex.One,
        _ => -Complex.ImaginaryOne,
    };
}
