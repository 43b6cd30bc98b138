using System;
using System.Numerics;

namespace NegLR;

/// <summary>
/// A compiled ansatz. The source generator implements it on every <see cref="AnsatzAttribute"/> type with code
/// specialised for that circuit; being static abstract, generic code (<c>where T : IAnsatz</c>) is specialised per
/// ansatz by the JIT, with no virtual calls. Every method takes spans from the caller and allocates nothing.
/// </summary>
public interface IAnsatz
{
    /// <summary>Number of qubits.</summary>
    static abstract int Qubits { get; }

    /// <summary>Number of trainable weights.</summary>
    static abstract int WeightCount { get; }

    /// <summary>Number of data inputs read.</summary>
    static abstract int InputCount { get; }

    /// <summary>Amplitudes in the state, 2^<see cref="Qubits"/>.</summary>
    static abstract int StateLength { get; }

    /// <summary>The cost observable (the first <see cref="ObservableAttribute"/>).</summary>
    static abstract PauliSum Cost { get; }

    /// <summary>Records the circuit for the interpreter (the oracle generated code is tested against).</summary>
    static abstract Circuit CreateCircuit();

    /// <summary>Writes the circuit's state for the given weights and inputs into <paramref name="state"/>.</summary>
    static abstract void Prepare(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<Complex> state);

    /// <summary>⟨Cost⟩; <paramref name="state"/> (length <see cref="StateLength"/>) is the workspace and holds ψ afterwards.</summary>
    static abstract double Evaluate(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<Complex> state);

    /// <summary>⟨Cost⟩ and its exact gradient by the adjoint method; two state-length workspaces.</summary>
    static abstract double EvaluateWithGradient(ReadOnlySpan<double> weights, ReadOnlySpan<double> inputs, Span<double> gradient,
        Span<Complex> state, Span<Complex> adjoint);

    /// <summary>
    /// The density-matrix and trajectory engines of a noisy ansatz (one that declares noise attributes or writes channels
    /// in its <c>[Circuit]</c> body); <see langword="null"/> for a noise-free one. Generic code such as
    /// <see cref="Trainer{TAnsatz}"/> reads it to run every estimate — parameter shift and shots included — on the noisy
    /// circuit, not on the noise-free gates <see cref="CreateCircuit"/> records.
    /// </summary>
    static virtual NoisyAnsatzRuntime? NoisyRuntime => null;
}
