using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace NegLR;

/// <summary>
/// Records a parameterised circuit: gates on qubits with angles that are constants, trainable weights
/// (<see cref="Weight()"/>, <see cref="Weight(int)"/>), data inputs (<see cref="Input(int)"/>) or affine forms of one of them.
/// </summary>
/// <remarks>
/// This is the type a <c>[Circuit]</c> method takes: the same body runs in the source generator at compile time and
/// here at run time, where the recorded gates feed the <see cref="CircuitInterpreter"/>.
/// Qubit 0 is the least-significant bit of a basis-state index. Every method checks its arguments and throws an
/// <see cref="ArgumentException"/> naming the problem, so a bad circuit fails where it is written.
/// </remarks>
#if NEGLR_LINKED
internal
#else
public
#endif
sealed partial class Circuit
{
    /// <summary>The largest register a state vector can hold (2^30 amplitudes, 16 GiB).</summary>
    public const int MaxQubits = 30;

    private readonly List<Gate> _gates = new();

    /// <summary>Creates an empty circuit on <paramref name="qubits"/> qubits (1 to <see cref="MaxQubits"/>).</summary>
    public Circuit(int qubits)
    {
        if (qubits < 1 || qubits > MaxQubits)
        {
            throw new ArgumentOutOfRangeException(nameof(qubits), qubits, $"A circuit needs 1 to {MaxQubits} qubits.");
        }

        Qubits = qubits;
    }

    /// <summary>Number of qubits.</summary>
    public int Qubits { get; }

    /// <summary>Number of trainable weights: one more than the highest weight index used.</summary>
    public int WeightCount { get; private set; }

    /// <summary>Number of data inputs: one more than the highest input index used.</summary>
    public int InputCount { get; private set; }

    /// <summary>The recorded gates, in order.</summary>
    public IReadOnlyList<Gate> Gates => _gates;

    /// <summary>A fresh trainable weight: index <see cref="WeightCount"/>, which then grows by one.</summary>
    public Angle Weight() => Weight(WeightCount);

    /// <summary>Trainable weight <paramref name="index"/>, shared by every gate that names it (e.g. QAOA's γ per layer).</summary>
    public Angle Weight(int index)
    {
        var angle = Angle.OfWeight(index);
        WeightCount = Math.Max(WeightCount, index + 1);
        return angle;
    }

    /// <summary>Data feature <paramref name="index"/> (not trained).</summary>
    public Angle Input(int index)
    {
        var angle = Angle.OfInput(index);
        InputCount = Math.Max(InputCount, index + 1);
        return angle;
    }

    /// <summary>Identity on <paramref name="qubit"/>.</summary>
    public Circuit I(int qubit) => Add(GateKind.I, qubit);

    /// <summary>Pauli X on <paramref name="qubit"/>.</summary>
    public Circuit X(int qubit) => Add(GateKind.X, qubit);

    /// <summary>Pauli Y on <paramref name="qubit"/>.</summary>
    public Circuit Y(int qubit) => Add(GateKind.Y, qubit);

    /// <summary>Pauli Z on <paramref name="qubit"/>.</summary>
    public Circuit Z(int qubit) => Add(GateKind.Z, qubit);

    /// <summary>Hadamard on <paramref name="qubit"/>.</summary>
    public Circuit H(int qubit) => Add(GateKind.H, qubit);

    /// <summary>S = diag(1, i) on <paramref name="qubit"/>.</summary>
    public Circuit S(int qubit) => Add(GateKind.S, qubit);

    /// <summary>S† on <paramref name="qubit"/>.</summary>
    public Circuit Sdg(int qubit) => Add(GateKind.Sdg, qubit);

    /// <summary>T = diag(1, e^{iπ/4}) on <paramref name="qubit"/>.</summary>
    public Circuit T(int qubit) => Add(GateKind.T, qubit);

    /// <summary>T† on <paramref name="qubit"/>.</summary>
    public Circuit Tdg(int qubit) => Add(GateKind.Tdg, qubit);

    /// <summary>√X on <paramref name="qubit"/>.</summary>
    public Circuit SX(int qubit) => Add(GateKind.SX, qubit);

