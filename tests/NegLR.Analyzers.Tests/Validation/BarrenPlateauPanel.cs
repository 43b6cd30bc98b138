using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Analyzers.Tests.Validation;

/// <summary>One circuit of the validation panel: an ansatz as users write it, and its cost.</summary>
internal sealed record PanelCircuit(string Name, int Qubits, string Observable, string Body)
{
    public string Source => $$"""
        using NegLR;

        namespace Panel;

        [Ansatz(Qubits = {{Qubits}})]
        [Observable("{{Observable}}")]
        public partial struct {{Name}}
        {
            [Circuit]
            static void Build(Circuit c)
            {
                {{Body}}
            }
        }
        """;
}

/// <summary>
/// Shallow and deep, local and global, 4 to 12 qubits, over the ansatz families users write: hardware-efficient
/// (RY, RZ, CNOT ladder), brickwork (RY, RZ, alternating CZ), product, StronglyEntanglingLayers, BasicEntanglerLayers
/// with RY (a real-valued family the variance model scrambles too fast) and QAOA MaxCut on a ring.
/// </summary>
internal static class BarrenPlateauPanel
{
    public static IReadOnlyList<PanelCircuit> Circuits { get; } = new[]
    {
        Hea(4, 2, "Z0"),
        Hea(12, 1, "Z0"),
        Hea(12, 2, "Z0 Z1"),
        Hea(6, 6, "Z0"),
        Hea(12, 12, "Z0"),
        Hea(10, 20, "Z0"),
        Hea(8, 1, "Z7"),
        Hea(12, 1, Global(12)),
        Hea(8, 3, Sum(8)),
        Brick(12, 1, "Z6"),
        Brick(12, 3, "Z6"),
        Brick(12, 24, "Z6"),
        Brick(8, 2, Global(8)),
        Brick(6, 6, Sum(6)),
        Product(4, Global(4)),
        Product(8, Global(8)),
        Product(12, "Z0 Z1"),
        Template("Sel", 4, "StronglyEntanglingLayers(3)", "Z0"),
        Template("Sel", 8, "StronglyEntanglingLayers(1)", "Z0"),
        Template("Sel", 12, "StronglyEntanglingLayers(2)", "Z0"),
        Template("Bel", 8, "BasicEntanglerLayers(3, Rotation.Y)", Ring(8)),
        Template("Bel", 12, "BasicEntanglerLayers(1, Rotation.Y)", Ring(12)),
        Qaoa(8, 1),
        Qaoa(8, 6),

        // Added with issue 12 (chosen before the run): the circuits a user reported, the documentation's standard workload,
        // and more of each family at other widths and depths.
        RxRyLadder(12, 40, "CZ", "Z5"),
        RxRyLadder(12, 40, "CZ", "Z0"),
        RxRyLadder(12, 40, "CNOT", "Z5"),
        RxRyLadder(12, 40, "CNOT", "Z0"),
        RxRyLadder(8, 8, "CZ", "Z4"),
        RxRyLadder(6, 3, "CZ", "Z0"),
        Template("HeaStd", 8, "HardwareEfficient(8)", "Z0 Z1"),
        Hea(8, 4, "Z0 Z1"),
        Hea(12, 3, Sum(12)),
        Hea(10, 2, Global(10)),
        Brick(8, 4, "Z3"),
        Brick(10, 10, Sum(10)),
        Template("Sel", 6, "StronglyEntanglingLayers(2)", "Z0 Z1"),
        Template("Bel", 10, "BasicEntanglerLayers(5, Rotation.Y)", Ring(10)),
        Product(6, Global(6)),
        Qaoa(12, 2),
    };

    private static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Global(int n) => string.Join(" ", Enumerable.Range(0, n).Select(q => "Z" + Int(q)));

    private static string Sum(int n) => string.Join(" + ", Enumerable.Range(0, n).Select(q => "Z" + Int(q)));

    private static string Ring(int n) => string.Join(" + ", Enumerable.Range(0, n).Select(q => $"Z{Int(q)} Z{Int((q + 1) % n)}"));

    private static string Tag(string observable) =>
        observable.Contains('+') ? "Sum" : observable.Count(c => c == 'Z' || c == 'X' || c == 'Y') > 2 ? "Global" : "Local";

    private static PanelCircuit Hea(int n, int layers, string observable) => new(
        $"Hea{Int(n)}q{Int(layers)}L{Tag(observable)}", n, observable, $$"""
            for (int layer = 0; layer < {{Int(layers)}}; layer++)
            {
                for (int q = 0; q < {{Int(n)}}; q++) c.RY(q, c.Weight());
                for (int q = 0; q < {{Int(n)}}; q++) c.RZ(q, c.Weight());
                for (int q = 0; q + 1 < {{Int(n)}}; q++) c.CNOT(q, q + 1);
            }
            """);

    private static PanelCircuit Brick(int n, int layers, string observable) => new(
        $"Brick{Int(n)}q{Int(layers)}L{Tag(observable)}", n, observable, $$"""
            for (int layer = 0; layer < {{Int(layers)}}; layer++)
            {
                for (int q = 0; q < {{Int(n)}}; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                for (int q = layer % 2; q + 1 < {{Int(n)}}; q += 2) c.CZ(q, q + 1);
            }
            """);

    private static PanelCircuit RxRyLadder(int n, int layers, string entangler, string observable) => new(
        $"RxRy{entangler}{Int(n)}q{Int(layers)}L{observable.Replace(" ", "")}", n, observable, $$"""
            for (int layer = 0; layer < {{Int(layers)}}; layer++)
            {
                for (int q = 0; q < {{Int(n)}}; q++) { c.RX(q, c.Weight()); c.RY(q, c.Weight()); }
                for (int q = 0; q + 1 < {{Int(n)}}; q++) c.{{entangler}}(q, q + 1);
            }
            """);

    private static PanelCircuit Product(int n, string observable) => new(
        $"Product{Int(n)}q{Tag(observable)}", n, observable, $"for (int q = 0; q < {Int(n)}; q++) c.RY(q, c.Weight());");

    private static PanelCircuit Template(string name, int n, string call, string observable) => new(
        $"{name}{Int(n)}q{new string(call.Where(char.IsDigit).Take(1).ToArray())}L{Tag(observable)}", n, observable, $"c.{call};");

    private static PanelCircuit Qaoa(int n, int layers) => new(
        $"Qaoa{Int(n)}q{Int(layers)}L", n, Ring(n),
        $"c.QaoaMaxCut(new[] {{ {string.Join(", ", Enumerable.Range(0, n).Select(q => $"({Int(q)}, {Int((q + 1) % n)})"))} }}, {Int(layers)});");
}
