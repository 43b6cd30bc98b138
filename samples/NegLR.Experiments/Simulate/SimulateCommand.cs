using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NegLR.Experiments.Cli;

namespace NegLR.Experiments.Simulate;

/// <summary>
/// simulate: imports an OpenQASM 2 program with every rotation angle as a weight (program order), evaluates a Pauli-sum
/// observable exactly (or from shots), optionally with the gradient with respect to every angle, and prints JSON.
/// </summary>
internal static class SimulateCommand
{
    public static readonly OptionSpec[] Options =
    {
        OptionSpec.PathTo("qasm", "FILE", "The OpenQASM 2.0 program (required)."),
        OptionSpec.Text("observable", "TEXT", "Pauli sum in sparse labels, e.g. \"0.5 Z0 Z1 - 1.2 X2 + 0.3\" (this or --observable-file)."),
        OptionSpec.PathTo("observable-file", "FILE", "Read the Pauli sum from a file."),
        OptionSpec.Flag("gradient", "Also output d<O>/d(angle) for every rotation angle, in program order (adjoint; parameter shift with --shots)."),
        OptionSpec.Choice("method", "Exact gradient method (default adjoint).", "adjoint", "shift"),
        OptionSpec.Integer("shots", "Estimate from N shots per evaluation instead of exactly.", 1),
        OptionSpec.Integer("seed", "Seed of the shot sampler (default 0).", 0),
        OptionSpec.Text("angles", "LIST", "Comma-separated values that replace the program's angles (same order and count)."),
        OptionSpec.PathTo("out", "FILE", "Write the JSON to a file instead of standard output."),
    };

    public static int Run(ParsedArguments a, TextWriter output, TextWriter error)
    {
        string qasm = a.String("qasm") ?? throw new UsageException("--qasm FILE is required.");
        RequireFile(qasm, "qasm");
        if (a.String("out") is string outFile && Directory.Exists(outFile))
        {
            throw new UsageException($"--out: '{outFile}' is a folder; give the path of the JSON file to write.");
        }

        string observableText = a.String("observable")
            ?? (a.String("observable-file") is string f ? File.ReadAllText(RequireFile(f, "observable-file")) : throw new UsageException("Give --observable TEXT or --observable-file FILE."));
        if (!PauliSum.TryParse(observableText.Trim(), out var observable, out var parseError))
        {
            throw new UsageException($"The observable does not parse at position {parseError.Position}: {parseError.Description}.");
        }

        string method = a.String("method") ?? "adjoint";
        if (method is not ("adjoint" or "shift"))
        {
            throw new UsageException("--method must be adjoint or shift.");
        }

        var program = OpenQasm.Load(qasm, new QasmImportOptions { AnglesAsWeights = true });
        var circuit = program.Circuit;
        if (observable.MinQubits > circuit.Qubits)
        {
            throw new UsageException($"The observable acts on qubit {observable.MinQubits - 1}, but the program has {circuit.Qubits} qubits.");
        }

        var angles = program.InitialWeights.ToArray();
        if (a.String("angles") is string list)
        {
            var values = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && double.IsFinite(d) ? d
                    : throw new UsageException($"--angles: '{v}' is not a number.")).ToArray();
            if (values.Length != angles.Length)
            {
                throw new UsageException($"--angles has {values.Length} values, but the program has {angles.Length} rotation angles.");
            }

            angles = values;
        }

        var interpreter = new CircuitInterpreter(circuit);
        var workspace = interpreter.CreateWorkspace();
        bool gradient = a.Has("gradient");
        int? shots = a.Has("shots") ? a.Int("shots", 1000, 1) : null;
        ulong seed = (ulong)a.Int("seed", 0, 0);

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("program", Path.GetFileName(qasm));
            json.WriteNumber("qubits", circuit.Qubits);
            json.WriteNumber("gates", circuit.Gates.Count);
            json.WriteNumber("angleCount", angles.Length);
            json.WriteString("observable", observable.ToString());
            json.WriteStartArray("angles");
            foreach (double v in angles)
            {
                json.WriteNumberValue(v);
            }

            json.WriteEndArray();
            if (shots is int n)
            {
                var estimator = new ShotEstimator(observable, circuit.Qubits);
                if (n < estimator.MinimumShots)
                {
                    throw new UsageException($"--shots must be at least {estimator.MinimumShots} (one per measurement group).");
                }

                var shotWorkspace = estimator.CreateWorkspace();
                var random = new SeededRandom(seed);
                var estimate = interpreter.EvaluateWithShots(angles, ReadOnlySpan<double>.Empty, estimator, n, random, workspace, shotWorkspace);
                json.WriteString("mode", "shots");
                json.WriteNumber("shotsPerEvaluation", n);
                json.WriteNumber("seed", seed);
                json.WriteNumber("expectation", estimate.Value);
                json.WriteNumber("standardError", estimate.StandardError);
                json.WriteNumber("measurementGroups", estimator.Groups.Length);
                if (gradient)
                {
                    var g = new double[angles.Length];
                    var se = new double[angles.Length];
                    long spent = interpreter.ParameterShiftGradientWithShots(angles, ReadOnlySpan<double>.Empty, estimator, n, random, g, se, workspace, shotWorkspace);
                    json.WriteString("gradientMethod", "parameter shift from shots");
                    WriteArray(json, "gradient", g);
                    WriteArray(json, "gradientStandardErrors", se);
                    json.WriteNumber("gradientShots", spent);
                }
            }
            else
            {
                double value;
                json.WriteString("mode", "exact");
                if (gradient)
                {
                    var g = new double[angles.Length];
                    value = method == "shift"
                        ? interpreter.ParameterShiftGradient(angles, ReadOnlySpan<double>.Empty, observable, g, workspace)
                        : interpreter.EvaluateWithGradient(angles, observable, g, workspace);
                    json.WriteNumber("expectation", value);
                    json.WriteString("gradientMethod", method == "shift" ? "parameter shift" : "adjoint");
                    WriteArray(json, "gradient", g);
                }
                else
                {
                    value = interpreter.Evaluate(angles, observable, workspace);
                    json.WriteNumber("expectation", value);
                }
            }

            json.WriteEndObject();
        }

        string text = Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        if (a.String("out") is string outPath)
        {
            File.WriteAllText(outPath, text, new UTF8Encoding(false));
        }
        else
        {
            output.Write(text);
        }

        return 0;
    }

    /// <summary>A folder or a missing file named where a file is expected: one clear line instead of an I/O exception.</summary>
    private static string RequireFile(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"--{option}: '{path}' is a folder; give the path of a file.");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--{option}: no file '{path}'.", path);
        }

        return path;
    }

    private static void WriteArray(Utf8JsonWriter json, string name, double[] values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }
}
