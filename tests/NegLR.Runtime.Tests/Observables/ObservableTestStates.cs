using System;
using System.Numerics;

namespace NegLR.Tests.Observables;

/// <summary>Reproducible random states for observable and shot tests.</summary>
internal static class ObservableTestStates
{
    /// <summary>A normalised complex-Gaussian state (Haar-distributed direction), fixed by <paramref name="seed"/>.</summary>
    public static StateVector Random(int qubits, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var state = new StateVector(qubits);
        var a = state.Amplitudes;
        double norm = 0;
        for (int i = 0; i < a.Length; i++)
        {
            a[i] = new Complex(rng.NextGaussian(), rng.NextGaussian());
            norm += a[i].Real * a[i].Real + a[i].Imaginary * a[i].Imaginary;
        }

        for (int i = 0; i < a.Length; i++)
        {
            a[i] /= Math.Sqrt(norm);
        }

        return state;
    }

    /// <summary>A random Pauli sum with X, Y and Z letters on <paramref name="qubits"/> qubits.</summary>
    public static PauliSum RandomSum(int qubits, int terms, ulong seed)
    {
        var rng = new SeededRandom(seed);
        var list = new PauliTerm[terms];
        for (int k = 0; k < terms; k++)
        {
            int x = rng.NextInt(1 << qubits), z = rng.NextInt(1 << qubits);
            list[k] = new PauliTerm(rng.NextDouble(-1, 1), x, z);
        }

        return new PauliSum(list, rng.NextDouble(-1, 1));
    }
}
