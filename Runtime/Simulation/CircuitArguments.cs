using System;
using System.Globalization;

namespace NegLR;

/// <summary>
/// The argument checks every engine makes on a call (state vector, density matrix, trajectories), in one place so the
/// three say the same thing about the same mistake.
/// </summary>
internal static class CircuitArguments
{
    /// <summary>Exactly <paramref name="weightCount"/> weights, at least <paramref name="inputCount"/> inputs, all finite.</summary>
    public static void Check(int weightCount, int inputCount, ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs)
    {
        if (weights.Length != weightCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The circuit has {weightCount} weights, but {weights.Length} were given."), nameof(weights));
        }

        if (inputs.Length < inputCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The circuit reads {inputCount} inputs, but {inputs.Length} were given."), nameof(inputs));
        }

        RequireFinite(weights, nameof(weights));
        RequireFinite(inputs, nameof(inputs));
    }

    /// <summary>The observable acts only on the circuit's <paramref name="qubits"/> qubits.</summary>
    public static void CheckObservable(PauliSum observable, int qubits)
    {
        ArgumentNullException.ThrowIfNull(observable);
        if (observable.MinQubits > qubits)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"The observable acts on qubit {observable.MinQubits - 1}, but the circuit has qubits 0 to {qubits - 1}."), nameof(observable));
        }
    }

    private static void RequireFinite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"{name}[{i}] is {values[i]}; every angle must be a finite number."), name);
            }
        }
    }
}
