using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NegLR;

/// <summary>
/// Schedules a circuit's gates into moments (as soon as every qubit a gate spans is free) and draws them as text,
/// one wire per qubit, like PennyLane's <c>qml.draw</c>.
/// </summary>
internal static class CircuitDrawing
{
    /// <summary>The moment of each gate; a gate occupies every wire between its lowest and highest qubit, so drawn gates never cross.</summary>
    public static int[] Moments(Circuit circuit, bool spanWires)
    {
        var free = new int[circuit.Qubits];
        var moments = new int[circuit.Gates.Count];
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            var qs = circuit.Gates[g].Qubits;
            int lo = qs.Min(), hi = qs.Max();
            IEnumerable<int> wires = spanWires ? Enumerable.Range(lo, hi - lo + 1) : qs;
            int m = wires.Max(q => free[q]);
            moments[g] = m;
            foreach (int q in wires)
            {
                free[q] = m + 1;
            }
        }

        return moments;
    }

    public static string Draw(Circuit circuit)
    {
        int n = circuit.Qubits;
        var moments = Moments(circuit, spanWires: true);
        int columns = moments.Length == 0 ? 0 : moments.Max() + 1;
        var cells = new string?[columns, n];
        var spans = new bool[columns, n];
        for (int g = 0; g < circuit.Gates.Count; g++)
        {
            var gate = circuit.Gates[g];
            int m = moments[g];
            var qs = gate.Qubits;
            for (int q = qs.Min(); q <= qs.Max(); q++)
            {
                spans[m, q] = true;
            }

            for (int k = 0; k < qs.Length; k++)
            {
                cells[m, qs[k]] = Label(gate, k);
            }
        }

        var rows = new StringBuilder[n];
        for (int q = 0; q < n; q++)
        {
            rows[q] = new StringBuilder("q" + q.ToString(CultureInfo.InvariantCulture) + ": ");
        }

        int labelWidth = rows.Max(r => r.Length);
        foreach (var r in rows)
        {
            r.Append(' ', labelWidth - r.Length).Append('─');
        }

        for (int m = 0; m < columns; m++)
        {
            int width = 1;
            for (int q = 0; q < n; q++)
            {
                width = Math.Max(width, cells[m, q]?.Length ?? 1);
            }

            for (int q = 0; q < n; q++)
            {
                // A wire crossed by a multi-qubit gate shows │; an untouched wire continues with ─.
                string text = cells[m, q] ?? (spans[m, q] ? "│" : "─");
                int pad = width - text.Length;
                rows[q].Append('─', pad / 2).Append(text).Append('─', pad - (pad / 2)).Append('─');
            }
        }

        return string.Join("\n", rows.Select(r => r.ToString()));
    }

    private static string Label(Gate gate, int position)
    {
        string angles = gate.Angles.Length == 0 ? "" : "(" + string.Join(",", gate.Angles.Select(a => a.ToString())) + ")";
        return gate.Kind switch
        {
            GateKind.CNOT or GateKind.Toffoli when position < gate.Qubits.Length - 1 => "●",
            GateKind.CNOT or GateKind.Toffoli => "X",
            GateKind.CY or GateKind.CRX or GateKind.CRY or GateKind.CRZ or GateKind.CPhase when position == 0 => "●",
            GateKind.CY => "Y",
            GateKind.CRX => "RX" + angles,
            GateKind.CRY => "RY" + angles,
            GateKind.CRZ => "RZ" + angles,
            GateKind.CPhase => "P" + angles,
            GateKind.CZ => "●",
            GateKind.CSWAP when position == 0 => "●",
            GateKind.SWAP or GateKind.CSWAP => "×",
            GateKind.PauliRot => "R" + gate.PauliWord![position] + angles,
            _ when gate.Qubits.Length > 1 => gate.Kind + angles,
            _ => gate.Kind + angles,
        };
    }
}
