using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NegLR.Generator.Performance;

/// <summary>
/// The sources the harness compiles: a project as a new user meets it (20 ansätze written the ways the docs and samples
/// write them, 201 ordinary files), and the circuits of issue 12's size table.
/// </summary>
internal static class Workload
{
    /// <summary>The project: 20 ansätze in their own files, then 201 plain files (221 in all).</summary>
    public static List<(string Path, string Text)> Project(int ansatze = 20, int plainFiles = 201)
    {
        var files = new List<(string, string)>();
        for (int i = 0; i < ansatze; i++)
        {
            files.Add(($"Ansatze/Ansatz{I(i)}.cs", RealisticAnsatz(i)));
        }

        for (int i = 0; i < plainFiles; i++)
        {
            files.Add(($"App/Service{I(i)}.cs", PlainFile(i)));
        }

        return files;
    }

    /// <summary>The file the keystroke runs type into: a plain file, unrelated to every ansatz.</summary>
    public const string EditedFile = "App/Service7.cs";

    /// <summary>Where in <see cref="EditedFile"/> the typing happens: inside a string literal of a method body.</summary>
    public const string EditAnchor = "\"status ";

    /// <summary>One of ten shapes users write, sized and named by <paramref name="i"/>.</summary>
    public static string RealisticAnsatz(int i)
    {
        int n = 4 + (i % 5);
        string name = "Ansatz" + I(i);
        string cost = (i % 4) switch
        {
            0 => "Z0",
            1 => string.Join(" + ", Enumerable.Range(0, n).Select(q => "0.5 Z" + I(q))),
            2 => "Z0 Z1 - 0.25 X2",
            _ => string.Join(" + ", Enumerable.Range(0, n - 1).Select(q => $"0.5 Z{I(q)} Z{I(q + 1)}")) + " - 1.5",
        };

        string body = (i % 10) switch
        {
            // The design document's classifier: encoding, layers of RY/RZ, a CNOT ladder.
            0 => $$"""
                    for (int q = 0; q < {{n}}; q++) c.RY(q, c.Input(q));
                    for (int layer = 0; layer < Layers; layer++)
                    {
                        for (int q = 0; q < {{n}}; q++) { c.RY(q, c.Weight()); c.RZ(q, c.Weight()); }
                        for (int q = 0; q + 1 < {{n}}; q++) c.CNOT(q, q + 1);
                    }
            """,
            // Templates called from a body (the Iris sample).
            1 => $$"""
                    c.AngleEmbedding(features: {{n}}, rotation: Rotation.Y);
                    c.BasicEntanglerLayers(layers: Layers, rotation: Rotation.Y);
            """,
            // QAOA on a ring (the QaoaRing sample).
            2 => $$"""
                    c.QaoaMaxCut(new[] { {{string.Join(", ", Enumerable.Range(0, n).Select(q => $"({I(q)}, {I((q + 1) % n)})"))}} }, layers: Layers);
            """,
            // Data re-uploading: inputs between trainable layers.
            3 => $$"""
                    for (int layer = 0; layer < Layers; layer++)
                    {
                        for (int q = 0; q < {{n}}; q++) c.RX(q, c.Input(q));
                        for (int q = 0; q < {{n}}; q++) c.Rot(q, c.Weight(), c.Weight(), c.Weight());
                        for (int q = 0; q < {{n}}; q++) c.CZ(q, (q + 1) % {{n}});
                    }
            """,
            // A hand-written UCC-style doubles ansatz with two-qubit rotations.
            4 => $$"""
                    c.X(0); c.X(1);
                    for (int layer = 0; layer < Layers; layer++)
                    {
                        for (int q = 0; q + 1 < {{n}}; q += 2) { c.RXX(q, q + 1, c.Weight()); c.RYY(q, q + 1, c.Weight()); }
                        for (int q = 1; q + 1 < {{n}}; q += 2) c.RZZ(q, q + 1, c.Weight());
                    }
            """,
            // Strongly entangling layers from a body.
            5 => """
                    c.StronglyEntanglingLayers(Layers);
            """,
            // Shared weights and constants: an Ising-style evolution with a scale factor.
            6 => $$"""
                    const double Dt = 0.25;
                    for (int q = 0; q < {{n}}; q++) c.H(q);
                    for (int step = 0; step < Layers; step++)
                    {
                        for (int q = 0; q + 1 < {{n}}; q++) c.RZZ(q, q + 1, Dt * c.Weight(2 * step));
                        for (int q = 0; q < {{n}}; q++) c.RX(q, 2 * Dt * c.Weight(2 * step + 1));
                    }
            """,
            // Brickwork of controlled rotations.
            7 => $$"""
                    for (int layer = 0; layer < Layers; layer++)
                    {
                        for (int q = 0; q < {{n}}; q++) c.RY(q, c.Weight());
                        for (int q = layer % 2; q + 1 < {{n}}; q += 2) c.CRZ(q, q + 1, c.Weight());
                    }
            """,
            // Arrays and foreach over a coupling list.
            8 => $$"""
                    var pairs = new[] { {{string.Join(", ", Enumerable.Range(0, n - 1).Select(q => $"({I(q)}, {I(q + 1)})"))}} };
                    for (int layer = 0; layer < Layers; layer++)
                    {
                        for (int q = 0; q < {{n}}; q++) c.RY(q, c.Weight());
                        foreach (var (a, b) in pairs) c.CNOT(a, b);
                    }
            """,
            // A small fixed circuit (the H2 sample's shape).
            _ => """
                    c.RY(1, c.Weight());
                    c.CNOT(1, 3);
                    c.X(0);
                    c.CNOT(1, 0);
                    c.X(2);
                    c.CNOT(1, 2);
            """,
        };

        return $$"""
            using NegLR;

            namespace Workload.Circuits;

            /// <summary>Ansatz {{I(i)}} of the harness's project.</summary>
            [Ansatz(Qubits = {{I(n)}})]
            [Observable("{{cost}}")]
            public partial struct {{name}}
            {
                private const int Layers = {{I(2 + (i % 3))}};

                [Circuit]
                private static void Build(Circuit c)
                {
            {{body}}
                }
            }
            """;
    }

