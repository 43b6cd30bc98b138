using System;
using System.Collections.Generic;
using System.Numerics;

namespace NegLR.Tests.Reference;

/// <summary>
/// The test oracle: slow and obviously correct. Every gate becomes its full 2^n × 2^n matrix — a Kronecker product of
/// the literal 2×2 matrices of <see cref="LiteralGates"/> (qubit n−1 leftmost, so qubit 0 is the least-significant bit
/// of the basis index), a literal 4×4 matrix placed by explicit basis-state mapping, or a permutation written from
/// the bits of the basis index — and is applied by dense matrix–vector multiplication. Observables are dense matrices
/// built from the letters of each term. Nothing of the runtime is used except the circuit's gate list and the
/// properties of Angle and PauliTerm.
/// </summary>
internal sealed class DenseReferenceSimulator
{
    public DenseReferenceSimulator(int qubits)
    {
        if (qubits < 1 || qubits > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, "The dense reference handles 1 to 12 qubits.");
        }

        Qubits = qubits;
        Dimension = 1 << qubits;
    }

    public int Qubits { get; }

    public int Dimension { get; }

    /// <summary>|index⟩.</summary>
    public Complex[] BasisState(int index)
    {
        var v = new Complex[Dimension];
        v[index] = Complex.One;
        return v;
    }

    /// <summary>M_{n−1} ⊗ … ⊗ M_1 ⊗ M_0, with the given 2×2 factors on their qubits and the identity elsewhere.</summary>
    public DenseMatrix Product(params (int Qubit, DenseMatrix Matrix)[] factors)
    {
        var perQubit = new DenseMatrix?[Qubits];
        foreach (var (q, m) in factors)
        {
            if (q < 0 || q >= Qubits || perQubit[q] is not null || m.Dimension != 2)
            {
                throw new ArgumentException($"Bad factor on qubit {q}.", nameof(factors));
            }

            perQubit[q] = m;
        }

        DenseMatrix result = perQubit[Qubits - 1] ?? LiteralGates.Identity;
        for (int q = Qubits - 2; q >= 0; q--)
        {
            result = DenseMatrix.Kron(result, perQubit[q] ?? LiteralGates.Identity);
        }

        return result;
    }

    /// <summary>
    /// Places a k-qubit matrix (textbook order: <paramref name="qubits"/>[0] is the most significant local bit) by
    /// basis-state mapping: ⟨i|U|j⟩ = local[loc(i), loc(j)] when i and j agree off the gate's qubits, else 0.
    /// </summary>
    public DenseMatrix Embed(DenseMatrix local, IReadOnlyList<int> qubits)
    {
        int k = qubits.Count;
        if (local.Dimension != 1 << k)
        {
            throw new ArgumentException("The local matrix does not match the qubit count.", nameof(local));
        }

        int mask = 0;
        foreach (int q in qubits)
        {
            mask |= 1 << q;
        }

        int Local(int index)
        {
            int l = 0;
            for (int p = 0; p < k; p++)
            {
                l |= ((index >> qubits[p]) & 1) << (k - 1 - p);
            }

            return l;
        }

        var m = new DenseMatrix(Dimension);
        for (int i = 0; i < Dimension; i++)
        {
            for (int j = 0; j < Dimension; j++)
            {
                if ((i & ~mask) == (j & ~mask))
                {
                    m[i, j] = local[Local(i), Local(j)];
                }
            }
        }

        return m;
    }

    /// <summary>The permutation matrix with ⟨f(j)|U|j⟩ = 1.</summary>
    public DenseMatrix Permutation(Func<int, int> f)
    {
        var m = new DenseMatrix(Dimension);
        for (int j = 0; j < Dimension; j++)
        {
            m[f(j), j] = Complex.One;
        }

        return m;
    }

    /// <summary>The dense Pauli string with letter <paramref name="word"/>[k] on <paramref name="qubits"/>[k].</summary>
    public DenseMatrix PauliString(string word, IReadOnlyList<int> qubits)
    {
        var factors = new (int, DenseMatrix)[qubits.Count];
        for (int k = 0; k < qubits.Count; k++)
        {
            factors[k] = (qubits[k], LiteralGates.Pauli(word[k]));
        }

        return Product(factors);
    }

    /// <summary>The full matrix of a gate with evaluated angles.</summary>
    public DenseMatrix GateMatrix(GateKind kind, IReadOnlyList<int> q, IReadOnlyList<double> a, string? word = null)
    {
        DenseMatrix One(DenseMatrix m) => Product((q[0], m));
        DenseMatrix Controlled(DenseMatrix u) => Product((q[0], LiteralGates.P0)) + Product((q[0], LiteralGates.P1), (q[1], u));
        bool Bit(int index, int qubit) => ((index >> qubit) & 1) != 0;

        return kind switch
        {
            GateKind.I => One(LiteralGates.Identity),
            GateKind.X => One(LiteralGates.X),
            GateKind.Y => One(LiteralGates.Y),
            GateKind.Z => One(LiteralGates.Z),
            GateKind.H => One(LiteralGates.H),
            GateKind.S => One(LiteralGates.S),
            GateKind.Sdg => One(LiteralGates.Sdg),
            GateKind.T => One(LiteralGates.T),
            GateKind.Tdg => One(LiteralGates.Tdg),
            GateKind.SX => One(LiteralGates.SX),
            GateKind.RX => One(LiteralGates.RX(a[0])),
            GateKind.RY => One(LiteralGates.RY(a[0])),
            GateKind.RZ => One(LiteralGates.RZ(a[0])),
            GateKind.PhaseShift => One(LiteralGates.PhaseShift(a[0])),
            GateKind.Rot => One(LiteralGates.Rot(a[0], a[1], a[2])),
            GateKind.U3 => One(LiteralGates.U3(a[0], a[1], a[2])),
            GateKind.CNOT => Controlled(LiteralGates.X),
            GateKind.CY => Controlled(LiteralGates.Y),
            GateKind.CZ => Controlled(LiteralGates.Z),
            GateKind.SWAP => Embed(LiteralGates.Swap, q),
            GateKind.ISWAP => Embed(LiteralGates.ISwap, q),
            GateKind.CRX => Controlled(LiteralGates.RX(a[0])),
            GateKind.CRY => Controlled(LiteralGates.RY(a[0])),
            GateKind.CRZ => Controlled(LiteralGates.RZ(a[0])),
            GateKind.CPhase => Controlled(LiteralGates.PhaseShift(a[0])),
            GateKind.RXX => Embed(LiteralGates.IsingXX(a[0]), q),
            GateKind.RYY => Embed(LiteralGates.IsingYY(a[0]), q),
            GateKind.RZZ => Embed(LiteralGates.IsingZZ(a[0]), q),
            GateKind.MultiRZ => MultiRZ(a[0], q),
            GateKind.PauliRot => PauliRot(a[0], word ?? throw new ArgumentNullException(nameof(word)), q),
            GateKind.Toffoli => Permutation(j => Bit(j, q[0]) && Bit(j, q[1]) ? j ^ (1 << q[2]) : j),
            GateKind.CSWAP => Permutation(j => Bit(j, q[0]) && Bit(j, q[1]) != Bit(j, q[2]) ? j ^ (1 << q[1]) ^ (1 << q[2]) : j),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown gate."),
        };
    }

    /// <summary>The full matrix of a recorded gate, its angles evaluated for the given weights and inputs.</summary>
    public DenseMatrix GateMatrix(Gate gate, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs)
    {
        var angles = new double[gate.Angles.Length];
        for (int k = 0; k < angles.Length; k++)
        {
            angles[k] = AngleValue(gate.Angles[k], weights, inputs);
        }

        return GateMatrix(gate.Kind, gate.Qubits, angles, gate.PauliWord);
    }

    /// <summary>Scale·w[index] + offset, Scale·x[index] + offset, or the constant.</summary>
    public static double AngleValue(Angle angle, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs) => angle.Source switch
    {
        AngleSource.Constant => angle.Offset,
        AngleSource.Weight => (angle.Scale * weights[angle.Index]) + angle.Offset,
        AngleSource.Input => (angle.Scale * inputs[angle.Index]) + angle.Offset,
        _ => throw new ArgumentOutOfRangeException(nameof(angle)),
    };

    /// <summary>Applies every gate of <paramref name="circuit"/> to <paramref name="initial"/> (default |0…0⟩).</summary>
    public Complex[] Run(Circuit circuit, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Complex[]? initial = null)
    {
        if (circuit.Qubits != Qubits)
        {
            throw new ArgumentException("Qubit count mismatch.", nameof(circuit));
        }

        var psi = initial is null ? BasisState(0) : (Complex[])initial.Clone();
        foreach (var gate in circuit.Gates)
        {
            psi = GateMatrix(gate, weights, inputs).Apply(psi);
        }

        return psi;
    }

    /// <summary>Σ_k c_k P_k + constant·I as a dense matrix, each P_k the Kronecker product of its letters.</summary>
    public DenseMatrix Observable(PauliSum observable)
    {
        var result = observable.Constant * DenseMatrix.Identity(Dimension);
        foreach (var term in observable.Terms)
        {
            if ((term.Support >> Qubits) != 0)
            {
                throw new ArgumentException("The observable acts outside the register.", nameof(observable));
            }

            var factors = new List<(int, DenseMatrix)>();
            for (int q = 0; q < Qubits; q++)
            {
                factors.Add((q, LiteralGates.Pauli(term.PauliOn(q))));
            }

            result += term.Coefficient * Product(factors.ToArray());
        }

        return result;
    }

    /// <summary>⟨ψ|O|ψ⟩ (real part; the imaginary part of a Hermitian O's expectation is rounding).</summary>
    public static double Expectation(DenseMatrix observable, ReadOnlySpan<Complex> psi)
    {
        var o = observable.Apply(psi);
        Complex sum = Complex.Zero;
        for (int i = 0; i < psi.Length; i++)
        {
            sum += Complex.Conjugate(psi[i]) * o[i];
        }

        return sum.Real;
    }

    public double Expectation(PauliSum observable, ReadOnlySpan<Complex> psi) => Expectation(Observable(observable), psi);

    /// <summary>⟨ψ(w, x)|O|ψ(w, x)⟩ from |0…0⟩.</summary>
    public double Evaluate(Circuit circuit, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, PauliSum observable) =>
        Expectation(observable, Run(circuit, weights, inputs));

    /// <summary>MultiRZ(θ) = diag(e^{−iθ z(j)/2}) with z(j) = Π_q (−1)^{bit q of j} over the gate's qubits.</summary>
    private DenseMatrix MultiRZ(double theta, IReadOnlyList<int> qubits)
    {
        var m = new DenseMatrix(Dimension);
        for (int j = 0; j < Dimension; j++)
        {
            int z = 1;
            foreach (int q in qubits)
            {
                if (((j >> q) & 1) != 0)
                {
                    z = -z;
                }
            }

            m[j, j] = Complex.Exp(-Complex.ImaginaryOne * theta * z / 2);
        }

        return m;
    }

    /// <summary>exp(−iθP/2) = cos(θ/2) I − i sin(θ/2) P, since P² = I.</summary>
    private DenseMatrix PauliRot(double theta, string word, IReadOnlyList<int> qubits) =>
        (Complex)Math.Cos(theta / 2) * DenseMatrix.Identity(Dimension)
        + (-Complex.ImaginaryOne * Math.Sin(theta / 2)) * PauliString(word, qubits);
}
