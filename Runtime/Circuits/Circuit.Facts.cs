using System.Linq;

namespace NegLR;

// Facts about a recorded circuit that users read and later tools (analyzers, reports) reuse.
public sealed partial class Circuit
{
    /// <summary>Depth: the number of moments when each gate starts as soon as its qubits are free.</summary>
    public int Depth => _gates.Count == 0 ? 0 : CircuitDrawing.Moments(this, spanWires: false).Max() + 1;

    /// <summary>Number of multi-qubit gates.</summary>
    public int MultiQubitGateCount => _gates.Count(g => g.Qubits.Length > 1);

    /// <summary>A text drawing, one wire per qubit, e.g. <c>q0: ─RY(w[0])─●─</c>.</summary>
    public string Draw() => CircuitDrawing.Draw(this);
}