    /// <summary>RX(θ) = exp(−iθX/2) on <paramref name="qubit"/>.</summary>
    public Circuit RX(int qubit, Angle theta) => Add(GateKind.RX, qubit, theta);

    /// <summary>RY(θ) = exp(−iθY/2) on <paramref name="qubit"/>.</summary>
    public Circuit RY(int qubit, Angle theta) => Add(GateKind.RY, qubit, theta);

    /// <summary>RZ(θ) = exp(−iθZ/2) on <paramref name="qubit"/>.</summary>
    public Circuit RZ(int qubit, Angle theta) => Add(GateKind.RZ, qubit, theta);

    /// <summary>PhaseShift(φ) = diag(1, e^{iφ}) on <paramref name="qubit"/> (Qiskit's P, OpenQASM's u1).</summary>
    public Circuit PhaseShift(int qubit, Angle phi) => Add(GateKind.PhaseShift, qubit, phi);

    /// <summary>Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ) on <paramref name="qubit"/> (PennyLane's Rot).</summary>
    public Circuit Rot(int qubit, Angle phi, Angle theta, Angle omega) =>
        AppendNamed(GateKind.Rot, Qs(qubit), ImmutableArray.Create(phi, theta, omega));

    /// <summary>U3(θ, φ, λ) on <paramref name="qubit"/> (Qiskit's U, OpenQASM 3's U).</summary>
    public Circuit U3(int qubit, Angle theta, Angle phi, Angle lambda) =>
        AppendNamed(GateKind.U3, Qs(qubit), ImmutableArray.Create(theta, phi, lambda));

    /// <summary>Controlled NOT with <paramref name="control"/> and <paramref name="target"/>.</summary>
    public Circuit CNOT(int control, int target) => Add(GateKind.CNOT, control, target);

    /// <summary>Controlled NOT (Qiskit's name for <see cref="CNOT"/>).</summary>
    public Circuit CX(int control, int target) => CNOT(control, target);

    /// <summary>Controlled Y.</summary>
    public Circuit CY(int control, int target) => Add(GateKind.CY, control, target);

    /// <summary>Controlled Z.</summary>
    public Circuit CZ(int control, int target) => Add(GateKind.CZ, control, target);

    /// <summary>Exchanges qubits <paramref name="a"/> and <paramref name="b"/>.</summary>
    public Circuit SWAP(int a, int b) => Add(GateKind.SWAP, a, b);

    /// <summary>iSWAP on qubits <paramref name="a"/> and <paramref name="b"/>.</summary>
    public Circuit ISWAP(int a, int b) => Add(GateKind.ISWAP, a, b);

    /// <summary>Controlled RX(θ).</summary>
    public Circuit CRX(int control, int target, Angle theta) => Add(GateKind.CRX, control, target, theta);

    /// <summary>Controlled RY(θ).</summary>
    public Circuit CRY(int control, int target, Angle theta) => Add(GateKind.CRY, control, target, theta);

    /// <summary>Controlled RZ(θ).</summary>
    public Circuit CRZ(int control, int target, Angle theta) => Add(GateKind.CRZ, control, target, theta);

    /// <summary>Controlled phase diag(1, 1, 1, e^{iφ}) (Qiskit's CP, OpenQASM's cu1).</summary>
    public Circuit CPhase(int control, int target, Angle phi) => Add(GateKind.CPhase, control, target, phi);

    /// <summary>RXX(θ) = exp(−iθ X⊗X/2) (PennyLane's IsingXX).</summary>
    public Circuit RXX(int a, int b, Angle theta) => Add(GateKind.RXX, a, b, theta);

    /// <summary>RYY(θ) = exp(−iθ Y⊗Y/2) (PennyLane's IsingYY).</summary>
    public Circuit RYY(int a, int b, Angle theta) => Add(GateKind.RYY, a, b, theta);

    /// <summary>RZZ(θ) = exp(−iθ Z⊗Z/2) (PennyLane's IsingZZ).</summary>
    public Circuit RZZ(int a, int b, Angle theta) => Add(GateKind.RZZ, a, b, theta);