    /// <summary>An ordinary file of the project: a small service class with loops, LINQ and string formatting.</summary>
    public static string PlainFile(int i) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;

        namespace Workload.App.Module{{I(i % 10)}};

        /// <summary>Service {{I(i)}}: keeps readings and summarises them.</summary>
        public sealed class Service{{I(i)}}
        {
            private readonly List<double> _readings = new();
            private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

            public int Count => _readings.Count;

            public void Add(double value, string source)
            {
                if (double.IsNaN(value))
                {
                    throw new ArgumentException("A reading must be a number.", nameof(value));
                }

                _readings.Add(value);
                _counts[source] = _counts.TryGetValue(source, out int n) ? n + 1 : 1;
            }

            public double Mean() => _readings.Count == 0 ? 0 : _readings.Average();

            public double Spread()
            {
                double mean = Mean(), sum = 0;
                foreach (double r in _readings)
                {
                    sum += (r - mean) * (r - mean);
                }

                return _readings.Count < 2 ? 0 : Math.Sqrt(sum / (_readings.Count - 1));
            }

            public IEnumerable<string> Busiest(int top) =>
                _counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top).Select(p => p.Key);

            public string Describe() =>
                string.Create(CultureInfo.InvariantCulture, $"status {{I(i)}}: {Count} readings, mean {Mean():F3}, spread {Spread():F3}");
        }
        """;

    /// <summary>HEA through the template shorthand (the "HEA n × L" rows).</summary>
    public static string HeaTemplate(int qubits, int layers, string name = "Hea") => $$"""
        using NegLR;

        namespace Workload.Big;

        [Ansatz(Qubits = {{I(qubits)}}, Template = AnsatzTemplate.HardwareEfficient, Layers = {{I(layers)}})]
        [Observable("Z0 Z1")]
        public partial struct {{name}};
        """;

    /// <summary>
    /// An irregular body of 2 × qubits × layers weights: each layer's rotation axes and CNOT pairs come from a
    /// linear congruential sequence run in the body, so no two layers match and nothing repeats.
    /// </summary>
    public static string IrregularBody(int qubits, int layers, string name = "Irregular") => $$"""
        using NegLR;

        namespace Workload.Big;

        [Ansatz(Qubits = {{I(qubits)}})]
        [Observable("Z0 Z1")]
        public partial struct {{name}}
        {
            [Circuit]
            static void Build(Circuit c)
            {
                int seed = 12345;
                for (int layer = 0; layer < {{I(layers)}}; layer++)
                {
                    for (int q = 0; q < {{I(qubits)}}; q++)
                    {
                        seed = (seed * 1103515 + 12345) & 0x7FFFFFF;
                        int axis = seed % 3;
                        if (axis == 0) c.RX(q, c.Weight()); else if (axis == 1) c.RY(q, c.Weight()); else c.RZ(q, c.Weight());
                        c.RY(q, c.Weight());
                    }

                    for (int q = 0; q < {{I(qubits)}}; q++)
                    {
                        seed = (seed * 1103515 + 12345) & 0x7FFFFFF;
                        int target = (q + 1 + seed % ({{I(qubits)}} - 1)) % {{I(qubits)}};
                        if (seed % 4 == 0) c.CNOT(q, target);
                    }
                }
            }
        }
        """;

    /// <summary>The circuits of the size table, by name.</summary>
    public static readonly (string Name, string Source, string HintName)[] SizeCases =
    {
        ("HEA 4 × 4", HeaTemplate(4, 4), "Workload.Big.Hea.Ansatz.g.cs"),
        ("HEA 20 × 20", HeaTemplate(20, 20), "Workload.Big.Hea.Ansatz.g.cs"),
        ("HEA 20 × 140 (5,600 weights)", HeaTemplate(20, 140), "Workload.Big.Hea.Ansatz.g.cs"),
        ("irregular 20 × 140 body (5,600 weights)", IrregularBody(20, 140), "Workload.Big.Irregular.Ansatz.g.cs"),
    };

    public static (string Name, string Source, string HintName) Case(string key) => key switch
    {
        "hea4" => SizeCases[0],
        "hea20" => SizeCases[1],
        "hea" or "hea140" => SizeCases[2],
        "irregular" => SizeCases[3],
        _ => throw new ArgumentException($"Unknown case '{key}'; use hea4, hea20, hea140 or irregular."),
    };

    public static int Lines(string text)
    {
        int lines = 0;
        foreach (char c in text)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return text.Length > 0 && text[text.Length - 1] != '\n' ? lines + 1 : lines;
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Describe(IEnumerable<(string Path, string Text)> files)
    {
        var sb = new StringBuilder();
        var list = files.ToList();
        sb.Append(list.Count).Append(" files, ").Append(list.Count(f => f.Text.Contains("[Ansatz(", StringComparison.Ordinal))).Append(" ansätze");
        return sb.ToString();
    }
}
