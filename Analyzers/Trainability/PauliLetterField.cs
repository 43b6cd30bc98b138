using System;

namespace NegLR.Analyzers.Trainability;

/// <summary>
/// A mean-field picture of a cost term carried backward through a circuit with random angles: for each qubit, the
/// probability that the evolved Pauli string has I, X, Z or Y there.
/// </summary>
/// <remarks>
/// <para>For circuits of Clifford gates and Pauli rotations exp(−iθG/2) with uniform random θ, the Heisenberg-picture
/// term is a sum over Pauli paths: at each rotation whose generator anticommutes with the string, the path keeps the
/// string or turns it into G·string, each with weight ½ on average (E[cos²θ] = E[sin²θ] = ½, cross terms average to
/// zero). Then E[⟨P⟩²] is the probability that a random path ends on a diagonal string (only I and Z, which
/// ⟨0…0| sees), and E[(∂⟨P⟩/∂w)²] that of the paths that also branched at w's rotation.</para>
/// <para>Tracking every path is exponential, so this keeps only the per-qubit marginals (a product distribution) and
/// re-factorises after each multi-qubit gate: exact for product circuits, an estimate for entangled ones, and cheap —
/// a few dozen operations per gate, no allocation. Constant angles branch with cos²θ and sin²θ; gates that are
/// neither (Toffoli, CSWAP, MultiRZ on more than three qubits) scramble the string over their qubits.</para>
/// </remarks>
internal sealed class PauliLetterField
{
    // Letter index = x | (z << 1): I = 0, X = 1, Z = 2, Y = 3.
    private const int Letters = 4;
    private const int MaxJointQubits = 3;

    // For the two-qubit Clifford gates, the map from (letter on the first qubit, letter on the second) to the conjugated
    // pair, as an index permutation of the 16-entry joint: made once from PauliPropagation, so the two cannot disagree.
    private static readonly int[] CnotTable = TwoQubitTable(GateKind.CNOT);
    private static readonly int[] CzTable = TwoQubitTable(GateKind.CZ);
    private static readonly int[] CyTable = TwoQubitTable(GateKind.CY);
    private static readonly int[] SwapTable = TwoQubitTable(GateKind.SWAP);

    private readonly int _qubits;
    private readonly double[] _p;
    private readonly double[] _joint = new double[64];
    private readonly double[] _next = new double[64];
    private readonly int[] _jointQubits = new int[MaxJointQubits];
    private readonly double[] _first = new double[Letters];
    private readonly double[] _second = new double[Letters];

    // Qubits where the string may act (probability of I below 1): gates elsewhere commute with it.
    private int _active;

    public PauliLetterField(int qubits, int weights)
    {
        _qubits = qubits;
        _p = new double[qubits * Letters];
        Sensitivity = new double[weights];
    }

    /// <summary>Per weight index: the expected number of times a path branched at one of its rotations (times scale²).</summary>
    public double[] Sensitivity { get; }

    /// <summary>Starts over from the Pauli string (<paramref name="x"/>, <paramref name="z"/>).</summary>
    public void Reset(int x, int z)
    {
        Array.Clear(_p, 0, _p.Length);
        Array.Clear(Sensitivity, 0, Sensitivity.Length);
        _active = 0;
        for (int q = 0; q < _qubits; q++)
        {
            int letter = ((x >> q) & 1) | (((z >> q) & 1) << 1);
            _p[(q * Letters) + letter] = 1;
            if (letter != 0)
            {
                _active |= 1 << q;
            }
        }
    }

    /// <summary>Probability that the string is diagonal (I or Z on every qubit): E[⟨P⟩²] for a random initialisation.</summary>
    public double DiagonalProbability
    {
        get
        {
            double product = 1;
            for (int q = 0; q < _qubits; q++)
            {
                product *= _p[q * Letters] + _p[(q * Letters) + 2];
            }

            return product;
        }
    }

