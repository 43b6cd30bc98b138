using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace NegLR.Tests;

/// <summary>Random circuits with every gate kind, and their unitaries, for the export round-trip tests.</summary>
internal static class OpenQasmExportSupport
{
    public const int Qubits = 4;

    /// <summary>
    /// A random circuit on <see cref="Qubits"/> qubits holding every <see cref="GateKind"/> at least once (MultiRZ on
    /// one to four qubits, PauliRot with a random word and with an all-I word), in random order, with angles that are
    /// constants, affine forms of weights (some shared) and affine forms of data inputs.
    /// </summary>
    public static Circuit RandomCircuit(int seed, int extraGates = 12)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<GateKind>().ToList();
        for (int i = 0; i < extraGates; i++)
        {
            kinds.Add((GateKind)random.Next(Enum.GetValues<GateKind>().Length));
        }

        kinds.Add(GateKind.PauliRot);
        kinds = kinds.OrderBy(_ => random.Next()).ToList();
        var c = new Circuit(Qubits);
        bool allIdentityWordDone = false;
        foreach (var kind in kinds)
        {
            var info = GateInfo.Of(kind);
            int arity = info.Qubits > 0 ? info.Qubits : 1 + random.Next(Qubits);
            int[] q = Enumerable.Range(0, Qubits).OrderBy(_ => random.Next()).Take(arity).ToArray();
            var angles = Enumerable.Range(0, info.Angles).Select(_ => RandomAngle(random, c)).ToArray();
            string? word = null;
            if (kind == GateKind.PauliRot)
            {
                word = allIdentityWordDone
                    ? new string(Enumerable.Range(0, arity).Select(_ => "IXYZ"[random.Next(4)]).ToArray())
                    : new string('I', arity);
                allIdentityWordDone = true;
            }

            c.Append(kind, q.ToImmutableArray(), angles.ToImmutableArray(), word);
        }

        return c;
    }

    private static System.Collections.Immutable.ImmutableArray<T> ToImmutableArray<T>(this IEnumerable<T> items) =>
        System.Collections.Immutable.ImmutableArray.CreateRange(items);

    private static Angle RandomAngle(Random random, Circuit c)
    {
        double scale = Math.Round(random.NextDouble() * 4 - 2, 3);
        double offset = random.NextDouble() * 6 - 3;
        return random.Next(5) switch
        {
            0 => Angle.Constant(offset),
            1 => c.Weight(),
            2 => c.Weight(random.Next(Math.Max(1, c.WeightCount))) * scale + offset,
            3 => c.Input(random.Next(3)) * scale - offset,
            _ => -c.Weight() + Math.PI / 4,
        };
    }

    public static double[] RandomValues(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble() * 6 - 3).ToArray();
    }

    /// <summary>Column j is the state the circuit prepares from |j⟩ (X gates on j's bits first): the unitary, phase included.</summary>
    public static Complex[][] Unitary(Circuit circuit, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs)
    {
        int dim = 1 << circuit.Qubits;
        var columns = new Complex[dim][];
        for (int j = 0; j < dim; j++)
        {
            var prepared = new Circuit(circuit.Qubits);
            for (int b = 0; b < circuit.Qubits; b++)
            {
                if ((j >> b & 1) != 0)
                {
                    prepared.X(b);
                }
            }

            prepared.Append(circuit);
            var state = new StateVector(circuit.Qubits);
            var interpreter = new CircuitInterpreter(prepared);
            interpreter.Prepare(weights, inputs, state);
            columns[j] = state.Amplitudes.ToArray();
        }

        return columns;
    }

    /// <summary>Asserts U_actual = e^{iα}·U_expected entry by entry to 1e-12.</summary>
    public static void AssertSameUnitary(Complex[][] expected, Complex[][] actual, double alpha = 0)
    {
        var phase = new Complex(Math.Cos(alpha), Math.Sin(alpha));
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        for (int j = 0; j < expected.Length; j++)
        {
            for (int i = 0; i < expected[j].Length; i++)
            {
                worst = Math.Max(worst, Complex.Abs(phase * expected[j][i] - actual[j][i]));
            }
        }

        Assert.True(worst <= OpenQasmTestSupport.Tolerance, FormattableString.Invariant($"the unitaries differ by up to {worst:E3}"));
    }

    /// <summary>
    /// The global phase OpenQASM 2.0 export documents, computed here from its table (not by the exporter): SX −π/4, RZ
    /// +θ/2, Rot +(φ+ω)/2, RXX −θ/2, RYY, RZZ, MultiRZ and PauliRot +θ/2, every other gate 0.
    /// </summary>
    public static double DocumentedPhase2(Circuit circuit, double[] weights, double[] inputs)
    {
        double alpha = 0;
        foreach (var g in circuit.Gates)
        {
            double V(int k) => g.Angles[k].Evaluate(weights, inputs);
            alpha += g.Kind switch
            {
                GateKind.SX => -Math.PI / 4,
                GateKind.RZ or GateKind.RYY or GateKind.RZZ or GateKind.MultiRZ or GateKind.PauliRot => V(0) / 2,
                GateKind.Rot => (V(0) + V(2)) / 2,
                GateKind.RXX => -V(0) / 2,
                _ => 0,
            };
        }

        return alpha;
    }
}
