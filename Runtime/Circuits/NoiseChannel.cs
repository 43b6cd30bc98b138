// Compiled into the Runtime and, as linked source, into the Generator and Analyzers (netstandard2.0), so a channel the
// compile-time reader records is checked, and its matrices computed, by exactly this code: only APIs both targets have.
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;

namespace NegLR;

/// <summary>
/// A noise channel — a completely positive, trace-preserving map on one or two qubits — with its parameters checked
/// and its three equivalent forms: Kraus operators, Pauli probabilities (for Pauli channels) and the Pauli transfer
/// matrix. Place it in a circuit with <see cref="Circuit.Channel(NoiseChannel, int[])"/> or the named methods
/// (<c>c.Depolarizing(q, p)</c>, …), or attach it by rule with a <c>NoiseModel</c>.
/// </summary>
/// <remarks>
/// <para>Conventions (docs/noise.md has the full table against PennyLane and Qiskit):</para>
/// <list type="bullet">
/// <item>Depolarizing(p): ρ → (1 − p)ρ + p/3 (XρX + YρY + ZρZ), as PennyLane's <c>DepolarizingChannel(p)</c>, QuEST and
/// Qulacs. Qiskit's <c>depolarizing_error(λ, 1)</c> is (1 − λ)ρ + λ I/2, the same channel at λ = 4p/3.</item>
/// <item>TwoQubitDepolarizing(p): (1 − p)ρ + p/15 Σ (P⊗Q)ρ(P⊗Q) over the 15 non-identity pairs; Qiskit's λ = 16p/15.</item>
/// <item>GeneralizedAmplitudeDamping(γ, p_e): relaxation with probability γ towards diag(1 − p_e, p_e); p_e is Qiskit's
/// <c>excited_state_population</c> and 1 − PennyLane's <c>p</c>.</item>
/// <item>ThermalRelaxation(T1, T2, t, p_e): ρ11 → e1 ρ11 + p_e (1 − e1), ρ01 → e2 ρ01 with e1 = exp(−t/T1), e2 =
/// exp(−t/T2); Qiskit's argument order; PennyLane puts p_e first.</item>
/// </list>
/// <para>Two-qubit matrices are in textbook order: the channel's first qubit is the more significant bit of the local
/// index. Pauli letters are numbered I = 0, X = 1, Y = 2, Z = 3; a two-qubit word with letter l0 on the first qubit and
/// l1 on the second has index 4·l0 + l1. The Pauli transfer matrix is R_ij = Tr(P_i E(P_j)) / d, row-major, in that
/// order.</para>
/// </remarks>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed partial class NoiseChannel : IEquatable<NoiseChannel>
{
    /// <summary>How far Σ K†K may be from the identity (largest entry) for <see cref="FromKraus(IReadOnlyList{Complex[,]}, double)"/>.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>The 15 non-identity two-qubit Pauli words, in the order <see cref="TwoQubitPauliChannel"/> takes probabilities.</summary>
    public static ImmutableArray<string> TwoQubitPauliWords { get; } = BuildWords();

    private NoiseChannel(ChannelKind kind, int qubits, ImmutableArray<double> parameters, ImmutableArray<double> pauliProbabilities,
        ImmutableArray<ImmutableArray<Complex>> kraus, double[] transfer)
    {
        Kind = kind;
        Qubits = qubits;
        Parameters = parameters;
        PauliProbabilities = pauliProbabilities;
        KrausOperators = kraus;
        PauliTransferMatrix = ImmutableArray.Create(transfer);
    }

    /// <summary>Which channel this is.</summary>
    public ChannelKind Kind { get; }

    /// <summary>Number of qubits the channel acts on: 1 or 2.</summary>
    public int Qubits { get; }

    /// <summary>The parameters in the order the factory method takes them (empty for <see cref="ChannelKind.Kraus"/>).</summary>
    public ImmutableArray<double> Parameters { get; }

    /// <summary>The names of <see cref="Parameters"/>, as the factory method's parameters are named.</summary>
    public ImmutableArray<string> ParameterNames => NamesOf(Kind);

    /// <summary>True for a Pauli channel: a mixture of Pauli operators with fixed probabilities (<see cref="PauliProbabilities"/>).</summary>
    public bool IsPauliChannel => !PauliProbabilities.IsDefaultOrEmpty;

    /// <summary>
    /// For a Pauli channel, the probability of each Pauli word, 4^k entries in word order (index 0 is the identity);
    /// empty otherwise.
    /// </summary>
    public ImmutableArray<double> PauliProbabilities { get; }

    /// <summary>Kraus operators K_k with E(ρ) = Σ K_k ρ K_k†, each 2^k × 2^k row-major in textbook order.</summary>
    public ImmutableArray<ImmutableArray<Complex>> KrausOperators { get; }

    /// <summary>The Pauli transfer matrix R_ij = Tr(P_i E(P_j)) / 2^k, 4^k × 4^k row-major, Paulis in word order.</summary>
    public ImmutableArray<double> PauliTransferMatrix { get; }

    /// <summary>True when the channel maps the maximally mixed state to itself (every Pauli channel; not damping or reset).</summary>
    public bool IsUnital
    {
        get
        {
            int dd = 1 << (2 * Qubits);
            for (int i = 1; i < dd; i++)
            {
                if (PauliTransferMatrix[i * dd] != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Depolarizing channel ρ → (1 − p)ρ + p/3 (XρX + YρY + ZρZ) (PennyLane's <c>DepolarizingChannel(p)</c>; Qiskit's
    /// <c>depolarizing_error(λ, 1)</c> with λ = 4p/3). A Pauli string's expectation shrinks by 1 − 4p/3 per qubit it
    /// acts on.
    /// </summary>
    /// <param name="p">Probability of an error, 0 to 1 (p = 3/4 is the fully depolarizing channel).</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel Depolarizing(double p)
    {
        RequireProbability(p, nameof(p), "Depolarizing", " (Qiskit's depolarizing_error(λ, 1) is this channel at p = 3λ/4)");
        return Pauli1(ChannelKind.Depolarizing, ImmutableArray.Create(p), p / 3, p / 3, p / 3);
    }

    /// <summary>Bit flip ρ → (1 − p)ρ + p XρX (PennyLane's <c>BitFlip(p)</c>, Qiskit's <c>pauli_error([("X", p), ("I", 1 − p)])</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel BitFlip(double p)
    {
        RequireProbability(p, nameof(p), "BitFlip", string.Empty);
        return Pauli1(ChannelKind.BitFlip, ImmutableArray.Create(p), p, 0, 0);
    }

    /// <summary>Phase flip ρ → (1 − p)ρ + p ZρZ (PennyLane's <c>PhaseFlip(p)</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel PhaseFlip(double p)
    {
        RequireProbability(p, nameof(p), "PhaseFlip", string.Empty);
        return Pauli1(ChannelKind.PhaseFlip, ImmutableArray.Create(p), 0, 0, p);
    }

    /// <summary>Bit-phase flip ρ → (1 − p)ρ + p YρY.</summary>
    /// <exception cref="ArgumentException"><paramref name="p"/> is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel BitPhaseFlip(double p)
    {
        RequireProbability(p, nameof(p), "BitPhaseFlip", string.Empty);
        return Pauli1(ChannelKind.BitPhaseFlip, ImmutableArray.Create(p), 0, p, 0);
    }

    /// <summary>
    /// General Pauli channel ρ → (1 − pX − pY − pZ)ρ + pX XρX + pY YρY + pZ ZρZ (PennyLane's <c>PauliError</c> summed,
    /// Qiskit's <c>pauli_error</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A probability is NaN, negative, or they add up to more than 1.</exception>
    public static NoiseChannel PauliChannel(double pX, double pY, double pZ)
    {
        RequireProbability(pX, nameof(pX), "PauliChannel", string.Empty);
        RequireProbability(pY, nameof(pY), "PauliChannel", string.Empty);
        RequireProbability(pZ, nameof(pZ), "PauliChannel", string.Empty);
        RequireTotal(pX + pY + pZ, nameof(pZ), "PauliChannel's pX + pY + pZ");
        return Pauli1(ChannelKind.PauliChannel, ImmutableArray.Create(pX, pY, pZ), pX, pY, pZ);
    }

    /// <summary>
    /// Amplitude damping: K0 = [[1, 0], [0, √(1 − γ)]], K1 = [[0, √γ], [0, 0]] (PennyLane's <c>AmplitudeDamping(γ)</c>,
    /// Qiskit's <c>amplitude_damping_error(γ)</c>): ρ11 → (1 − γ) ρ11, ρ01 → √(1 − γ) ρ01.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="gamma"/> is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel AmplitudeDamping(double gamma)
    {
        RequireProbability(gamma, nameof(gamma), "AmplitudeDamping", string.Empty);
        return Damping(ChannelKind.AmplitudeDamping, ImmutableArray.Create(gamma), gamma, 0, 0);
    }

    /// <summary>
    /// Generalized amplitude damping: relaxation with probability γ towards the thermal state diag(1 − p_e, p_e).
    /// ρ11 → (1 − γ) ρ11 + γ p_e, ρ01 → √(1 − γ) ρ01. <paramref name="excitedPopulation"/> is Qiskit's
    /// <c>excited_state_population</c>; PennyLane's <c>GeneralizedAmplitudeDamping(γ, p)</c> has p = 1 − p_e.
    /// </summary>
    /// <exception cref="ArgumentException">A parameter is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel GeneralizedAmplitudeDamping(double gamma, double excitedPopulation)
    {
        RequireProbability(gamma, nameof(gamma), "GeneralizedAmplitudeDamping", string.Empty);
        RequireProbability(excitedPopulation, nameof(excitedPopulation), "GeneralizedAmplitudeDamping",
            " (PennyLane's GeneralizedAmplitudeDamping p is 1 − excitedPopulation)");
        return Damping(ChannelKind.GeneralizedAmplitudeDamping, ImmutableArray.Create(gamma, excitedPopulation), gamma, excitedPopulation, 0);
    }

    /// <summary>
    /// Phase damping: K0 = [[1, 0], [0, √(1 − γ)]], K1 = [[0, 0], [0, √γ]] (PennyLane's <c>PhaseDamping(γ)</c>, Qiskit's
    /// <c>phase_damping_error(γ)</c>): populations stay, ρ01 → √(1 − γ) ρ01.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="gamma"/> is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel PhaseDamping(double gamma)
    {
        RequireProbability(gamma, nameof(gamma), "PhaseDamping", string.Empty);
        return Damping(ChannelKind.PhaseDamping, ImmutableArray.Create(gamma), 0, 0, gamma);
    }

    /// <summary>
    /// Thermal relaxation for a gate of duration <paramref name="time"/> (Qiskit's
    /// <c>thermal_relaxation_error(T1, T2, time, excited_state_population)</c>; PennyLane's <c>ThermalRelaxationError(pe,
    /// t1, t2, tg)</c> takes p_e first). With e1 = exp(−t/T1) and e2 = exp(−t/T2): ρ11 → e1 ρ11 + p_e (1 − e1) and
    /// ρ01 → e2 ρ01. It equals generalized amplitude damping (γ = 1 − e1, p_e) followed by phase damping
    /// (γ = 1 − e2²/e1). Times in any one unit; T1 and T2 may be +∞ (no relaxation, no dephasing).
    /// </summary>
    /// <exception cref="ArgumentException">T1 or T2 is not positive, T2 &gt; 2·T1, the time is negative, or the excited
    /// population is outside [0, 1]; any of them NaN.</exception>
    public static NoiseChannel ThermalRelaxation(double t1, double t2, double time, double excitedPopulation = 0)
    {
        RequirePositiveTime(t1, nameof(t1), "T1");
        RequirePositiveTime(t2, nameof(t2), "T2");
        if (t2 > 2 * t1)
        {
            throw new ArgumentException(Invariant(
                $"T2 = {t2:R} exceeds 2·T1 = {2 * t1:R}: a qubit cannot dephase more slowly than twice its relaxation time, so ThermalRelaxation needs T2 ≤ 2·T1."), nameof(t2));
        }

        if (!Guard.IsFinite(time) || time < 0)
        {
            throw new ArgumentException(Invariant($"time = {time:R}: the gate duration must be a finite number of 0 or more (in the unit of T1 and T2)."), nameof(time));
        }

        RequireProbability(excitedPopulation, nameof(excitedPopulation), "ThermalRelaxation", string.Empty);
        double e1 = Math.Exp(-time / t1), e2 = Math.Exp(-time / t2);
        // T2 ≤ 2·T1 means e2² ≤ e1; rounding can put the ratio a hair above 1, and e1 can underflow to 0 (then e2 did too).
        double dephasing = e1 > 0 ? Math.Min(1, Math.Max(0, 1 - (e2 * e2 / e1))) : 1;
        return Damping(ChannelKind.ThermalRelaxation, ImmutableArray.Create(t1, t2, time, excitedPopulation), 1 - e1, excitedPopulation, dephasing,
            transferOverride: (e1, e2));
    }

    /// <summary>
    /// Reset error ρ → (1 − p0 − p1)ρ + p0 |0⟩⟨0| + p1 |1⟩⟨1| (Qiskit's <c>reset_error(p0, p1)</c>, PennyLane's
    /// <c>ResetError(p0, p1)</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A probability is NaN, negative, or p0 + p1 &gt; 1.</exception>
    public static NoiseChannel ResetError(double p0, double p1)
    {
        RequireProbability(p0, nameof(p0), "ResetError", string.Empty);
        RequireProbability(p1, nameof(p1), "ResetError", string.Empty);
        RequireTotal(p0 + p1, nameof(p1), "ResetError's p0 + p1");
        double keep = Math.Max(0, 1 - p0 - p1);
        var kraus = NonZero(
            Scaled(Math.Sqrt(keep), ChannelMath.M2(1, 0, 0, 1)),
            ChannelMath.M2(Math.Sqrt(p0), 0, 0, 0),
            ChannelMath.M2(0, Math.Sqrt(p0), 0, 0),
            ChannelMath.M2(0, 0, Math.Sqrt(p1), 0),
            ChannelMath.M2(0, 0, 0, Math.Sqrt(p1)));
        // I → I + (p0 − p1) Z; X, Y, Z shrink by the probability of keeping the state.
        var transfer = Diagonal4(1, keep, keep, keep);
        transfer[12] = p0 - p1;
        return new NoiseChannel(ChannelKind.ResetError, 1, ImmutableArray.Create(p0, p1), default, kraus, transfer);
    }

    /// <summary>
    /// Two-qubit depolarizing channel ρ → (1 − p)ρ + p/15 Σ (P⊗Q)ρ(P⊗Q) over the 15 non-identity pairs (QuEST's
    /// <c>mixTwoQubitDepolarising</c>, PennyLane's convention; Qiskit's <c>depolarizing_error(λ, 2)</c> at λ = 16p/15).
    /// </summary>
    /// <param name="p">Probability of an error, 0 to 1 (p = 15/16 is fully depolarizing).</param>
    /// <exception cref="ArgumentException"><paramref name="p"/> is NaN, infinite or outside [0, 1].</exception>
    public static NoiseChannel TwoQubitDepolarizing(double p)
    {
        RequireProbability(p, nameof(p), "TwoQubitDepolarizing", " (Qiskit's depolarizing_error(λ, 2) is this channel at p = 15λ/16)");
        var probabilities = new double[16];
        for (int w = 1; w < 16; w++)
        {
            probabilities[w] = p / 15;
        }

        probabilities[0] = 1 - p;
        return PauliK(ChannelKind.TwoQubitDepolarizing, 2, ImmutableArray.Create(p), probabilities);
    }

    /// <summary>
    /// Two-qubit Pauli channel: the 15 probabilities of the non-identity words in the order of
    /// <see cref="TwoQubitPauliWords"/> (IX, IY, IZ, XI, XX, …, ZZ; the first letter acts on the channel's first qubit);
    /// the identity gets the rest.
    /// </summary>
    /// <exception cref="ArgumentException">Not 15 probabilities, one NaN or negative, or their sum above 1.</exception>
    public static NoiseChannel TwoQubitPauliChannel(IReadOnlyList<double> probabilities)
    {
        Guard.NotNull(probabilities, nameof(probabilities));
        if (probabilities.Count != 15)
        {
            throw new ArgumentException(Invariant(
                $"TwoQubitPauliChannel takes 15 probabilities, one per non-identity word (IX, IY, IZ, XI, …, ZZ), but {probabilities.Count} were given."), nameof(probabilities));
        }

        var all = new double[16];
        double total = 0;
        for (int w = 1; w < 16; w++)
        {
            double p = probabilities[w - 1];
            if (!Guard.IsFinite(p) || p < 0 || p > 1)
            {
                throw new ArgumentException(Invariant(
                    $"probabilities[{w - 1}] (word {TwoQubitPauliWords[w - 1]}) = {p:R} is not a probability between 0 and 1."), nameof(probabilities));
            }

            all[w] = p;
            total += p;
        }

        RequireTotal(total, nameof(probabilities), "TwoQubitPauliChannel's probabilities");
        all[0] = Math.Max(0, 1 - total);
        var parameters = new double[15];
        for (int w = 0; w < 15; w++)
        {
            parameters[w] = probabilities[w];
        }

        return PauliK(ChannelKind.TwoQubitPauliChannel, 2, ImmutableArray.Create(parameters), all);
    }

    /// <summary>
    /// A channel on one qubit (2×2 operators) or two qubits (4×4, textbook order) from its Kraus operators, E(ρ) = Σ K ρ K†.
    /// A Kraus set is completely positive by construction; it must also be trace preserving, Σ K†K = I within
    /// <paramref name="tolerance"/> (largest entry), or an <see cref="ArgumentException"/> says by how much it fails.
    /// </summary>
    /// <exception cref="ArgumentException">No operators, a non-square or wrongly sized one, a non-finite entry, or Σ K†K ≠ I.</exception>
    public static NoiseChannel FromKraus(IReadOnlyList<Complex[,]> operators, double tolerance = DefaultTolerance)
    {
        Guard.NotNull(operators, nameof(operators));
        if (!(tolerance >= 0) || !Guard.IsFinite(tolerance))
        {
            throw new ArgumentException(Invariant($"tolerance = {tolerance:R} must be a finite number of 0 or more."), nameof(tolerance));
        }

        if (operators.Count == 0 || operators.Count > MaxKrausOperators)
        {
            throw new ArgumentException(Invariant(
                $"A Kraus channel needs 1 to {MaxKrausOperators} operators, but {operators.Count} were given."), nameof(operators));
        }

        int d = -1;
        var kraus = ImmutableArray.CreateBuilder<ImmutableArray<Complex>>(operators.Count);
        for (int k = 0; k < operators.Count; k++)
        {
            var op = operators[k] ?? throw new ArgumentException(Invariant($"operators[{k}] is null."), nameof(operators));
            int rows = op.GetLength(0), columns = op.GetLength(1);
            if (rows != columns || (rows != 2 && rows != 4))
            {
                throw new ArgumentException(Invariant(
                    $"operators[{k}] is {rows}×{columns}; a Kraus operator is 2×2 (one qubit) or 4×4 (two qubits)."), nameof(operators));
            }

            if (d >= 0 && rows != d)
            {
                throw new ArgumentException(Invariant(
                    $"operators[{k}] is {rows}×{rows} but operators[0] is {d}×{d}; every operator of a channel has the same size."), nameof(operators));
            }

            d = rows;
            var flat = ImmutableArray.CreateBuilder<Complex>(d * d);
            for (int i = 0; i < d; i++)
            {
                for (int j = 0; j < d; j++)
                {
                    var z = op[i, j];
                    if (!Guard.IsFinite(z.Real) || !Guard.IsFinite(z.Imaginary))
                    {
                        throw new ArgumentException(Invariant($"operators[{k}][{i}, {j}] = {z} is not a finite number."), nameof(operators));
                    }

                    flat.Add(z);
                }
            }

            kraus.Add(flat.MoveToImmutable());
        }

        var set = kraus.MoveToImmutable();
        var (deviation, row, column) = ChannelMath.TracePreservationError(set, d);
        if (deviation > tolerance)
        {
            throw new ArgumentException(Invariant(
                $"The Kraus operators are not trace preserving: Σ K†K differs from the identity by {deviation:G3} at entry ({row}, {column}) (tolerance {tolerance:G3}). A channel needs Σ K†K = I; a set that sums to less is missing an operator."),
                nameof(operators));
        }

        int qubits = d == 2 ? 1 : 2;
        return new NoiseChannel(ChannelKind.Kraus, qubits, ImmutableArray<double>.Empty, default, set, ChannelMath.TransferMatrix(set, qubits));
    }

    /// <summary>A channel from Kraus operators (see <see cref="FromKraus(IReadOnlyList{Complex[,]}, double)"/>), default tolerance.</summary>
    public static NoiseChannel FromKraus(params Complex[][,] operators) => FromKraus((IReadOnlyList<Complex[,]>)operators);

    /// <summary>The most Kraus operators a channel may have (a two-qubit channel needs at most 16).</summary>
    public const int MaxKrausOperators = 64;

    /// <inheritdoc/>
    public bool Equals(NoiseChannel? other)
    {
        if (other is null || Kind != other.Kind || Qubits != other.Qubits || !Parameters.SequenceEqual(other.Parameters))
        {
            return false;
        }

        if (Kind != ChannelKind.Kraus)
        {
            return true;
        }

        if (KrausOperators.Length != other.KrausOperators.Length)
        {
            return false;
        }

        for (int k = 0; k < KrausOperators.Length; k++)
        {
            if (!KrausOperators[k].SequenceEqual(other.KrausOperators[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NoiseChannel);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        int hash = Guard.Combine((int)Kind, Qubits);
        foreach (double p in Parameters)
        {
            hash = Guard.Combine(hash, p.GetHashCode());
        }

        return hash;
    }

    /// <summary>Text such as <c>Depolarizing(p=0.001)</c> or <c>Kraus(2 operators, 1 qubit)</c> (invariant culture).</summary>
    public override string ToString()
    {
        if (Kind == ChannelKind.Kraus)
        {
            return Invariant($"Kraus({KrausOperators.Length} operators, {Qubits} qubit{(Qubits == 1 ? string.Empty : "s")})");
        }

        var sb = new StringBuilder(Kind.ToString()).Append('(');
        var names = ParameterNames;
        for (int i = 0; i < Parameters.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(names[i]).Append('=').Append(Parameters[i].ToString("R", CultureInfo.InvariantCulture));
        }

        return sb.Append(')').ToString();
    }

    private static NoiseChannel Pauli1(ChannelKind kind, ImmutableArray<double> parameters, double pX, double pY, double pZ) =>
        PauliK(kind, 1, parameters, new[] { Math.Max(0, 1 - pX - pY - pZ), pX, pY, pZ });

    private static NoiseChannel PauliK(ChannelKind kind, int qubits, ImmutableArray<double> parameters, double[] probabilities)
    {
        var kraus = ImmutableArray.CreateBuilder<ImmutableArray<Complex>>();
        for (int w = 0; w < probabilities.Length; w++)
        {
            if (probabilities[w] > 0)
            {
                kraus.Add(Scaled(Math.Sqrt(probabilities[w]), ImmutableArray.Create(ChannelMath.PauliWord(qubits, w))));
            }
        }

        // A Pauli channel with every probability zero is impossible (the identity takes the rest), so kraus is non-empty.
        return new NoiseChannel(kind, qubits, parameters, ImmutableArray.Create(probabilities), kraus.ToImmutable(),
            ChannelMath.PauliChannelTransfer(probabilities, qubits));
    }

    /// <summary>
    /// Generalized amplitude damping (γ, p_e) followed by phase damping (λ): amplitude damping, GAD, phase damping and
    /// thermal relaxation are all this family. The transfer matrix is written in closed form: X, Y shrink by
    /// √(1 − γ)·√(1 − λ), Z by 1 − γ, and I gains γ(1 − 2p_e) Z.
    /// </summary>
    private static NoiseChannel Damping(ChannelKind kind, ImmutableArray<double> parameters, double gamma, double excited, double lambda,
        (double E1, double E2)? transferOverride = null)
    {
        double keep = Math.Sqrt(1 - gamma);
        double ground = 1 - excited;
        var damping = new List<ImmutableArray<Complex>>
        {
            Scaled(Math.Sqrt(ground), ChannelMath.M2(1, 0, 0, keep)),
            Scaled(Math.Sqrt(ground), ChannelMath.M2(0, Math.Sqrt(gamma), 0, 0)),
            Scaled(Math.Sqrt(excited), ChannelMath.M2(keep, 0, 0, 1)),
            Scaled(Math.Sqrt(excited), ChannelMath.M2(0, 0, Math.Sqrt(gamma), 0)),
        };
        var dephasing = new[] { ChannelMath.M2(1, 0, 0, Math.Sqrt(1 - lambda)), ChannelMath.M2(0, 0, 0, Math.Sqrt(lambda)) };
        var kraus = new List<ImmutableArray<Complex>>();
        foreach (var dp in dephasing)
        {
            foreach (var g in damping)
            {
                kraus.Add(ImmutableArray.Create(ChannelMath.Multiply(ChannelMath.ToArray(dp), ChannelMath.ToArray(g), 2)));
            }
        }

        double coherence, population;
        if (transferOverride is { } e)
        {
            // Thermal relaxation: written from e1, e2 directly so ⟨Z⟩ and the coherences decay by exactly the T1/T2 factors.
            coherence = e.E2;
            population = e.E1;
        }
        else
        {
            coherence = keep * Math.Sqrt(1 - lambda);
            population = 1 - gamma;
        }

        var transfer = Diagonal4(1, coherence, coherence, population);
        transfer[12] = (1 - population) * (1 - (2 * excited));
        return new NoiseChannel(kind, 1, parameters, default, NonZero(kraus.ToArray()), transfer);
    }

    private static double[] Diagonal4(double i, double x, double y, double z)
    {
        var m = new double[16];
        m[0] = i;
        m[5] = x;
        m[10] = y;
        m[15] = z;
        return m;
    }

    private static ImmutableArray<Complex> Scaled(double factor, ImmutableArray<Complex> m)
    {
        var b = ImmutableArray.CreateBuilder<Complex>(m.Length);
        foreach (var z in m)
        {
            b.Add(factor * z);
        }

        return b.MoveToImmutable();
    }

    private static ImmutableArray<ImmutableArray<Complex>> NonZero(params ImmutableArray<Complex>[] operators)
    {
        var b = ImmutableArray.CreateBuilder<ImmutableArray<Complex>>();
        foreach (var op in operators)
        {
            foreach (var z in op)
            {
                if (z != Complex.Zero)
                {
                    b.Add(op);
                    break;
                }
            }
        }

        return b.ToImmutable();
    }

    private static void RequireProbability(double value, string paramName, string channel, string hint)
    {
        if (double.IsNaN(value))
        {
            throw new ArgumentException(Invariant($"{paramName} is NaN; {channel} needs a probability between 0 and 1."), paramName);
        }

        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException(Invariant($"{paramName} = {value:R} is outside [0, 1]: {channel} needs a probability between 0 and 1{hint}."), paramName);
        }
    }

    private static void RequireTotal(double total, string paramName, string what)
    {
        // A sum such as 0.1 + 0.2 + 0.7 may round a hair above 1; more than that is a mistake.
        if (total > 1 + 1e-12)
        {
            throw new ArgumentException(Invariant($"{what} add up to {total:R}, more than 1; the identity needs the remaining probability."), paramName);
        }
    }

    private static void RequirePositiveTime(double value, string paramName, string label)
    {
        if (double.IsNaN(value) || !(value > 0))
        {
            throw new ArgumentException(Invariant(
                $"{label} = {value:R}: ThermalRelaxation needs a positive time (+∞ for none), in the same unit as the gate time."), paramName);
        }
    }

    private static ImmutableArray<string> NamesOf(ChannelKind kind) => kind switch
    {
        ChannelKind.Depolarizing or ChannelKind.BitFlip or ChannelKind.PhaseFlip or ChannelKind.BitPhaseFlip
            or ChannelKind.TwoQubitDepolarizing => ImmutableArray.Create("p"),
        ChannelKind.PauliChannel => ImmutableArray.Create("pX", "pY", "pZ"),
        ChannelKind.AmplitudeDamping or ChannelKind.PhaseDamping => ImmutableArray.Create("gamma"),
        ChannelKind.GeneralizedAmplitudeDamping => ImmutableArray.Create("gamma", "excitedPopulation"),
        ChannelKind.ThermalRelaxation => ImmutableArray.Create("t1", "t2", "time", "excitedPopulation"),
        ChannelKind.ResetError => ImmutableArray.Create("p0", "p1"),
        ChannelKind.TwoQubitPauliChannel => TwoQubitPauliWords.Select(w => "p" + w).ToImmutableArray(),
        _ => ImmutableArray<string>.Empty,
    };

    private static ImmutableArray<string> BuildWords()
    {
        var b = ImmutableArray.CreateBuilder<string>(15);
        for (int w = 1; w < 16; w++)
        {
            b.Add(new string(new[] { ChannelMath.Letters[w >> 2], ChannelMath.Letters[w & 3] }));
        }

        return b.MoveToImmutable();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
