using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NegLR.Generator.Tests.Equivalence;

/// <summary>
/// Writes random [Ansatz] declarations as C# source: random gates from the whole set, constant-bound loops (nested),
/// shared weights, data inputs, affine angles, Pauli words and templates, on 1 to 10 qubits.
/// </summary>
internal static class RandomAnsatzSource
{
    private static readonly string[] OneQubit = { "X", "Y", "Z", "H", "S", "Sdg", "T", "Tdg", "SX" };
    private static readonly string[] Rotations = { "RX", "RY", "RZ", "PhaseShift" };
    private static readonly string[] Controlled = { "CNOT", "CY", "CZ" };
    private static readonly string[] ControlledRotations = { "CRX", "CRY", "CRZ", "CPhase", "RXX", "RYY", "RZZ" };

    public static string Declaration(string name, int qubits, SeededRandom random)
    {
        var body = new StringBuilder();
        int statements = 3 + random.NextInt(8);
        for (int i = 0; i < statements; i++)
        {
            body.Append(Statement(qubits, random, depth: 0));
        }

        return $$"""
            [global::NegLR.Ansatz(Qubits = {{qubits}})]
            [global::NegLR.Observable("{{Observable(qubits, random)}}")]
            public partial struct {{name}}
            {
                private const int Layers = {{1 + random.NextInt(2)}};

                [global::NegLR.Circuit]
                static void Build(global::NegLR.Circuit c)
                {
            {{body}}    }
            }

            """;
    }

    /// <summary>
    /// A random block of statements repeated <c>Repeats</c> (6 to 12) times by an outer loop: long circuits whose
    /// layers repeat, the shape the generator compiles into a loop over one emitted block.
    /// </summary>
    public static string LayeredDeclaration(string name, int qubits, SeededRandom random)
    {
        var body = new StringBuilder();
        int statements = 2 + random.NextInt(4);
        for (int i = 0; i < statements; i++)
        {
            body.Append(Statement(qubits, random, depth: 1));
        }

        return $$"""
            [global::NegLR.Ansatz(Qubits = {{qubits}})]
            [global::NegLR.Observable("{{Observable(qubits, random)}}")]
            public partial struct {{name}}
            {
                private const int Layers = 1; // bounds the inner loops
                private const int Repeats = {{6 + random.NextInt(7)}};

                [global::NegLR.Circuit]
                static void Build(global::NegLR.Circuit c)
                {
                    for (int layer = 0; layer < Repeats; layer++)
                    {
            {{body}}            }
                }
            }

            """;
    }

