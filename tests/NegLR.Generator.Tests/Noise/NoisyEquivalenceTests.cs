using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using NegLR.Tests.Noise;

namespace NegLR.Generator.Tests.Noise;

/// <summary>
/// Random noisy bodies on 1–8 qubits — every gate family and every channel the body may write, declared channel rules
/// and readout on some — compiled by the generator: the generated noisy circuit is the one the test builds by hand, the
/// generated value equals the density-matrix interpreter's and (up to 5 qubits, no readout) the dense Kraus oracle's to
/// 1e-10, and the generated adjoint gradient equals generated parameter shift to 1e-10 and finite differences to 1e-6.
/// One compilation for all of them.
/// </summary>
public class NoisyEquivalenceTests
{
    private static readonly Lazy<(Assembly Assembly, List<Case> Cases)> Compiled = new(Build);

    private sealed record Case(string Name, int Qubits, Circuit Expected, NoiseModel Model, int Inputs);

    public static IEnumerable<object[]> Names() => Enumerable.Range(0, 10).Select(i => new object[] { i });

    [Theory]
    [MemberData(nameof(Names))]
    public void Generated_EqualsInterpreter_AndTheDenseOracle_GradientsAgree(int index)
    {
        var (assembly, cases) = Compiled.Value;
        var c = cases[index];
        var probe = assembly.GetType("Probes.Probe_" + c.Name)!;
        object? Call(string method, params object[] args) => probe.GetMethod(method)!.Invoke(null, args);

        var expectedNoisy = c.Model.ApplyTo(c.Expected);
        var generatedNoisy = (Circuit)Call("NoisyCircuit")!;
        Assert.Equal(expectedNoisy.Gates.Count, generatedNoisy.Gates.Count);
        Assert.True(expectedNoisy.Channels.SequenceEqual(generatedNoisy.Channels), $"{c.Name}: the generated noisy circuit's channels differ from the hand-built ones");

        var cost = (PauliSum)Call("Cost")!;
        var rng = new SeededRandom((ulong)(7 + index));
        var w = Enumerable.Range(0, c.Expected.WeightCount).Select(_ => rng.NextDouble(-2, 2)).ToArray();
        var x = Enumerable.Range(0, Math.Max(1, c.Inputs)).Select(_ => rng.NextDouble(-1, 1)).ToArray();
        var interpreter = new DensityMatrixSimulator(expectedNoisy, c.Model.Readout);
        double expected = interpreter.Evaluate(w, x, cost, interpreter.CreateWorkspace());
        double generated = (double)Call("Evaluate", w, x)!;
        Assert.True(Math.Abs(generated - expected) < 1e-10, $"{c.Name}: generated {generated} against the interpreter's {expected}");
        Assert.True(Math.Abs((double)Call("Generic", w, x)! - expected) < 1e-10, $"{c.Name}: the IAnsatz form differs");
        if (c.Qubits <= 5 && c.Model.Readout is null)
        {
            double oracle = new DenseNoiseOracle(c.Qubits).Evaluate(expectedNoisy, w, x, cost);
            Assert.True(Math.Abs(generated - oracle) < 1e-10, $"{c.Name}: generated {generated} against the dense oracle's {oracle}");
        }

        var adjoint = new double[w.Length];
        var shift = new double[w.Length];
        var difference = new double[w.Length];
        Assert.True(Math.Abs((double)Call("Adjoint", w, x, adjoint)! - expected) < 1e-10);
        Call("Shift", w, x, shift);
        Call("Difference", w, x, difference);
        for (int i = 0; i < w.Length; i++)
        {
            Assert.True(Math.Abs(adjoint[i] - shift[i]) < 1e-10, $"{c.Name}: ∂/∂w{i} adjoint {adjoint[i]} against parameter shift {shift[i]}");
            Assert.True(Math.Abs(adjoint[i] - difference[i]) < 1e-6, $"{c.Name}: ∂/∂w{i} adjoint {adjoint[i]} against finite differences {difference[i]}");
        }
    }

