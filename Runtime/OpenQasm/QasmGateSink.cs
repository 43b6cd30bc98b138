using System.Collections.Generic;
using System.Collections.Immutable;

namespace NegLR;

/// <summary>
/// Collects the NegLR gates of an import. The circuit's size is known only after the last <c>qreg</c>, so gates are
/// buffered and the <see cref="Circuit"/> is built at the end.
/// </summary>
internal sealed class QasmGateSink
{
    private static readonly ImmutableArray<int> FirstQubit = ImmutableArray.Create(0);

    private readonly List<(GateKind Kind, ImmutableArray<int> Qubits, ImmutableArray<Angle> Angles, string? Word)> _gates = new();

    public int Count => _gates.Count;

    public void Add(GateKind kind, int qubit) => _gates.Add((kind, ImmutableArray.Create(qubit), ImmutableArray<Angle>.Empty, null));

    public void Add(GateKind kind, int qubit, Angle angle) =>
        _gates.Add((kind, ImmutableArray.Create(qubit), ImmutableArray.Create(angle), null));

    public void Add(GateKind kind, int a, int b) => _gates.Add((kind, ImmutableArray.Create(a, b), ImmutableArray<Angle>.Empty, null));

    public void Add(GateKind kind, int a, int b, Angle angle) =>
        _gates.Add((kind, ImmutableArray.Create(a, b), ImmutableArray.Create(angle), null));

    public void Add(GateKind kind, int a, int b, int c) =>
        _gates.Add((kind, ImmutableArray.Create(a, b, c), ImmutableArray<Angle>.Empty, null));

    public void U3(int qubit, Angle theta, Angle phi, Angle lambda) =>
        _gates.Add((GateKind.U3, ImmutableArray.Create(qubit), ImmutableArray.Create(theta, phi, lambda), null));

    /// <summary>
    /// The global phase e^{−iθ/2}, as NegLR writes it: PauliRot(θ, "I") = exp(−iθI/2), on qubit 0 (any qubit would do).
    /// OpenQASM 3's <c>gphase(γ)</c> is this with θ = −2γ.
    /// </summary>
    public void IdentityRotation(Angle theta) => _gates.Add((GateKind.PauliRot, FirstQubit, ImmutableArray.Create(theta), "I"));

    public Circuit Build(int qubits)
    {
        var circuit = new Circuit(qubits);
        foreach (var (kind, q, angles, word) in _gates)
        {
            circuit.Append(kind, q, angles, word);
        }

        return circuit;
    }
}