    /// <summary>MultiRZ(θ) = exp(−iθ Z⊗…⊗Z/2) on <paramref name="qubits"/>.</summary>
    public Circuit MultiRZ(Angle theta, params int[] qubits)
    {
        Guard.NotNull(qubits, nameof(qubits));
        if (qubits.Length == 0)
        {
            throw new ArgumentException("MultiRZ needs at least one qubit.", nameof(qubits));
        }

        return AppendNamed(GateKind.MultiRZ, ImmutableArray.Create(qubits), ImmutableArray.Create(theta));
    }

    /// <summary>
    /// PauliRot(θ, word) = exp(−iθP/2), where letter k of <paramref name="word"/> (I, X, Y or Z) acts on <c>qubits[k]</c>
    /// (PennyLane's <c>qml.PauliRot(theta, "XYZ", wires=[0, 1, 2])</c>).
    /// </summary>
    public Circuit PauliRot(Angle theta, string word, params int[] qubits)
    {
        Guard.NotNull(word, nameof(word));
        Guard.NotNull(qubits, nameof(qubits));
        if (word.Length == 0 || word.Length != qubits.Length)
        {
            throw new ArgumentException(
                $"PauliRot's word \"{word}\" needs exactly one letter per qubit, but {qubits.Length} qubits were given.", nameof(word));
        }

        foreach (char p in word)
        {
            if (p is not ('I' or 'X' or 'Y' or 'Z'))
            {
                throw new ArgumentException($"PauliRot's word \"{word}\" may only contain I, X, Y and Z, but has '{p}'.", nameof(word));
            }
        }

        return AppendNamed(GateKind.PauliRot, ImmutableArray.Create(qubits), ImmutableArray.Create(theta), word);
    }

    /// <summary>Toffoli (CCX) with controls <paramref name="control0"/>, <paramref name="control1"/>.</summary>
    public Circuit Toffoli(int control0, int control1, int target) =>
        AppendNamed(GateKind.Toffoli, ImmutableArray.Create(control0, control1, target), ImmutableArray<Angle>.Empty);

    /// <summary>Controlled SWAP (Fredkin) of <paramref name="a"/> and <paramref name="b"/>.</summary>
    public Circuit CSWAP(int control, int a, int b) =>
        AppendNamed(GateKind.CSWAP, ImmutableArray.Create(control, a, b), ImmutableArray<Angle>.Empty);