    /// <summary>Ten ansätze (1–8 qubits) in one compilation, each with its hand-built circuit and model.</summary>
    private static (Assembly, List<Case>) Build()
    {
        var sources = new List<string>();
        var cases = new List<Case>();
        int[] sizes = { 1, 2, 3, 4, 5, 2, 3, 6, 7, 8 };
        for (int i = 0; i < sizes.Length; i++)
        {
            var (source, c) = RandomAnsatz(i, sizes[i], new SeededRandom((ulong)(1000 + i)));
            sources.Add(source);
            cases.Add(c);
        }

        return (NoiseHarness.CompileAndLoad(Array.Empty<AdditionalText>(), sources.ToArray()), cases);
    }

    private static (string Source, Case Case) RandomAnsatz(int index, int qubits, SeededRandom rng)
    {
        string name = "Random" + index.ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder();
        var circuit = new Circuit(qubits);
        int gates = qubits <= 5 ? 6 + (3 * qubits) : 2 * qubits + 4;
        int channelKind = index;   // every channel kind appears across the ten bodies, several in each
        bool usesInput = false;
        for (int g = 0; g < gates; g++)
        {
            WriteGate(qubits, rng, body, circuit, ref usesInput);
            if (rng.NextInt(3) != 0)
            {
                WriteChannel(channelKind++ % 12, qubits, rng, body, circuit);
            }
        }

        var attributes = new StringBuilder();
        var model = new NoiseModel();
        if (index % 2 == 0)
        {
            attributes.AppendLine("[Depolarizing(0.003, After = NoiseAfter.SingleQubitGates)]");
            model = model.AfterEach(NoiseChannel.Depolarizing(0.003), NoiseModel.SingleQubitGates);
            attributes.AppendLine("[AmplitudeDamping(0.01, Gates = new[] { GateKind.RY, GateKind.CNOT })]");
            model = model.AfterEach(NoiseChannel.AmplitudeDamping(0.01), GateKind.RY, GateKind.CNOT);
        }

        if (index % 3 == 1)
        {
            attributes.AppendLine("[ReadoutError(0.02, 0.04)]");
            model = model.WithReadout(ReadoutError.Uniform(qubits, 0.02, 0.04));
        }

        string observable = qubits == 1 ? "Z0 + 0.3 X0" : $"Z0 Z{qubits - 1} - 0.4 X{qubits / 2} + 0.1";
        string source = $$"""
            using NegLR;

            namespace Noisy
            {
                [Ansatz(Qubits = {{qubits}})]
                [Observable("{{observable}}")]
                {{attributes}}
                public partial struct {{name}}
                {
                    [Circuit]
                    static void Build(Circuit c)
                    {
            {{body}}
                    }
                }
            }

            namespace Probes
            {
                public static class Probe_{{name}}
                {
                    public static double Evaluate(double[] w, double[] x) => global::Noisy.{{name}}.Evaluate(w, x, global::Noisy.{{name}}.CreateWorkspace());
                    public static double Generic(double[] w, double[] x) => global::Noisy.{{name}}.Evaluate(w, x, new System.Numerics.Complex[global::Noisy.{{name}}.StateLength]);
                    public static double Adjoint(double[] w, double[] x, double[] g) => global::Noisy.{{name}}.EvaluateWithGradient(w, x, g, global::Noisy.{{name}}.CreateWorkspace());
                    public static double Shift(double[] w, double[] x, double[] g) => global::Noisy.{{name}}.ParameterShiftGradient(w, x, g, global::Noisy.{{name}}.CreateWorkspace());
                    public static double Difference(double[] w, double[] x, double[] g) => global::Noisy.{{name}}.FiniteDifferenceGradient(w, x, g, global::Noisy.{{name}}.CreateWorkspace());
                    public static Circuit NoisyCircuit() => global::Noisy.{{name}}.CreateNoisyCircuit();
                    public static PauliSum Cost() => global::Noisy.{{name}}.NoisyRuntime.Cost;
                }
            }
            """;
        return (source, new Case(name, qubits, circuit, model, usesInput ? 1 : 0));
    }