    /// <summary>Carries the string backward through <paramref name="gate"/>, whose qubits are <paramref name="mask"/>.</summary>
    public void Apply(Gate gate, int mask)
    {
        if ((mask & _active) == 0)
        {
            // The string is the identity on every qubit of the gate: the gate commutes with it.
            return;
        }

        var q = gate.Qubits;
        var a = gate.Angles;
        switch (gate.Kind)
        {
            case GateKind.I:
            case GateKind.X:
            case GateKind.Y:
            case GateKind.Z:
                return;
            case GateKind.H:
                Swap(q[0], 1, 2);
                return;
            case GateKind.S:
            case GateKind.Sdg:
                Swap(q[0], 1, 3);
                return;
            case GateKind.SX:
                Swap(q[0], 2, 3);
                return;
            case GateKind.RX:
                Rotate1(q[0], 1, a[0], 1);
                return;
            case GateKind.RY:
                Rotate1(q[0], 3, a[0], 1);
                return;
            case GateKind.RZ:
            case GateKind.PhaseShift:
                Rotate1(q[0], 2, a[0], 1);
                return;
            case GateKind.T:
            case GateKind.Tdg:
                Rotate1(q[0], 2, Angle.Constant(Math.PI / 4), 1);
                return;
            case GateKind.Rot:
                // Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ): backward, ω first.
                Rotate1(q[0], 2, a[2], 1);
                Rotate1(q[0], 3, a[1], 1);
                Rotate1(q[0], 2, a[0], 1);
                return;
            case GateKind.U3:
                // U3(θ, φ, λ) = P(φ) RY(θ) P(λ): backward, φ first.
                Rotate1(q[0], 2, a[1], 1);
                Rotate1(q[0], 3, a[0], 1);
                Rotate1(q[0], 2, a[2], 1);
                return;
            case GateKind.RXX:
                RotateJoint(q, Bit(q[0]) | Bit(q[1]), 0, a[0], 1);
                return;
            case GateKind.RYY:
                RotateJoint(q, Bit(q[0]) | Bit(q[1]), Bit(q[0]) | Bit(q[1]), a[0], 1);
                return;
            case GateKind.RZZ:
                RotateJoint(q, 0, Bit(q[0]) | Bit(q[1]), a[0], 1);
                return;
            case GateKind.MultiRZ:
                RotateJoint(q, 0, mask, a[0], 1);
                return;
            case GateKind.PauliRot:
                var (px, pz) = WordMasks(gate);
                RotateJoint(q, px, pz, a[0], 1);
                return;
            case GateKind.CRX:
            case GateKind.CRY:
            case GateKind.CRZ:
            {
                // exp(−iθ(I − Z_c)P_t/4) = exp(−iθP_t/4) · exp(+iθZ_cP_t/4): two commuting rotations at half the angle.
                int tx = gate.Kind == GateKind.CRZ ? 0 : Bit(q[1]);
                int tz = gate.Kind == GateKind.CRX ? 0 : Bit(q[1]);
                RotateJoint(q, tx, tz, a[0], 0.5);
                RotateJoint(q, tx, tz | Bit(q[0]), a[0], 0.5);
                return;
            }

            case GateKind.CPhase:
                // diag(1, 1, 1, e^{iφ}) = RZ_c(φ/2) RZ_t(φ/2) RZZ(−φ/2) up to a global phase.
                Rotate1(q[0], 2, a[0], 0.5);
                Rotate1(q[1], 2, a[0], 0.5);
                RotateJoint(q, 0, Bit(q[0]) | Bit(q[1]), a[0], -0.5);
                return;
            case GateKind.ISWAP:
                // exp(iπ/4 (XX + YY)): two commuting rotations by −π/2, a Clifford gate.
                RotateJoint(q, mask, 0, Angle.Constant(-Math.PI / 2), 1);
                RotateJoint(q, mask, mask, Angle.Constant(-Math.PI / 2), 1);
                return;
            case GateKind.CNOT:
                Permute(q[0], q[1], CnotTable);
                return;
            case GateKind.CZ:
                Permute(q[0], q[1], CzTable);
                return;
            case GateKind.CY:
                Permute(q[0], q[1], CyTable);
                return;
            case GateKind.SWAP:
                Permute(q[0], q[1], SwapTable);
                return;
            default:
                if (!Conjugate(gate))
                {
                    Scramble(gate);
                }

                return;
        }
    }

    private static int Bit(int q) => 1 << q;

    private static int[] TwoQubitTable(GateKind kind)
    {
        var gate = new Gate(kind, System.Collections.Immutable.ImmutableArray.Create(0, 1), System.Collections.Immutable.ImmutableArray<Angle>.Empty);
        var table = new int[16];
        for (int s = 0; s < 16; s++)
        {
            int a = s & 3, b = s >> 2;
            int x = (a & 1) | ((b & 1) << 1), z = (a >> 1) | ((b >> 1) << 1);
            PauliPropagation.TryConjugate(gate, ref x, ref z);
            table[s] = (x & 1) | ((z & 1) << 1) | ((((x >> 1) & 1) | (((z >> 1) & 1) << 1)) << 2);
        }

        return table;
    }

