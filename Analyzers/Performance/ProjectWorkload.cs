using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NegLR.Analyzers.Performance;

/// <summary>
/// A project as a new user's would look: 20 realistic ansätze (the samples' declarations, bodies and templates of 4 to
/// 20 qubits, one of them the 20 × 140 hardware-efficient template with 5,600 weights) among 200 ordinary C# files.
/// The generator's output is added to it by the harness, as the IDE's compilation holds it.
/// </summary>
internal static class ProjectWorkload
{
    /// <summary>The ansatz files, by name (the file is <c>{name}.cs</c>).</summary>
    public static IReadOnlyList<(string Name, string Source)> Ansatze(bool withBig, bool withNoise = false)
    {
        var list = new List<(string, string)>
        {
            ("Iris", Body("Iris", 4, "Z0", """
                for (int q = 0; q < 4; q++) c.RY(q, c.Input(q));
                for (int layer = 0; layer < 3; layer++)
                {
                    for (int q = 0; q < 4; q++) { c.RZ(q, c.Weight()); c.RY(q, c.Weight()); }
                    for (int q = 3; q > 0; q--) c.CNOT(q, q - 1);
                }
                """)),
            ("H2", Body("H2", 4, "-0.81 + 0.17 Z0 - 0.23 Z1 + 0.17 Z2 - 0.23 Z3 + 0.12 Z0 Z1 + 0.17 Z0 Z2 + 0.045 X0 X1 X2 X3 + 0.045 Y0 Y1 Y2 Y3", """
                c.RY(1, c.Weight());
                c.CNOT(1, 3);
                c.X(0);
                c.CNOT(1, 0);
                c.X(2);
                c.CNOT(1, 2);
                """)),
            ("Ring", Body("Ring", 6, "0.5 Z0 Z1 + 0.5 Z1 Z2 + 0.5 Z2 Z3 + 0.5 Z3 Z4 + 0.5 Z4 Z5 + 0.5 Z5 Z0 - 3",
                "c.QaoaMaxCut(new[] { (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 0) }, layers: 2);")),
            ("IrisBel", Body("IrisBel", 4, "Z0", "c.AngleEmbedding(features: 4, rotation: Rotation.Y);\n        c.BasicEntanglerLayers(layers: 3, rotation: Rotation.Y);")),
            ("Hea8", Hea("Hea8", 8, 8, "Z0 Z1")),
            ("Hea12", Hea("Hea12", 12, 12, "Z0")),
            ("Hea12Sum", Hea("Hea12Sum", 12, 6, string.Join(" + ", Enumerable.Range(0, 12).Select(q => "0.5 Z" + Int(q))))),
            ("Hea10", Hea("Hea10", 10, 4, "Z0 Z1 - 0.25 X2")),
            ("Hea6", Hea("Hea6", 6, 3, "Z0 + Z5")),
            ("Plateau12", Body("Plateau12", 12, "Z5", """
                for (int layer = 0; layer < 40; layer++)
                {
                    for (int q = 0; q < 12; q++) { c.RX(q, c.Weight()); c.RY(q, c.Weight()); }
                    for (int q = 0; q + 1 < 12; q++) c.CZ(q, q + 1);
                }
                """)),
            ("Brick12", Body("Brick12", 12, "Z6", """
                for (int layer = 0; layer < 8; layer++)
                {
                    for (int q = 0; q < 12; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                    for (int q = layer % 2; q + 1 < 12; q += 2) c.CZ(q, q + 1);
                }
                """)),
            ("Sel6", Template("Sel6", 6, "StronglyEntanglingLayers", 3, "Z0 Z1")),
            ("Bel8", Template("Bel8", 8, "BasicEntanglerLayers", 2, "Z0 + Z1 + Z2 + Z3")),
            ("HeaTemplate8", Template("HeaTemplate8", 8, "HardwareEfficient", 8, "Z0 Z1")),
            ("HeaTemplate16", Template("HeaTemplate16", 16, "HardwareEfficient", 6, "Z0")),
            ("Product8", Body("Product8", 8, "Z0 Z1 Z2 Z3 Z4 Z5 Z6 Z7", "for (int q = 0; q < 8; q++) c.RY(q, c.Weight());")),
            ("Classifier6", Body("Classifier6", 6, "Z0", """
                c.AngleEmbedding(features: 6, rotation: Rotation.X);
                for (int layer = 0; layer < 4; layer++)
                {
                    for (int q = 0; q < 6; q++) c.Rot(q, c.Weight(), c.Weight(), c.Weight());
                    for (int q = 0; q < 6; q++) c.CNOT(q, (q + 1) % 6);
                }
                """)),
            ("Rzz8", Body("Rzz8", 8, "X0 + X1 + X2 + X3", """
                for (int layer = 0; layer < 3; layer++)
                {
                    for (int q = 0; q + 1 < 8; q++) c.RZZ(q, q + 1, c.Weight());
                    for (int q = 0; q < 8; q++) c.RX(q, c.Weight());
                }
                """)),
            ("Qaoa8", Body("Qaoa8", 8, string.Join(" + ", Enumerable.Range(0, 8).Select(q => $"Z{Int(q)} Z{Int((q + 1) % 8)}")),
                "c.QaoaMaxCut(new[] { (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 0) }, layers: 4);")),
        };

        list.Add(withBig
            ? ("Big", Template("Big", 20, "HardwareEfficient", 140, "Z0 Z1"))
            : ("Hea20", Template("Hea20", 20, "HardwareEfficient", 20, "Z0 Z1")));
        if (withNoise)
        {
            // --noise: the same kinds of ansatz with declared noise (issue 13), so the noise rules have work to do.
            const string noise = "[Depolarizing(2e-2, After = NoiseAfter.SingleQubitGates)]\n[TwoQubitDepolarizing(5e-2)]\n[ThermalRelaxation(100, 80, 0.1)]\n[ReadoutError(0.02, 0.03)]\n";
            list.Add(("NoisyHea12", Hea("NoisyHea12", 12, 12, "Z0").Replace("public partial struct", noise + "public partial struct")));
            // Strong enough to be flagged (NLR0304), so the reduce-layers search runs on every keystroke too.
            list.Add(("NoisyTemplate8", Template("NoisyTemplate8", 8, "HardwareEfficient", 24, "Z0 + Z1")
                .Replace("public partial struct", "[Depolarizing(5e-2)]\n[ReadoutError(0.02, 0.03)]\npublic partial struct")));
        }

        return list;
    }