    private static string Statement(int n, SeededRandom r, int depth)
    {
        int kind = r.NextInt(depth < 2 ? 10 : 8);
        string q = Q(n, r), indent = new(' ', 8 + (4 * depth));
        switch (kind)
        {
            case 0:
                return $"{indent}c.{Pick(OneQubit, r)}({q});\n";
            case 1:
            case 2:
                return $"{indent}c.{Pick(Rotations, r)}({q}, {AngleText(r)});\n";
            case 3:
                return n < 2 ? $"{indent}c.H({q});\n" : $"{indent}c.{Pick(Controlled, r)}({Pair(n, r)});\n";
            case 4:
                return n < 2 ? $"{indent}c.RY({q}, c.Weight());\n" : $"{indent}c.{Pick(ControlledRotations, r)}({Pair(n, r)}, {AngleText(r)});\n";
            case 5:
                return r.NextInt(2) == 0
                    ? $"{indent}c.Rot({q}, {AngleText(r)}, {AngleText(r)}, {AngleText(r)});\n"
                    : $"{indent}c.U3({q}, {AngleText(r)}, {AngleText(r)}, {AngleText(r)});\n";
            case 6:
            {
                var qs = Distinct(n, 1 + r.NextInt(System.Math.Min(3, n)), r);
                return r.NextInt(2) == 0
                    ? $"{indent}c.MultiRZ({AngleText(r)}, {string.Join(", ", qs)});\n"
                    : $"{indent}c.PauliRot({AngleText(r)}, \"{Word(qs.Count, r)}\", {string.Join(", ", qs)});\n";
            }

            case 7:
                if (n >= 3)
                {
                    var qs = Distinct(n, 3, r);
                    return $"{indent}c.{(r.NextInt(2) == 0 ? "Toffoli" : "CSWAP")}({qs[0]}, {qs[1]}, {qs[2]});\n";
                }

                return n >= 2 ? $"{indent}c.{(r.NextInt(2) == 0 ? "SWAP" : "ISWAP")}(0, 1);\n" : $"{indent}c.X(0);\n";
            case 8:
            {
                // A constant-bound loop whose qubit index depends on the loop variable.
                string v = "i" + depth.ToString(CultureInfo.InvariantCulture);
                var inner = new StringBuilder();
                inner.Append($"{indent}    c.RY({v} % {n}, c.Weight());\n");
                inner.Append(Statement(n, r, depth + 1));
                if (n >= 2)
                {
                    inner.Append($"{indent}    if ({v} + 1 < {n}) c.CNOT({v}, {v} + 1);\n");
                }

                return $"{indent}for (int {v} = 0; {v} < Layers * {1 + r.NextInt(n)}; {v}++)\n{indent}{{\n{inner}{indent}}}\n";
            }

            default:
                return r.NextInt(3) switch
                {
                    0 => $"{indent}c.AngleEmbedding({1 + r.NextInt(n)}, global::NegLR.Rotation.{"XYZ"[r.NextInt(3)]});\n",
                    1 => $"{indent}c.StronglyEntanglingLayers(1);\n",
                    _ => $"{indent}c.BasicEntanglerLayers(1, global::NegLR.Rotation.Y);\n",
                };
        }
    }

    private static string AngleText(SeededRandom r) => r.NextInt(7) switch
    {
        0 => Num(r.NextDouble(-3, 3)),
        1 => $"c.Weight({r.NextInt(4)})",
        2 => $"c.Input({r.NextInt(3)})",
        3 => $"{Num(r.NextDouble(-2, 2))} * c.Weight() + {Num(r.NextDouble(-1, 1))}",
        4 => "global::System.Math.PI / 4",
        5 => $"-c.Weight({r.NextInt(3)}) / 2",
        _ => "c.Weight()",
    };

    private static string Observable(int n, SeededRandom r)
    {
        var terms = new List<string>();
        int count = 1 + r.NextInt(3);
        for (int t = 0; t < count; t++)
        {
            var qs = Distinct(n, 1 + r.NextInt(System.Math.Min(2, n)), r);
            var sb = new StringBuilder(Num(r.NextDouble(0.2, 1.5)));
            foreach (int q in qs)
            {
                sb.Append(' ').Append("XYZ"[r.NextInt(3)]).Append(q.ToString(CultureInfo.InvariantCulture));
            }

            terms.Add(sb.ToString());
        }

        return string.Join(" + ", terms);
    }

    private static string Q(int n, SeededRandom r) => r.NextInt(n).ToString(CultureInfo.InvariantCulture);

    private static string Pair(int n, SeededRandom r)
    {
        var qs = Distinct(n, 2, r);
        return $"{qs[0]}, {qs[1]}";
    }

    private static List<int> Distinct(int n, int k, SeededRandom r)
    {
        var list = new List<int>();
        while (list.Count < k)
        {
            int q = r.NextInt(n);
            if (!list.Contains(q))
            {
                list.Add(q);
            }
        }

        return list;
    }

    private static string Word(int k, SeededRandom r)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < k; i++)
        {
            sb.Append("IXYZ"[r.NextInt(4)]);
        }

        return sb.ToString();
    }

    private static string Pick(string[] items, SeededRandom r) => items[r.NextInt(items.Length)];

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