    /// <summary>A two-qubit Clifford gate: the product of the two marginals, permuted, marginalised again.</summary>
    private void Permute(int q0, int q1, int[] table)
    {
        // The same products, added in the same order as a plain 16-step loop; only the branches and the letter lookups
        // are gone (CNOT ladders make this the model's hottest step).
        int o0 = q0 * Letters, o1 = q1 * Letters;
        var a = _first;
        var b = _second;
        for (int l = 0; l < Letters; l++)
        {
            a[l] = _p[o0 + l];
            b[l] = _p[o1 + l];
            _p[o0 + l] = 0;
            _p[o1 + l] = 0;
        }

        for (int s = 0; s < 16; s++)
        {
            double mass = a[s & 3] * b[s >> 2];
            if (mass != 0)
            {
                int t = table[s];
                _p[o0 + (t & 3)] += mass;
                _p[o1 + (t >> 2)] += mass;
            }
        }

        Normalise(q0);
        Normalise(q1);
        UpdateActive(q0);
        UpdateActive(q1);
    }

    /// <summary>
    /// Rescales a qubit's marginal to sum to 1. In exact arithmetic it already does; in floating point the new marginal's
    /// sum is the product of the old ones' sums, so without this a rounding error of 1 ulp compounds along every
    /// entangling ladder — after 40 layers of a 12-qubit ladder the "probabilities" had drifted to 0 or to 10^10.
    /// </summary>
    private void Normalise(int qubit)
    {
        int o = qubit * Letters;
        double sum = _p[o] + _p[o + 1] + _p[o + 2] + _p[o + 3];
        if (sum > 0 && sum != 1)
        {
            double scale = 1 / sum;
            for (int l = 0; l < Letters; l++)
            {
                _p[o + l] *= scale;
            }
        }
    }

    private void Swap(int qubit, int a, int b)
    {
        int o = qubit * Letters;
        (_p[o + a], _p[o + b]) = (_p[o + b], _p[o + a]);
    }

    private static double Keep(Angle angle, double factor) =>
        angle.Source == AngleSource.Constant ? Math.Pow(Math.Cos(angle.Offset * factor), 2) : 0.5;

    /// <summary>
    /// A single-qubit rotation whose generator is letter <paramref name="generator"/>: the two letters that anticommute
    /// with it keep their place with probability cos²φ and swap with sin²φ.
    /// </summary>
    private void Rotate1(int qubit, int generator, Angle angle, double factor)
    {
        int o = qubit * Letters;
        int a = generator == 1 ? 2 : 1, b = generator == 3 ? 2 : 3;
        double pa = _p[o + a], pb = _p[o + b];
        double branched = pa + pb;
        if (branched == 0)
        {
            return;
        }

        double keep = Keep(angle, factor);
        _p[o + a] = (keep * pa) + ((1 - keep) * pb);
        _p[o + b] = (keep * pb) + ((1 - keep) * pa);
        Record(angle, factor, branched);
    }

    /// <summary>A rotation with a multi-qubit generator (gx, gz), on the joint distribution of <paramref name="qubits"/>.</summary>
    private void RotateJoint(System.Collections.Immutable.ImmutableArray<int> qubits, int gx, int gz, Angle angle, double factor)
    {
        if (qubits.Length > MaxJointQubits)
        {
            Scramble(qubits);
            return;
        }

        int k = Factorise(qubits);
        int size = 1 << (2 * k);
        double keep = Keep(angle, factor);
        double branched = 0;
        Array.Clear(_next, 0, size);
        for (int s = 0; s < size; s++)
        {
            double mass = _joint[s];
            if (mass == 0)
            {
                continue;
            }

            int x = 0, z = 0;
            Expand(s, k, ref x, ref z);
            if ((Guard.PopCount((x & gz) ^ (z & gx)) & 1) == 0)
            {
                _next[s] += mass;
                continue;
            }

            branched += mass;
            _next[s] += mass * keep;
            _next[Compress(x ^ gx, z ^ gz, k)] += mass * (1 - keep);
        }

        Marginalise(k, _next);
        if (branched > 0)
        {
            Record(angle, factor, branched);
        }
    }

    private void Record(Angle angle, double factor, double branched)
    {
        if (angle.Source == AngleSource.Weight && angle.Index < Sensitivity.Length)
        {
            double scale = angle.Scale * factor;
            Sensitivity[angle.Index] += branched * scale * scale;
        }
    }

