using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Numerics;
using NegLR.Simulation;

namespace NegLR.Tests.Reference;

/// <summary>Seeded random states, circuits and observables, and small helpers shared by the simulator tests.</summary>
internal static class TestData
{
    /// <summary>Every gate kind.</summary>
    public static readonly GateKind[] AllKinds = Enum.GetValues<GateKind>();

    /// <summary>Number of qubits a gate kind takes (variable-size gates report −1).</summary>
    public static int Arity(GateKind kind) => GateInfo.Of(kind).Qubits;

    /// <summary>A normalised state with Gaussian real and imaginary parts (Haar-distributed).</summary>
    public static Complex[] RandomState(SeededRandom rng, int qubits)
    {
        var v = new Complex[1 << qubits];
        double norm = 0;
        for (int i = 0; i < v.Length; i++)
        {
            v[i] = new Complex(rng.NextGaussian(), rng.NextGaussian());
            norm += v[i].Real * v[i].Real + v[i].Imaginary * v[i].Imaginary;
        }

        double inv = 1 / Math.Sqrt(norm);
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= inv;
        }

        return v;
    }

    public static double[] RandomVector(SeededRandom rng, int length, double min, double max)
    {
        var v = new double[length];
        for (int i = 0; i < length; i++)
        {
            v[i] = rng.NextDouble(min, max);
        }

        return v;
    }

    /// <summary><paramref name="count"/> distinct qubits of <paramref name="qubits"/>, in random order.</summary>
    public static int[] DistinctQubits(SeededRandom rng, int qubits, int count)
    {
        var pool = Enumerable.Range(0, qubits).ToArray();
        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(qubits - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        return pool[..count];
    }

    /// <summary>All ordered tuples of <paramref name="count"/> distinct qubits out of <paramref name="qubits"/>.</summary>
    public static IEnumerable<int[]> OrderedTuples(int qubits, int count)
    {
        if (count == 0)
        {
            yield return Array.Empty<int>();
            yield break;
        }

        foreach (var rest in OrderedTuples(qubits, count - 1))
        {
            for (int q = 0; q < qubits; q++)
            {
                if (Array.IndexOf(rest, q) < 0)
                {
                    yield return rest.Append(q).ToArray();
                }
            }
        }
    }

    /// <summary>A random Pauli word over I, X, Y, Z (at least one letter not I when <paramref name="nonTrivial"/>).</summary>
    public static string RandomWord(SeededRandom rng, int length, bool nonTrivial = false)
    {
        while (true)
        {
            var chars = new char[length];
            for (int k = 0; k < length; k++)
            {
                chars[k] = "IXYZ"[rng.NextInt(4)];
            }

            var word = new string(chars);
            if (!nonTrivial || word.Any(c => c != 'I'))
            {
                return word;
            }
        }
    }

    /// <summary>
    /// A random observable: 1 to <paramref name="maxTerms"/> Pauli strings with X, Y and Z letters on random qubits,
    /// coefficients in [−1, 1), and a random constant.
    /// </summary>
    public static PauliSum RandomObservable(SeededRandom rng, int qubits, int maxTerms)
    {
        int terms = 1 + rng.NextInt(maxTerms);
        var list = new List<PauliTerm>();
        for (int t = 0; t < terms; t++)
        {
            int x = 0, z = 0;
            int weight = 1 + rng.NextInt(Math.Min(qubits, 4));
            foreach (int q in DistinctQubits(rng, qubits, weight))
            {
                switch (rng.NextInt(3))
                {
                    case 0: x |= 1 << q; break;
                    case 1: x |= 1 << q; z |= 1 << q; break;
                    default: z |= 1 << q; break;
                }
            }

            list.Add(new PauliTerm(rng.NextDouble(-1, 1), x, z));
        }

        return new PauliSum(list, rng.NextDouble(-0.5, 0.5));
    }

    /// <summary>A single Pauli string from a sparse label such as <c>"X0 Y2"</c>, with a coefficient.</summary>
    public static PauliTerm Term(string label, double coefficient = 1)
    {
        int x = 0, z = 0;
        foreach (var part in label.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int q = int.Parse(part.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
            switch (part[0])
            {
                case 'X': x |= 1 << q; break;
                case 'Y': x |= 1 << q; z |= 1 << q; break;
                case 'Z': z |= 1 << q; break;
                default: throw new ArgumentException($"Bad Pauli letter in \"{label}\".", nameof(label));
            }
        }

        return new PauliTerm(coefficient, x, z);
    }

    /// <summary>An observable with one string, e.g. <c>Obs("X0 X1")</c>.</summary>
    public static PauliSum Obs(string label, double coefficient = 1) => new(new[] { Term(label, coefficient) });

    /// <summary>A random angle: a constant, a (shared) weight, an affine form of a weight, or an input.</summary>
    public static Angle RandomAngle(SeededRandom rng, Circuit c, int weightPool, int inputPool)
    {
        int kind = rng.NextInt(10);
        if (kind == 0 || (weightPool == 0 && inputPool == 0))
        {
            return rng.NextDouble(-Math.PI, Math.PI);
        }

        if (kind <= 2 && inputPool > 0)
        {
            var input = c.Input(rng.NextInt(inputPool));
            return rng.NextInt(2) == 0 ? input : (rng.NextDouble(-2, 2) * input) + rng.NextDouble(-1, 1);
        }

        var w = c.Weight(rng.NextInt(Math.Max(1, weightPool)));
        return rng.NextInt(3) switch
        {
            0 => w,
            1 => -w,
            _ => (rng.NextDouble(-2, 2) * w) + rng.NextDouble(-1, 1),
        };
    }

    /// <summary>Appends one random gate of <paramref name="kind"/> on random qubits with random angles.</summary>
    public static void AppendRandomGate(SeededRandom rng, Circuit c, GateKind kind, Func<Angle> angle)
    {
        int arity = Arity(kind);
        if (arity < 0)
        {
            arity = 1 + rng.NextInt(Math.Min(c.Qubits, 4));
        }

        var qubits = DistinctQubits(rng, c.Qubits, arity);
        var angles = new Angle[GateInfo.Of(kind).Angles];
        for (int k = 0; k < angles.Length; k++)
        {
            angles[k] = angle();
        }

        string? word = kind == GateKind.PauliRot ? RandomWord(rng, arity) : null;
        c.Append(kind, ImmutableArray.Create(qubits), ImmutableArray.Create(angles), word);
    }

    /// <summary>
    /// A random circuit of <paramref name="gates"/> gates drawn from every kind that fits <paramref name="qubits"/>,
    /// angles from <see cref="RandomAngle"/> (weights 0 … weightPool−1 shared among gates, inputs 0 … inputPool−1).
    /// </summary>
    public static Circuit RandomCircuit(SeededRandom rng, int qubits, int gates, int weightPool, int inputPool)
    {
        var kinds = AllKinds.Where(k => Arity(k) <= qubits).ToArray();
        var c = new Circuit(qubits);
        for (int g = 0; g < gates; g++)
        {
            AppendRandomGate(rng, c, kinds[rng.NextInt(kinds.Length)], () => RandomAngle(rng, c, weightPool, inputPool));
        }

        return c;
    }

    /// <summary>
    /// Runs a circuit's compiled steps on an arbitrary state through the runtime's own path
    /// (<see cref="InstructionCompiler"/> + <see cref="InstructionExecutor"/>); with <paramref name="inverse"/>, the steps
    /// run backwards, each inverted, as the adjoint method un-applies them.
    /// </summary>
    public static void RuntimeApply(Circuit circuit, Span<Complex> state, bool inverse = false,
        double[]? weights = null, double[]? inputs = null)
    {
        var program = InstructionCompiler.Compile(circuit);
        for (int s = 0; s < program.Length; s++)
        {
            ref readonly var ins = ref program[inverse ? program.Length - 1 - s : s];
            double theta = ins.HasAngle ? ins.Angle.Evaluate(weights ?? Array.Empty<double>(), inputs ?? Array.Empty<double>()) : 0;
            InstructionExecutor.Apply(ins, theta, state, inverse);
        }
    }

    /// <summary>max_i |a_i − b_i|.</summary>
    public static double MaxDifference(ReadOnlySpan<Complex> a, ReadOnlySpan<Complex> b)
    {
        Assert.Equal(a.Length, b.Length);
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, (a[i] - b[i]).Magnitude);
        }

        return max;
    }

    /// <summary>Asserts every amplitude agrees to <paramref name="tolerance"/>, naming the case on failure.</summary>
    public static void AssertStatesEqual(ReadOnlySpan<Complex> expected, ReadOnlySpan<Complex> actual, double tolerance, string context)
    {
        double diff = MaxDifference(expected, actual);
        Assert.True(diff <= tolerance, $"{context}: max amplitude difference {diff:E3} > {tolerance:E1}");
    }
}
