using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using NegLR.Simulation;
using NegLR.Tests.Reference;

namespace NegLR.Tests.Simulation.VectorPaths;

/// <summary>
/// A fixed, seeded run of every vectorised kernel through its public entry point (so whichever SIMD path this process
/// chose runs), and of the interpreter's forward pass and adjoint and parameter-shift gradients on a random circuit of
/// every gate kind. Each result is recorded with a label; two processes that ran different paths must record the same bits.
/// </summary>
internal static class VectorPathWorkload
{
    /// <summary>Runs everything and returns (label, values) in a fixed order.</summary>
    public static List<(string Label, double[] Values)> Run()
    {
        var results = new List<(string, double[])>();
        var rng = new SeededRandom(1700);
        for (int n = 1; n <= 7; n++)
        {
            for (int q = 0; q < n; q++)
            {
                var m = RandomMatrix(rng);
                Record(results, $"ApplyMatrix q{q} of {n}", PathInputs.State(rng, n), s => StateKernels.ApplyMatrix(s, q, m));
                double a = rng.NextDouble(-1, 1), b = rng.NextDouble(-1, 1), c = rng.NextDouble(-1, 1), d = rng.NextDouble(-1, 1);
                Record(results, $"ApplyRealMatrix q{q} of {n}", PathInputs.State(rng, n), s => StateKernels.ApplyRealMatrix(s, q, a, b, c, d));
                var (d0, d1) = (PathInputs.Complex(rng), PathInputs.Complex(rng));
                Record(results, $"ApplyDiagonal q{q} of {n}", PathInputs.State(rng, n), s => StateKernels.ApplyDiagonal(s, q, d0, d1));
                Record(results, $"ApplyDiagonal(1, d) q{q} of {n}", PathInputs.State(rng, n), s => StateKernels.ApplyDiagonal(s, q, Complex.One, d1));

                var lambda = PathInputs.State(rng, n);
                var phi = PathInputs.State(rng, n);
                var (s1, s2, o0, o1) = StateKernels.PairOverlaps(lambda, phi, q);
                results.Add(($"PairOverlaps q{q} of {n}", new[] { s1.Real, s1.Imaginary, s2.Real, s2.Imaginary, o0.Real, o0.Imaginary, o1.Real, o1.Imaginary }));
            }
        }

        for (int length = 0; length <= 11; length++)
        {
            var x = PathInputs.Angles(rng, length);
            var cs = new double[2 * length];
            FusedKernels.CosSin(x, cs);
            results.Add(($"CosSin of {length}", cs));
        }

        for (int trial = 0; trial < 3; trial++)
        {
            int qubits = 3 + trial;
            var circuit = TestData.RandomCircuit(rng, qubits, gates: 40, weightPool: 8, inputPool: 2);
            var observable = TestData.RandomObservable(rng, qubits, maxTerms: 4);
            var interpreter = new CircuitInterpreter(circuit);
            var workspace = interpreter.CreateWorkspace();
            var weights = TestData.RandomVector(rng, interpreter.WeightCount, -3, 3);
            var inputs = TestData.RandomVector(rng, interpreter.InputCount, -3, 3);
            var gradient = new double[interpreter.WeightCount];
            double value = interpreter.EvaluateWithGradient(weights, inputs, observable, gradient, workspace);
            results.Add(($"Adjoint gradient, circuit {trial}", gradient.Prepend(value).ToArray()));
            value = interpreter.ParameterShiftGradient(weights, inputs, observable, gradient, workspace);
            results.Add(($"Parameter shift, circuit {trial}", gradient.Prepend(value).ToArray()));
            interpreter.Prepare(weights, inputs, workspace.State);
            results.Add(($"State, circuit {trial}", PathInputs.Flatten(workspace.State.Amplitudes)));
        }

        return results;
    }

    private static Matrix2 RandomMatrix(SeededRandom rng) =>
        new(PathInputs.Complex(rng), PathInputs.Complex(rng), PathInputs.Complex(rng), PathInputs.Complex(rng));

    private static void Record(List<(string, double[])> results, string label, Complex[] state, Action<Complex[]> kernel)
    {
        kernel(state);
        results.Add((label, PathInputs.Flatten(state)));
    }
}