    /// <summary>A Clifford gate on two or three qubits, on the joint of its qubits; false when it is not one.</summary>
    private bool Conjugate(Gate gate)
    {
        int probeX = 0, probeZ = 0;
        if (gate.Qubits.Length > MaxJointQubits || !PauliPropagation.TryConjugate(gate, ref probeX, ref probeZ))
        {
            return false;
        }

        int k = Factorise(gate.Qubits);
        int size = 1 << (2 * k);
        Array.Clear(_next, 0, size);
        for (int s = 0; s < size; s++)
        {
            if (_joint[s] == 0)
            {
                continue;
            }

            int x = 0, z = 0;
            Expand(s, k, ref x, ref z);
            PauliPropagation.TryConjugate(gate, ref x, ref z);
            _next[Compress(x, z, k)] += _joint[s];
        }

        Marginalise(k, _next);
        return true;
    }

    private void Scramble(Gate gate) => Scramble(gate.Qubits);

    /// <summary>A gate this class does not model: a string touching it leaves as a uniformly random non-identity string on its qubits.</summary>
    private void Scramble(System.Collections.Immutable.ImmutableArray<int> qubits)
    {
        double identity = 1;
        foreach (int q in qubits)
        {
            identity *= _p[q * Letters];
        }

        int k = qubits.Length;
        double strings = Math.Pow(4, k) - 1;
        double identityEach = (Math.Pow(4, k - 1) - 1) / strings;
        double touched = 1 - identity;
        foreach (int q in qubits)
        {
            int o = q * Letters;
            _p[o] = identity + (touched * identityEach);
            double other = touched * (1 - identityEach) / 3;
            _p[o + 1] = other;
            _p[o + 2] = other;
            _p[o + 3] = other;
            UpdateActive(q);
        }
    }

    /// <summary>Fills <see cref="_joint"/> with the product of the marginals of <paramref name="qubits"/>; returns their number.</summary>
    private int Factorise(System.Collections.Immutable.ImmutableArray<int> qubits)
    {
        int k = qubits.Length;
        for (int i = 0; i < k; i++)
        {
            _jointQubits[i] = qubits[i];
        }

        int size = 1 << (2 * k);
        for (int s = 0; s < size; s++)
        {
            double mass = 1;
            for (int i = 0; i < k && mass != 0; i++)
            {
                mass *= _p[(_jointQubits[i] * Letters) + ((s >> (2 * i)) & 3)];
            }

            _joint[s] = mass;
        }

        return k;
    }

    private void Marginalise(int k, double[] joint)
    {
        int size = 1 << (2 * k);
        for (int i = 0; i < k; i++)
        {
            Array.Clear(_p, _jointQubits[i] * Letters, Letters);
        }

        for (int s = 0; s < size; s++)
        {
            double mass = joint[s];
            if (mass == 0)
            {
                continue;
            }

            for (int i = 0; i < k; i++)
            {
                _p[(_jointQubits[i] * Letters) + ((s >> (2 * i)) & 3)] += mass;
            }
        }

        for (int i = 0; i < k; i++)
        {
            Normalise(_jointQubits[i]);
            UpdateActive(_jointQubits[i]);
        }
    }

    private void UpdateActive(int q)
    {
        if (_p[q * Letters] < 1)
        {
            _active |= 1 << q;
        }
        else
        {
            _active &= ~(1 << q);
        }
    }

    private void Expand(int s, int k, ref int x, ref int z)
    {
        for (int i = 0; i < k; i++)
        {
            int letter = (s >> (2 * i)) & 3;
            x |= (letter & 1) << _jointQubits[i];
            z |= ((letter >> 1) & 1) << _jointQubits[i];
        }
    }

    private int Compress(int x, int z, int k)
    {
        int s = 0;
        for (int i = 0; i < k; i++)
        {
            int q = _jointQubits[i];
            int letter = ((x >> q) & 1) | (((z >> q) & 1) << 1);
            s |= letter << (2 * i);
        }

        return s;
    }

    private static (int X, int Z) WordMasks(Gate gate)
    {
        int x = 0, z = 0;
        var word = gate.PauliWord ?? "";
        for (int i = 0; i < word.Length && i < gate.Qubits.Length; i++)
        {
            int bit = 1 << gate.Qubits[i];
            if (word[i] is 'X' or 'Y')
            {
                x |= bit;
            }

            if (word[i] is 'Z' or 'Y')
            {
                z |= bit;
            }
        }

        return (x, z);
    }
}