    /// <summary>Ordinary code: a record, a service class with LINQ, string formatting and loops, an interface.</summary>
    public static IEnumerable<(string Name, string Source)> Filler(int count)
    {
        for (int i = 0; i < count; i++)
        {
            string n = Int(i);
            yield return ($"Filler{n}", $$"""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.Linq;
                using System.Text;

                namespace Project.Module{{Int(i % 10)}};

                public sealed record Item{{n}}(string Name, double Value, int Count);

                public interface IService{{n}}
                {
                    double Total(IReadOnlyList<Item{{n}}> items);
                }

                public sealed class Service{{n}} : IService{{n}}
                {
                    private readonly Dictionary<string, double> _cache = new(StringComparer.Ordinal);

                    public double Total(IReadOnlyList<Item{{n}}> items)
                    {
                        ArgumentNullException.ThrowIfNull(items);
                        return items.Where(x => x.Count > 0).Sum(x => x.Value * x.Count);
                    }

                    public string Describe(IEnumerable<Item{{n}}> items)
                    {
                        var builder = new StringBuilder();
                        foreach (var item in items.OrderBy(x => x.Name, StringComparer.Ordinal))
                        {
                            builder.Append(item.Name).Append(": ").AppendLine(item.Value.ToString("F2", CultureInfo.InvariantCulture));
                        }

                        return builder.ToString();
                    }

                    public double Cached(string key, Func<double> compute)
                    {
                        if (!_cache.TryGetValue(key, out double value))
                        {
                            value = compute();
                            _cache[key] = value;
                        }

                        return value;
                    }

                    public static int[] Histogram(double[] values, int bins)
                    {
                        var counts = new int[bins];
                        if (values.Length == 0)
                        {
                            return counts;
                        }

                        double min = values.Min(), max = values.Max(), width = (max - min) / bins;
                        for (int k = 0; k < values.Length; k++)
                        {
                            int b = width == 0 ? 0 : Math.Min(bins - 1, (int)((values[k] - min) / width));
                            counts[b]++;
                        }

                        return counts;
                    }
                }
                """);
        }
    }

    private static string Body(string name, int qubits, string observable, string body) => $$"""
        using NegLR;

        namespace Project.Ansatze;

        /// <summary>{{name}}: an ansatz of the project.</summary>
        [Ansatz(Qubits = {{Int(qubits)}})]
        [Observable("{{observable}}")]
        public partial struct {{name}}
        {
            [Circuit]
            private static void Build(Circuit c)
            {
                {{body}}
            }
        }
        """;

    private static string Hea(string name, int qubits, int layers, string observable) => $$"""
        using NegLR;

        namespace Project.Ansatze;

        /// <summary>{{name}}: a hardware-efficient ansatz written out.</summary>
        [Ansatz(Qubits = {{Int(qubits)}})]
        [Observable("{{observable}}")]
        public partial struct {{name}}
        {
            private const int Layers = {{Int(layers)}};

            [Circuit]
            private static void Build(Circuit c)
            {
                for (int q = 0; q < {{Int(qubits)}}; q++) c.RY(q, c.Input(q));
                for (int layer = 0; layer < Layers; layer++)
                {
                    for (int q = 0; q < {{Int(qubits)}}; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                    for (int q = 0; q + 1 < {{Int(qubits)}}; q++) c.CNOT(q, q + 1);
                }
            }
        }
        """;

    private static string Template(string name, int qubits, string template, int layers, string observable) => $$"""
        using NegLR;

        namespace Project.Ansatze;

        /// <summary>{{name}}: a template ansatz.</summary>
        [Ansatz(Qubits = {{Int(qubits)}}, Template = AnsatzTemplate.{{template}}, Layers = {{Int(layers)}})]
        [Observable("{{observable}}")]
        public partial struct {{name}};
        """;

    private static string Int(int x) => x.ToString(CultureInfo.InvariantCulture);
}