    /// <summary>Appends a single-angle rotation about <paramref name="axis"/>.</summary>
    public Circuit Rotate(Rotation axis, int qubit, Angle theta) => axis switch
    {
        Rotation.X => RX(qubit, theta),
        Rotation.Y => RY(qubit, theta),
        Rotation.Z => RZ(qubit, theta),
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, "The rotation axis must be X, Y or Z."),
    };

    /// <summary>Appends a gate of any kind; the general form behind the named methods (used by importers).</summary>
    public Circuit Append(GateKind kind, ImmutableArray<int> qubits, ImmutableArray<Angle> angles, string? pauliWord = null) =>
        AppendCore(kind, qubits, angles, pauliWord, namedMethod: false);

    private Circuit AppendNamed(GateKind kind, ImmutableArray<int> qubits, ImmutableArray<Angle> angles, string? pauliWord = null) =>
        AppendCore(kind, qubits, angles, pauliWord, namedMethod: true);

    private Circuit AppendCore(GateKind kind, ImmutableArray<int> qubits, ImmutableArray<Angle> angles, string? pauliWord, bool namedMethod)
    {
        var info = GateInfo.Of(kind);
        if (info.Qubits > 0 && qubits.Length != info.Qubits)
        {
            throw new ArgumentException($"{kind} acts on {info.Qubits} qubit(s), but {qubits.Length} were given.", nameof(qubits));
        }

        if (angles.Length != info.Angles)
        {
            throw new ArgumentException($"{kind} takes {info.Angles} angle(s), but {angles.Length} were given.", nameof(angles));
        }

        if ((kind == GateKind.PauliRot) != (pauliWord is not null))
        {
            throw new ArgumentException("A Pauli word is given with PauliRot and only with it.", nameof(pauliWord));
        }

        for (int i = 0; i < qubits.Length; i++)
        {
            CheckQubit(qubits[i], kind, namedMethod ? QubitParameterName(kind, i) : nameof(qubits));
            for (int j = 0; j < i; j++)
            {
                if (qubits[j] == qubits[i])
                {
                    throw new ArgumentException(
                        $"{kind} names qubit {qubits[i]} twice; a gate's qubits must all differ.",
                        namedMethod ? QubitParameterName(kind, i) : nameof(qubits));
                }
            }
        }

        foreach (var a in angles)
        {
            Angle.RequireFinite(a.Offset, nameof(angles));
            Angle.RequireFinite(a.Scale, nameof(angles));
            if (a.Source == AngleSource.Weight)
            {
                WeightCount = Math.Max(WeightCount, a.Index + 1);
            }
            else if (a.Source == AngleSource.Input)
            {
                InputCount = Math.Max(InputCount, a.Index + 1);
            }
        }

        _gates.Add(new Gate(kind, qubits, angles, pauliWord));
        return this;
    }

    /// <summary>Appends every gate of <paramref name="other"/> (same weight and input indices).</summary>
    public Circuit Append(Circuit other)
    {
        Guard.NotNull(other, nameof(other));
        if (other.Qubits > Qubits)
        {
            throw new ArgumentException($"Cannot append a {other.Qubits}-qubit circuit to a {Qubits}-qubit one.", nameof(other));
        }

        // Gates and any noise channels, interleaved as recorded (Circuit.Channels.cs).
        AppendOperationsOf(other);
        return this;
    }

    /// <summary>One line per gate, e.g. <c>RY(w[0]) q1</c>.</summary>
    public override string ToString() =>
        $"Circuit({Qubits.ToString(CultureInfo.InvariantCulture)} qubits, {_gates.Count.ToString(CultureInfo.InvariantCulture)} gates, " +
        $"{WeightCount.ToString(CultureInfo.InvariantCulture)} weights, {InputCount.ToString(CultureInfo.InvariantCulture)} inputs)";

    private Circuit Add(GateKind kind, int q) => AppendNamed(kind, Qs(q), ImmutableArray<Angle>.Empty);

    private Circuit Add(GateKind kind, int q, Angle a) => AppendNamed(kind, Qs(q), ImmutableArray.Create(a));

    private Circuit Add(GateKind kind, int q0, int q1) => AppendNamed(kind, ImmutableArray.Create(q0, q1), ImmutableArray<Angle>.Empty);

    private Circuit Add(GateKind kind, int q0, int q1, Angle a) => AppendNamed(kind, ImmutableArray.Create(q0, q1), ImmutableArray.Create(a));

    private static ImmutableArray<int> Qs(int q) => ImmutableArray.Create(q);

    /// <summary>The name of the named method's parameter at <paramref name="position"/>, for exceptions users can act on.</summary>
    private static string QubitParameterName(GateKind kind, int position) => kind switch
    {
        GateKind.CNOT or GateKind.CY or GateKind.CZ or GateKind.CRX or GateKind.CRY or GateKind.CRZ or GateKind.CPhase =>
            position == 0 ? "control" : "target",
        GateKind.SWAP or GateKind.ISWAP or GateKind.RXX or GateKind.RYY or GateKind.RZZ => position == 0 ? "a" : "b",
        GateKind.Toffoli => position switch { 0 => "control0", 1 => "control1", _ => "target" },
        GateKind.CSWAP => position switch { 0 => "control", 1 => "a", _ => "b" },
        GateKind.MultiRZ or GateKind.PauliRot => "qubits",
        _ => "qubit",
    };

    private void CheckQubit(int qubit, GateKind kind, string paramName)
    {
        if (qubit < 0 || qubit >= Qubits)
        {
            throw new ArgumentOutOfRangeException(
                paramName, qubit, $"{kind} acts on qubit {qubit}, but this circuit has qubits 0 to {Qubits - 1}.");
        }
    }
}