    private static string D(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void WriteGate(int qubits, SeededRandom rng, StringBuilder body, Circuit c, ref bool usesInput)
    {
        int q = rng.NextInt(qubits);
        int kind = rng.NextInt(qubits == 1 ? 6 : 11);
        if (kind >= 6)
        {
            int r = (q + 1 + rng.NextInt(qubits - 1)) % qubits;
            switch (kind)
            {
                case 6: body.AppendLine($"c.CNOT({q}, {r});"); c.CNOT(q, r); return;
                case 7: body.AppendLine($"c.CZ({q}, {r});"); c.CZ(q, r); return;
                case 8: body.AppendLine($"c.CRY({q}, {r}, c.Weight());"); c.CRY(q, r, c.Weight()); return;
                case 9: body.AppendLine($"c.RZZ({q}, {r}, c.Weight());"); c.RZZ(q, r, c.Weight()); return;
                default: body.AppendLine($"c.CNOT({r}, {q});"); c.CNOT(r, q); return;
            }
        }

        switch (kind)
        {
            case 0: body.AppendLine($"c.RX({q}, c.Weight());"); c.RX(q, c.Weight()); return;
            case 1: body.AppendLine($"c.RY({q}, c.Weight());"); c.RY(q, c.Weight()); return;
            case 2: body.AppendLine($"c.RZ({q}, 0.5 * c.Input(0) + 0.2);"); c.RZ(q, (0.5 * c.Input(0)) + 0.2); usesInput = true; return;
            case 3: body.AppendLine($"c.H({q});"); c.H(q); return;
            case 4: body.AppendLine($"c.Rot({q}, c.Weight(), c.Weight(), c.Weight());"); c.Rot(q, c.Weight(), c.Weight(), c.Weight()); return;
            default: body.AppendLine($"c.SX({q});"); c.SX(q); return;
        }
    }

    private static void WriteChannel(int kind, int qubits, SeededRandom rng, StringBuilder body, Circuit c)
    {
        int q = rng.NextInt(qubits);
        double p = Math.Round(rng.NextDouble(0.01, 0.2), 3);
        double s = Math.Round(rng.NextDouble(0.01, 0.2), 3);
        if (qubits == 1 && kind >= 10)
        {
            kind -= 10;
        }

        switch (kind)
        {
            case 0: body.AppendLine($"c.Depolarizing({q}, {D(p)});"); c.Depolarizing(q, p); break;
            case 1: body.AppendLine($"c.BitFlip({q}, {D(p)});"); c.BitFlip(q, p); break;
            case 2: body.AppendLine($"c.PhaseFlip({q}, {D(p)});"); c.PhaseFlip(q, p); break;
            case 3: body.AppendLine($"c.BitPhaseFlip({q}, {D(p)});"); c.BitPhaseFlip(q, p); break;
            case 4: body.AppendLine($"c.PauliChannel({q}, {D(p / 3)}, {D(s / 3)}, {D(p / 4)});"); c.PauliChannel(q, p / 3, s / 3, p / 4); break;
            case 5: body.AppendLine($"c.AmplitudeDamping({q}, {D(p)});"); c.AmplitudeDamping(q, p); break;
            case 6: body.AppendLine($"c.GeneralizedAmplitudeDamping({q}, {D(p)}, {D(s)});"); c.GeneralizedAmplitudeDamping(q, p, s); break;
            case 7: body.AppendLine($"c.PhaseDamping({q}, {D(p)});"); c.PhaseDamping(q, p); break;
            case 8: body.AppendLine($"c.ThermalRelaxation({q}, 100, 70, {D(20 * p)}, {D(s)});"); c.ThermalRelaxation(q, 100, 70, 20 * p, s); break;
            case 9: body.AppendLine($"c.ResetError({q}, {D(p / 2)}, {D(s / 2)});"); c.ResetError(q, p / 2, s / 2); break;
            case 10:
            {
                int r = (q + 1 + rng.NextInt(qubits - 1)) % qubits;
                body.AppendLine($"c.TwoQubitDepolarizing({q}, {r}, {D(p)});");
                c.TwoQubitDepolarizing(q, r, p);
                break;
            }

            default:
            {
                int r = (q + 1 + rng.NextInt(qubits - 1)) % qubits;
                var probabilities = Enumerable.Range(0, 15).Select(k => Math.Round(p / 15 * (1 + (k % 3)), 5)).ToArray();
                body.AppendLine($"c.TwoQubitPauliChannel({q}, {r}, new[] {{ {string.Join(", ", probabilities.Select(D))} }});");
                c.TwoQubitPauliChannel(q, r, probabilities);
                break;
            }
        }
    }
}
